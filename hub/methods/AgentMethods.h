#pragma once

#include "protocol/Message.h"

namespace qidong::hub {

class AgentDirectory;
class AlertMonitor;
class ClientConnection;
class MethodDispatcher;
class SnapshotBuilder;

// agent.setState, session.snapshot, and agent.requestHelp (the agent's
// "need help" and "abusive customer" buttons, an alert for team leads).
class AgentMethods final
{
    Q_DISABLE_COPY_MOVE(AgentMethods)

public:
    AgentMethods(AgentDirectory& directory, const SnapshotBuilder& snapshots, AlertMonitor& alerts);

    void registerWith(MethodDispatcher& dispatcher);

private:
    void setState(ClientConnection& caller, const protocol::Request& request);
    void snapshot(ClientConnection& caller, const protocol::Request& request);
    void requestHelp(ClientConnection& caller, const protocol::Request& request);

    AgentDirectory& m_directory;
    const SnapshotBuilder& m_snapshots;
    AlertMonitor& m_alerts;
};

} // namespace qidong::hub
