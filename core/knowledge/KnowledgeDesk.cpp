#include "KnowledgeDesk.h"

#include "core/chat/ChatDesk.h"
#include "core/connection/HubConnection.h"
#include "protocol/Names.h"

namespace qidong::core {

using namespace qidong::protocol;

KnowledgeDesk::KnowledgeDesk(HubConnection& connection, ChatDesk& chat, QObject* parent)
    : KnowledgeDesk(connection, chat, Timing{}, parent)
{}

KnowledgeDesk::KnowledgeDesk(HubConnection& connection, ChatDesk& chat, Timing timing,
                             QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_chat(chat)
{
    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(timing.typingPause);
    m_conversationPause.setSingleShot(true);
    m_conversationPause.setInterval(timing.conversationPause);
    connect(&m_typingPause, &QTimer::timeout, this, &KnowledgeDesk::runSearch);
    connect(&m_conversationPause, &QTimer::timeout, this, &KnowledgeDesk::fetchSuggestions);
    connect(&m_chat, &ChatDesk::messageArrived, this,
            [this](const QString& interactionId, const ChatMessage& message) {
                onMessage(interactionId, message.sender == Sender::Customer);
            });
    connect(&m_chat, &ChatDesk::conversationClosed, this, [this](const QString& interactionId) {
        if (interactionId == m_followed)
            followConversation({});
    });
}

KnowledgeDesk::~KnowledgeDesk() = default;

void KnowledgeDesk::setQuery(const QString& text)
{
    if (text == m_query)
        return;
    m_query = text;
    if (m_typingPause.interval() > 0)
        m_typingPause.start();
    else
        runSearch();
}

void KnowledgeDesk::searchNow()
{
    m_typingPause.stop();
    runSearch();
}

void KnowledgeDesk::runSearch()
{
    if (m_searchInFlight) {
        // Coalesce: the answer to the one out sends what was typed since.
        m_searchPending = true;
        return;
    }
    m_searchPending = false;
    const quint64 generation = ++m_searchGeneration;
    if (m_query.trimmed().isEmpty()) {
        m_searchPending = false;
        m_results.clear();
        Q_EMIT searchingChanged(false);
        Q_EMIT resultsChanged(QStringLiteral("none"));
        return;
    }
    KnowledgeSearchParams params;
    params.query = m_query.left(kMaxSearchQueryLength);
    params.prefix = !m_query.isEmpty() && !m_query.back().isSpace();
    params.limit = 20;
    Q_EMIT searchingChanged(true);
    m_searchInFlight = true;
    m_connection.request(QString(method::KbSearch), params.toJson(), this,
                         [this, generation](const Response& response) {
                             m_searchInFlight = false;
                             if (m_searchPending) {
                                 runSearch(); // the agent typed on: this answer is already stale
                                 return;
                             }
                             if (generation != m_searchGeneration)
                                 return; // cleared meanwhile
                             Q_EMIT searchingChanged(false);
                             const std::optional<KnowledgeSearchResult> result = resultIn(response);
                             if (!result)
                                 return;
                             m_results.setHits(result->hits);
                             Q_EMIT resultsChanged(result->mode);
                         });
}

void KnowledgeDesk::followConversation(const QString& interactionId)
{
    if (interactionId == m_followed)
        return;
    m_followed = interactionId;
    ++m_suggestGeneration;
    m_conversationPause.stop();
    m_suggestions.clear();
    Q_EMIT suggestionsChanged();
    if (!m_followed.isEmpty() && m_chat.transcript(m_followed))
        fetchSuggestions();
}

void KnowledgeDesk::onMessage(const QString& interactionId, bool fromCustomer)
{
    if (fromCustomer && interactionId == m_followed)
        m_conversationPause.start();
}

void KnowledgeDesk::fetchSuggestions()
{
    if (m_followed.isEmpty())
        return;
    const quint64 generation = ++m_suggestGeneration;
    m_connection.request(QString(method::KbSuggest), SuggestParams{m_followed, 5}.toJson(), this,
                         [this, generation](const Response& response) {
                             if (generation != m_suggestGeneration)
                                 return; // another conversation is selected now
                             const std::optional<KnowledgeSearchResult> result = resultIn(response);
                             if (!result)
                                 return;
                             m_suggestions.setHits(result->hits);
                             Q_EMIT suggestionsChanged();
                         });
}

void KnowledgeDesk::open(const QString& articleId)
{
    m_connection.request(
        QString(method::KbArticle), ArticleOpenParams{articleId, m_followed}.toJson(), this,
        [this](const Response& response) {
            if (response.error) {
                Q_EMIT failed(*response.error);
                return;
            }
            Result<KnowledgeArticle> article = KnowledgeArticle::fromJson(
                response.result.value(QLatin1StringView("article")).toObject());
            if (!article) {
                Q_EMIT failed(article.error());
                return;
            }
            m_article = article.value();
            m_link = QUrl(response.result.value(QLatin1StringView("link")).toString());
            Q_EMIT articleOpened(*m_article);
        });
}

void KnowledgeDesk::sendFeedback(bool helpful)
{
    if (!m_article)
        return;
    m_connection.request(
        QString(method::KbFeedback),
        ArticleFeedbackParams{m_article->id, helpful, m_followed, {}}.toJson(), this,
        [this](const Response& response) {
            if (response.error) {
                Q_EMIT failed(*response.error);
                return;
            }
            const qint64 helpfulCount =
                response.result.value(QLatin1StringView("helpful")).toInteger();
            const qint64 notHelpful =
                response.result.value(QLatin1StringView("notHelpful")).toInteger();
            if (m_article) {
                m_article->helpful = helpfulCount;
                m_article->notHelpful = notHelpful;
            }
            Q_EMIT feedbackStored(helpfulCount, notHelpful);
        },
        HubConnection::Delivery::Reliable);
}

std::optional<KnowledgeSearchResult> KnowledgeDesk::resultIn(const Response& response)
{
    if (response.error) {
        Q_EMIT failed(*response.error);
        return std::nullopt;
    }
    Result<KnowledgeSearchResult> result = KnowledgeSearchResult::fromJson(response.result);
    if (!result) {
        Q_EMIT failed(result.error());
        return std::nullopt;
    }
    return result.value();
}

QString KnowledgeDesk::replyText(const KnowledgeArticle& article)
{
    QString text = article.body.trimmed();
    for (qsizetype i = 0; i < article.steps.size(); ++i)
        text += QStringLiteral("\n%1. %2").arg(i + 1).arg(article.steps.at(i));
    return text;
}

} // namespace qidong::core
