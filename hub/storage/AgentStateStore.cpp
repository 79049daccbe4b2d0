#include "AgentStateStore.h"

#include "Database.h"
#include "log/HubLog.h"

#include <QSqlError>
#include <QSqlQuery>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

// Qt binds a null QString as SQL NULL; these columns hold '' instead.
QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

AgentStateStore::AgentStateStore(Database& database)
    : m_database(database)
{}

QHash<QString, AgentState> AgentStateStore::loadAll() const
{
    QHash<QString, AgentState> states;
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT account_id, presence, reason, since, next_presence,"
                                   " next_reason, until FROM agent_states")))
        return states;
    while (query.next()) {
        AgentState state;
        state.presence = presenceFromName(query.value(1).toString()).value_or(Presence::Offline);
        state.reasonCode = query.value(2).toString();
        state.sinceMs = query.value(3).toLongLong();
        state.untilMs = query.value(6).toLongLong();
        if (const auto next = presenceFromName(query.value(4).toString()))
            state.next = AgentState::Next{*next, query.value(5).toString()};
        states.insert(query.value(0).toString(), state);
    }
    return states;
}

Result<bool> AgentStateStore::save(const QString& agentId, const AgentState& state)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO agent_states(account_id, presence, reason, since, next_presence, next_reason,"
        " until) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(account_id) DO UPDATE SET"
        " presence = excluded.presence, reason = excluded.reason, since = excluded.since,"
        " next_presence = excluded.next_presence, next_reason = excluded.next_reason,"
        " until = excluded.until"));
    query.addBindValue(agentId);
    query.addBindValue(presenceName(state.presence));
    query.addBindValue(notNull(state.reasonCode));
    query.addBindValue(state.sinceMs);
    query.addBindValue(state.next ? QVariant(presenceName(state.next->presence)) : QVariant());
    query.addBindValue(notNull(state.next ? state.next->reasonCode : QString()));
    query.addBindValue(state.untilMs);
    if (!query.exec()) {
        logWarning(lcStorage, QLatin1StringView("agent_state.save_failed"),
                   {{QStringLiteral("agent"), agentId},
                    {QStringLiteral("error"), query.lastError().text()}});
        return makeError(ErrorCode::StorageFailure,
                         QStringLiteral("could not store the state change"));
    }
    return true;
}

} // namespace qidong::hub
