#pragma once

#include "protocol/Agent.h"
#include "protocol/Chat.h"
#include "protocol/Queue.h"
#include "protocol/Result.h"

#include <QList>

#include <optional>

namespace qidong::hub {

class Database;

struct AccountRecord final
{
    protocol::Agent agent;
    QString passwordHash; // argon2id, libsodium's encoded form
};

// Accounts, teams, queues and reason codes: the organisation the hub serves.
class AccountStore final
{
    Q_DISABLE_COPY_MOVE(AccountStore)

public:
    explicit AccountStore(Database& database);

    std::optional<AccountRecord> findByUsername(const QString& username) const;
    std::optional<protocol::Agent> findById(const QString& id) const;
    QList<protocol::Agent> agents() const;
    QList<protocol::Team> teams() const;
    QList<protocol::Queue> queues() const;
    std::optional<protocol::Queue> findQueue(const QString& id) const;
    QList<protocol::ReasonCode> reasonCodes() const;
    bool hasReasonCode(protocol::ReasonKind kind, const QString& code) const;
    int accountCount() const;

    protocol::Result<bool> addTeam(const protocol::Team& team);
    protocol::Result<bool> addAccount(const protocol::Agent& agent, const QString& passwordHash);
    protocol::Result<bool> addQueue(const protocol::Queue& queue);
    protocol::Result<bool> addReasonCode(const protocol::ReasonCode& reason, int sort);

    // A team lead's change to an agent's skills and/or capacity, for the
    // rest of today (local time); agents() and findById() give the changed
    // values until midnight. `reset` drops it.
    struct DayOverride
    {
        std::optional<QList<protocol::Skill>> skills;
        std::optional<QHash<protocol::Channel, int>> capacity;
    };
    protocol::Result<bool> setDayOverride(const QString& agentId, const DayOverride& change,
                                          const QString& setBy);
    protocol::Result<bool> clearDayOverride(const QString& agentId);

    // The team's canned responses and those shared by every team.
    QList<protocol::CannedResponse> cannedResponses(const QString& teamId) const;
    protocol::Result<bool> addCannedResponse(const protocol::CannedResponse& canned,
                                             const QString& teamId);

private:
    Database& m_database;
    // Read on every routing decision; changed only through this class.
    mutable std::optional<QList<protocol::Agent>> m_agents;
    mutable qint64 m_agentsUntilMs = 0; // next local midnight: day overrides lapse
    mutable std::optional<QList<protocol::Queue>> m_queues;
};

} // namespace qidong::hub
