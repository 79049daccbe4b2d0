#include "Knowledge.h"

#include "EnumNames.h"
#include "FieldReader.h"
#include "JsonList.h"
#include "Limits.h"

#include <QJsonArray>

namespace qidong::protocol {

namespace {

QLatin1StringView key(const char* name)
{
    return QLatin1StringView(name);
}

constexpr std::array<std::pair<Audience, const char*>, 2> kAudiences{{
    {Audience::Agent, "agent"},
    {Audience::Customer, "customer"},
}};

constexpr int kMaxArticleText = 20000;
constexpr int kMaxArticleLines = 50;
constexpr int kMaxLineLength = 2000;

bool isLanguage(const QString& language)
{
    return language == QLatin1StringView("zh") || language == QLatin1StringView("en");
}

QStringList optionalStrings(FieldReader& reader, const QJsonObject& json, const char* name,
                            int maxItems, int maxLength)
{
    if (!json.contains(QLatin1StringView(name)))
        return {};
    return reader.stringList(key(name), maxItems, maxLength);
}

} // namespace

QString audienceName(Audience audience)
{
    return enumnames::nameOf(kAudiences, audience);
}

std::optional<Audience> audienceFromName(QStringView name)
{
    return enumnames::valueOf(kAudiences, name);
}

QJsonObject MarkedText::toJson() const
{
    QJsonArray list;
    for (const Mark& mark : marks)
        list.append(QJsonArray{mark.start, mark.length});
    return {{QStringLiteral("text"), text}, {QStringLiteral("marks"), list}};
}

Result<MarkedText> MarkedText::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path, ErrorCode::InvalidMessage);
    MarkedText marked;
    marked.text = reader.string(key("text"), kMaxArticleText, 0);
    const QJsonArray list = reader.array(key("marks"), 200);
    int end = 0;
    for (const QJsonValue& item : list) {
        if (!reader.ok())
            break;
        const QJsonArray pair = item.toArray();
        const std::optional<qint64> start =
            pair.size() == 2 ? toBoundedInteger(pair.at(0), end, marked.text.size()) : std::nullopt;
        const std::optional<qint64> length =
            start ? toBoundedInteger(pair.at(1), 1, marked.text.size() - *start) : std::nullopt;
        if (!length) {
            reader.fail(key("marks"), QStringLiteral("expected ascending [start, length] pairs "
                                                     "inside the text"));
            break;
        }
        marked.marks.append({int(*start), int(*length)});
        end = int(*start + *length);
    }
    if (!reader.ok())
        return reader.error();
    return marked;
}

QJsonObject ArticleHit::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("title"), title.toJson()},
            {QStringLiteral("snippet"), snippet.toJson()},
            {QStringLiteral("language"), language},
            {QStringLiteral("audience"), audienceName(audience)},
            {QStringLiteral("products"), QJsonArray::fromStringList(products)},
            {QStringLiteral("updatedAt"), updatedAtMs}};
}

Result<ArticleHit> ArticleHit::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path, ErrorCode::InvalidMessage);
    ArticleHit hit;
    hit.id = reader.string(key("id"), kMaxIdentifierLength);
    const QJsonObject title = reader.object(key("title"));
    const QJsonObject snippet = reader.object(key("snippet"));
    hit.language = reader.string(key("language"), 8);
    hit.audience = reader.enumeration(key("audience"), audienceFromName, Audience::Customer);
    hit.products = reader.stringList(key("products"), 20);
    hit.updatedAtMs = reader.integer(key("updatedAt"), 0, kMaxSafeInteger);
    if (reader.ok()) {
        Result<MarkedText> marked = MarkedText::fromJson(title, reader.pathOf(key("title")));
        if (marked)
            hit.title = marked.value();
        else
            reader.adopt(marked.error());
    }
    if (reader.ok()) {
        Result<MarkedText> marked = MarkedText::fromJson(snippet, reader.pathOf(key("snippet")));
        if (marked)
            hit.snippet = marked.value();
        else
            reader.adopt(marked.error());
    }
    if (!reader.ok())
        return reader.error();
    return hit;
}

QJsonObject KnowledgeSearchParams::toJson() const
{
    QJsonObject json{{QStringLiteral("query"), query},
                     {QStringLiteral("limit"), limit},
                     {QStringLiteral("offset"), offset},
                     {QStringLiteral("prefix"), prefix}};
    if (!language.isEmpty())
        json.insert(QStringLiteral("language"), language);
    if (!products.isEmpty())
        json.insert(QStringLiteral("products"), QJsonArray::fromStringList(products));
    return json;
}

