#pragma once

#include "protocol/Chat.h"
#include "protocol/Monitor.h"

#include <QAbstractListModel>
#include <QHash>

#include <vector>

namespace qidong::models {

// One conversation's messages, oldest first, then the agent's messages
// still on their way (the outbox). A stored message replaces its pending
// twin by clientMsgId, so a resend after a reconnect shows once. Older
// history is prepended page by page; receipts and deliveries are narrow
// dataChanged ranges. Sizes are cached per row for the view's delegate.
class ChatTranscriptModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatTranscriptModel)

public:
    enum Role
    {
        SeqRole = Qt::UserRole + 1, // 0 while pending
        SenderRole,                 // protocol::Sender as int
        SenderNameRole,
        TextRole, // plain text: never interpreted as markup
        SentAtRole,
        DeliveryRole, // protocol::Delivery as int
        PendingRole,  // bool: not yet stored by the hub
        FailedRole,   // QString: why sending failed, empty otherwise
        AttachmentIdRole,
        AttachmentNameRole,
        ClientMsgIdRole,
        WhisperRole, // bool: a team lead's coaching note, never sent to the customer
    };
    Q_ENUM(Role)

    explicit ChatTranscriptModel(QObject* parent = nullptr);
    ~ChatTranscriptModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Stored messages: new ones are inserted in seq order, known ones
    // (by seq) are updated, a pending twin (by clientMsgId) is replaced.
    void add(const protocol::ChatMessage& message);
    void addAll(const QList<protocol::ChatMessage>& messages);
    // Older history, all before oldestSeq(): one insert at the top.
    void prependHistory(const QList<protocol::ChatMessage>& older);
    void clear();
    // A team lead's whisper: shown after the messages so far, for the agent
    // only. Not a stored message: it has the seq of the one before it.
    void addWhisper(const protocol::WhisperNote& note);
    void addPending(const QString& clientMsgId, const QString& text,
                    const QString& attachmentName = {});
    void markFailed(const QString& clientMsgId, const QString& why);
    void removePending(const QString& clientMsgId);
    // The other side has messages from `sender` up to `upToSeq` in `delivery`.
    void applyReceipt(protocol::Sender sender, qint64 upToSeq, protocol::Delivery delivery);

    qint64 oldestSeq() const;
    qint64 newestSeq() const;
    // The newest message from the customer (what "read" acknowledges).
    qint64 newestCustomerSeq() const;
    int pendingCount() const;
    const protocol::ChatMessage* messageAt(int row) const;

    // The delegate's measured height of a row at a width (0: unknown).
    int cachedHeight(int row, int width) const;
    void cacheHeight(int row, int width, int height) const;

private:
    struct Row
    {
        protocol::ChatMessage message; // seq 0 while pending
        bool pending = false;
        QString failed;
        QString attachmentName;
        mutable int cachedWidth = 0;
        mutable int cachedHeight = 0;
        bool whisper = false;
    };

    int firstPendingRow() const;
    int rowOfSeq(qint64 seq) const;
    int rowOfPending(const QString& clientMsgId) const;

    std::vector<Row> m_rows;
};

} // namespace qidong::models
