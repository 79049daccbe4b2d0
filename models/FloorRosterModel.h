#pragma once

#include "protocol/Floor.h"
#include "protocol/Queue.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace qidong::models {

// Every agent on the floor, one row each, as the hub's floor.delta events
// keep them. A delta of any size is one dataChanged per run of adjacent
// changed rows plus one insert for new agents, so a floor of thousands
// with hundreds of changes a second costs a few signals per delta. The
// time-in-state column follows tick() with one dataChanged.
class FloorRosterModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FloorRosterModel)

public:
    enum Column
    {
        NameColumn,
        TeamColumn,
        StateColumn,
        TimeInStateColumn,
        WorkColumn,
        HandledColumn,
        AhtColumn,
        NpsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        AgentIdRole = Qt::UserRole + 1,
        PresenceRole,  // protocol::Presence as int
        TeamRole,      // team id
        SkillsRole,    // QStringList of skill names
        SortRole,      // the column's value to sort by (numbers as numbers)
        SearchRole,    // name, username and team, for the search box
        ConnectedRole, // bool
        WorkIdsRole,   // QStringList: interactions held now, calls first
    };
    Q_ENUM(Role)

    explicit FloorRosterModel(QObject* parent = nullptr);
    ~FloorRosterModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // A new subscription: the only reset.
    void replaceAll(const QList<protocol::FloorAgentRow>& rows);
    // Rows from a delta or a further page: known agents updated, new ones appended.
    void apply(const QList<protocol::FloorAgentRow>& rows);
    void tick(qint64 nowMs);
    void setTeams(const QList<protocol::Team>& teams, const QString& language);
    void setReasonLabels(const QHash<QString, QString>& labels);

    int rowOf(const QString& agentId) const;
    const protocol::FloorAgentRow* rowAt(int row) const;

private:
    QVariant display(const protocol::FloorAgentRow& row, int column) const;
    QVariant sortValue(const protocol::FloorAgentRow& row, int column) const;
    QString stateText(const protocol::FloorAgentRow& row) const;

    std::vector<protocol::FloorAgentRow> m_rows;
    QHash<QString, int> m_rowById;
    QHash<QString, QString> m_teamNames;
    QHash<QString, QString> m_reasonLabels;
    qint64 m_nowMs = 0;
};

} // namespace qidong::models
