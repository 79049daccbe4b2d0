#include "RoutingEngine.h"

#include <algorithm>

namespace qidong::hub::routing {

namespace {

QHash<QString, RoutableQueue> byId(const QList<RoutableQueue>& queues)
{
    QHash<QString, RoutableQueue> index;
    for (const RoutableQueue& queue : queues)
        index.insert(queue.id, queue);
    return index;
}

int queuePriority(const WaitingInteraction& interaction,
                  const QHash<QString, RoutableQueue>& queues)
{
    const auto it = queues.constFind(interaction.queueId);
    return std::max(interaction.priority, it == queues.cend() ? 0 : it->priority);
}

// Highest priority first, then longest waiting, then id for a stable order.
QList<WaitingInteraction> inServiceOrder(QList<WaitingInteraction> waiting,
                                         const QHash<QString, RoutableQueue>& queues)
{
    std::stable_sort(waiting.begin(), waiting.end(),
                     [&](const WaitingInteraction& a, const WaitingInteraction& b) {
                         const int pa = queuePriority(a, queues);
                         const int pb = queuePriority(b, queues);
                         if (pa != pb)
                             return pa > pb;
                         if (a.enqueuedAtMs != b.enqueuedAtMs)
                             return a.enqueuedAtMs < b.enqueuedAtMs;
                         return a.id < b.id;
                     });
    return waiting;
}

int skillScore(const RoutableAgent& agent, const RoutableQueue& queue)
{
    int score = 0;
    for (const QString& skill : queue.requiredSkills)
        score += agent.skills.value(skill);
    return score;
}

} // namespace

bool RoutingEngine::eligible(const RoutableAgent& agent, const RoutableQueue& queue,
                             const WaitingInteraction& interaction)
{
    if (!agent.acceptsWork || agent.offerSlots <= 0 ||
        interaction.excludedAgents.contains(agent.id))
        return false;
    if (!interaction.onlyAgent.isEmpty() && interaction.onlyAgent != agent.id)
        return false;
    if (agent.load.value(interaction.channel) >= agent.capacity.value(interaction.channel))
        return false;
    // A person chose this agent by name (a transfer, a team lead's
    // reassignment): that choice stands in for the queue's skills.
    if (!interaction.onlyAgent.isEmpty())
        return true;
    for (const QString& skill : queue.requiredSkills) {
        if (agent.skills.value(skill) <= 0)
            return false;
    }
    if (!queue.language.isEmpty()) {
        const QString base = queue.language.section(u'-', 0, 0);
        const bool speaks = std::any_of(
            agent.languages.cbegin(), agent.languages.cend(),
            [&](const QString& language) { return language.section(u'-', 0, 0) == base; });
        if (!speaks)
            return false;
    }
    return true;
}

QStringList RoutingEngine::candidateQueues(const WaitingInteraction& interaction,
                                           const QHash<QString, RoutableQueue>& queues,
                                           qint64 nowMs)
{
    QStringList candidates{interaction.queueId};
    const auto it = queues.constFind(interaction.queueId);
    if (it != queues.cend() && !it->overflowQueueId.isEmpty() &&
        queues.contains(it->overflowQueueId) &&
        nowMs - interaction.enqueuedAtMs >= it->overflowAfterMs)
        candidates.append(it->overflowQueueId);
    return candidates;
}

QList<Assignment> RoutingEngine::assign(const QList<WaitingInteraction>& waiting,
                                        const QList<RoutableQueue>& queueList,
                                        const QList<RoutableAgent>& agentList, qint64 nowMs)
{
    const QHash<QString, RoutableQueue> queues = byId(queueList);
    QList<RoutableAgent> agents = agentList; // loads and idle times change as we assign
    QList<Assignment> assignments;
    for (const WaitingInteraction& interaction : inServiceOrder(waiting, queues)) {
        std::optional<int> best;
        QString bestQueue;
        int eligibleCount = 0;
        for (const QString& queueId : candidateQueues(interaction, queues, nowMs)) {
            const RoutableQueue& queue = queues[queueId];
            for (int i = 0; i < agents.size(); ++i) {
                if (!eligible(agents.at(i), queue, interaction))
                    continue;
                ++eligibleCount;
                const RoutableAgent& candidate = agents.at(i);
                if (!best) {
                    best = i;
                    bestQueue = queueId;
                    continue;
                }
                const RoutableAgent& current = agents.at(*best);
                // Longest idle first; then the stronger skill match; then id.
                const bool better =
                    candidate.idleSinceMs != current.idleSinceMs
                        ? candidate.idleSinceMs < current.idleSinceMs
                    : skillScore(candidate, queue) != skillScore(current, queues[bestQueue])
                        ? skillScore(candidate, queue) > skillScore(current, queues[bestQueue])
                        : candidate.id < current.id;
                if (better) {
                    best = i;
                    bestQueue = queueId;
                }
            }
        }
        if (!best)
            continue;
        RoutableAgent& chosen = agents[*best];
        assignments.append(Assignment{interaction.id, chosen.id, bestQueue,
                                      QStringLiteral("longest idle (%1 s) of %2 eligible in %3%4")
                                          .arg((nowMs - chosen.idleSinceMs) / 1000)
                                          .arg(eligibleCount)
                                          .arg(bestQueue, bestQueue == interaction.queueId
                                                              ? QString()
                                                              : QStringLiteral(" (overflow)"))});
        chosen.load[interaction.channel] += 1;
        chosen.offerSlots -= 1;
        chosen.idleSinceMs = nowMs; // no longer idle: others go first next time
    }
    return assignments;
}

QList<QueuePosition> RoutingEngine::positions(const QList<WaitingInteraction>& waiting,
                                              const QList<RoutableQueue>& queueList,
                                              const QList<RoutableAgent>& agents, qint64 nowMs)
{
    Q_UNUSED(nowMs);
    const QHash<QString, RoutableQueue> queues = byId(queueList);
    QHash<QString, int> seen;
    QList<QueuePosition> result;
    for (const WaitingInteraction& interaction : inServiceOrder(waiting, queues)) {
        const int position = ++seen[interaction.queueId];
        const RoutableQueue queue = queues.value(interaction.queueId);
        // Staffed agents who could serve this queue at all (capacity ignored).
        int staffed = 0;
        for (const RoutableAgent& agent : agents) {
            WaitingInteraction probe = interaction;
            probe.excludedAgents.clear();
            RoutableAgent free = agent;
            free.load.clear();
            free.offerSlots = 1;
            if (eligible(free, queue, probe))
                ++staffed;
        }
        // Everyone ahead is served `staffed` at a time, one handle time each.
        const qint64 rounds = (position - 1) / std::max(staffed, 1);
        result.append(QueuePosition{interaction.id, interaction.queueId, position,
                                    staffed == 0 ? -1 : rounds * queue.averageHandleMs});
    }
    return result;
}

} // namespace qidong::hub::routing
