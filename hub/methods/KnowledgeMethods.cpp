#include "KnowledgeMethods.h"

#include "RequestParams.h"
#include "chat/ChatService.h"
#include "interactions/InteractionDirectory.h"
#include "knowledge/KnowledgeSearch.h"
#include "knowledge/KnowledgeStore.h"
#include "protocol/Chat.h"
#include "protocol/Knowledge.h"
#include "protocol/Names.h"
#include "server/MethodDispatcher.h"
#include "session/Session.h"

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

// What the customer wrote lately, newest last: the suggestion's query.
constexpr int kSuggestMessages = 3;
constexpr int kSuggestTextLength = 400;

Error noArticle()
{
    return makeError(ErrorCode::NotFound, QStringLiteral("no such article"));
}

} // namespace

KnowledgeMethods::KnowledgeMethods(KnowledgeStore& store, const KnowledgeSearch& search,
                                   const ChatService& chat,
                                   const InteractionDirectory& interactions)
    : m_store(store)
    , m_search(search)
    , m_chat(chat)
    , m_interactions(interactions)
{}

void KnowledgeMethods::registerWith(MethodDispatcher& dispatcher)
{
    const MethodDispatcher::Access workers{true, {Role::Agent, Role::Supervisor}, false, false};
    dispatcher.add(method::KbSearch, workers,
                   [this](ClientConnection& caller, const Request& request) {
                       const auto params = readParams<KnowledgeSearchParams>(caller, request);
                       if (!params)
                           return;
                       const Result<KnowledgeSearchResult> result = m_search.search(*params, false);
                       if (!result)
                           caller.sendError(request.id, result.error());
                       else
                           caller.sendResult(request.id, result.value().toJson());
                   });
    dispatcher.add(
        method::KbArticle, workers, [this](ClientConnection& caller, const Request& request) {
            const auto params = readParams<ArticleOpenParams>(caller, request);
            if (!params)
                return;
            const Result<bool> viewed =
                m_store.recordView(params->id, caller.session()->agentId(), params->interactionId);
            const std::optional<KnowledgeArticle> article = m_store.article(params->id);
            if (!article)
                caller.sendError(request.id, noArticle());
            else if (!viewed)
                caller.sendError(request.id, viewed.error());
            else
                caller.sendResult(request.id, {{QStringLiteral("article"), article->toJson()},
                                               {QStringLiteral("link"), linkTo(*article)}});
        });
    dispatcher.add(
        method::KbFeedback, workers, [this](ClientConnection& caller, const Request& request) {
            const auto params = readParams<ArticleFeedbackParams>(caller, request);
            if (!params)
                return;
            if (!m_store.article(params->id)) {
                caller.sendError(request.id, noArticle());
                return;
            }
            const Result<bool> stored =
                m_store.recordFeedback(params->id, caller.session()->agentId(), params->helpful,
                                       params->interactionId, params->comment);
            const std::optional<KnowledgeArticle> article = m_store.article(params->id);
            if (!stored || !article) {
                caller.sendError(request.id, stored ? noArticle() : stored.error());
                return;
            }
            caller.sendResult(request.id, {{QStringLiteral("helpful"), article->helpful},
                                           {QStringLiteral("notHelpful"), article->notHelpful}});
        });
    dispatcher.add(
        method::KbSuggest, workers,
        [this](ClientConnection& caller, const Request& request) { suggest(caller, request); });
}

QString KnowledgeMethods::linkTo(const KnowledgeArticle& article) const
{
    if (m_customerPage.isEmpty() || article.audience != Audience::Customer)
        return {};
    QUrl link = m_customerPage;
    link.setPath(QStringLiteral("/kb/view"));
    link.setQuery(QStringLiteral("id=") + QString::fromUtf8(QUrl::toPercentEncoding(article.id)));
    return link.toString();
}

void KnowledgeMethods::suggest(ClientConnection& caller, const Request& request)
{
    const auto params = readParams<SuggestParams>(caller, request);
    if (!params)
        return;
    const Result<ChatHistory> history =
        m_chat.historyForAgent(caller.session()->agentId(), {params->interactionId, 0, 50});
    if (!history) {
        caller.sendError(request.id, history.error());
        return;
    }
    QStringList latest;
    int length = 0;
    const QList<ChatMessage>& messages = history.value().messages;
    for (auto it = messages.crbegin(); it != messages.crend(); ++it) {
        if (it->sender != Sender::Customer || it->text.trimmed().isEmpty())
            continue;
        latest.prepend(it->text.left(kSuggestTextLength));
        length += int(it->text.size());
        if (latest.size() >= kSuggestMessages || length >= kSuggestTextLength)
            break;
    }
    const std::optional<Interaction> interaction = m_interactions.find(params->interactionId);
    const QString language = interaction ? interaction->language.left(2).toLower() : QString();
    const Result<KnowledgeSearchResult> result = m_search.suggest(
        latest.join(u'\n'),
        language == QLatin1StringView("zh") || language == QLatin1StringView("en") ? language
                                                                                   : QString(),
        params->limit);
    if (!result)
        caller.sendError(request.id, result.error());
    else
        caller.sendResult(request.id, result.value().toJson());
}

} // namespace qidong::hub
