#include "Chat.h"

#include "EnumNames.h"
#include "FieldReader.h"
#include "Limits.h"

#include <QJsonArray>

namespace qidong::protocol {

namespace {

QLatin1StringView key(const char* name)
{
    return QLatin1StringView(name);
}

using enumnames::nameOf;
using enumnames::valueOf;

constexpr std::array<std::pair<Sender, const char*>, 4> kSenders{{
    {Sender::Customer, "customer"},
    {Sender::Agent, "agent"},
    {Sender::System, "system"},
    {Sender::Supervisor, "supervisor"},
}};

constexpr std::array<std::pair<Delivery, const char*>, 3> kDeliveries{{
    {Delivery::Sent, "sent"},
    {Delivery::Delivered, "delivered"},
    {Delivery::Read, "read"},
}};

constexpr std::array<std::pair<VocKind, const char*>, 4> kVocKinds{{
    {VocKind::None, "none"},
    {VocKind::Complaint, "complaint"},
    {VocKind::Suggestion, "suggestion"},
    {VocKind::Praise, "praise"},
}};

QString chatText(FieldReader& reader, QLatin1StringView field)
{
    return reader.string(field, kMaxChatTextLength, 0);
}

} // namespace

QString senderName(Sender sender)
{
    return nameOf(kSenders, sender);
}

std::optional<Sender> senderFromName(QStringView name)
{
    return valueOf(kSenders, name);
}

QString deliveryName(Delivery delivery)
{
    return nameOf(kDeliveries, delivery);
}

std::optional<Delivery> deliveryFromName(QStringView name)
{
    return valueOf(kDeliveries, name);
}

QString vocKindName(VocKind kind)
{
    return nameOf(kVocKinds, kind);
}

std::optional<VocKind> vocKindFromName(QStringView name)
{
    return valueOf(kVocKinds, name);
}

bool isAllowedAttachmentType(const QString& mimeType)
{
    static const QStringList allowed{
        QStringLiteral("image/png"),       QStringLiteral("image/jpeg"),
        QStringLiteral("image/gif"),       QStringLiteral("image/webp"),
        QStringLiteral("application/pdf"), QStringLiteral("text/plain"),
    };
    return allowed.contains(mimeType);
}

QJsonObject AttachmentRef::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("mimeType"), mimeType},
            {QStringLiteral("size"), size}};
}

Result<AttachmentRef> AttachmentRef::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    AttachmentRef ref;
    ref.id = reader.string(key("id"), kMaxIdentifierLength);
    ref.name = reader.string(key("name"), kMaxNameLength);
    ref.mimeType = reader.string(key("mimeType"), kMaxIdentifierLength);
    ref.size = reader.integer(key("size"), 0, kMaxAttachmentBytes);
    if (!reader.ok())
        return reader.error();
    return ref;
}

QJsonObject ChatMessage::toJson() const
{
    QJsonObject json{{QStringLiteral("interactionId"), interactionId},
                     {QStringLiteral("seq"), seq},
                     {QStringLiteral("sender"), protocol::senderName(sender)},
                     {QStringLiteral("senderName"), senderName},
                     {QStringLiteral("clientMsgId"), clientMsgId},
                     {QStringLiteral("text"), text},
                     {QStringLiteral("sentAt"), sentAtMs},
                     {QStringLiteral("delivery"), deliveryName(delivery)}};
    if (attachment)
        json.insert(QStringLiteral("attachment"), attachment->toJson());
    return json;
}

