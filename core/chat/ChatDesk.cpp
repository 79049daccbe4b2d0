#include "ChatDesk.h"

#include "core/CoreLog.h"
#include "core/connection/HubConnection.h"
#include "core/session/AgentSession.h"
#include "protocol/Names.h"
#include "protocol/Payloads.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUuid>

namespace qidong::core {

using namespace qidong::protocol;

namespace {

constexpr int kPageSize = 100;
// Typing notices are hints: at most one "still typing" every few seconds.
constexpr qint64 kTypingRepeatMs = 3000;

} // namespace

ChatDesk::ChatDesk(HubConnection& connection, AgentSession& session, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_session(session)
{
    connect(&m_session, &AgentSession::interactionChanged, this, &ChatDesk::onInteractionChanged);
    connect(&m_session, &AgentSession::interactionGone, this, &ChatDesk::onInteractionGone);
    connect(&m_connection, &HubConnection::eventReceived, this, &ChatDesk::onEvent);
    connect(&m_session, &AgentSession::signedInChanged, this, [this](bool signedIn) {
        if (signedIn)
            loadCanned();
    });
    // After a resync whatever arrived meanwhile is fetched again (and merged).
    connect(&m_connection, &HubConnection::resynced, this, [this] {
        for (const QString& id : std::as_const(m_order))
            fetchLatest(id);
    });
    // Created after sign-in: start from what the session already holds.
    for (int row = 0; row < m_session.interactions().rowCount(); ++row)
        onInteractionChanged(*m_session.interactions().interactionAt(row));
    if (m_session.isSignedIn())
        loadCanned();
}

ChatDesk::~ChatDesk() = default;

bool ChatDesk::isConversational(Channel channel)
{
    return channel == Channel::Chat || channel == Channel::Social || channel == Channel::Sms ||
           channel == Channel::Email;
}

QStringList ChatDesk::conversations() const
{
    return m_order;
}

models::ChatTranscriptModel* ChatDesk::transcript(const QString& interactionId) const
{
    const auto it = m_conversations.find(interactionId);
    return it == m_conversations.end() ? nullptr : it->second.transcript.get();
}

QList<PastInteraction> ChatDesk::customerHistory(const QString& interactionId) const
{
    const auto it = m_conversations.find(interactionId);
    return it == m_conversations.end() ? QList<PastInteraction>() : it->second.history;
}

void ChatDesk::fetchCustomerHistory(const QString& interactionId)
{
    m_connection.request(
        QString(method::HistoryList), InteractionRef{interactionId}.toJson(), this,
        [this, interactionId](const Response& response) {
            const auto it = m_conversations.find(interactionId);
            if (it == m_conversations.end() || response.error)
                return;
            it->second.history.clear();
            for (const QJsonValue& value :
                 response.result.value(QLatin1StringView("interactions")).toArray()) {
                Result<PastInteraction> past = PastInteraction::fromJson(value.toObject());
                if (past)
                    it->second.history.append(past.value());
            }
            Q_EMIT customerHistoryLoaded(interactionId);
        },
        HubConnection::Delivery::Reliable);
}

std::optional<Interaction> ChatDesk::interaction(const QString& interactionId) const
{
    const auto it = m_conversations.find(interactionId);
    if (it == m_conversations.end())
        return std::nullopt;
    return it->second.interaction;
}

int ChatDesk::unread(const QString& interactionId) const
{
    const auto it = m_conversations.find(interactionId);
    return it == m_conversations.end() ? 0 : it->second.unread;
}

bool ChatDesk::isCustomerTyping(const QString& interactionId) const
{
    const auto it = m_conversations.find(interactionId);
    return it != m_conversations.end() && it->second.customerTyping;
}

bool ChatDesk::hasOlderHistory(const QString& interactionId) const
{
    const auto it = m_conversations.find(interactionId);
    return it != m_conversations.end() && it->second.hasOlder;
}

QString ChatDesk::send(const QString& interactionId, const QString& text,
                       const std::optional<AttachmentUpload>& attachment)
{
    const auto it = m_conversations.find(interactionId);
    if (it == m_conversations.end())
        return {};
    const QString clientMsgId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    it->second.transcript->addPending(clientMsgId, text, attachment ? attachment->name : QString());
    m_typingSentAt.remove(interactionId);
    // Reliable: held through a reconnect and sent once; a resend after a
    // lost answer is recognised by the hub through the clientMsgId.
    m_connection.request(
        QString(method::ChatSend),
        ChatSendParams{interactionId, clientMsgId, text, attachment}.toJson(), this,
        [this, interactionId, clientMsgId](const Response& response) {
            models::ChatTranscriptModel* model = transcript(interactionId);
            if (response.error) {
                if (model)
                    model->markFailed(clientMsgId, response.error->message);
                Q_EMIT sendFailed(interactionId, *response.error);
                return;
            }
            Result<ChatMessage> stored = ChatMessage::fromJson(
                response.result.value(QLatin1StringView("message")).toObject());
            if (stored && model)
                model->add(stored.value());
        },
        HubConnection::Delivery::Reliable);
    return clientMsgId;
}

void ChatDesk::setTyping(const QString& interactionId, bool typing)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (typing && now - m_typingSentAt.value(interactionId, 0) < kTypingRepeatMs)
        return;
    if (!typing && !m_typingSentAt.contains(interactionId))
        return;
    if (typing)
        m_typingSentAt.insert(interactionId, now);
    else
        m_typingSentAt.remove(interactionId);
    m_connection.request(QString(method::ChatTyping),
                         ChatTypingParams{interactionId, typing}.toJson(), this,
                         [](const Response&) {});
}

void ChatDesk::markRead(const QString& interactionId)
{
    const auto it = m_conversations.find(interactionId);
    if (it == m_conversations.end())
        return;
    setUnread(interactionId, 0);
    const qint64 newest = it->second.transcript->newestCustomerSeq();
    if (newest <= it->second.readUpTo)
        return;
    it->second.readUpTo = newest;
    // Reliable: raising a mark is idempotent, and a read lost to a dropped
    // link would bring the unread count back after the next resync.
    m_connection.request(
        QString(method::ChatRead), ChatReadParams{interactionId, newest}.toJson(), this,
        [](const Response&) {}, HubConnection::Delivery::Reliable);
}

void ChatDesk::loadOlder(const QString& interactionId)
{
    const auto it = m_conversations.find(interactionId);
    if (it == m_conversations.end() || it->second.loading || !it->second.hasOlder)
        return;
    it->second.loading = true;
    const qint64 before = it->second.transcript->oldestSeq();
    m_connection.request(QString(method::ChatHistory),
                         ChatHistoryParams{interactionId, before, kPageSize}.toJson(), this,
                         [this, interactionId](const Response& response) {
                             const auto found = m_conversations.find(interactionId);
                             if (found == m_conversations.end())
                                 return;
                             found->second.loading = false;
                             Result<ChatHistory> page = ChatHistory::fromJson(response.result);
                             if (response.error || !page)
                                 return;
                             found->second.hasOlder = page.value().hasMore;
                             found->second.transcript->prependHistory(page.value().messages);
                         });
}

void ChatDesk::transfer(const QString& interactionId, const QString& queueId, const QString& agent,
                        const QString& note)
{
    m_connection.request(
        QString(method::InteractionTransfer),
        TransferParams{interactionId, queueId, agent, note}.toJson(), this,
        [this, interactionId](const Response& response) {
            if (response.error)
                Q_EMIT sendFailed(interactionId, *response.error);
        },
        HubConnection::Delivery::Reliable);
}

QString ChatDesk::expand(const CannedResponse& canned, const QString& interactionId) const
{
    QString text = canned.body;
    const auto it = m_conversations.find(interactionId);
    const QString customer =
        it == m_conversations.end() ? QString() : it->second.interaction.customer.displayName;
    text.replace(QStringLiteral("{customer.name}"), customer);
    text.replace(QStringLiteral("{agent.name}"), m_session.agent().displayName);
    return text;
}

void ChatDesk::fetchDirectory(
    QObject* context,
    std::function<void(const QList<DirectoryEntry>&, const QList<Queue>&)> handler)
{
    m_connection.request(
        QString(method::DirectoryList), {}, context,
        [handler = std::move(handler)](const Response& response) {
            QList<DirectoryEntry> agents;
            QList<Queue> queues;
            for (const QJsonValue& value :
                 response.result.value(QLatin1StringView("agents")).toArray()) {
                const QJsonObject agent = value.toObject();
                agents.append(
                    {agent.value(QLatin1StringView("username")).toString(),
                     agent.value(QLatin1StringView("displayName")).toString(),
                     presenceFromName(agent.value(QLatin1StringView("presence")).toString())
                         .value_or(Presence::Offline)});
            }
            for (const QJsonValue& value :
                 response.result.value(QLatin1StringView("queues")).toArray()) {
                Result<Queue> queue = Queue::fromJson(value.toObject());
                if (queue)
                    queues.append(queue.value());
            }
            handler(agents, queues);
        });
}

void ChatDesk::fetchAttachment(const QString& attachmentId, QObject* context,
                               std::function<void(const Result<AttachmentUpload>&)> handler)
{
    m_connection.request(QString(method::ChatAttachment), InteractionRef{attachmentId}.toJson(),
                         context, [handler = std::move(handler)](const Response& response) {
                             if (response.error) {
                                 handler(*response.error);
                                 return;
                             }
                             handler(AttachmentUpload::fromJson(response.result, {}));
                         });
}

std::optional<QString> ChatDesk::refuseAttachment(const QString& mimeType, qint64 size)
{
    if (!isAllowedAttachmentType(mimeType))
        return tr("Files of type %1 cannot be sent. Allowed: images, PDF and plain text.")
            .arg(mimeType);
    if (size > kMaxAttachmentBytes)
        return tr("The file is %1 KiB; at most %2 KiB can be sent.")
            .arg((size + 1023) / 1024)
            .arg(kMaxAttachmentBytes / 1024);
    return std::nullopt;
}

void ChatDesk::onInteractionChanged(const Interaction& interaction)
{
    if (!isConversational(interaction.channel))
        return;
    const bool held = interaction.state == InteractionState::Active ||
                      interaction.state == InteractionState::Held ||
                      interaction.state == InteractionState::WrapUp;
    auto it = m_conversations.find(interaction.id);
    if (it != m_conversations.end()) {
        if (!(it->second.interaction == interaction)) {
            it->second.interaction = interaction;
            Q_EMIT conversationChanged(interaction.id);
        }
        return;
    }
    if (!held)
        return;
    Conversation conversation;
    conversation.transcript = std::make_unique<models::ChatTranscriptModel>();
    conversation.interaction = interaction;
    m_conversations.emplace(interaction.id, std::move(conversation));
    m_order.append(interaction.id);
    fetchLatest(interaction.id);
    fetchCustomerHistory(interaction.id);
    Q_EMIT conversationOpened(interaction.id);
}

void ChatDesk::onInteractionGone(const QString& interactionId)
{
    const auto it = m_conversations.find(interactionId);
    if (it == m_conversations.end())
        return;
    m_order.removeOne(interactionId);
    Q_EMIT conversationClosed(interactionId);
    // Views let go of the model in conversationClosed; free it after them.
    it->second.transcript.release()->deleteLater();
    m_conversations.erase(it);
    m_typingSentAt.remove(interactionId);
}

void ChatDesk::onEvent(const Event& event)
{
    if (event.name == event::ChatMessage) {
        Result<ChatMessage> message =
            ChatMessage::fromJson(event.data.value(QLatin1StringView("message")).toObject());
        if (!message) {
            qCWarning(lcCore) << "malformed chat.message:" << message.error().message;
            return;
        }
        const auto it = m_conversations.find(message.value().interactionId);
        if (it == m_conversations.end())
            return; // history is fetched when the conversation opens
        it->second.transcript->add(message.value());
        if (message.value().sender == Sender::Customer) {
            it->second.customerTyping = false;
            Q_EMIT customerTypingChanged(message.value().interactionId, false);
            setUnread(message.value().interactionId, it->second.unread + 1);
        }
        Q_EMIT messageArrived(message.value().interactionId, message.value());
    } else if (event.name == event::MonitorWhisper) {
        Result<WhisperNote> note = WhisperNote::fromJson(event.data);
        if (!note)
            return;
        if (models::ChatTranscriptModel* model = transcript(note.value().interactionId)) {
            model->addWhisper(note.value());
            Q_EMIT whispered(note.value());
        }
    } else if (event.name == event::ChatTyping) {
        Result<TypingNotice> notice = TypingNotice::fromJson(event.data);
        if (!notice)
            return;
        const auto it = m_conversations.find(notice.value().interactionId);
        if (it == m_conversations.end() || it->second.customerTyping == notice.value().typing)
            return;
        it->second.customerTyping = notice.value().typing;
        Q_EMIT customerTypingChanged(notice.value().interactionId, notice.value().typing);
    } else if (event.name == event::ChatReceipt) {
        Result<ReceiptNotice> notice = ReceiptNotice::fromJson(event.data);
        if (!notice)
            return;
        if (models::ChatTranscriptModel* model = transcript(notice.value().interactionId))
            model->applyReceipt(Sender::Agent, notice.value().upToSeq, notice.value().delivery);
    }
}

void ChatDesk::fetchLatest(const QString& interactionId)
{
    m_connection.request(
        QString(method::ChatHistory), ChatHistoryParams{interactionId, 0, kPageSize}.toJson(), this,
        [this, interactionId](const Response& response) {
            const auto it = m_conversations.find(interactionId);
            if (it == m_conversations.end())
                return;
            Result<ChatHistory> page = ChatHistory::fromJson(response.result);
            if (response.error || !page) {
                qCWarning(lcCore) << "chat history failed for" << interactionId;
                return;
            }
            const bool first = it->second.transcript->rowCount() == 0;
            it->second.transcript->addAll(page.value().messages);
            if (first)
                it->second.hasOlder = page.value().hasMore;
            // The hub counts them all, not only this page's.
            setUnread(interactionId, page.value().unreadByAgent);
        },
        HubConnection::Delivery::Reliable);
}

void ChatDesk::setUnread(const QString& interactionId, int unread)
{
    const auto it = m_conversations.find(interactionId);
    if (it == m_conversations.end() || it->second.unread == unread)
        return;
    it->second.unread = unread;
    m_session.interactions().setUnread(interactionId, unread);
    Q_EMIT unreadChanged(interactionId, unread);
}

void ChatDesk::loadCanned()
{
    m_connection.request(
        QString(method::CannedList), {}, this,
        [this](const Response& response) {
            m_canned.clear();
            for (const QJsonValue& value :
                 response.result.value(QLatin1StringView("responses")).toArray()) {
                Result<CannedResponse> canned = CannedResponse::fromJson(value.toObject());
                if (canned)
                    m_canned.append(canned.value());
            }
        },
        HubConnection::Delivery::Reliable);
}

} // namespace qidong::core
