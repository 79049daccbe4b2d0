#include "InteractionListModel.h"

#include <QTextDocument>

#include "DomainText.h"

#include <QDateTime>

#include <algorithm>

namespace qidong::models {

using namespace qidong::protocol;

namespace {

bool waiting(InteractionState state)
{
    return state == InteractionState::Queued || state == InteractionState::Offered;
}

} // namespace

InteractionListModel::InteractionListModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_nowMs(QDateTime::currentMSecsSinceEpoch())
{}

InteractionListModel::~InteractionListModel() = default;

int InteractionListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int InteractionListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InteractionListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<size_t>(index.row())];
    const Interaction& item = row.interaction;
    switch (role) {
    case IdRole:
        return item.id;
    case ChannelRole:
        return static_cast<int>(item.channel);
    case StateRole:
        return static_cast<int>(item.state);
    case CreatedAtRole:
        return item.createdAtMs;
    case SlaDeadlineRole:
        return item.slaDeadlineMs;
    case UnreadRole:
        return row.unread;
    case OverdueRole:
        return overdue(row);
    case Qt::DisplayRole:
        switch (index.column()) {
        case ChannelColumn:
            return DomainText::channel(item.channel);
        case CustomerColumn:
            return item.customer.displayName;
        case QueueColumn: {
            const auto name = m_queueNames.constFind(item.queueId);
            return name == m_queueNames.cend() ? item.queueId : name->forLanguage(m_language);
        }
        case StateColumn:
            return DomainText::interactionState(item.state);
        case ElapsedColumn:
            return elapsedText(row);
        case SlaColumn:
            return slaText(row);
        case UnreadColumn:
            return row.unread > 0 ? QString::number(row.unread) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        // The identity is the customer's own (a social handle, an
        // address): a tooltip would render markup in it, so it goes as
        // escaped text.
        if (index.column() == CustomerColumn && !item.customer.identity.isEmpty())
            return Qt::convertFromPlainText(item.customer.identity, Qt::WhiteSpaceNoWrap);
        return {};
    default:
        return {};
    }
}

QVariant InteractionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ChannelColumn:
        return tr("Channel");
    case CustomerColumn:
        return tr("Customer");
    case QueueColumn:
        return tr("Queue");
    case StateColumn:
        return tr("State");
    case ElapsedColumn:
        return tr("Time");
    case SlaColumn:
        return tr("SLA");
    case UnreadColumn:
        return tr("Unread");
    default:
        return {};
    }
}

QHash<int, QByteArray> InteractionListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "interactionId");
    names.insert(ChannelRole, "channel");
    names.insert(StateRole, "state");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(SlaDeadlineRole, "slaDeadline");
    names.insert(UnreadRole, "unread");
    names.insert(OverdueRole, "overdue");
    return names;
}

void InteractionListModel::replaceAll(const QList<Interaction>& interactions)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(static_cast<size_t>(interactions.size()));
    for (const Interaction& interaction : interactions)
        m_rows.push_back(Row{interaction, 0, m_nowMs});
    reindex();
    endResetModel();
}

void InteractionListModel::apply(const QList<Interaction>& interactions)
{
    QList<Interaction> added;
    std::vector<std::pair<int, std::pair<int, int>>> changed; // row, column range
    QHash<QString, int> addedIndex;
    for (const Interaction& interaction : interactions) {
        const int row = m_rowById.value(interaction.id, -1);
        if (row < 0) {
            // Repeated in one batch: the last version wins.
            const int earlier = addedIndex.value(interaction.id, -1);
            if (earlier >= 0) {
                added[earlier] = interaction;
            } else {
                addedIndex.insert(interaction.id, static_cast<int>(added.size()));
                added.append(interaction);
            }
            continue;
        }
        Row& existing = m_rows[static_cast<size_t>(row)];
        const std::pair<int, int> columns = changedColumns(existing.interaction, interaction);
        if (interaction.state != existing.interaction.state)
            existing.stateSinceMs = m_nowMs;
        existing.interaction = interaction;
        if (columns.first <= columns.second)
            changed.emplace_back(row, columns);
    }

    if (!changed.empty()) {
        if (changed.size() * 2 > m_rows.size()) {
            Q_EMIT dataChanged(index(0, 0),
                               index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1));
        } else {
            for (const auto& [row, columns] : changed)
                Q_EMIT dataChanged(index(row, columns.first), index(row, columns.second));
        }
    }
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const Interaction& interaction : std::as_const(added)) {
            m_rowById.insert(interaction.id, static_cast<int>(m_rows.size()));
            m_rows.push_back(Row{interaction, 0, m_nowMs});
        }
        endInsertRows();
    }
}

