#include "TimelineModel.h"

#include "DomainText.h"

#include <QDateTime>
#include <QSet>

namespace qidong::models {

using protocol::TimelineEntry;

TimelineModel::TimelineModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

TimelineModel::~TimelineModel() = default;

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TimelineModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    const TimelineEntry* entry = entryAt(index.row());
    if (!entry || index.parent().isValid())
        return {};
    switch (role) {
    case InteractionIdRole:
        return entry->interactionId;
    case AtRole:
        return entry->atMs;
    case RecordedRole:
        return entry->recorded;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case WhenColumn:
        return QDateTime::fromMSecsSinceEpoch(entry->atMs)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case ChannelColumn:
        return QString(DomainText::channel(entry->channel) +
                       (entry->recorded ? QStringLiteral(" ●") : QString()));
    case AgentColumn:
        return entry->agentName;
    case OutcomeColumn: {
        QString outcome = entry->wrapUp.code;
        if (!entry->wrapUp.notes.isEmpty())
            outcome += QStringLiteral(" — ") + entry->wrapUp.notes;
        return outcome;
    }
    case NpsColumn:
        return entry->nps >= 0 ? QVariant(entry->nps) : QVariant();
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case ChannelColumn:
        return tr("Channel");
    case AgentColumn:
        return tr("Agent");
    case OutcomeColumn:
        return tr("Wrap-up");
    case NpsColumn:
        return tr("NPS");
    default:
        return {};
    }
}

void TimelineModel::reset(const QList<TimelineEntry>& entries)
{
    beginResetModel();
    m_entries.assign(entries.begin(), entries.end());
    endResetModel();
}

void TimelineModel::appendOlder(const QList<TimelineEntry>& entries)
{
    QSet<QString> shown;
    for (const TimelineEntry& entry : m_entries)
        shown.insert(entry.interactionId);
    QList<TimelineEntry> fresh;
    for (const TimelineEntry& entry : entries) {
        if (!shown.contains(entry.interactionId))
            fresh.append(entry);
    }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + fresh.size() - 1));
    m_entries.insert(m_entries.end(), fresh.begin(), fresh.end());
    endInsertRows();
}

const TimelineEntry* TimelineModel::entryAt(int row) const
{
    if (row < 0 || size_t(row) >= m_entries.size())
        return nullptr;
    return &m_entries[size_t(row)];
}

} // namespace qidong::models
