#include "AgentDirectory.h"
#include "Clock.h"

#include "log/HubLog.h"
#include "storage/AccountStore.h"
#include "storage/AgentStateStore.h"

#include <QDateTime>

namespace qidong::hub {

using namespace qidong::protocol;

AgentDirectory::AgentDirectory(AccountStore& accounts, AgentStateStore& states,
                               std::chrono::milliseconds disconnectGrace, QObject* parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_store(states)
    , m_disconnectGrace(disconnectGrace)
{}

AgentDirectory::~AgentDirectory() = default;

void AgentDirectory::load()
{
    const QHash<QString, AgentState> stored = m_store.loadAll();
    for (const Agent& agent : m_accounts.agents()) {
        if (agent.role == Role::Admin)
            continue; // administrators take no work and have no presence
        Entry& entry = m_entries[agent.id];
        entry.state = stored.value(agent.id, AgentState{Presence::Offline, {}, nowMs(), {}});
        if (entry.state.presence != Presence::Offline)
            armGraceTimer(agent.id, entry);
        armWrapUpTimer(agent.id, entry); // wrap-up time keeps running across a restart
    }
}

AgentState AgentDirectory::stateOf(const QString& agentId) const
{
    const auto it = m_entries.find(agentId);
    return it == m_entries.end() ? AgentState{} : it->second.state;
}

bool AgentDirectory::isConnected(const QString& agentId) const
{
    const auto it = m_entries.find(agentId);
    return it != m_entries.end() && it->second.connections > 0;
}

bool AgentDirectory::hasPresence(const QString& agentId) const
{
    return m_entries.find(agentId) != m_entries.end();
}

Result<SetStateResult> AgentDirectory::requestState(const QString& agentId,
                                                    const SetStateParams& params,
                                                    const QString& cause)
{
    const auto it = m_entries.find(agentId);
    if (it == m_entries.end())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such agent"));
    if (params.presence == Presence::NotReady &&
        !m_accounts.hasReasonCode(ReasonKind::NotReady, params.reasonCode))
        return makeError(ErrorCode::InvalidParams,
                         QStringLiteral("unknown notReady reason \"%1\"").arg(params.reasonCode),
                         {{QStringLiteral("field"), QStringLiteral("reason")}});
    Result<AgentStateMachine::Outcome> outcome =
        AgentStateMachine::request(it->second.state, params.presence, params.reasonCode, nowMs());
    if (!outcome)
        return outcome.error();
    Result<bool> committed = commit(agentId, outcome.value(), cause);
    if (!committed)
        return committed.error();
    return SetStateResult{outcome.value().state, outcome.value().queued};
}

Result<bool> AgentDirectory::startWork(const QString& agentId)
{
    return applyWorkTransition(agentId, AgentStateMachine::startWork);
}

Result<bool> AgentDirectory::startOwnWork(const QString& agentId)
{
    return applyWorkTransition(agentId, AgentStateMachine::startOwnWork);
}

Result<bool> AgentDirectory::endWork(const QString& agentId, std::chrono::milliseconds wrapUpTime)
{
    if (m_acwCap.count() > 0 && (wrapUpTime.count() == 0 || wrapUpTime > m_acwCap))
        wrapUpTime = m_acwCap;
    return applyWorkTransition(agentId, [wrapUpTime](const AgentState& current, qint64 now) {
        return AgentStateMachine::endWork(current, now,
                                          wrapUpTime.count() > 0 ? now + wrapUpTime.count() : 0);
    });
}

Result<bool> AgentDirectory::finishAfterCallWork(const QString& agentId)
{
    return applyWorkTransition(agentId, AgentStateMachine::finishAfterCallWork);
}

Result<bool> AgentDirectory::applyWorkTransition(const QString& agentId, WorkTransition transition)
{
    const auto it = m_entries.find(agentId);
    if (it == m_entries.end())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such agent"));
    Result<AgentStateMachine::Outcome> outcome = transition(it->second.state, nowMs());
    if (!outcome)
        return outcome.error();
    return commit(agentId, outcome.value(), QStringLiteral("system"));
}

void AgentDirectory::setNotReadyBySystem(const QString& agentId, const QString& reasonCode)
{
    const auto it = m_entries.find(agentId);
    if (it == m_entries.end())
        return;
    Result<AgentStateMachine::Outcome> outcome = AgentStateMachine::request(
        it->second.state, Presence::NotReady, reasonCode, QDateTime::currentMSecsSinceEpoch());
    if (outcome)
        (void)commit(agentId, outcome.value(), QStringLiteral("system"));
}

void AgentDirectory::goOffline(const QString& agentId, const QString& cause)
{
    const auto it = m_entries.find(agentId);
    if (it == m_entries.end())
        return;
    (void)commit(agentId, AgentStateMachine::goOffline(it->second.state, nowMs()), cause);
}

Result<bool> AgentDirectory::commit(const QString& agentId,
                                    const AgentStateMachine::Outcome& outcome, const QString& cause)
{
    if (!outcome.changed)
        return true;
    Result<bool> saved = m_store.save(agentId, outcome.state);
    if (!saved)
        return saved.error();
    Entry& entry = m_entries[agentId];
    entry.state = outcome.state;
    if (entry.state.presence == Presence::Offline)
        stopTimer(entry.graceTimer);
    armWrapUpTimer(agentId, entry);
    logInfo(lcAgents, QLatin1StringView("agent.state_changed"),
            {{QStringLiteral("agent"), agentId},
             {QStringLiteral("presence"), presenceName(outcome.state.presence)},
             {QStringLiteral("reason"), outcome.state.reasonCode},
             {QStringLiteral("queued"), outcome.queued},
             {QStringLiteral("cause"), cause}});
    Q_EMIT stateChanged(agentId, outcome.state, cause);
    return true;
}

void AgentDirectory::markConnected(const QString& agentId)
{
    const auto it = m_entries.find(agentId);
    if (it == m_entries.end())
        return;
    ++it->second.connections;
    stopTimer(it->second.graceTimer);
}

void AgentDirectory::markDisconnected(const QString& agentId)
{
    const auto it = m_entries.find(agentId);
    if (it == m_entries.end() || it->second.connections == 0)
        return;
    if (--it->second.connections == 0 && it->second.state.presence != Presence::Offline)
        armGraceTimer(agentId, it->second);
}

void AgentDirectory::holdDisconnectTimers()
{
    m_holdTimers = true;
    for (auto& [id, entry] : m_entries)
        stopTimer(entry.graceTimer);
}

void AgentDirectory::armGraceTimer(const QString& agentId, Entry& entry)
{
    if (m_holdTimers)
        return;
    stopTimer(entry.graceTimer);
    entry.graceTimer = std::make_unique<QTimer>();
    entry.graceTimer->setSingleShot(true);
    entry.graceTimer->setInterval(m_disconnectGrace);
    connect(entry.graceTimer.get(), &QTimer::timeout, this, [this, agentId] {
        logInfo(lcAgents, QLatin1StringView("agent.disconnect_grace_expired"),
                {{QStringLiteral("agent"), agentId}});
        goOffline(agentId, QStringLiteral("disconnected"));
    });
    entry.graceTimer->start();
}

void AgentDirectory::stopTimer(std::unique_ptr<QTimer>& timer)
{
    // The timer may be the one whose timeout is running right now.
    if (timer) {
        timer->stop();
        timer.release()->deleteLater();
    }
}

void AgentDirectory::armWrapUpTimer(const QString& agentId, Entry& entry)
{
    stopTimer(entry.wrapUpTimer);
    if (entry.state.presence != Presence::AfterCallWork || entry.state.untilMs <= 0)
        return;
    entry.wrapUpTimer = std::make_unique<QTimer>();
    entry.wrapUpTimer->setSingleShot(true);
    connect(entry.wrapUpTimer.get(), &QTimer::timeout, this, [this, agentId] {
        if (stateOf(agentId).presence != Presence::AfterCallWork)
            return;
        if (m_expiryHandler)
            m_expiryHandler(agentId);
        else
            setNotReadyBySystem(agentId, QStringLiteral("acw-overflow"));
    });
    entry.wrapUpTimer->start(std::max<qint64>(0, entry.state.untilMs - nowMs()));
}

} // namespace qidong::hub
