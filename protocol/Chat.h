#pragma once

#include "Interaction.h"
#include "Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Chat and messaging payloads, shared by the agent protocol and the
// customer page's socket (docs/protocol.md, "Chat").
namespace qidong::protocol {

enum class Sender
{
    Customer,
    Agent,
    System,     // queue notices, transfers, "the agent ended the chat"
    Supervisor, // a team lead who joined the chat (monitor.start, barge)
};

// How far a message got: stored by the hub, shown to the other side, read.
enum class Delivery
{
    Sent,
    Delivered,
    Read,
};

QString senderName(Sender sender);
std::optional<Sender> senderFromName(QStringView name);
QString deliveryName(Delivery delivery);
std::optional<Delivery> deliveryFromName(QStringView name);

// A file sent with a message: announced by reference, fetched separately.
struct AttachmentRef final
{
    QString id;
    QString name;
    QString mimeType;
    qint64 size = 0;

    QJsonObject toJson() const;
    static Result<AttachmentRef> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const AttachmentRef&, const AttachmentRef&) = default;
};

struct ChatMessage final
{
    QString interactionId;
    qint64 seq = 0; // 1, 2, ... per conversation, in the order the hub stored them
    Sender sender = Sender::Customer;
    QString senderName;
    QString clientMsgId; // the sender's id for exactly-once delivery
    QString text;
    std::optional<AttachmentRef> attachment;
    qint64 sentAtMs = 0;
    Delivery delivery = Delivery::Sent;

    QJsonObject toJson() const;
    static Result<ChatMessage> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const ChatMessage&, const ChatMessage&) = default;
};

// A file to attach, carried inline (base64) up to kMaxAttachmentBytes.
struct AttachmentUpload final
{
    QString name;
    QString mimeType;
    QByteArray data;

    static Result<AttachmentUpload> fromJson(const QJsonObject& json, const QString& path);
    QJsonObject toJson() const;
};

// The file types a chat accepts: images, PDF and plain text. Anything else
// is refused with a clear error rather than passed on to a customer.
bool isAllowedAttachmentType(const QString& mimeType);

// chat.send (agent) and customer.send (customer).
struct ChatSendParams final
{
    QString interactionId; // empty on the customer socket: its own conversation
    QString clientMsgId;
    QString text;
    std::optional<AttachmentUpload> attachment;

    QJsonObject toJson() const;
    static Result<ChatSendParams> fromJson(const QJsonObject& json);
};

// chat.typing
struct ChatTypingParams final
{
    QString interactionId;
    bool typing = false;

    QJsonObject toJson() const;
    static Result<ChatTypingParams> fromJson(const QJsonObject& json);
};

// chat.history: up to `limit` messages before `beforeSeq` (0: the newest).
struct ChatHistoryParams final
{
    QString interactionId;
    qint64 beforeSeq = 0;
    int limit = 100;

    QJsonObject toJson() const;
    static Result<ChatHistoryParams> fromJson(const QJsonObject& json);
};

struct ChatHistory final
{
    QList<ChatMessage> messages; // oldest first
    bool hasMore = false;
    int unreadByAgent = 0; // customer messages after the agent's read mark, in all

    QJsonObject toJson() const;
    static Result<ChatHistory> fromJson(const QJsonObject& json);
};

// chat.read: the reader has seen everything up to `upToSeq`.
struct ChatReadParams final
{
    QString interactionId;
    qint64 upToSeq = 0;

    QJsonObject toJson() const;
    static Result<ChatReadParams> fromJson(const QJsonObject& json);
};

// chat.typing event: who is typing in which conversation.
struct TypingNotice final
{
    QString interactionId;
    Sender sender = Sender::Customer;
    bool typing = false;

    QJsonObject toJson() const;
    static Result<TypingNotice> fromJson(const QJsonObject& json);
};

// chat.receipt event: the other side has messages up to `upToSeq` in this state.
struct ReceiptNotice final
{
    QString interactionId;
    qint64 upToSeq = 0;
    Delivery delivery = Delivery::Delivered;

    QJsonObject toJson() const;
    static Result<ReceiptNotice> fromJson(const QJsonObject& json);
};

// interaction.transfer: to a queue, or to a named agent, with a note.
struct TransferParams final
{
    QString id;
    QString queueId;
    QString agentUsername;
    QString note;

    QJsonObject toJson() const;
    static Result<TransferParams> fromJson(const QJsonObject& json);
};

// Voice of the customer from wrap-up (listen -> pass on -> feed back).
enum class VocKind
{
    None,
    Complaint,
    Suggestion,
    Praise,
};
QString vocKindName(VocKind kind);
std::optional<VocKind> vocKindFromName(QStringView name);

// What the agent records as an interaction is wrapped up.
struct WrapUpRecord final
{
    QString code;
    VocKind voc = VocKind::None;
    QString vocCategory; // e.g. billing, network, baggage, app
    QString notes;
    bool followUp = false;
    bool automatic = false; // applied by the hub when wrap-up time ran out

    QJsonObject toJson() const;
    static Result<WrapUpRecord> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const WrapUpRecord&, const WrapUpRecord&) = default;
};

// An ended interaction as the customer's history shows it.
struct PastInteraction final
{
    QString id;
    Channel channel = Channel::Chat;
    QString queueId;
    qint64 createdAtMs = 0;
    qint64 endedAtMs = 0;
    QString agentName;
    WrapUpRecord wrapUp;
    int csat = -1; // -1: not rated
    int nps = -1;

    QJsonObject toJson() const;
    static Result<PastInteraction> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const PastInteraction&, const PastInteraction&) = default;
};

// A canned response of the team library.
struct CannedResponse final
{
    QString id;
    QString shortcut; // typed after "/" in the composer
    QString title;
    QString body; // may hold {customer.name} and {agent.name}
    QString language;

    QJsonObject toJson() const;
    static Result<CannedResponse> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const CannedResponse&, const CannedResponse&) = default;
};

// Where a waiting customer stands (customer socket, queue.position).
struct QueueStanding final
{
    int position = 0;
    qint64 estimatedWaitMs = 0;

    QJsonObject toJson() const;
};

} // namespace qidong::protocol
