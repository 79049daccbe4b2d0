#pragma once

#include "protocol/Message.h"

namespace qidong::hub {

class AgentDirectory;
class ClientConnection;
class MethodDispatcher;
class SnapshotBuilder;

// agent.setState and session.snapshot.
class AgentMethods final
{
    Q_DISABLE_COPY_MOVE(AgentMethods)

public:
    AgentMethods(AgentDirectory& directory, const SnapshotBuilder& snapshots);

    void registerWith(MethodDispatcher& dispatcher);

private:
    void setState(ClientConnection& caller, const protocol::Request& request);
    void snapshot(ClientConnection& caller, const protocol::Request& request);

    AgentDirectory& m_directory;
    const SnapshotBuilder& m_snapshots;
};

} // namespace qidong::hub
