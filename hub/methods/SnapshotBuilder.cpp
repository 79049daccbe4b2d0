#include "SnapshotBuilder.h"

#include "agents/AgentDirectory.h"
#include "interactions/InteractionDirectory.h"
#include "session/Session.h"
#include "storage/AccountStore.h"

namespace qidong::hub {

using namespace qidong::protocol;

SnapshotBuilder::SnapshotBuilder(const AccountStore& accounts, const AgentDirectory& directory,
                                 const InteractionDirectory& interactions)
    : m_accounts(accounts)
    , m_directory(directory)
    , m_interactions(interactions)
{}

SessionSnapshot SnapshotBuilder::build(const Session& session) const
{
    SessionSnapshot snapshot;
    snapshot.agent = m_accounts.findById(session.agentId()).value_or(Agent{});
    snapshot.state = m_directory.stateOf(session.agentId());
    snapshot.teams = m_accounts.teams();
    snapshot.queues = m_accounts.queues();
    snapshot.reasonCodes = m_accounts.reasonCodes();
    snapshot.interactions = m_interactions.ofAgent(session.agentId());
    return snapshot;
}

} // namespace qidong::hub
