#include "FloorBoard.h"

#include "FloorTallies.h"
#include "agents/AgentDirectory.h"
#include "interactions/InteractionDirectory.h"
#include "storage/AccountStore.h"

#include <algorithm>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

bool isWaiting(const Interaction& interaction)
{
    return interaction.state == InteractionState::Queued ||
           interaction.state == InteractionState::Offered;
}

bool isHeldBy(const Interaction& interaction, const QString& agentId)
{
    return interaction.agentId == agentId && interaction.state != InteractionState::Queued &&
           interaction.state != InteractionState::Ended;
}

} // namespace

bool servesQueue(const Agent& agent, const Queue& queue)
{
    for (const QString& skill : queue.requiredSkills) {
        const bool has = std::any_of(agent.skills.cbegin(), agent.skills.cend(),
                                     [&](const Skill& held) { return held.name == skill; });
        if (!has)
            return false;
    }
    if (queue.language.isEmpty())
        return true;
    const QString base = queue.language.section(u'-', 0, 0);
    return std::any_of(
        agent.languages.cbegin(), agent.languages.cend(),
        [&](const QString& language) { return language.section(u'-', 0, 0) == base; });
}

FloorBoard::FloorBoard(const AccountStore& accounts, const AgentDirectory& agents,
                       const InteractionDirectory& interactions, FloorTallies& tallies,
                       QObject* parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_agents(agents)
    , m_interactions(interactions)
    , m_tallies(tallies)
{
    connect(&agents, &AgentDirectory::stateChanged, this, [this](const QString& agentId) {
        markAgent(agentId);
        markQueuesOf(agentId);
    });
    connect(&interactions, &InteractionDirectory::changed, this, &FloorBoard::interactionChanged);
}

FloorView FloorBoard::view(int agentLimit, QString* moreAfter) const
{
    FloorView view;
    view.dayStartedAt = m_tallies.dayStartMs();
    view.weekStartedAt = m_tallies.weekStartMs();
    view.queues = queueRows({});
    view.agents = agents({}, agentLimit, moreAfter);
    return view;
}

QList<FloorAgentRow> FloorBoard::agents(QString afterId, int limit, QString* moreAfter) const
{
    // Accounts come ordered by id: a page starts after the last id given.
    QList<FloorAgentRow> rows;
    if (moreAfter)
        moreAfter->clear();
    for (const Agent& agent : m_accounts.agents()) {
        if (agent.role == Role::Admin || (!afterId.isEmpty() && agent.id <= afterId))
            continue;
        if (rows.size() == limit) {
            if (moreAfter)
                *moreAfter = rows.constLast().agentId;
            break;
        }
        rows.append(agentRow(agent));
    }
    return rows;
}

FloorDelta FloorBoard::takeDelta()
{
    FloorDelta delta;
    if (!m_dirtyQueues.isEmpty())
        delta.queues = queueRows(m_dirtyQueues);
    if (!m_dirtyAgents.isEmpty()) {
        for (const Agent& agent : m_accounts.agents()) {
            if (agent.role != Role::Admin && m_dirtyAgents.contains(agent.id))
                delta.agents.append(agentRow(agent));
        }
    }
    m_dirtyQueues.clear();
    m_dirtyAgents.clear();
    return delta;
}

void FloorBoard::agentChanged(const QString& agentId)
{
    markAgent(agentId);
    markQueuesOf(agentId);
}

void FloorBoard::interactionChanged(const StoredInteraction& previous,
                                    const StoredInteraction& next)
{
    (void)m_tallies.record(previous, next);
    // Waiting counts move with any change; the agents holding it before
    // and after see their work change.
    markQueue(next.interaction.queueId);
    if (!previous.interaction.queueId.isEmpty())
        markQueue(previous.interaction.queueId);
    if (!previous.interaction.agentId.isEmpty())
        markAgent(previous.interaction.agentId);
    if (!next.interaction.agentId.isEmpty())
        markAgent(next.interaction.agentId);
}

void FloorBoard::scoresChanged(const QString& interactionId)
{
    const FloorTallies::Touched touched = m_tallies.rescore(interactionId);
    if (!touched.queueId.isEmpty())
        markQueue(touched.queueId);
    if (!touched.agentId.isEmpty())
        markAgent(touched.agentId);
}

void FloorBoard::restartDay(qint64 dayStartMs, qint64 weekStartMs)
{
    m_tallies.load(dayStartMs, weekStartMs);
    for (const Queue& queue : m_accounts.queues())
        markQueue(queue.id);
    for (const Agent& agent : m_accounts.agents())
        markAgent(agent.id);
}

void FloorBoard::markAgent(const QString& agentId)
{
    const bool first = !hasChanges();
    m_dirtyAgents.insert(agentId);
    if (first)
        Q_EMIT changesPending();
}

void FloorBoard::markQueue(const QString& queueId)
{
    const bool first = !hasChanges();
    m_dirtyQueues.insert(queueId);
    if (first)
        Q_EMIT changesPending();
}

void FloorBoard::markQueuesOf(const QString& agentId)
{
    const std::optional<Agent> agent = m_accounts.findById(agentId);
    if (!agent)
        return;
    for (const Queue& queue : m_accounts.queues()) {
        if (servesQueue(*agent, queue))
            markQueue(queue.id);
    }
}

FloorAgentRow FloorBoard::agentRow(const Agent& agent) const
{
    FloorAgentRow row;
    row.agentId = agent.id;
    row.username = agent.username;
    row.displayName = agent.displayName;
    row.role = agent.role;
    row.teamId = agent.teamId;
    row.skills = agent.skills;
    row.capacity = agent.capacity;
    row.state = m_agents.stateOf(agent.id);
    row.connected = m_agents.isConnected(agent.id);
    for (const Interaction& interaction : m_interactions.ofAgent(agent.id)) {
        if (!isHeldBy(interaction, agent.id))
            continue;
        const std::optional<qint64> answered = m_interactions.answeredAtOf(interaction.id);
        row.work.append(FloorWork{interaction.id, interaction.channel, interaction.queueId,
                                  interaction.state, answered.value_or(interaction.createdAtMs)});
    }
    const FloorTallies::Agent tally = m_tallies.agent(agent.id);
    row.handled = tally.handled;
    row.handleMs = tally.handleMs;
    row.npsToday = tally.npsToday;
    return row;
}

QList<FloorQueue> FloorBoard::queueRows(const QSet<QString>& only) const
{
    QList<FloorQueue> rows;
    const QList<Queue> queues = m_accounts.queues();
    QHash<QString, FloorQueue> byId;
    for (const Queue& queue : queues) {
        if (!only.isEmpty() && !only.contains(queue.id))
            continue;
        FloorQueue row;
        row.queueId = queue.id;
        const FloorTallies::Queue tally = m_tallies.queue(queue.id);
        row.offered = tally.offered;
        row.answered = tally.answered;
        row.answeredInSla = tally.answeredInSla;
        row.abandoned = tally.abandoned;
        row.answerWaitMs = tally.answerWaitMs;
        row.handled = tally.handled;
        row.handleMs = tally.handleMs;
        row.npsToday = tally.npsToday;
        row.npsWeek = tally.npsWeek;
        row.conversionToday = tally.conversionToday;
        row.conversionWeek = tally.conversionWeek;
        byId.insert(queue.id, row);
    }
    if (byId.isEmpty())
        return rows;
    for (const Interaction& interaction : m_interactions.open()) {
        const auto it = byId.find(interaction.queueId);
        if (it == byId.end() || !isWaiting(interaction))
            continue;
        ++it->waiting;
        if (it->oldestWaitingSince == 0 || interaction.createdAtMs < it->oldestWaitingSince)
            it->oldestWaitingSince = interaction.createdAtMs;
    }
    const QList<Agent> agents = m_accounts.agents();
    for (const Queue& queue : queues) {
        const auto it = byId.find(queue.id);
        if (it == byId.end())
            continue;
        for (const Agent& agent : agents) {
            if (agent.role == Role::Admin || !servesQueue(agent, queue))
                continue;
            switch (m_agents.stateOf(agent.id).presence) {
            case Presence::Ready:
                ++it->ready;
                break;
            case Presence::Busy:
                ++it->busy;
                break;
            case Presence::AfterCallWork:
                ++it->afterCallWork;
                break;
            case Presence::NotReady:
                ++it->notReady;
                break;
            case Presence::Offline:
                break;
            }
        }
        rows.append(*it);
    }
    return rows;
}

} // namespace qidong::hub
