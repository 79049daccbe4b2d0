#pragma once

#include "AgentStateMachine.h"
#include "protocol/AgentState.h"
#include "protocol/Payloads.h"
#include "protocol/Result.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <unordered_map>

namespace qidong::hub {

class AccountStore;
class AgentStateStore;

// Every agent's live presence. Changes are stored before they are announced;
// an agent whose every connection is gone is moved to Offline after a grace
// period, so nobody is shown Ready who cannot answer.
class AgentDirectory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentDirectory)

public:
    AgentDirectory(AccountStore& accounts, AgentStateStore& states,
                   std::chrono::milliseconds disconnectGrace, QObject* parent = nullptr);

    // Site policy: no wrap-up lasts longer than this, whatever a queue says (0: none).
    void setAfterCallWorkCap(std::chrono::milliseconds cap) { m_acwCap = cap; }
    std::chrono::milliseconds afterCallWorkCap() const { return m_acwCap; }
    // Who decides what happens when wrap-up time runs out (the interaction
    // directory knows each queue's mode). Without one: NotReady(acw-overflow).
    void setAfterCallWorkExpiryHandler(std::function<void(const QString& agentId)> handler)
    {
        m_expiryHandler = std::move(handler);
    }
    ~AgentDirectory() override;

    // Reads stored states. Agents left in a working state by a previous run
    // start their disconnect grace now: their desktops must come back.
    void load();

    protocol::AgentState stateOf(const QString& agentId) const;
    bool isConnected(const QString& agentId) const;
    bool hasPresence(const QString& agentId) const;

    protocol::Result<protocol::SetStateResult> requestState(const QString& agentId,
                                                            const protocol::SetStateParams& params,
                                                            const QString& cause);
    protocol::Result<bool> startWork(const QString& agentId);
    // An outbound call the agent places (AgentStateMachine::startOwnWork).
    protocol::Result<bool> startOwnWork(const QString& agentId);
    // Work ended: AfterCallWork for at most `wrapUpTime` (0: no limit), after
    // which the agent is moved to NotReady("acw-overflow") so no new work
    // reaches them while they finish, and their team lead sees it.
    protocol::Result<bool> endWork(const QString& agentId, std::chrono::milliseconds wrapUpTime);
    protocol::Result<bool> finishAfterCallWork(const QString& agentId);
    void goOffline(const QString& agentId, const QString& cause);
    // The hub puts an agent Not Ready (e.g. "missed" after an unanswered
    // offer); the reason need not be one agents may choose.
    void setNotReadyBySystem(const QString& agentId, const QString& reasonCode);

    void markConnected(const QString& agentId);
    void markDisconnected(const QString& agentId);
    // While the hub drains, vanishing connections are expected: keep states.
    void holdDisconnectTimers();

Q_SIGNALS:
    void stateChanged(const QString& agentId, const protocol::AgentState& state,
                      const QString& cause);

private:
    struct Entry
    {
        protocol::AgentState state;
        int connections = 0;
        std::unique_ptr<QTimer> graceTimer;
        std::unique_ptr<QTimer> wrapUpTimer;
    };

    using WorkTransition = std::function<protocol::Result<AgentStateMachine::Outcome>(
        const protocol::AgentState& current, qint64 nowMs)>;
    protocol::Result<bool> applyWorkTransition(const QString& agentId, WorkTransition transition);
    protocol::Result<bool> commit(const QString& agentId, const AgentStateMachine::Outcome& outcome,
                                  const QString& cause);
    void armGraceTimer(const QString& agentId, Entry& entry);
    static void stopTimer(std::unique_ptr<QTimer>& timer);
    void armWrapUpTimer(const QString& agentId, Entry& entry);

    AccountStore& m_accounts;
    AgentStateStore& m_store;
    std::chrono::milliseconds m_disconnectGrace;
    bool m_holdTimers = false;
    std::chrono::milliseconds m_acwCap{0};
    std::function<void(const QString&)> m_expiryHandler;
    std::unordered_map<QString, Entry> m_entries;
};

} // namespace qidong::hub