Result<ChatMessage> ChatMessage::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    ChatMessage message;
    message.interactionId = reader.string(key("interactionId"), kMaxIdentifierLength);
    message.seq = reader.integer(key("seq"), 1, kMaxSafeInteger);
    message.sender = reader.enumeration(key("sender"), senderFromName, Sender::Customer);
    message.senderName = reader.string(key("senderName"), kMaxNameLength, 0);
    message.clientMsgId = reader.string(key("clientMsgId"), kMaxIdentifierLength, 0);
    message.text = chatText(reader, key("text"));
    message.sentAtMs = reader.integer(key("sentAt"), 0, kMaxSafeInteger);
    message.delivery = reader.enumeration(key("delivery"), deliveryFromName, Delivery::Sent);
    if (const std::optional<QJsonObject> attachment = reader.optionalObject(key("attachment"))) {
        Result<AttachmentRef> ref =
            AttachmentRef::fromJson(*attachment, reader.pathOf(key("attachment")));
        if (ref)
            message.attachment = ref.value();
        else
            reader.adopt(ref.error());
    }
    if (!reader.ok())
        return reader.error();
    return message;
}

Result<AttachmentUpload> AttachmentUpload::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    AttachmentUpload upload;
    upload.name = reader.string(key("name"), kMaxNameLength);
    upload.mimeType = reader.string(key("mimeType"), kMaxIdentifierLength);
    // Base64 is 4/3 of the data; a little slack for padding.
    const QString base64 = reader.string(key("data"), int(kMaxAttachmentBytes * 4 / 3 + 8), 0);
    if (reader.ok() && !isAllowedAttachmentType(upload.mimeType))
        reader.fail(key("mimeType"),
                    QStringLiteral("files of type %1 cannot be sent; allowed: images, PDF, text")
                        .arg(upload.mimeType));
    if (reader.ok()) {
        const auto decoded = QByteArray::fromBase64Encoding(
            base64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            reader.fail(key("data"), QStringLiteral("not valid base64"));
        else if (decoded.decoded.size() > kMaxAttachmentBytes)
            reader.fail(
                key("data"),
                QStringLiteral("the file is larger than %1 KiB").arg(kMaxAttachmentBytes / 1024));
        else
            upload.data = decoded.decoded;
    }
    if (!reader.ok())
        return reader.error();
    return upload;
}

QJsonObject AttachmentUpload::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("mimeType"), mimeType},
            {QStringLiteral("data"), QString::fromLatin1(data.toBase64())}};
}

QJsonObject ChatSendParams::toJson() const
{
    QJsonObject json{{QStringLiteral("clientMsgId"), clientMsgId}, {QStringLiteral("text"), text}};
    if (!interactionId.isEmpty())
        json.insert(QStringLiteral("interactionId"), interactionId);
    if (attachment)
        json.insert(QStringLiteral("attachment"), attachment->toJson());
    return json;
}

Result<ChatSendParams> ChatSendParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    ChatSendParams params;
    params.interactionId =
        reader.optionalString(key("interactionId"), kMaxIdentifierLength).value_or(QString());
    params.clientMsgId = reader.string(key("clientMsgId"), kMaxIdentifierLength);
    params.text = chatText(reader, key("text"));
    if (const std::optional<QJsonObject> attachment = reader.optionalObject(key("attachment"))) {
        Result<AttachmentUpload> upload =
            AttachmentUpload::fromJson(*attachment, reader.pathOf(key("attachment")));
        if (upload)
            params.attachment = upload.value();
        else
            reader.adopt(upload.error());
    }
    if (reader.ok() && params.text.trimmed().isEmpty() && !params.attachment)
        reader.fail(key("text"), QStringLiteral("a message needs text or an attachment"));
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject ChatTypingParams::toJson() const
{
    QJsonObject json{{QStringLiteral("typing"), typing}};
    if (!interactionId.isEmpty())
        json.insert(QStringLiteral("interactionId"), interactionId);
    return json;
}

Result<ChatTypingParams> ChatTypingParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    ChatTypingParams params;
    params.interactionId =
        reader.optionalString(key("interactionId"), kMaxIdentifierLength).value_or(QString());
    params.typing = reader.boolean(key("typing"));
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject ChatHistoryParams::toJson() const
{
    QJsonObject json{{QStringLiteral("beforeSeq"), beforeSeq}, {QStringLiteral("limit"), limit}};
    if (!interactionId.isEmpty())
        json.insert(QStringLiteral("interactionId"), interactionId);
    return json;
}

