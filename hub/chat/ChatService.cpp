#include "ChatService.h"
#include "Clock.h"

#include "interactions/InteractionDirectory.h"
#include "log/HubLog.h"
#include "storage/AccountStore.h"
#include "storage/ChatStore.h"
#include "storage/InteractionStore.h"

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

Error notYours()
{
    return makeError(ErrorCode::NotFound, QStringLiteral("no such conversation of yours"));
}

bool isWritable(InteractionState state)
{
    return state == InteractionState::Queued || state == InteractionState::Offered ||
           state == InteractionState::Active || state == InteractionState::Held;
}

} // namespace

ChatService::ChatService(ChatStore& store, const InteractionDirectory& interactions,
                         const InteractionStore& past, const AccountStore& accounts,
                         QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_interactions(interactions)
    , m_past(past)
    , m_accounts(accounts)
{}

void ChatService::setMonitor(const QString& interactionId, const QString& supervisorId,
                             std::optional<bool> writes)
{
    if (writes)
        m_monitors[interactionId].insert(supervisorId, *writes);
    else if (auto it = m_monitors.find(interactionId); it != m_monitors.end()) {
        it->remove(supervisorId);
        if (it->isEmpty())
            m_monitors.erase(it);
    }
}

Result<ChatMessage> ChatService::sendFromAgent(const QString& agentId, const ChatSendParams& params)
{
    const std::optional<Interaction> interaction = m_interactions.find(params.interactionId);
    const bool joined = m_monitors.value(params.interactionId).value(agentId, false);
    if (!interaction || (interaction->agentId != agentId && !joined))
        return notYours();
    if (interaction->state != InteractionState::Active)
        return makeError(
            ErrorCode::InvalidTransition,
            QStringLiteral("the conversation is %1").arg(interactionStateName(interaction->state)));
    ChatMessage message;
    message.interactionId = params.interactionId;
    message.sender = interaction->agentId == agentId ? Sender::Agent : Sender::Supervisor;
    const std::optional<Agent> agent = m_accounts.findById(agentId);
    message.senderName = agent ? agent->displayName : QString();
    return append(message, params);
}

Result<ChatMessage> ChatService::sendFromCustomer(const QString& interactionId,
                                                  const QString& customerName,
                                                  const ChatSendParams& params)
{
    const std::optional<Interaction> interaction = m_interactions.find(interactionId);
    if (!interaction || !isWritable(interaction->state))
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("the conversation has ended"));
    ChatMessage message;
    message.interactionId = interactionId;
    message.sender = Sender::Customer;
    message.senderName = customerName;
    return append(message, params);
}

Result<ChatMessage> ChatService::append(ChatMessage message, const ChatSendParams& params)
{
    message.clientMsgId = params.clientMsgId;
    message.text = params.text;
    message.sentAtMs = nowMs();
    Result<ChatStore::Appended> stored = m_store.append(message, params.attachment);
    if (!stored)
        return stored.error();
    // A retry of a stored message is answered, not announced again.
    if (!stored.value().duplicate)
        Q_EMIT messagePosted(stored.value().message);
    return stored.value().message;
}

void ChatService::postSystem(const QString& interactionId, const QString& text)
{
    ChatMessage message;
    message.interactionId = interactionId;
    message.sender = Sender::System;
    message.text = text;
    message.sentAtMs = nowMs();
    Result<ChatStore::Appended> stored = m_store.append(message);
    if (stored)
        Q_EMIT messagePosted(stored.value().message);
}

Result<bool> ChatService::typingFromAgent(const QString& agentId, const ChatTypingParams& params)
{
    if (!holds(agentId, params.interactionId))
        return notYours();
    Q_EMIT typingChanged(TypingNotice{params.interactionId, Sender::Agent, params.typing});
    return true;
}

void ChatService::typingFromCustomer(const QString& interactionId, bool typing)
{
    Q_EMIT typingChanged(TypingNotice{interactionId, Sender::Customer, typing});
}

Result<bool> ChatService::markRead(const QString& interactionId, Sender reader, qint64 seq)
{
    Result<bool> moved = m_store.raiseMark(interactionId, reader, Delivery::Read, seq);
    if (!moved)
        return moved.error();
    if (moved.value())
        Q_EMIT receiptChanged(ReceiptNotice{interactionId,
                                            std::min(seq, m_store.lastSeq(interactionId)),
                                            Delivery::Read},
                              reader);
    return true;
}

void ChatService::markDelivered(const QString& interactionId, Sender reader, qint64 seq)
{
    Result<bool> moved = m_store.raiseMark(interactionId, reader, Delivery::Delivered, seq);
    if (moved && moved.value())
        Q_EMIT receiptChanged(ReceiptNotice{interactionId,
                                            std::min(seq, m_store.lastSeq(interactionId)),
                                            Delivery::Delivered},
                              reader);
}

Result<ChatHistory> ChatService::historyForAgent(const QString& agentId,
                                                 const ChatHistoryParams& params) const
{
    if (!holds(agentId, params.interactionId) && !monitors(agentId, params.interactionId))
        return notYours();
    return m_store.history(params.interactionId, params.beforeSeq, params.limit);
}

Result<QList<PastInteraction>>
ChatService::customerHistoryForAgent(const QString& agentId, const QString& interactionId) const
{
    const std::optional<Interaction> interaction = m_interactions.find(interactionId);
    if (!interaction || interaction->agentId != agentId)
        return notYours();
    return m_past.historyOf(interaction->customer.id, 20);
}

Result<AttachmentUpload> ChatService::attachmentForAgent(const QString& agentId,
                                                         const QString& id) const
{
    const std::optional<StoredAttachment> attachment = m_store.attachment(id);
    if (!attachment || !holds(agentId, attachment->interactionId))
        return makeError(ErrorCode::NotFound, QStringLiteral("no such attachment"));
    return AttachmentUpload{attachment->name, attachment->mimeType, attachment->data};
}

bool ChatService::monitors(const QString& agentId, const QString& interactionId) const
{
    return m_monitors.value(interactionId).contains(agentId);
}

bool ChatService::holds(const QString& agentId, const QString& interactionId) const
{
    const std::optional<Interaction> interaction = m_interactions.find(interactionId);
    return interaction && interaction->agentId == agentId;
}

} // namespace qidong::hub
