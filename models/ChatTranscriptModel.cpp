#include "ChatTranscriptModel.h"

#include <algorithm>

namespace qidong::models {

using namespace qidong::protocol;

ChatTranscriptModel::ChatTranscriptModel(QObject* parent)
    : QAbstractListModel(parent)
{}

ChatTranscriptModel::~ChatTranscriptModel() = default;

int ChatTranscriptModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ChatTranscriptModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    const ChatMessage& message = row.message;
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return message.text;
    case SeqRole:
        return message.seq;
    case SenderRole:
        return int(message.sender);
    case SenderNameRole:
        return message.senderName;
    case SentAtRole:
        return message.sentAtMs;
    case DeliveryRole:
        return int(message.delivery);
    case PendingRole:
        return row.pending;
    case FailedRole:
        return row.failed;
    case AttachmentIdRole:
        return message.attachment ? message.attachment->id : QString();
    case AttachmentNameRole:
        return message.attachment ? message.attachment->name : row.attachmentName;
    case ClientMsgIdRole:
        return message.clientMsgId;
    case WhisperRole:
        return row.whisper;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatTranscriptModel::roleNames() const
{
    return {{SeqRole, "seq"},
            {SenderRole, "sender"},
            {SenderNameRole, "senderName"},
            {TextRole, "text"},
            {SentAtRole, "sentAt"},
            {DeliveryRole, "delivery"},
            {PendingRole, "pending"},
            {FailedRole, "failed"},
            {AttachmentIdRole, "attachmentId"},
            {AttachmentNameRole, "attachmentName"},
            {ClientMsgIdRole, "clientMsgId"},
            {WhisperRole, "whisper"}};
}

void ChatTranscriptModel::add(const ChatMessage& message)
{
    if (const int known = rowOfSeq(message.seq); known >= 0) {
        Row& row = m_rows[std::size_t(known)];
        if (row.message == message)
            return;
        row.message = message;
        row.cachedWidth = 0;
        Q_EMIT dataChanged(index(known), index(known));
        return;
    }
    if (!message.clientMsgId.isEmpty()) {
        if (const int twin = rowOfPending(message.clientMsgId); twin >= 0)
            removePending(message.clientMsgId);
    }
    // Stored rows stay in seq order; pending rows stay after them.
    const int storedEnd = firstPendingRow();
    const auto begin = m_rows.begin();
    const auto position =
        std::upper_bound(begin, begin + storedEnd, message.seq,
                         [](qint64 seq, const Row& row) { return seq < row.message.seq; });
    const int at = int(position - begin);
    beginInsertRows({}, at, at);
    m_rows.insert(position, Row{message, false, {}, {}, 0, 0, false});
    endInsertRows();
}

void ChatTranscriptModel::addAll(const QList<ChatMessage>& messages)
{
    // The common case, a page newer than everything, is one insert.
    const bool allNewer =
        !messages.isEmpty() && pendingCount() == 0 &&
        std::is_sorted(messages.cbegin(), messages.cend(),
                       [](const ChatMessage& a, const ChatMessage& b) { return a.seq < b.seq; }) &&
        messages.constFirst().seq > newestSeq();
    if (!allNewer) {
        for (const ChatMessage& message : messages)
            add(message);
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(messages.size()) - 1);
    m_rows.reserve(m_rows.size() + std::size_t(messages.size()));
    for (const ChatMessage& message : messages)
        m_rows.push_back(Row{message, false, {}, {}, 0, 0, false});
    endInsertRows();
}

void ChatTranscriptModel::prependHistory(const QList<ChatMessage>& older)
{
    const qint64 oldest = oldestSeq();
    QList<ChatMessage> page;
    for (const ChatMessage& message : older) {
        if (oldest == 0 || message.seq < oldest)
            page.append(message);
    }
    if (page.isEmpty())
        return;
    std::sort(page.begin(), page.end(),
              [](const ChatMessage& a, const ChatMessage& b) { return a.seq < b.seq; });
    beginInsertRows({}, 0, int(page.size()) - 1);
    std::vector<Row> rows;
    rows.reserve(std::size_t(page.size()) + m_rows.size());
    for (const ChatMessage& message : page)
        rows.push_back(Row{message, false, {}, {}, 0, 0, false});
    std::move(m_rows.begin(), m_rows.end(), std::back_inserter(rows));
    m_rows = std::move(rows);
    endInsertRows();
}

void ChatTranscriptModel::clear()
{
    if (m_rows.empty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void ChatTranscriptModel::addWhisper(const WhisperNote& note)
{
    ChatMessage message;
    message.interactionId = note.interactionId;
    message.seq = newestSeq();
    message.sender = Sender::Supervisor;
    message.senderName = note.supervisorName;
    message.text = note.text;
    message.sentAtMs = note.sentAtMs;
    const int at = firstPendingRow();
    beginInsertRows({}, at, at);
    m_rows.insert(m_rows.begin() + at, Row{message, false, {}, {}, 0, 0, true});
    endInsertRows();
}

void ChatTranscriptModel::addPending(const QString& clientMsgId, const QString& text,
                                     const QString& attachmentName)
{
    ChatMessage message;
    message.sender = Sender::Agent;
    message.clientMsgId = clientMsgId;
    message.text = text;
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.push_back(Row{message, true, {}, attachmentName, 0, 0, false});
    endInsertRows();
}

void ChatTranscriptModel::markFailed(const QString& clientMsgId, const QString& why)
{
    const int row = rowOfPending(clientMsgId);
    if (row < 0)
        return;
    m_rows[std::size_t(row)].failed = why;
    Q_EMIT dataChanged(index(row), index(row), {FailedRole});
}

void ChatTranscriptModel::removePending(const QString& clientMsgId)
{
    const int row = rowOfPending(clientMsgId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
}

void ChatTranscriptModel::applyReceipt(Sender sender, qint64 upToSeq, Delivery delivery)
{
    // Walk back from the newest: only the tail can still change.
    int first = -1;
    int last = -1;
    for (int row = firstPendingRow() - 1; row >= 0; --row) {
        ChatMessage& message = m_rows[std::size_t(row)].message;
        if (message.seq > upToSeq || message.sender != sender)
            continue;
        if (int(message.delivery) >= int(delivery))
            break; // everything older got this far already
        message.delivery = delivery;
        first = row;
        if (last < 0)
            last = row;
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first), index(last), {DeliveryRole});
}

qint64 ChatTranscriptModel::oldestSeq() const
{
    return m_rows.empty() || m_rows.front().pending ? 0 : m_rows.front().message.seq;
}

qint64 ChatTranscriptModel::newestSeq() const
{
    const int storedEnd = firstPendingRow();
    return storedEnd == 0 ? 0 : m_rows[std::size_t(storedEnd - 1)].message.seq;
}

qint64 ChatTranscriptModel::newestCustomerSeq() const
{
    for (int row = firstPendingRow() - 1; row >= 0; --row) {
        if (m_rows[std::size_t(row)].message.sender == Sender::Customer)
            return m_rows[std::size_t(row)].message.seq;
    }
    return 0;
}

int ChatTranscriptModel::pendingCount() const
{
    return int(m_rows.size()) - firstPendingRow();
}

const ChatMessage* ChatTranscriptModel::messageAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return nullptr;
    return &m_rows[std::size_t(row)].message;
}

int ChatTranscriptModel::cachedHeight(int row, int width) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return 0;
    const Row& entry = m_rows[std::size_t(row)];
    return entry.cachedWidth == width ? entry.cachedHeight : 0;
}

void ChatTranscriptModel::cacheHeight(int row, int width, int height) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return;
    m_rows[std::size_t(row)].cachedWidth = width;
    m_rows[std::size_t(row)].cachedHeight = height;
}

int ChatTranscriptModel::firstPendingRow() const
{
    int row = int(m_rows.size());
    while (row > 0 && m_rows[std::size_t(row - 1)].pending)
        --row;
    return row;
}

int ChatTranscriptModel::rowOfSeq(qint64 seq) const
{
    const int storedEnd = firstPendingRow();
    const auto begin = m_rows.begin();
    const auto it =
        std::lower_bound(begin, begin + storedEnd, seq,
                         [](const Row& row, qint64 value) { return row.message.seq < value; });
    // A whisper shares the seq of the message before it, and comes after it.
    if (it != begin + storedEnd && it->message.seq == seq && !it->whisper)
        return int(it - begin);
    return -1;
}

int ChatTranscriptModel::rowOfPending(const QString& clientMsgId) const
{
    for (int row = int(m_rows.size()) - 1; row >= 0 && m_rows[std::size_t(row)].pending; --row) {
        if (m_rows[std::size_t(row)].message.clientMsgId == clientMsgId)
            return row;
    }
    return -1;
}

} // namespace qidong::models