Result<ChatHistoryParams> ChatHistoryParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    ChatHistoryParams params;
    params.interactionId =
        reader.optionalString(key("interactionId"), kMaxIdentifierLength).value_or(QString());
    params.beforeSeq = reader.optionalInteger(key("beforeSeq"), 0, kMaxSafeInteger).value_or(0);
    params.limit = int(reader.optionalInteger(key("limit"), 1, 500).value_or(100));
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject ChatHistory::toJson() const
{
    QJsonArray list;
    for (const ChatMessage& message : messages)
        list.append(message.toJson());
    return {{QStringLiteral("messages"), list},
            {QStringLiteral("hasMore"), hasMore},
            {QStringLiteral("unread"), unreadByAgent}};
}

Result<ChatHistory> ChatHistory::fromJson(const QJsonObject& json)
{
    FieldReader reader(json, {}, ErrorCode::InvalidMessage);
    ChatHistory history;
    const QJsonArray list = reader.array(key("messages"), 500);
    history.hasMore = reader.boolean(key("hasMore"));
    history.unreadByAgent =
        int(reader.optionalInteger(key("unread"), 0, kMaxSafeInteger).value_or(0));
    for (qsizetype i = 0; reader.ok() && i < list.size(); ++i) {
        Result<ChatMessage> message =
            ChatMessage::fromJson(list.at(i).toObject(), QStringLiteral("messages[%1]").arg(i));
        if (message)
            history.messages.append(message.value());
        else
            reader.adopt(message.error());
    }
    if (!reader.ok())
        return reader.error();
    return history;
}

QJsonObject ChatReadParams::toJson() const
{
    QJsonObject json{{QStringLiteral("upToSeq"), upToSeq}};
    if (!interactionId.isEmpty())
        json.insert(QStringLiteral("interactionId"), interactionId);
    return json;
}

Result<ChatReadParams> ChatReadParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    ChatReadParams params;
    params.interactionId =
        reader.optionalString(key("interactionId"), kMaxIdentifierLength).value_or(QString());
    params.upToSeq = reader.integer(key("upToSeq"), 0, kMaxSafeInteger);
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject TypingNotice::toJson() const
{
    return {{QStringLiteral("interactionId"), interactionId},
            {QStringLiteral("sender"), senderName(sender)},
            {QStringLiteral("typing"), typing}};
}

Result<TypingNotice> TypingNotice::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    TypingNotice notice;
    notice.interactionId = reader.string(key("interactionId"), kMaxIdentifierLength);
    notice.sender = reader.enumeration(key("sender"), senderFromName, Sender::Customer);
    notice.typing = reader.boolean(key("typing"));
    if (!reader.ok())
        return reader.error();
    return notice;
}

QJsonObject ReceiptNotice::toJson() const
{
    return {{QStringLiteral("interactionId"), interactionId},
            {QStringLiteral("upToSeq"), upToSeq},
            {QStringLiteral("delivery"), deliveryName(delivery)}};
}

Result<ReceiptNotice> ReceiptNotice::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    ReceiptNotice notice;
    notice.interactionId = reader.string(key("interactionId"), kMaxIdentifierLength);
    notice.upToSeq = reader.integer(key("upToSeq"), 0, kMaxSafeInteger);
    notice.delivery = reader.enumeration(key("delivery"), deliveryFromName, Delivery::Delivered);
    if (!reader.ok())
        return reader.error();
    return notice;
}

QJsonObject TransferParams::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id}, {QStringLiteral("note"), note}};
    if (!queueId.isEmpty())
        json.insert(QStringLiteral("queueId"), queueId);
    if (!agentUsername.isEmpty())
        json.insert(QStringLiteral("agent"), agentUsername);
    return json;
}

