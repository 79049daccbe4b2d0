#include "FloorRosterFilter.h"

#include "FloorRosterModel.h"

namespace qidong::models {

FloorRosterFilter::FloorRosterFilter(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FloorRosterModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void FloorRosterFilter::setTeam(const QString& teamId)
{
    if (m_team == teamId)
        return;
    m_team = teamId;
    invalidateFilter();
}

void FloorRosterFilter::setPresence(std::optional<int> presence)
{
    if (m_presence == presence)
        return;
    m_presence = presence;
    invalidateFilter();
}

void FloorRosterFilter::setSkill(const QString& skill)
{
    if (m_skill == skill)
        return;
    m_skill = skill;
    invalidateFilter();
}

void FloorRosterFilter::setSearch(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (m_search == trimmed)
        return;
    m_search = trimmed;
    invalidateFilter();
}

bool FloorRosterFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_team.isEmpty() && row.data(FloorRosterModel::TeamRole).toString() != m_team)
        return false;
    if (m_presence && row.data(FloorRosterModel::PresenceRole).toInt() != *m_presence)
        return false;
    if (!m_skill.isEmpty() &&
        !row.data(FloorRosterModel::SkillsRole).toStringList().contains(m_skill))
        return false;
    return m_search.isEmpty() || row.data(FloorRosterModel::SearchRole)
                                     .toString()
                                     .contains(m_search, Qt::CaseInsensitive);
}

} // namespace qidong::models
