#pragma once

#include "protocol/Floor.h"
#include "protocol/Queue.h"

#include <QObject>
#include <QSet>

namespace qidong::hub {

class AccountStore;
class AgentDirectory;
class FloorTallies;
class InteractionDirectory;
struct StoredInteraction;

// The live floor a team lead watches: one row per queue and per agent,
// built from the directories and today's tallies. Changes mark rows dirty;
// takeDelta() gives each dirty row once, whole, however often it changed
// since, which is what keeps a busy floor cheap to watch.
class FloorBoard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FloorBoard)

public:
    FloorBoard(const AccountStore& accounts, const AgentDirectory& agents,
               const InteractionDirectory& interactions, FloorTallies& tallies,
               QObject* parent = nullptr);

    // Queues and the first `agentLimit` agents by id; `moreAfter` is the
    // last id given when more follow (page on with agents()).
    protocol::FloorView view(int agentLimit, QString* moreAfter) const;
    // `afterId` by value: callers may page with one variable for both.
    QList<protocol::FloorAgentRow> agents(QString afterId, int limit, QString* moreAfter) const;
    protocol::FloorDelta takeDelta();
    bool hasChanges() const { return !m_dirtyAgents.isEmpty() || !m_dirtyQueues.isEmpty(); }

    // Hooks for what the directories cannot say themselves.
    void agentChanged(const QString& agentId); // skills, capacity, sign-in
    void interactionChanged(const StoredInteraction& previous, const StoredInteraction& next);
    void scoresChanged(const QString& interactionId); // a survey answer, an offer outcome
    // Local midnight passed: today's counts start again.
    void restartDay(qint64 dayStartMs, qint64 weekStartMs);

Q_SIGNALS:
    // The first change since the last delta.
    void changesPending();

private:
    void markAgent(const QString& agentId);
    void markQueue(const QString& queueId);
    void markQueuesOf(const QString& agentId);
    protocol::FloorAgentRow agentRow(const protocol::Agent& agent) const;
    QList<protocol::FloorQueue> queueRows(const QSet<QString>& only) const;

    const AccountStore& m_accounts;
    const AgentDirectory& m_agents;
    const InteractionDirectory& m_interactions;
    FloorTallies& m_tallies;
    QSet<QString> m_dirtyAgents;
    QSet<QString> m_dirtyQueues;
};

// Whether the agent could take the queue's work (skills and language), as
// routing decides it.
bool servesQueue(const protocol::Agent& agent, const protocol::Queue& queue);

} // namespace qidong::hub
