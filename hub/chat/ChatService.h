#pragma once

#include "protocol/Chat.h"
#include "protocol/Result.h"

#include <QHash>
#include <QObject>

namespace qidong::hub {

class AccountStore;
class ChatStore;
class InteractionDirectory;
class InteractionStore;

// The conversations of chat and messaging interactions: who may write into
// which, in what order, and who is told. Messages are stored before they
// are acknowledged or announced; the agent side (sessions) and the customer
// side (web page, channel replies) listen to the signals.
class ChatService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatService)

public:
    ChatService(ChatStore& store, const InteractionDirectory& interactions,
                const InteractionStore& past, const AccountStore& accounts,
                QObject* parent = nullptr);

    // A team lead monitoring the conversation reads it; joined (`writes`),
    // they write into it as Sender::Supervisor. nullopt: they left.
    void setMonitor(const QString& interactionId, const QString& supervisorId,
                    std::optional<bool> writes);

    // The agent who holds the interaction writes to the customer; a team
    // lead who joined it does too.
    protocol::Result<protocol::ChatMessage> sendFromAgent(const QString& agentId,
                                                          const protocol::ChatSendParams& params);
    // The customer writes into their open conversation.
    protocol::Result<protocol::ChatMessage>
    sendFromCustomer(const QString& interactionId, const QString& customerName,
                     const protocol::ChatSendParams& params);
    // A notice both sides see: "transferred", "the agent ended the chat".
    void postSystem(const QString& interactionId, const QString& text);

    protocol::Result<bool> typingFromAgent(const QString& agentId,
                                           const protocol::ChatTypingParams& params);
    void typingFromCustomer(const QString& interactionId, bool typing);

    // `reader` has seen the other side's messages up to `seq`.
    protocol::Result<bool> markRead(const QString& interactionId, protocol::Sender reader,
                                    qint64 seq);
    void markDelivered(const QString& interactionId, protocol::Sender reader, qint64 seq);

    // History an agent may read: of an interaction they hold or monitor.
    protocol::Result<protocol::ChatHistory>
    historyForAgent(const QString& agentId, const protocol::ChatHistoryParams& params) const;
    // The earlier contacts of the customer of an interaction the agent holds.
    protocol::Result<QList<protocol::PastInteraction>>
    customerHistoryForAgent(const QString& agentId, const QString& interactionId) const;
    protocol::Result<protocol::AttachmentUpload> attachmentForAgent(const QString& agentId,
                                                                    const QString& id) const;

    ChatStore& store() { return m_store; }

Q_SIGNALS:
    void messagePosted(const qidong::protocol::ChatMessage& message);
    void typingChanged(const qidong::protocol::TypingNotice& notice);
    // `reader` moved their mark: the other side's messages got this far.
    void receiptChanged(const qidong::protocol::ReceiptNotice& notice,
                        qidong::protocol::Sender reader);

private:
    protocol::Result<protocol::ChatMessage> append(protocol::ChatMessage message,
                                                   const protocol::ChatSendParams& params);
    bool holds(const QString& agentId, const QString& interactionId) const;
    bool monitors(const QString& agentId, const QString& interactionId) const;

    ChatStore& m_store;
    const InteractionDirectory& m_interactions;
    const InteractionStore& m_past;
    const AccountStore& m_accounts;
    QHash<QString, QHash<QString, bool>> m_monitors; // interaction -> team lead -> writes
};

} // namespace qidong::hub
