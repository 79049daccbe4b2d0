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
    if (path == QLatin1StringView("/kb/view"))
        return view(query);
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

std::optional<KnowledgeArticle> SelfServiceKnowledge::customerArticle(const QUrlQuery& query) const
{
    const QString id = queryValue(query, QStringLiteral("id"));
    std::optional<KnowledgeArticle> found =
        id.isEmpty() || id.size() > kMaxIdentifierLength ? std::nullopt : m_store.article(id);
    if (!found || found->audience != Audience::Customer)
        return std::nullopt;
    (void)m_store.recordView(id, QStringLiteral("web"), QString());
    found->views += 1;
    return found;
}

WebReply SelfServiceKnowledge::article(const QUrlQuery& query) const
{
    const std::optional<KnowledgeArticle> found = customerArticle(query);
    if (!found)
        return refused(404, QStringLiteral("not_found"), QStringLiteral("no such article"));
    return jsonReply(200, {{QStringLiteral("article"), found->toJson()}});
}

WebReply SelfServiceKnowledge::view(const QUrlQuery& query) const
{
    // The page an agent's "send link" points to: the article as escaped
    // text, no script, readable on a phone.
    const std::optional<KnowledgeArticle> found = customerArticle(query);
    const bool zh = !found || found->language == QLatin1StringView("zh");
    QString html =
        QStringLiteral("<!doctype html><html lang=\"%1\"><head><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width, "
                       "initial-scale=1\"><title>%2</title><style>body{font:16px/1.6 "
                       "system-ui,sans-serif;max-width:40em;margin:1em auto;padding:0 "
                       "1em;color:#222}h1{font-size:1.3em}</style></head><body>")
            .arg(zh ? QStringLiteral("zh-CN") : QStringLiteral("en"),
                 found ? found->title.toHtmlEscaped() : QString::fromUtf8("未找到 / Not found"));
    if (!found) {
        html +=
            QString::fromUtf8("<p>未找到这篇文章。 This article was not found.</p></body></html>");
        return WebReply{404,
                        QByteArrayLiteral("text/html; charset=utf-8"),
                        html.toUtf8(),
                        {{QByteArrayLiteral("Content-Security-Policy"),
                          QByteArrayLiteral("default-src 'none'; style-src 'unsafe-inline'")}}};
    }
    html += QStringLiteral("<h1>%1</h1>").arg(found->title.toHtmlEscaped());
    for (const QString& paragraph : found->body.split(u'\n', Qt::SkipEmptyParts))
        html += QStringLiteral("<p>%1</p>").arg(paragraph.toHtmlEscaped());
    if (!found->steps.isEmpty()) {
        html += QStringLiteral("<ol>");
        for (const QString& step : found->steps)
            html += QStringLiteral("<li>%1</li>").arg(step.toHtmlEscaped());
        html += QStringLiteral("</ol>");
    }
    html += QStringLiteral("</body></html>");
    return WebReply{200,
                    QByteArrayLiteral("text/html; charset=utf-8"),
                    html.toUtf8(),
                    {{QByteArrayLiteral("Content-Security-Policy"),
                      QByteArrayLiteral("default-src 'none'; style-src 'unsafe-inline'")}}};
}

} // namespace qidong::hub
