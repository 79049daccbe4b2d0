#include "ChatStore.h"

#include "Database.h"
#include "auth/SecretToken.h"
#include "log/HubLog.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

const QString kMessageColumns = QStringLiteral(
    "interaction_id, seq, sender, sender_name, client_msg_id, body, attachment, sent_at");

ChatMessage readMessage(const QSqlQuery& query)
{
    ChatMessage message;
    message.interactionId = query.value(0).toString();
    message.seq = query.value(1).toLongLong();
    message.sender = senderFromName(query.value(2).toString()).value_or(Sender::System);
    message.senderName = query.value(3).toString();
    message.clientMsgId = query.value(4).toString();
    message.text = query.value(5).toString();
    const QString attachment = query.value(6).toString();
    if (!attachment.isEmpty()) {
        Result<AttachmentRef> ref =
            AttachmentRef::fromJson(QJsonDocument::fromJson(attachment.toUtf8()).object());
        if (ref)
            message.attachment = ref.value();
    }
    message.sentAtMs = query.value(7).toLongLong();
    return message;
}

Error storageError(const QSqlQuery& query, QLatin1StringView what)
{
    logWarning(lcStorage, what, {{QStringLiteral("error"), query.lastError().text()}});
    return makeError(ErrorCode::StorageFailure, QStringLiteral("could not store the message"));
}

} // namespace

ChatStore::ChatStore(Database& database)
    : m_database(database)
{}

Result<ChatStore::Appended> ChatStore::append(ChatMessage message,
                                              const std::optional<AttachmentUpload>& attachment)
{
    if (!message.clientMsgId.isEmpty()) {
        QSqlQuery existing(m_database.connection());
        existing.prepare(QStringLiteral("SELECT ") + kMessageColumns +
                         QStringLiteral(" FROM chat_messages WHERE interaction_id = ? AND"
                                        " sender = ? AND client_msg_id = ?"));
        existing.addBindValue(message.interactionId);
        existing.addBindValue(senderName(message.sender));
        existing.addBindValue(message.clientMsgId);
        if (existing.exec() && existing.next())
            return Appended{withDelivery(readMessage(existing), marks(message.interactionId)),
                            true};
    }

    QSqlDatabase& db = m_database.connection();
    if (!db.transaction())
        return makeError(ErrorCode::StorageFailure, QStringLiteral("could not store the message"));
    const auto rollback = [&db](const Error& error) {
        db.rollback();
        return error;
    };
    message.seq = lastSeq(message.interactionId) + 1;
    if (attachment) {
        AttachmentRef ref{QStringLiteral("a-") + SecretToken::randomId().left(16), attachment->name,
                          attachment->mimeType, attachment->data.size()};
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO chat_attachments(id, interaction_id, name,"
                                      " mime_type, data) VALUES (?, ?, ?, ?, ?)"));
        insert.addBindValue(ref.id);
        insert.addBindValue(message.interactionId);
        insert.addBindValue(ref.name);
        insert.addBindValue(ref.mimeType);
        insert.addBindValue(attachment->data);
        if (!insert.exec())
            return rollback(storageError(insert, QLatin1StringView("attachment.save_failed")));
        message.attachment = ref;
    }
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO chat_messages(") + kMessageColumns +
                   QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(message.interactionId);
    insert.addBindValue(message.seq);
    insert.addBindValue(senderName(message.sender));
    insert.addBindValue(orEmpty(message.senderName));
    insert.addBindValue(orEmpty(message.clientMsgId));
    insert.addBindValue(orEmpty(message.text));
    insert.addBindValue(
        message.attachment
            ? QString::fromUtf8(
                  QJsonDocument(message.attachment->toJson()).toJson(QJsonDocument::Compact))
            : QString(QLatin1StringView("")));
    insert.addBindValue(message.sentAtMs);
    if (!insert.exec())
        return rollback(storageError(insert, QLatin1StringView("message.save_failed")));
    if (!db.commit())
        return rollback(
            makeError(ErrorCode::StorageFailure, QStringLiteral("could not store the message")));
    m_lastSeq.insert(message.interactionId, message.seq);
    message.delivery = Delivery::Sent;
    return Appended{message, false};
}

ChatHistory ChatStore::history(const QString& interactionId, qint64 beforeSeq, int limit) const
{
    ChatHistory history;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT ") + kMessageColumns +
                  QStringLiteral(" FROM chat_messages WHERE interaction_id = ? AND seq < ?"
                                 " ORDER BY seq DESC LIMIT ?"));
    query.addBindValue(interactionId);
    query.addBindValue(beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max());
    query.addBindValue(limit + 1);
    if (!query.exec())
        return history;
    const ConversationMarks current = marks(interactionId);
    QSqlQuery unread(m_database.connection());
    unread.prepare(QStringLiteral("SELECT COUNT(*) FROM chat_messages WHERE interaction_id = ?"
                                  " AND sender = 'customer' AND seq > ?"));
    unread.addBindValue(interactionId);
    unread.addBindValue(current.agentRead);
    if (unread.exec() && unread.next())
        history.unreadByAgent = unread.value(0).toInt();
    while (query.next()) {
        if (history.messages.size() == limit) {
            history.hasMore = true;
            break;
        }
        history.messages.prepend(withDelivery(readMessage(query), current));
    }
    return history;
}

