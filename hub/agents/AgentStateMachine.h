#pragma once

#include "protocol/AgentState.h"
#include "protocol/Result.h"

namespace qidong::hub {

// The rules of agent presence, free of storage, timers and sockets.
//
//   Offline ⇄ Ready ⇄ NotReady(reason)     chosen by the agent
//   Ready → Busy → AfterCallWork → next    driven by work (routing, wrap-up)
//
// While Busy, a choice is queued as the next state and applied when the
// work ends. AfterCallWork ends early when the agent chooses a state.
class AgentStateMachine final
{
public:
    struct Outcome
    {
        protocol::AgentState state;
        bool queued = false;  // the choice became the next state
        bool changed = false; // anything observable changed
    };

    // The agent (or a supervisor on their behalf) asks for a state.
    static protocol::Result<Outcome> request(const protocol::AgentState& current,
                                             protocol::Presence target, const QString& reasonCode,
                                             qint64 nowMs);
    // Work was assigned: Ready (or a state with room) becomes Busy.
    static protocol::Result<Outcome> startWork(const protocol::AgentState& current, qint64 nowMs);
    // The agent places a call themselves: also from NotReady (an outbound
    // call is not routed work), to which they return after the wrap-up.
    static protocol::Result<Outcome> startOwnWork(const protocol::AgentState& current,
                                                  qint64 nowMs);
    // The last piece of work ended: Busy becomes AfterCallWork until
    // `untilMs` (0: no limit).
    static protocol::Result<Outcome> endWork(const protocol::AgentState& current, qint64 nowMs,
                                             qint64 untilMs = 0);
    // Wrap-up time is over: the queued next state, or Ready.
    static protocol::Result<Outcome> finishAfterCallWork(const protocol::AgentState& current,
                                                         qint64 nowMs);
    // The agent vanished (disconnect grace expired) or signed out.
    static Outcome goOffline(const protocol::AgentState& current, qint64 nowMs);
};

} // namespace qidong::hub
