#include "ReviewListModel.h"

#include "DomainText.h"

#include <QDateTime>

namespace qidong::models {

using namespace qidong::protocol;

ReviewListModel::ReviewListModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

ReviewListModel::~ReviewListModel() = default;

int ReviewListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ReviewListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReviewItem& item = m_items[std::size_t(index.row())];
    const PastInteraction& past = item.interaction;
    switch (role) {
    case InteractionIdRole:
        return past.id;
    case IsCallRole:
        return isCallChannel(past.channel);
    case RecordedRole:
        return item.recorded;
    case ScoreRole:
        return item.scorecard ? item.scorecard->percent() : -1;
    case Qt::TextAlignmentRole:
        return index.column() == DurationColumn || index.column() == ScoreColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case WhenColumn:
        return QDateTime::fromMSecsSinceEpoch(past.createdAtMs)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case AgentColumn:
        return past.agentName;
    case QueueColumn:
        return m_queueNames.value(past.queueId, past.queueId);
    case ChannelColumn:
        return DomainText::channel(past.channel);
    case CustomerColumn:
        return item.customerName;
    case DispositionColumn:
        return m_codeNames.value(past.wrapUp.code, past.wrapUp.code);
    case DurationColumn:
        return past.endedAtMs > past.createdAtMs
                   ? DomainText::clock(past.endedAtMs - past.createdAtMs)
                   : QString();
    case RecordedColumn:
        return item.recorded ? QStringLiteral("●") : QString();
    case ScoreColumn:
        return item.scorecard ? QStringLiteral("%1 %").arg(item.scorecard->percent()) : QString();
    default:
        return {};
    }
}

QVariant ReviewListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case AgentColumn:
        return tr("Agent");
    case QueueColumn:
        return tr("Queue");
    case ChannelColumn:
        return tr("Channel");
    case CustomerColumn:
        return tr("Customer");
    case DispositionColumn:
        return tr("Disposition");
    case DurationColumn:
        return tr("Duration");
    case RecordedColumn:
        return tr("Recorded");
    case ScoreColumn:
        return tr("QA");
    default:
        return {};
    }
}

void ReviewListModel::replaceAll(const QList<ReviewItem>& items)
{
    beginResetModel();
    m_items.assign(items.cbegin(), items.cend());
    endResetModel();
}

void ReviewListModel::setScorecard(const QaScorecard& card)
{
    const int row = rowOf(card.interactionId);
    if (row < 0)
        return;
    m_items[std::size_t(row)].scorecard = card;
    Q_EMIT dataChanged(index(row, ScoreColumn), index(row, ScoreColumn));
}

void ReviewListModel::setNames(const QHash<QString, QString>& queues,
                               const QHash<QString, QString>& codes)
{
    m_queueNames = queues;
    m_codeNames = codes;
    if (!m_items.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const ReviewItem* ReviewListModel::itemAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_items[std::size_t(row)] : nullptr;
}

int ReviewListModel::rowOf(const QString& interactionId) const
{
    for (std::size_t row = 0; row < m_items.size(); ++row)
        if (m_items[row].interaction.id == interactionId)
            return int(row);
    return -1;
}

} // namespace qidong::models
