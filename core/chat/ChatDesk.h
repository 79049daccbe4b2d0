#pragma once

#include "models/ChatTranscriptModel.h"
#include "protocol/Chat.h"
#include "protocol/Interaction.h"
#include "protocol/Message.h"
#include "protocol/Queue.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <unordered_map>

namespace qidong::core {

class AgentSession;
class HubConnection;

// The agent's open conversations (chat, social, SMS, email): one transcript
// model each, unread counts, the customer's typing, and the outbox. A
// message written while the link is down waits in the outbox (shown as
// sending) and is delivered exactly once: it carries a clientMsgId the hub
// deduplicates on. History is fetched page by page, newest first.
class ChatDesk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatDesk)

public:
    ChatDesk(HubConnection& connection, AgentSession& session, QObject* parent = nullptr);
    ~ChatDesk() override;

    static bool isConversational(protocol::Channel channel);

    QStringList conversations() const; // interaction ids, oldest first
    models::ChatTranscriptModel* transcript(const QString& interactionId) const;
    std::optional<protocol::Interaction> interaction(const QString& interactionId) const;
    int unread(const QString& interactionId) const;
    bool isCustomerTyping(const QString& interactionId) const;
    bool hasOlderHistory(const QString& interactionId) const;
    // The customer's earlier contacts with their wrap-up (newest first).
    QList<protocol::PastInteraction> customerHistory(const QString& interactionId) const;

    // Sends text (and a file); answers the clientMsgId given to it.
    QString send(const QString& interactionId, const QString& text,
                 const std::optional<protocol::AttachmentUpload>& attachment = std::nullopt);
    void setTyping(const QString& interactionId, bool typing);
    // The agent looks at it now: unread goes to 0 and the customer sees "read".
    void markRead(const QString& interactionId);
    void loadOlder(const QString& interactionId);
    void transfer(const QString& interactionId, const QString& queueId, const QString& agent,
                  const QString& note);

    const QList<protocol::CannedResponse>& cannedResponses() const { return m_canned; }
    // A canned response with its variables filled in for this conversation.
    QString expand(const protocol::CannedResponse& canned, const QString& interactionId) const;

    struct DirectoryEntry
    {
        QString username;
        QString displayName;
        protocol::Presence presence = protocol::Presence::Offline;
    };
    // Who and where a conversation can be transferred to.
    void fetchDirectory(
        QObject* context,
        std::function<void(const QList<DirectoryEntry>&, const QList<protocol::Queue>&)> handler);
    void fetchAttachment(
        const QString& attachmentId, QObject* context,
        std::function<void(const protocol::Result<protocol::AttachmentUpload>&)> handler);

    // Files the desktop may send: type and size, with the reason if not.
    static std::optional<QString> refuseAttachment(const QString& mimeType, qint64 size);

Q_SIGNALS:
    void conversationOpened(const QString& interactionId);
    void conversationClosed(const QString& interactionId);
    // Its interaction changed (state, transfer note).
    void conversationChanged(const QString& interactionId);
    void customerHistoryLoaded(const QString& interactionId);
    void unreadChanged(const QString& interactionId, int unread);
    void customerTypingChanged(const QString& interactionId, bool typing);
    void messageArrived(const QString& interactionId, const qidong::protocol::ChatMessage& message);
    void sendFailed(const QString& interactionId, const qidong::protocol::Error& error);
    // A team lead coached the agent on this conversation (shown in its transcript).
    void whispered(const qidong::protocol::WhisperNote& note);

private:
    struct Conversation
    {
        std::unique_ptr<models::ChatTranscriptModel> transcript;
        protocol::Interaction interaction;
        int unread = 0;
        bool customerTyping = false;
        bool hasOlder = false;
        bool loading = false;
        qint64 readUpTo = 0;
        QList<protocol::PastInteraction> history;
    };

    void onInteractionChanged(const protocol::Interaction& interaction);
    void onInteractionGone(const QString& interactionId);
    void onEvent(const protocol::Event& event);
    void fetchLatest(const QString& interactionId);
    void fetchCustomerHistory(const QString& interactionId);
    void setUnread(const QString& interactionId, int unread);
    void loadCanned();

    HubConnection& m_connection;
    AgentSession& m_session;
    std::unordered_map<QString, Conversation> m_conversations;
    QStringList m_order;
    QList<protocol::CannedResponse> m_canned;
    QHash<QString, qint64> m_typingSentAt;
};

} // namespace qidong::core
