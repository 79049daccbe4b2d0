#pragma once

#include "protocol/SessionSnapshot.h"

namespace qidong::hub {

class AccountStore;
class AgentDirectory;
class InteractionDirectory;
class Session;

// Assembles what a desktop needs after sign-in or a resync.
class SnapshotBuilder final
{
public:
    SnapshotBuilder(const AccountStore& accounts, const AgentDirectory& directory,
                    const InteractionDirectory& interactions);

    protocol::SessionSnapshot build(const Session& session) const;

private:
    const AccountStore& m_accounts;
    const AgentDirectory& m_directory;
    const InteractionDirectory& m_interactions;
};

} // namespace qidong::hub
