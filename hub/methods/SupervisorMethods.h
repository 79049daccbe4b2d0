#pragma once

#include "protocol/Message.h"

namespace qidong::hub {

class AccountStore;
class AgentDirectory;
class AlertMonitor;
class AuditLog;
class ClientConnection;
class FloorBoard;
class FloorFeed;
class FloorTallies;
class InteractionDirectory;
class LiveMonitors;
class MethodDispatcher;
class SessionRegistry;

// What only a team lead (supervisor or admin) may do, enforced here and
// not by what a desktop shows: watch the floor (floor.subscribe, paged
// floor.agents, floor.intraday, floor.waiting), and act on agents and waiting work
// (agent.forceState, agent.forceSignOut, agent.adjust,
// interaction.reassign), the floor's alerts (alert.*), and monitoring a
// live interaction (monitor.start / mode / stop / whisper). Each action is
// audited with who, when and why before it is carried out.
class SupervisorMethods final
{
    Q_DISABLE_COPY_MOVE(SupervisorMethods)

public:
    struct Services
    {
        FloorBoard& board;
        FloorFeed& feed;
        FloorTallies& tallies;
        AccountStore& accounts;
        AgentDirectory& agents;
        InteractionDirectory& interactions;
        SessionRegistry& sessions;
        AuditLog& audit;
        AlertMonitor& alerts;
        LiveMonitors& monitors;
    };

    explicit SupervisorMethods(Services services);

    void registerWith(MethodDispatcher& dispatcher);

    // Rows per page of floor.subscribe and floor.agents: well under the frame limit.
    static constexpr int kAgentsPerPage = 250;

private:
    void subscribe(ClientConnection& caller, const protocol::Request& request);
    void agentsPage(ClientConnection& caller, const protocol::Request& request);
    void intraday(ClientConnection& caller, const protocol::Request& request);
    void waiting(ClientConnection& caller, const protocol::Request& request);
    void forceState(ClientConnection& caller, const protocol::Request& request);
    void forceSignOut(ClientConnection& caller, const protocol::Request& request);
    void adjust(ClientConnection& caller, const protocol::Request& request);
    void reassign(ClientConnection& caller, const protocol::Request& request);
    void acknowledgeAlert(ClientConnection& caller, const protocol::Request& request);
    void assignAlert(ClientConnection& caller, const protocol::Request& request);
    void monitor(ClientConnection& caller, const protocol::Request& request, bool start);
    void stopMonitor(ClientConnection& caller, const protocol::Request& request);
    void whisper(ClientConnection& caller, const protocol::Request& request);
    // The account acted on: a known agent or supervisor, never an admin.
    bool checkTarget(ClientConnection& caller, const protocol::Request& request,
                     const QString& agentId);
    bool audited(ClientConnection& caller, const protocol::Request& request, const QString& action,
                 const QString& subject, const QJsonObject& detail);

    Services m_services;
};

} // namespace qidong::hub
