#include "ReviewStore.h"

#include "Clock.h"
#include "Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

// The columns every query below reads, in order.
const QString kSelect = QStringLiteral(
    "SELECT i.id, i.channel, i.queue_id, i.created_at, i.ended_at, COALESCE(a.display_name, ''),"
    " i.wrap_up, c.csat, c.nps, i.agent_id, COALESCE(json_extract(i.customer, '$.displayName'),"
    " ''), q.scores, q.comment, q.reviewer_id, COALESCE(r.display_name, ''), q.reviewed_at"
    " FROM interactions i LEFT JOIN accounts a ON a.id = i.agent_id"
    " LEFT JOIN chat_conversations c ON c.interaction_id = i.id"
    " LEFT JOIN qa_reviews q ON q.interaction_id = i.id"
    " LEFT JOIN accounts r ON r.id = q.reviewer_id"
    " WHERE i.state = 'ended' AND i.agent_id IS NOT NULL AND i.agent_id <> ''");

Error storageFailure(const QSqlQuery& query)
{
    return makeError(ErrorCode::StorageFailure,
                     QStringLiteral("review lookup failed: ") + query.lastError().text());
}

ReviewItem itemAt(const QSqlQuery& query)
{
    ReviewItem item;
    PastInteraction& past = item.interaction;
    past.id = query.value(0).toString();
    past.channel = channelFromName(query.value(1).toString()).value_or(Channel::Chat);
    past.queueId = query.value(2).toString();
    past.createdAtMs = query.value(3).toLongLong();
    past.endedAtMs = query.value(4).toLongLong();
    past.agentName = query.value(5).toString();
    if (Result<WrapUpRecord> record = WrapUpRecord::fromJson(
            QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object()))
        past.wrapUp = record.value();
    past.csat = query.value(7).isNull() ? -1 : query.value(7).toInt();
    past.nps = query.value(8).isNull() ? -1 : query.value(8).toInt();
    item.agentId = query.value(9).toString();
    item.customerName = query.value(10).toString();
    if (!query.value(11).isNull()) {
        QaScorecard card;
        card.interactionId = past.id;
        for (const QJsonValue& value :
             QJsonDocument::fromJson(query.value(11).toString().toUtf8()).array())
            if (Result<QaScore> score = QaScore::fromJson(value.toObject()))
                card.scores.append(score.value());
        card.comment = query.value(12).toString();
        card.reviewerId = query.value(13).toString();
        card.reviewerName = query.value(14).toString();
        card.reviewedAtMs = query.value(15).toLongLong();
        item.scorecard = card;
    }
    return item;
}

} // namespace

ReviewStore::ReviewStore(Database& database)
    : m_database(database)
{}

Result<QList<ReviewItem>>
ReviewStore::search(const ReviewQuery& filter,
                    const std::function<bool(const QString&)>& recorded) const
{
    QString sql = kSelect;
    QVariantList values;
    const auto where = [&](const QString& clause, const QVariant& value) {
        sql += QStringLiteral(" AND ") + clause;
        values.append(value);
    };
    if (!filter.agentId.isEmpty())
        where(QStringLiteral("i.agent_id = ?"), filter.agentId);
    if (!filter.queueId.isEmpty())
        where(QStringLiteral("i.queue_id = ?"), filter.queueId);
    if (!filter.disposition.isEmpty())
        where(QStringLiteral("json_extract(i.wrap_up, '$.code') = ?"), filter.disposition);
    if (filter.fromMs > 0)
        where(QStringLiteral("i.created_at >= ?"), filter.fromMs);
    if (filter.toMs > 0)
        where(QStringLiteral("i.created_at < ?"), filter.toMs);
    const QString calls = QStringLiteral("('voice', 'callback', 'outbound')");
    if (filter.kind == ReviewKind::Calls)
        sql += QStringLiteral(" AND i.channel IN ") + calls;
    else if (filter.kind == ReviewKind::Chats)
        sql += QStringLiteral(" AND i.channel NOT IN ") + calls;
    sql += QStringLiteral(" ORDER BY i.created_at DESC LIMIT ?");
    values.append(filter.limit);
    QSqlQuery query(m_database.connection());
    query.prepare(sql);
    for (const QVariant& value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec())
        return storageFailure(query);
    QList<ReviewItem> items;
    while (query.next()) {
        ReviewItem item = itemAt(query);
        item.recorded = isCallChannel(item.interaction.channel) && recorded(item.interaction.id);
        items.append(std::move(item));
    }
    return items;
}

Result<ReviewItem> ReviewStore::find(const QString& interactionId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(kSelect + QStringLiteral(" AND i.id = ?"));
    query.addBindValue(interactionId);
    if (!query.exec())
        return storageFailure(query);
    if (!query.next())
        return makeError(ErrorCode::NotFound, QStringLiteral("no ended interaction with that id"),
                         {{QStringLiteral("field"), QStringLiteral("interactionId")}});
    return itemAt(query);
}

Result<QaScorecard> ReviewStore::save(const QaScorecard& card)
{
    QaScorecard stored = card;
    stored.reviewedAtMs = nowMs();
    QJsonArray scores;
    for (const QaScore& score : card.scores)
        scores.append(score.toJson());
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO qa_reviews(interaction_id, reviewer_id, scores, percent, comment, reviewed_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(interaction_id) DO UPDATE SET"
        " reviewer_id = excluded.reviewer_id, scores = excluded.scores,"
        " percent = excluded.percent, comment = excluded.comment,"
        " reviewed_at = excluded.reviewed_at"));
    query.addBindValue(stored.interactionId);
    query.addBindValue(stored.reviewerId);
    query.addBindValue(QString::fromUtf8(QJsonDocument(scores).toJson(QJsonDocument::Compact)));
    query.addBindValue(stored.percent());
    query.addBindValue(stored.comment);
    query.addBindValue(stored.reviewedAtMs);
    if (!query.exec())
        return makeError(ErrorCode::StorageFailure,
                         QStringLiteral("could not store the scorecard: ") +
                             query.lastError().text());
    return stored;
}

} // namespace qidong::hub
