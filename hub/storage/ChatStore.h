#pragma once

#include "protocol/Chat.h"
#include "protocol/Result.h"

#include <QHash>
#include <QList>

#include <optional>

namespace qidong::hub {

class Database;

// How far each side of a conversation has got, by message seq.
struct ConversationMarks final
{
    qint64 customerDelivered = 0;
    qint64 customerRead = 0;
    qint64 agentDelivered = 0;
    qint64 agentRead = 0;
};

struct StoredAttachment final
{
    QString interactionId;
    QString name;
    QString mimeType;
    QByteArray data;
};

// Chat messages, attachments and the customer side of conversations. A
// message is on disk (synchronous=FULL) before anyone is told of it; a
// sender's retry with the same clientMsgId gets the stored message back
// instead of a second copy.
class ChatStore final
{
    Q_DISABLE_COPY_MOVE(ChatStore)

public:
    explicit ChatStore(Database& database);

    struct Appended
    {
        protocol::ChatMessage message;
        bool duplicate = false; // the clientMsgId was already stored
    };
    // Gives the message the next seq of its conversation and stores it.
    protocol::Result<Appended>
    append(protocol::ChatMessage message,
           const std::optional<protocol::AttachmentUpload>& attachment = std::nullopt);

    protocol::ChatHistory history(const QString& interactionId, qint64 beforeSeq, int limit) const;
    QList<protocol::ChatMessage> after(const QString& interactionId, qint64 afterSeq,
                                       int limit) const;
    qint64 lastSeq(const QString& interactionId) const;
    qint64 messageCount() const;
    std::optional<StoredAttachment> attachment(const QString& id) const;

    protocol::Result<bool> openConversation(const QString& interactionId,
                                            const QByteArray& visitorHash);
    std::optional<QString> conversationOfVisitor(const QByteArray& visitorHash) const;
    ConversationMarks marks(const QString& interactionId) const;
    // Raises a mark (never lowers it); answers whether it moved.
    protocol::Result<bool> raiseMark(const QString& interactionId, protocol::Sender reader,
                                     protocol::Delivery delivery, qint64 seq);
    protocol::Result<bool> rate(const QString& interactionId, int csat, int nps,
                                const QString& comment);
    bool isRated(const QString& interactionId) const;

private:
    protocol::ChatMessage withDelivery(protocol::ChatMessage message,
                                       const ConversationMarks& marks) const;

    Database& m_database;
    mutable QHash<QString, qint64> m_lastSeq;
};

} // namespace qidong::hub
