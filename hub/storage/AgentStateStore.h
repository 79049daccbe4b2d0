#pragma once

#include "protocol/AgentState.h"
#include "protocol/Result.h"

#include <QHash>

namespace qidong::hub {

class Database;

// Each agent's presence, written before the change is announced so a hub
// restart finds every agent where they were.
class AgentStateStore final
{
    Q_DISABLE_COPY_MOVE(AgentStateStore)

public:
    explicit AgentStateStore(Database& database);

    QHash<QString, protocol::AgentState> loadAll() const;
    protocol::Result<bool> save(const QString& agentId, const protocol::AgentState& state);

private:
    Database& m_database;
};

} // namespace qidong::hub
