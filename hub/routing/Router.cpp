#include "Router.h"
#include "Clock.h"

#include "agents/AgentDirectory.h"
#include "interactions/InteractionDirectory.h"
#include "log/HubLog.h"
#include "storage/AccountStore.h"

namespace qidong::hub {

using namespace qidong::protocol;
using namespace qidong::hub::routing;

Router::Router(const AccountStore& accounts, const AgentDirectory& agents,
               InteractionDirectory& interactions, QObject* parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_agents(agents)
    , m_interactions(interactions)
{
    m_soon.setSingleShot(true);
    m_soon.setInterval(0);
    connect(&m_soon, &QTimer::timeout, this, [this] { routeNow(); });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] { routeNow(); });
    m_tick.start();
    connect(&m_interactions, &InteractionDirectory::routingNeeded, this, &Router::schedule);
}

void Router::schedule()
{
    if (!m_soon.isActive())
        m_soon.start();
}

int Router::routeNow()
{
    const QList<WaitingInteraction> queued = waiting();
    if (queued.isEmpty())
        return 0;
    const qint64 now = nowMs();
    const QList<RoutableQueue> queues = routableQueues();
    const QList<RoutableAgent> agents = routableAgents();
    int offers = 0;
    QSet<QString> offeredIds;
    for (const Assignment& assignment : RoutingEngine::assign(queued, queues, agents, now)) {
        logInfo(lcRouting, QLatin1StringView("routing.assigned"),
                {{QStringLiteral("interaction"), assignment.interactionId},
                 {QStringLiteral("agent"), assignment.agentId},
                 {QStringLiteral("queue"), assignment.queueId},
                 {QStringLiteral("why"), assignment.why}});
        if (m_interactions.offer(assignment.interactionId, assignment.agentId, assignment.why)) {
            ++offers;
            offeredIds.insert(assignment.interactionId);
        }
    }
    QList<WaitingInteraction> stillWaiting;
    for (const WaitingInteraction& interaction : queued) {
        if (!offeredIds.contains(interaction.id))
            stillWaiting.append(interaction);
    }
    publishPositions(stillWaiting, queues, agents, now);
    return offers;
}

QList<RoutableAgent> Router::routableAgents() const
{
    QHash<QString, QHash<Channel, int>> loads;
    QSet<QString> ringing;
    for (const Interaction& interaction : m_interactions.open()) {
        if (interaction.state == InteractionState::Offered)
            ringing.insert(interaction.agentId);
        if (!interaction.agentId.isEmpty() && (interaction.state == InteractionState::Offered ||
                                               interaction.state == InteractionState::Active ||
                                               interaction.state == InteractionState::Held))
            loads[interaction.agentId][interaction.channel] += 1;
    }
    QList<RoutableAgent> agents;
    for (const Agent& agent : m_accounts.agents()) {
        if (agent.role == Role::Admin || !m_agents.hasPresence(agent.id))
            continue;
        const AgentState state = m_agents.stateOf(agent.id);
        RoutableAgent routable;
        routable.id = agent.id;
        for (const Skill& skill : agent.skills)
            routable.skills.insert(skill.name, skill.level);
        routable.languages = agent.languages;
        routable.load = loads.value(agent.id);
        // One offer rings at a time: the agent answers it before the next.
        routable.offerSlots = ringing.contains(agent.id) ? 0 : 1;
        // A call takes the agent whole: no chats beside it.
        const bool onCall =
            routable.load.value(Channel::Voice) > 0 || routable.load.value(Channel::Callback) > 0 ||
            routable.load.value(Channel::Outbound) > 0 || m_interactions.isOnSideCall(agent.id);
        routable.acceptsWork = m_agents.isConnected(agent.id) && !onCall &&
                               (state.presence == Presence::Ready ||
                                (state.presence == Presence::Busy && !state.next));
        for (const Channel channel :
             {Channel::Voice, Channel::Chat, Channel::Social, Channel::Email, Channel::Sms,
              Channel::Callback, Channel::Outbound})
            routable.capacity.insert(channel, agent.capacityFor(channel));
        if (m_chatCapacity > 0) {
            for (const Channel channel :
                 {Channel::Chat, Channel::Social, Channel::Sms, Channel::Email})
                routable.capacity.insert(channel, m_chatCapacity);
        }
        // Busy agents with room come after everyone who is idle.
        routable.idleSinceMs =
            state.presence == Presence::Ready
                ? std::max(state.sinceMs, m_interactions.lastWorkEndedMs(agent.id))
                : nowMs();
        agents.append(routable);
    }
    return agents;
}

QList<RoutableQueue> Router::routableQueues() const
{
    QList<RoutableQueue> queues;
    for (const Queue& queue : m_accounts.queues()) {
        RoutableQueue routable;
        routable.id = queue.id;
        routable.requiredSkills = queue.requiredSkills;
        routable.language = queue.language;
        routable.priority = queue.priority;
        routable.overflowQueueId = queue.overflowQueueId;
        routable.overflowAfterMs = queue.overflowAfterSeconds * 1000LL;
        routable.averageHandleMs = queue.channel == Channel::Voice ? 180000 : 240000;
        queues.append(routable);
    }
    return queues;
}

QList<WaitingInteraction> Router::waiting() const
{
    QList<WaitingInteraction> queued;
    for (const Interaction& interaction : m_interactions.open()) {
        if (interaction.state != InteractionState::Queued)
            continue;
        WaitingInteraction item;
        item.id = interaction.id;
        item.queueId = interaction.queueId;
        item.channel = interaction.channel;
        item.priority = interaction.priority;
        item.enqueuedAtMs = interaction.createdAtMs;
        item.excludedAgents = m_interactions.excludedAgents(interaction.id);
        item.onlyAgent = m_interactions.targetAgent(interaction.id);
        queued.append(item);
    }
    return queued;
}

void Router::publishPositions(const QList<WaitingInteraction>& waiting,
                              const QList<RoutableQueue>& queues,
                              const QList<RoutableAgent>& agents, qint64 now)
{
    QHash<QString, QPair<int, qint64>> current;
    for (const QueuePosition& position : RoutingEngine::positions(waiting, queues, agents, now)) {
        const QPair<int, qint64> value{position.position, position.estimatedWaitMs};
        current.insert(position.interactionId, value);
        if (m_lastPositions.value(position.interactionId) != value)
            Q_EMIT positionChanged(position.interactionId, position.position,
                                   position.estimatedWaitMs);
    }
    m_lastPositions = std::move(current);
}

} // namespace qidong::hub