Result<TransferParams> TransferParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    TransferParams params;
    params.id = reader.string(key("id"), kMaxIdentifierLength);
    params.queueId =
        reader.optionalString(key("queueId"), kMaxIdentifierLength).value_or(QString());
    params.agentUsername =
        reader.optionalString(key("agent"), kMaxIdentifierLength).value_or(QString());
    params.note = reader.optionalString(key("note"), kMaxNoteLength).value_or(QString());
    if (reader.ok() && params.queueId.isEmpty() == params.agentUsername.isEmpty())
        reader.fail(key("queueId"), QStringLiteral("name either a queue or an agent"));
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject WrapUpRecord::toJson() const
{
    QJsonObject json{{QStringLiteral("code"), code},
                     {QStringLiteral("voc"), vocKindName(voc)},
                     {QStringLiteral("notes"), notes},
                     {QStringLiteral("followUp"), followUp}};
    if (!vocCategory.isEmpty())
        json.insert(QStringLiteral("vocCategory"), vocCategory);
    if (automatic)
        json.insert(QStringLiteral("automatic"), true);
    return json;
}

Result<WrapUpRecord> WrapUpRecord::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    WrapUpRecord record;
    record.code = reader.string(key("code"), kMaxIdentifierLength);
    record.voc = vocKindFromName(reader.optionalString(key("voc"), kMaxIdentifierLength)
                                     .value_or(QStringLiteral("none")))
                     .value_or(VocKind::None);
    record.vocCategory =
        reader.optionalString(key("vocCategory"), kMaxIdentifierLength).value_or(QString());
    record.notes = reader.optionalString(key("notes"), kMaxNoteLength).value_or(QString());
    record.followUp = reader.optionalBoolean(key("followUp")).value_or(false);
    record.automatic = reader.optionalBoolean(key("automatic")).value_or(false);
    if (!reader.ok())
        return reader.error();
    return record;
}

QJsonObject PastInteraction::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("channel"), channelName(channel)},
            {QStringLiteral("queueId"), queueId},
            {QStringLiteral("createdAt"), createdAtMs},
            {QStringLiteral("endedAt"), endedAtMs},
            {QStringLiteral("agentName"), agentName},
            {QStringLiteral("wrapUp"), wrapUp.toJson()},
            {QStringLiteral("csat"), csat},
            {QStringLiteral("nps"), nps}};
}

Result<PastInteraction> PastInteraction::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    PastInteraction past;
    past.id = reader.string(key("id"), kMaxIdentifierLength);
    past.channel = reader.enumeration(key("channel"), channelFromName, Channel::Chat);
    past.queueId = reader.string(key("queueId"), kMaxIdentifierLength);
    past.createdAtMs = reader.integer(key("createdAt"), 0, kMaxSafeInteger);
    past.endedAtMs = reader.integer(key("endedAt"), 0, kMaxSafeInteger);
    past.agentName = reader.string(key("agentName"), kMaxNameLength, 0);
    const QJsonObject wrapUp = reader.object(key("wrapUp"));
    past.csat = int(reader.integer(key("csat"), -1, 10));
    past.nps = int(reader.integer(key("nps"), -1, 10));
    if (reader.ok()) {
        Result<WrapUpRecord> record = WrapUpRecord::fromJson(wrapUp, reader.pathOf(key("wrapUp")));
        if (record)
            past.wrapUp = record.value();
        else
            reader.adopt(record.error());
    }
    if (!reader.ok())
        return reader.error();
    return past;
}

QJsonObject CannedResponse::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("shortcut"), shortcut},
            {QStringLiteral("title"), title},
            {QStringLiteral("body"), body},
            {QStringLiteral("language"), language}};
}

Result<CannedResponse> CannedResponse::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    CannedResponse canned;
    canned.id = reader.string(key("id"), kMaxIdentifierLength);
    canned.shortcut = reader.string(key("shortcut"), kMaxIdentifierLength);
    canned.title = reader.string(key("title"), kMaxNameLength);
    canned.body = reader.string(key("body"), kMaxChatTextLength);
    canned.language = reader.string(key("language"), 16, 0);
    if (!reader.ok())
        return reader.error();
    return canned;
}

QJsonObject QueueStanding::toJson() const
{
    return {{QStringLiteral("position"), position},
            {QStringLiteral("estimatedWaitMs"), estimatedWaitMs}};
}

} // namespace qidong::protocol
