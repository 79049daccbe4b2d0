#pragma once

#include "RoutingEngine.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace qidong::hub {

class AccountStore;
class AgentDirectory;
class InteractionDirectory;

// Runs the ACD: after any change that may let work flow (something queued,
// an agent Ready or with room again) and once a second (overflow waits
// pass, estimates age), it takes a snapshot of the live directories, asks
// RoutingEngine for assignments and makes the offers. Every decision is
// logged with its reason. Waiting customers hear their position.
class Router final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Router)

public:
    Router(const AccountStore& accounts, const AgentDirectory& agents,
           InteractionDirectory& interactions, QObject* parent = nullptr);

    // Site policy overriding every agent's chat capacity (0: none).
    void setChatCapacity(int capacity) { m_chatCapacity = capacity; }

    // Routes soon (coalesces bursts of changes into one run).
    void schedule();
    // Routes now; answers how many offers were made.
    int routeNow();

Q_SIGNALS:
    void positionChanged(const QString& interactionId, int position, qint64 estimatedWaitMs);

private:
    QList<routing::RoutableAgent> routableAgents() const;
    QList<routing::RoutableQueue> routableQueues() const;
    QList<routing::WaitingInteraction> waiting() const;
    void publishPositions(const QList<routing::WaitingInteraction>& waiting,
                          const QList<routing::RoutableQueue>& queues,
                          const QList<routing::RoutableAgent>& agents, qint64 now);

    const AccountStore& m_accounts;
    const AgentDirectory& m_agents;
    InteractionDirectory& m_interactions;
    QTimer m_soon;
    QTimer m_tick;
    QHash<QString, QPair<int, qint64>> m_lastPositions;
    int m_chatCapacity = 0;
};

} // namespace qidong::hub
