#include "FloorRosterModel.h"

#include "DomainText.h"

#include <QDateTime>

namespace qidong::models {

using namespace qidong::protocol;

FloorRosterModel::FloorRosterModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_nowMs(QDateTime::currentMSecsSinceEpoch())
{}

FloorRosterModel::~FloorRosterModel() = default;

int FloorRosterModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FloorRosterModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FloorRosterModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FloorAgentRow& row = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return row.username;
        if (index.column() == WorkColumn) {
            QStringList lines;
            for (const FloorWork& work : row.work)
                lines.append(DomainText::channel(work.channel) + QStringLiteral(" · ") +
                             work.queueId + QStringLiteral(" · ") +
                             DomainText::clock(m_nowMs - work.since));
            return lines.join(u'\n');
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() >= HandledColumn || index.column() == TimeInStateColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case AgentIdRole:
        return row.agentId;
    case PresenceRole:
        return static_cast<int>(row.state.presence);
    case TeamRole:
        return row.teamId;
    case SkillsRole: {
        QStringList names;
        for (const Skill& skill : row.skills)
            names.append(skill.name);
        return names;
    }
    case SortRole:
        return sortValue(row, index.column());
    case SearchRole:
        return QString(row.displayName + u' ' + row.username + u' ' +
                       m_teamNames.value(row.teamId));
    case ConnectedRole:
        return row.connected;
    case WorkIdsRole: {
        // A call first: it is what a team lead listens in on.
        QStringList ids;
        for (const FloorWork& work : row.work)
            if (isCallChannel(work.channel))
                ids.append(work.interactionId);
        for (const FloorWork& work : row.work)
            if (!isCallChannel(work.channel))
                ids.append(work.interactionId);
        return ids;
    }
    default:
        return {};
    }
}

QVariant FloorRosterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Agent");
    case TeamColumn:
        return tr("Team");
    case StateColumn:
        return tr("State");
    case TimeInStateColumn:
        return tr("In state");
    case WorkColumn:
        return tr("Working on");
    case HandledColumn:
        return tr("Handled");
    case AhtColumn:
        return tr("AHT");
    case NpsColumn:
        return tr("NPS");
    default:
        return {};
    }
}

void FloorRosterModel::replaceAll(const QList<FloorAgentRow>& rows)
{
    beginResetModel();
    m_rows.assign(rows.cbegin(), rows.cend());
    m_rowById.clear();
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows[i].agentId, static_cast<int>(i));
    endResetModel();
}

void FloorRosterModel::apply(const QList<FloorAgentRow>& rows)
{
    QList<int> changed;
    QList<const FloorAgentRow*> added;
    for (const FloorAgentRow& row : rows) {
        const auto it = m_rowById.constFind(row.agentId);
        if (it == m_rowById.cend()) {
            added.append(&row);
            continue;
        }
        m_rows[static_cast<size_t>(*it)] = row;
        changed.append(*it);
    }
    // Runs of adjacent rows share one signal.
    std::sort(changed.begin(), changed.end());
    for (qsizetype i = 0; i < changed.size();) {
        qsizetype j = i;
        while (j + 1 < changed.size() && changed.at(j + 1) <= changed.at(j) + 1)
            ++j;
        Q_EMIT dataChanged(index(changed.at(i), 0), index(changed.at(j), ColumnCount - 1));
        i = j + 1;
    }
    if (added.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    for (const FloorAgentRow* row : added) {
        m_rowById.insert(row->agentId, static_cast<int>(m_rows.size()));
        m_rows.push_back(*row);
    }
    endInsertRows();
}

void FloorRosterModel::tick(qint64 nowMs)
{
    m_nowMs = nowMs;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, TimeInStateColumn),
                           index(static_cast<int>(m_rows.size()) - 1, TimeInStateColumn),
                           {Qt::DisplayRole, SortRole});
}

void FloorRosterModel::setTeams(const QList<Team>& teams, const QString& language)
{
    m_teamNames.clear();
    for (const Team& team : teams)
        m_teamNames.insert(team.id, team.name.forLanguage(language));
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, TeamColumn),
                           index(static_cast<int>(m_rows.size()) - 1, TeamColumn));
}

void FloorRosterModel::setReasonLabels(const QHash<QString, QString>& labels)
{
    m_reasonLabels = labels;
}

int FloorRosterModel::rowOf(const QString& agentId) const
{
    return m_rowById.value(agentId, -1);
}

const FloorAgentRow* FloorRosterModel::rowAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rows.size()))
        return nullptr;
    return &m_rows[static_cast<size_t>(row)];
}

QVariant FloorRosterModel::display(const FloorAgentRow& row, int column) const
{
    switch (column) {
    case NameColumn:
        return row.displayName;
    case TeamColumn:
        return m_teamNames.value(row.teamId, row.teamId);
    case StateColumn:
        return stateText(row);
    case TimeInStateColumn:
        return DomainText::clock(m_nowMs - row.state.sinceMs);
    case WorkColumn: {
        QStringList channels;
        for (const FloorWork& work : row.work)
            channels.append(DomainText::channel(work.channel));
        return channels.join(QStringLiteral(", "));
    }
    case HandledColumn:
        return row.handled;
    case AhtColumn: {
        const int seconds = row.ahtSeconds();
        return seconds < 0 ? QString() : DomainText::clock(seconds * 1000LL);
    }
    case NpsColumn:
        return row.npsToday.responses > 0 ? QVariant(row.npsToday.score()) : QVariant();
    default:
        return {};
    }
}

QVariant FloorRosterModel::sortValue(const FloorAgentRow& row, int column) const
{
    switch (column) {
    case StateColumn:
        return static_cast<int>(row.state.presence);
    case TimeInStateColumn:
        return row.state.sinceMs > 0 ? m_nowMs - row.state.sinceMs : 0;
    case WorkColumn:
        return static_cast<int>(row.work.size());
    case HandledColumn:
        return row.handled;
    case AhtColumn:
        return row.ahtSeconds();
    case NpsColumn:
        return row.npsToday.responses > 0 ? row.npsToday.score() : -1000;
    default:
        return display(row, column);
    }
}

QString FloorRosterModel::stateText(const FloorAgentRow& row) const
{
    QString text = DomainText::presence(row.state.presence);
    if (row.state.presence == Presence::NotReady && !row.state.reasonCode.isEmpty())
        text += QStringLiteral(" · ") +
                m_reasonLabels.value(row.state.reasonCode, row.state.reasonCode);
    if (row.state.next)
        text += QStringLiteral(" → ") + DomainText::presence(row.state.next->presence);
    if (!row.connected && row.state.presence != Presence::Offline)
        text += QStringLiteral(" ") + tr("(disconnected)");
    return text;
}

} // namespace qidong::models