QList<ChatMessage> ChatStore::after(const QString& interactionId, qint64 afterSeq, int limit) const
{
    QList<ChatMessage> messages;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT ") + kMessageColumns +
                  QStringLiteral(" FROM chat_messages WHERE interaction_id = ? AND seq > ?"
                                 " ORDER BY seq LIMIT ?"));
    query.addBindValue(interactionId);
    query.addBindValue(afterSeq);
    query.addBindValue(limit);
    if (!query.exec())
        return messages;
    const ConversationMarks current = marks(interactionId);
    while (query.next())
        messages.append(withDelivery(readMessage(query), current));
    return messages;
}

qint64 ChatStore::lastSeq(const QString& interactionId) const
{
    const auto cached = m_lastSeq.constFind(interactionId);
    if (cached != m_lastSeq.cend())
        return *cached;
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM chat_messages WHERE interaction_id = ?"));
    query.addBindValue(interactionId);
    const qint64 last = query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    m_lastSeq.insert(interactionId, last);
    return last;
}

qint64 ChatStore::messageCount() const
{
    QSqlQuery query(m_database.connection());
    return query.exec(QStringLiteral("SELECT COUNT(*) FROM chat_messages")) && query.next()
               ? query.value(0).toLongLong()
               : 0;
}

std::optional<StoredAttachment> ChatStore::attachment(const QString& id) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT interaction_id, name, mime_type, data FROM chat_attachments WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return StoredAttachment{query.value(0).toString(), query.value(1).toString(),
                            query.value(2).toString(), query.value(3).toByteArray()};
}

Result<bool> ChatStore::openConversation(const QString& interactionId,
                                         const QByteArray& visitorHash)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO chat_conversations(interaction_id, visitor_hash)"
                                 " VALUES (?, ?) ON CONFLICT(interaction_id) DO NOTHING"));
    query.addBindValue(interactionId);
    query.addBindValue(visitorHash.isEmpty() ? QVariant() : QVariant(visitorHash));
    if (!query.exec())
        return storageError(query, QLatin1StringView("conversation.save_failed"));
    return true;
}

std::optional<QString> ChatStore::conversationOfVisitor(const QByteArray& visitorHash) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT interaction_id FROM chat_conversations WHERE visitor_hash = ?"));
    query.addBindValue(visitorHash);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toString();
}

ConversationMarks ChatStore::marks(const QString& interactionId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT customer_delivered, customer_read, agent_delivered,"
                                 " agent_read FROM chat_conversations WHERE interaction_id = ?"));
    query.addBindValue(interactionId);
    if (!query.exec() || !query.next())
        return {};
    return {query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toLongLong(),
            query.value(3).toLongLong()};
}

Result<bool> ChatStore::raiseMark(const QString& interactionId, Sender reader, Delivery delivery,
                                  qint64 seq)
{
    const bool customer = reader == Sender::Customer;
    const QString column =
        delivery == Delivery::Read
            ? (customer ? QStringLiteral("customer_read") : QStringLiteral("agent_read"))
            : (customer ? QStringLiteral("customer_delivered") : QStringLiteral("agent_delivered"));
    seq = std::min(seq, lastSeq(interactionId));
    if (Result<bool> opened = openConversation(interactionId, {}); !opened)
        return opened.error();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE chat_conversations SET %1 = ? WHERE interaction_id = ?"
                                 " AND %1 < ?")
                      .arg(column));
    query.addBindValue(seq);
    query.addBindValue(interactionId);
    query.addBindValue(seq);
    if (!query.exec())
        return storageError(query, QLatin1StringView("receipt.save_failed"));
    return query.numRowsAffected() > 0;
}

Result<bool> ChatStore::rate(const QString& interactionId, int csat, int nps,
                             const QString& comment)
{
    if (Result<bool> opened = openConversation(interactionId, {}); !opened)
        return opened.error();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE chat_conversations SET csat = ?, nps = ?,"
                                 " rating_comment = ? WHERE interaction_id = ?"));
    query.addBindValue(csat < 0 ? QVariant() : QVariant(csat));
    query.addBindValue(nps < 0 ? QVariant() : QVariant(nps));
    query.addBindValue(orEmpty(comment));
    query.addBindValue(interactionId);
    if (!query.exec())
        return storageError(query, QLatin1StringView("rating.save_failed"));
    return true;
}

bool ChatStore::isRated(const QString& interactionId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT 1 FROM chat_conversations WHERE interaction_id = ? AND"
                                 " (csat IS NOT NULL OR nps IS NOT NULL)"));
    query.addBindValue(interactionId);
    return query.exec() && query.next();
}

ChatMessage ChatStore::withDelivery(ChatMessage message, const ConversationMarks& marks) const
{
    // A message's state is how far the *other* side has got.
    const bool fromCustomer = message.sender == Sender::Customer;
    const qint64 read = fromCustomer ? marks.agentRead : marks.customerRead;
    const qint64 delivered = fromCustomer ? marks.agentDelivered : marks.customerDelivered;
    message.delivery = message.seq <= read        ? Delivery::Read
                       : message.seq <= delivered ? Delivery::Delivered
                                                  : Delivery::Sent;
    return message;
}

} // namespace qidong::hub