void InteractionListModel::upsert(const Interaction& interaction)
{
    apply({interaction});
}

void InteractionListModel::remove(const QString& id)
{
    const int row = m_rowById.value(id, -1);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    reindex();
    endRemoveRows();
}

void InteractionListModel::setUnread(const QString& id, int unread)
{
    const int row = m_rowById.value(id, -1);
    if (row < 0 || m_rows[static_cast<size_t>(row)].unread == unread)
        return;
    m_rows[static_cast<size_t>(row)].unread = unread;
    const QModelIndex cell = index(row, UnreadColumn);
    Q_EMIT dataChanged(cell, cell, {Qt::DisplayRole, UnreadRole});
}

void InteractionListModel::tick(qint64 nowMs)
{
    m_nowMs = nowMs;
    if (m_rows.empty())
        return;
    Q_EMIT dataChanged(index(0, ElapsedColumn),
                       index(static_cast<int>(m_rows.size()) - 1, SlaColumn),
                       {Qt::DisplayRole, OverdueRole});
}

void InteractionListModel::setQueues(const QList<Queue>& queues)
{
    m_queueNames.clear();
    for (const Queue& queue : queues)
        m_queueNames.insert(queue.id, queue.name);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, QueueColumn),
                           index(static_cast<int>(m_rows.size()) - 1, QueueColumn),
                           {Qt::DisplayRole});
}

void InteractionListModel::setLanguage(const QString& language)
{
    if (m_language == language)
        return;
    m_language = language;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1),
                           {Qt::DisplayRole});
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int InteractionListModel::rowOf(const QString& id) const
{
    return m_rowById.value(id, -1);
}

const Interaction* InteractionListModel::interactionAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rows.size()))
        return nullptr;
    return &m_rows[static_cast<size_t>(row)].interaction;
}

std::pair<int, int> InteractionListModel::changedColumns(const Interaction& before,
                                                         const Interaction& after)
{
    int first = ColumnCount;
    int last = -1;
    const auto mark = [&](bool differs, int column) {
        if (differs) {
            first = std::min(first, column);
            last = std::max(last, column);
        }
    };
    mark(before.channel != after.channel, ChannelColumn);
    mark(before.customer != after.customer, CustomerColumn);
    mark(before.queueId != after.queueId, QueueColumn);
    mark(before.state != after.state, StateColumn);
    mark(before.state != after.state || before.createdAtMs != after.createdAtMs, ElapsedColumn);
    mark(before.slaDeadlineMs != after.slaDeadlineMs || before.state != after.state, SlaColumn);
    return {first, last};
}

void InteractionListModel::reindex()
{
    m_rowById.clear();
    for (size_t row = 0; row < m_rows.size(); ++row)
        m_rowById.insert(m_rows[row].interaction.id, static_cast<int>(row));
}

QString InteractionListModel::elapsedText(const Row& row) const
{
    const qint64 since =
        waiting(row.interaction.state) ? row.interaction.createdAtMs : row.stateSinceMs;
    return DomainText::clock(m_nowMs - since);
}

bool InteractionListModel::overdue(const Row& row) const
{
    return waiting(row.interaction.state) && row.interaction.slaDeadlineMs > 0 &&
           m_nowMs > row.interaction.slaDeadlineMs;
}

QString InteractionListModel::slaText(const Row& row) const
{
    if (!waiting(row.interaction.state) || row.interaction.slaDeadlineMs <= 0)
        return {};
    if (overdue(row))
        return tr("overdue %1").arg(DomainText::clock(m_nowMs - row.interaction.slaDeadlineMs));
    return DomainText::clock(row.interaction.slaDeadlineMs - m_nowMs);
}

} // namespace qidong::models
