#include "SelfServiceKnowledge.h"

#include "knowledge/KnowledgeSearch.h"
#include "knowledge/KnowledgeStore.h"
#include "protocol/Knowledge.h"
#include "protocol/Limits.h"

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

WebReply refused(int status, const QString& code, const QString& message)
{
    return jsonReply(
        status, {{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                       {QStringLiteral("message"), message}}}});
}

QString queryValue(const QUrlQuery& query, const QString& key)
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

SelfServiceKnowledge::SelfServiceKnowledge(KnowledgeStore& store, const KnowledgeSearch& search)
    : m_store(store)
    , m_search(search)
{}

WebReply SelfServiceKnowledge::answer(const QString& path, const QUrlQuery& query) const
{
    if (path == QLatin1StringView("/kb/search"))
        return search(query);
    if (path == QLatin1StringView("/kb/article"))
        return article(query);
    return refused(404, QStringLiteral("not_found"), QStringLiteral("not found"));
}

WebReply SelfServiceKnowledge::search(const QUrlQuery& query) const
{
    // The page's query string, read by the same rules as kb.search.
    QJsonObject json{{QStringLiteral("query"), queryValue(query, QStringLiteral("q"))},
                     {QStringLiteral("limit"), 10},
                     {QStringLiteral("prefix"),
                      queryValue(query, QStringLiteral("prefix")) == QLatin1StringView("1")}};
    const QString language = queryValue(query, QStringLiteral("lang"));
    if (!language.isEmpty())
        json.insert(QStringLiteral("language"), language.left(2));
    const Result<KnowledgeSearchParams> params = KnowledgeSearchParams::fromJson(json);
    if (!params)
        return refused(400, QStringLiteral("invalid_params"), params.error().message);
    const Result<KnowledgeSearchResult> result = m_search.search(params.value(), true);
    if (!result)
        return refused(503, QStringLiteral("storage_failure"), result.error().message);
    return jsonReply(200, result.value().toJson());
}

WebReply SelfServiceKnowledge::article(const QUrlQuery& query) const
{
    const QString id = queryValue(query, QStringLiteral("id"));
    std::optional<KnowledgeArticle> found =
        id.isEmpty() || id.size() > kMaxIdentifierLength ? std::nullopt : m_store.article(id);
    if (!found || found->audience != Audience::Customer)
        return refused(404, QStringLiteral("not_found"), QStringLiteral("no such article"));
    (void)m_store.recordView(id, QStringLiteral("web"), QString());
    found->views += 1;
    return jsonReply(200, {{QStringLiteral("article"), found->toJson()}});
}

} // namespace qidong::hub
