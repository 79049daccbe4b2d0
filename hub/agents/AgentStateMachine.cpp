#include "AgentStateMachine.h"

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

AgentStateMachine::Outcome moveTo(const AgentState& current, Presence presence,
                                  const QString& reasonCode, qint64 nowMs)
{
    if (current.presence == presence && current.reasonCode == reasonCode && !current.next)
        return {current, false, false};
    AgentState next;
    next.presence = presence;
    next.reasonCode = presence == Presence::NotReady ? reasonCode : QString();
    next.sinceMs = nowMs;
    return {next, false, true};
}

Error notAllowed(const AgentState& current, const QString& what)
{
    return makeError(
        ErrorCode::InvalidTransition,
        QStringLiteral("%1 is not possible while %2").arg(what, presenceName(current.presence)),
        {{QStringLiteral("presence"), presenceName(current.presence)}});
}

} // namespace

Result<AgentStateMachine::Outcome> AgentStateMachine::request(const AgentState& current,
                                                              Presence target,
                                                              const QString& reasonCode,
                                                              qint64 nowMs)
{
    if (target == Presence::Busy || target == Presence::AfterCallWork)
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("%1 is set by the hub as work starts and ends")
                             .arg(presenceName(target)));
    if (target == Presence::NotReady && reasonCode.isEmpty())
        return makeError(ErrorCode::InvalidParams, QStringLiteral("notReady needs a reason"));

    if (current.presence == Presence::Busy) {
        AgentState queued = current;
        queued.next =
            AgentState::Next{target, target == Presence::NotReady ? reasonCode : QString()};
        return Outcome{queued, true, queued != current};
    }
    return moveTo(current, target, reasonCode, nowMs);
}

Result<AgentStateMachine::Outcome> AgentStateMachine::startWork(const AgentState& current,
                                                                qint64 nowMs)
{
    if (current.presence == Presence::Busy)
        return Outcome{current, false, false};
    if (current.presence != Presence::Ready)
        return notAllowed(current, QStringLiteral("starting work"));
    AgentState busy;
    busy.presence = Presence::Busy;
    busy.sinceMs = nowMs;
    return Outcome{busy, false, true};
}

Result<AgentStateMachine::Outcome> AgentStateMachine::startOwnWork(const AgentState& current,
                                                                   qint64 nowMs)
{
    if (current.presence != Presence::NotReady)
        return startWork(current, nowMs);
    AgentState busy;
    busy.presence = Presence::Busy;
    busy.sinceMs = nowMs;
    busy.next = AgentState::Next{Presence::NotReady, current.reasonCode};
    return Outcome{busy, false, true};
}

Result<AgentStateMachine::Outcome> AgentStateMachine::endWork(const AgentState& current,
                                                              qint64 nowMs, qint64 untilMs)
{
    if (current.presence != Presence::Busy)
        return notAllowed(current, QStringLiteral("ending work"));
    AgentState wrapUp;
    wrapUp.presence = Presence::AfterCallWork;
    wrapUp.sinceMs = nowMs;
    wrapUp.untilMs = untilMs;
    wrapUp.next = current.next;
    return Outcome{wrapUp, false, true};
}

Result<AgentStateMachine::Outcome> AgentStateMachine::finishAfterCallWork(const AgentState& current,
                                                                          qint64 nowMs)
{
    if (current.presence != Presence::AfterCallWork)
        return notAllowed(current, QStringLiteral("finishing wrap-up"));
    const AgentState::Next next = current.next.value_or(AgentState::Next{Presence::Ready, {}});
    AgentState after;
    after.presence = next.presence;
    after.reasonCode = next.reasonCode;
    after.sinceMs = nowMs;
    return Outcome{after, false, true};
}

AgentStateMachine::Outcome AgentStateMachine::goOffline(const AgentState& current, qint64 nowMs)
{
    return moveTo(current, Presence::Offline, {}, nowMs);
}

} // namespace qidong::hub
