#pragma once

#include <QSortFilterProxyModel>

#include <optional>

namespace qidong::models {

// The roster as the team lead narrows it: by team, state, skill and a
// search over names; sorted by each column's own value (numbers as numbers).
class FloorRosterFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FloorRosterFilter)

public:
    explicit FloorRosterFilter(QObject* parent = nullptr);

    void setTeam(const QString& teamId);           // "" for every team
    void setPresence(std::optional<int> presence); // protocol::Presence as int
    void setSkill(const QString& skill);           // "" for any
    void setSearch(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_team;
    std::optional<int> m_presence;
    QString m_skill;
    QString m_search;
};

} // namespace qidong::models
