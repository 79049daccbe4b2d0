#include "Review.h"

#include "EnumNames.h"
#include "FieldReader.h"
#include "JsonList.h"
#include "Limits.h"

namespace qidong::protocol {

namespace {

QLatin1StringView key(const char* name)
{
    return QLatin1StringView(name);
}

constexpr std::array kReviewKinds = {
    std::pair{ReviewKind::All, "all"},
    std::pair{ReviewKind::Calls, "calls"},
    std::pair{ReviewKind::Chats, "chats"},
};

constexpr int kMaxResults = 200;

} // namespace

QString reviewKindName(ReviewKind kind)
{
    return enumnames::nameOf(kReviewKinds, kind);
}

std::optional<ReviewKind> reviewKindFromName(QStringView name)
{
    return enumnames::valueOf(kReviewKinds, name);
}

QJsonObject ReviewQuery::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), reviewKindName(kind)},
                     {QStringLiteral("limit"), limit}};
    if (!agentId.isEmpty())
        json.insert(QStringLiteral("agentId"), agentId);
    if (!queueId.isEmpty())
        json.insert(QStringLiteral("queueId"), queueId);
    if (!disposition.isEmpty())
        json.insert(QStringLiteral("disposition"), disposition);
    if (fromMs > 0)
        json.insert(QStringLiteral("fromMs"), fromMs);
    if (toMs > 0)
        json.insert(QStringLiteral("toMs"), toMs);
    return json;
}

Result<ReviewQuery> ReviewQuery::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    ReviewQuery query;
    query.agentId = reader.optionalString(key("agentId"), kMaxIdentifierLength).value_or(QString());
    query.queueId = reader.optionalString(key("queueId"), kMaxIdentifierLength).value_or(QString());
    query.disposition =
        reader.optionalString(key("disposition"), kMaxIdentifierLength).value_or(QString());
    query.fromMs = reader.optionalInteger(key("fromMs"), 0, kMaxSafeInteger).value_or(0);
    query.toMs = reader.optionalInteger(key("toMs"), 0, kMaxSafeInteger).value_or(0);
    if (json.contains(QLatin1StringView("kind")))
        query.kind = reader.enumeration(key("kind"), reviewKindFromName, ReviewKind::All);
    query.limit = int(reader.optionalInteger(key("limit"), 1, kMaxResults).value_or(100));
    if (reader.ok() && query.toMs > 0 && query.toMs <= query.fromMs)
        reader.fail(key("toMs"), QStringLiteral("must be after fromMs"));
    if (!reader.ok())
        return reader.error();
    return query;
}

QJsonObject QaScore::toJson() const
{
    return {{QStringLiteral("criterion"), criterion}, {QStringLiteral("score"), score}};
}

Result<QaScore> QaScore::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    QaScore score;
    score.criterion = reader.string(key("criterion"), kMaxIdentifierLength);
    score.score = int(reader.integer(key("score"), 0, kQaMaxScore));
    if (reader.ok() && !qaCriteria().contains(score.criterion))
        reader.fail(key("criterion"), QStringLiteral("not a criterion of the scorecard"));
    if (!reader.ok())
        return reader.error();
    return score;
}

int QaScorecard::percent() const
{
    if (scores.isEmpty())
        return 0;
    int total = 0;
    for (const QaScore& score : scores)
        total += score.score;
    return (total * 100 + int(scores.size()) * kQaMaxScore / 2) /
           (int(scores.size()) * kQaMaxScore);
}

QJsonObject QaScorecard::toJson() const
{
    QJsonObject json{{QStringLiteral("interactionId"), interactionId},
                     {QStringLiteral("scores"), writeList(scores)},
                     {QStringLiteral("comment"), comment}};
    if (!reviewerId.isEmpty()) {
        json.insert(QStringLiteral("reviewerId"), reviewerId);
        json.insert(QStringLiteral("reviewerName"), reviewerName);
        json.insert(QStringLiteral("reviewedAtMs"), reviewedAtMs);
        json.insert(QStringLiteral("percent"), percent());
    }
    return json;
}

Result<QaScorecard> QaScorecard::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    QaScorecard card;
    card.interactionId = reader.string(key("interactionId"), kMaxIdentifierLength);
    card.scores = readList<QaScore>(reader, key("scores"), int(qaCriteria().size()));
    card.comment = reader.optionalString(key("comment"), kMaxNoteLength).value_or(QString());
    card.reviewerId =
        reader.optionalString(key("reviewerId"), kMaxIdentifierLength).value_or(QString());
    card.reviewerName = reader.optionalString(key("reviewerName")).value_or(QString());
    card.reviewedAtMs = reader.optionalInteger(key("reviewedAtMs"), 0, kMaxSafeInteger).value_or(0);
    if (reader.ok()) {
        // Every criterion once: a scorecard is whole or it is not one.
        QStringList seen;
        for (const QaScore& score : card.scores)
            if (!seen.contains(score.criterion))
                seen.append(score.criterion);
        if (seen.size() != qaCriteria().size() || card.scores.size() != qaCriteria().size())
            reader.fail(key("scores"), QStringLiteral("one score for each of: ") +
                                           qaCriteria().join(QStringLiteral(", ")));
    }
    if (!reader.ok())
        return reader.error();
    return card;
}

QJsonObject ReviewItem::toJson() const
{
    QJsonObject json{{QStringLiteral("interaction"), interaction.toJson()},
                     {QStringLiteral("agentId"), agentId},
                     {QStringLiteral("customerName"), customerName},
                     {QStringLiteral("recorded"), recorded}};
    if (scorecard)
        json.insert(QStringLiteral("scorecard"), scorecard->toJson());
    return json;
}

Result<ReviewItem> ReviewItem::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    ReviewItem item;
    item.interaction = readObject<PastInteraction>(reader, key("interaction"));
    item.agentId = reader.string(key("agentId"), kMaxIdentifierLength, 0);
    item.customerName = reader.string(key("customerName"), kMaxNameLength, 0);
    item.recorded = reader.boolean(key("recorded"));
    if (reader.ok() && json.contains(QLatin1StringView("scorecard")))
        item.scorecard = readObject<QaScorecard>(reader, key("scorecard"));
    if (!reader.ok())
        return reader.error();
    return item;
}

} // namespace qidong::protocol
