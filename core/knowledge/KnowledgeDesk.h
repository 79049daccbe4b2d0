#pragma once

#include "models/ArticleHitListModel.h"
#include "protocol/Error.h"
#include "protocol/Knowledge.h"
#include "protocol/Message.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace qidong::core {

class ChatDesk;
class HubConnection;

// The agent's knowledge base: search as they type (at most one search in
// flight, what was typed meanwhile sent when it answers, so an answer to an
// older query than the latest is never shown), the article they opened,
// helpful / not helpful, and suggestions that follow the conversation
// selected — asked again, debounced, whenever its customer writes.
class KnowledgeDesk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KnowledgeDesk)

public:
    struct Timing
    {
        // ms after the last keystroke; 0: search at once, one search in
        // flight at a time, the latest text sent when it answers.
        int typingPause = 0;
        int conversationPause = 400; // ms after the customer's last message
    };

    KnowledgeDesk(HubConnection& connection, ChatDesk& chat, QObject* parent = nullptr);
    KnowledgeDesk(HubConnection& connection, ChatDesk& chat, Timing timing,
                  QObject* parent = nullptr);
    ~KnowledgeDesk() override;

    models::ArticleHitListModel& results() { return m_results; }
    models::ArticleHitListModel& suggestions() { return m_suggestions; }
    QString query() const { return m_query; }
    QString followedConversation() const { return m_followed; }
    const std::optional<protocol::KnowledgeArticle>& openArticle() const { return m_article; }
    // Where a customer can read the open article (customer articles only).
    QUrl articleLink() const { return m_link; }

    // As the agent types: searches after a short pause.
    void setQuery(const QString& text);
    void searchNow();
    // Suggestions for this conversation from now on ("" for none).
    void followConversation(const QString& interactionId);
    void open(const QString& articleId);
    void sendFeedback(bool helpful);

    // The open article as text for a chat reply: the answer, then the steps.
    static QString replyText(const protocol::KnowledgeArticle& article);

Q_SIGNALS:
    void searchingChanged(bool searching);
    // A search answered: "all", "any" or "none" (nothing searchable typed).
    void resultsChanged(const QString& mode);
    void suggestionsChanged();
    void articleOpened(const qidong::protocol::KnowledgeArticle& article);
    void feedbackStored(qint64 helpful, qint64 notHelpful);
    void failed(const qidong::protocol::Error& error);

private:
    void runSearch();
    void fetchSuggestions();
    void onMessage(const QString& interactionId, bool fromCustomer);
    // The search result a response carries; an error is reported as failed().
    std::optional<protocol::KnowledgeSearchResult> resultIn(const protocol::Response& response);

    HubConnection& m_connection;
    ChatDesk& m_chat;
    models::ArticleHitListModel m_results;
    models::ArticleHitListModel m_suggestions;
    QTimer m_typingPause;
    QTimer m_conversationPause;
    QString m_query;
    QString m_followed;
    quint64 m_searchGeneration = 0;
    bool m_searchInFlight = false;
    bool m_searchPending = false; // typed on while a search was out
    quint64 m_suggestGeneration = 0;
    std::optional<protocol::KnowledgeArticle> m_article;
    QUrl m_link;
};

} // namespace qidong::core