Result<KnowledgeSearchParams> KnowledgeSearchParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    KnowledgeSearchParams params;
    params.query = reader.string(key("query"), kMaxSearchQueryLength, 0);
    params.language = reader.optionalString(key("language"), 8).value_or(QString());
    if (reader.ok() && !params.language.isEmpty() && !isLanguage(params.language))
        reader.fail(key("language"), QStringLiteral("expected \"zh\" or \"en\""));
    params.products = optionalStrings(reader, json, "products", 20, kMaxIdentifierLength);
    params.limit = int(reader.optionalInteger(key("limit"), 1, kMaxSearchResults).value_or(10));
    params.offset = int(reader.optionalInteger(key("offset"), 0, 1000).value_or(0));
    params.prefix = reader.optionalBoolean(key("prefix")).value_or(false);
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject KnowledgeSearchResult::toJson() const
{
    return {{QStringLiteral("hits"), writeList(hits)},
            {QStringLiteral("hasMore"), hasMore},
            {QStringLiteral("mode"), mode},
            {QStringLiteral("query"), query}};
}

Result<KnowledgeSearchResult> KnowledgeSearchResult::fromJson(const QJsonObject& json)
{
    FieldReader reader(json, {}, ErrorCode::InvalidMessage);
    KnowledgeSearchResult result;
    result.hits = readList<ArticleHit>(reader, key("hits"), kMaxSearchResults);
    result.hasMore = reader.boolean(key("hasMore"));
    result.mode = reader.string(key("mode"), 8);
    result.query = reader.string(key("query"), kMaxChatTextLength, 0);
    if (!reader.ok())
        return reader.error();
    return result;
}

QJsonObject KnowledgeArticle::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("title"), title},
            {QStringLiteral("questions"), QJsonArray::fromStringList(questions)},
            {QStringLiteral("body"), body},
            {QStringLiteral("steps"), QJsonArray::fromStringList(steps)},
            {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
            {QStringLiteral("products"), QJsonArray::fromStringList(products)},
            {QStringLiteral("language"), language},
            {QStringLiteral("audience"), audienceName(audience)},
            {QStringLiteral("version"), version},
            {QStringLiteral("updatedAt"), updatedAtMs},
            {QStringLiteral("views"), views},
            {QStringLiteral("helpful"), helpful},
            {QStringLiteral("notHelpful"), notHelpful}};
}

Result<KnowledgeArticle> KnowledgeArticle::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path, ErrorCode::InvalidMessage);
    KnowledgeArticle article;
    article.id = reader.string(key("id"), kMaxIdentifierLength);
    article.title = reader.string(key("title"), kMaxNameLength);
    article.questions = reader.stringList(key("questions"), kMaxArticleLines, kMaxLineLength);
    article.body = reader.string(key("body"), kMaxArticleText, 0);
    article.steps = reader.stringList(key("steps"), kMaxArticleLines, kMaxLineLength);
    article.tags = reader.stringList(key("tags"), kMaxArticleLines);
    article.products = reader.stringList(key("products"), 20);
    article.language = reader.string(key("language"), 8);
    if (reader.ok() && !isLanguage(article.language))
        reader.fail(key("language"), QStringLiteral("expected \"zh\" or \"en\""));
    article.audience = reader.enumeration(key("audience"), audienceFromName, Audience::Customer);
    article.version = int(reader.integer(key("version"), 1, 1000000));
    article.updatedAtMs = reader.integer(key("updatedAt"), 0, kMaxSafeInteger);
    article.views = reader.optionalInteger(key("views"), 0, kMaxSafeInteger).value_or(0);
    article.helpful = reader.optionalInteger(key("helpful"), 0, kMaxSafeInteger).value_or(0);
    article.notHelpful = reader.optionalInteger(key("notHelpful"), 0, kMaxSafeInteger).value_or(0);
    if (!reader.ok())
        return reader.error();
    return article;
}

QJsonObject ArticleOpenParams::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id}};
    if (!interactionId.isEmpty())
        json.insert(QStringLiteral("interactionId"), interactionId);
    return json;
}

Result<ArticleOpenParams> ArticleOpenParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    ArticleOpenParams params;
    params.id = reader.string(key("id"), kMaxIdentifierLength);
    params.interactionId =
        reader.optionalString(key("interactionId"), kMaxIdentifierLength).value_or(QString());
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject ArticleFeedbackParams::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id}, {QStringLiteral("helpful"), helpful}};
    if (!interactionId.isEmpty())
        json.insert(QStringLiteral("interactionId"), interactionId);
    if (!comment.isEmpty())
        json.insert(QStringLiteral("comment"), comment);
    return json;
}

Result<ArticleFeedbackParams> ArticleFeedbackParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    ArticleFeedbackParams params;
    params.id = reader.string(key("id"), kMaxIdentifierLength);
    params.helpful = reader.boolean(key("helpful"));
    params.interactionId =
        reader.optionalString(key("interactionId"), kMaxIdentifierLength).value_or(QString());
    params.comment = reader.optionalString(key("comment"), kMaxNoteLength).value_or(QString());
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject SuggestParams::toJson() const
{
    return {{QStringLiteral("interactionId"), interactionId}, {QStringLiteral("limit"), limit}};
}

Result<SuggestParams> SuggestParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    SuggestParams params;
    params.interactionId = reader.string(key("interactionId"), kMaxIdentifierLength);
    params.limit = int(reader.optionalInteger(key("limit"), 1, 20).value_or(5));
    if (!reader.ok())
        return reader.error();
    return params;
}

} // namespace qidong::protocol
