#include "InteractionDirectory.h"
#include "Clock.h"

#include "agents/AgentDirectory.h"
#include "auth/SecretToken.h"
#include "log/HubLog.h"
#include "storage/AccountStore.h"

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

Error notYours()
{
    return makeError(ErrorCode::NotFound, QStringLiteral("no such interaction of yours"));
}

bool isMode(const std::optional<Queue>& queue, QLatin1StringView mode)
{
    return queue && queue->afterCallWorkMode == mode;
}

// A public complaint spreads; it is answered before private messages.
constexpr int kPublicPostPriorityBoost = 20;

} // namespace

InteractionDirectory::InteractionDirectory(InteractionStore& store, AccountStore& accounts,
                                           AgentDirectory& agents,
                                           std::chrono::milliseconds offerTimeout, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_accounts(accounts)
    , m_agents(agents)
    , m_offerTimeout(offerTimeout)
{
    connect(&m_agents, &AgentDirectory::stateChanged, this,
            [this](const QString& agentId, const AgentState& state, const QString&) {
                onAgentStateChanged(agentId, state);
            });
    m_agents.setAfterCallWorkExpiryHandler(
        [this](const QString& agentId) { onAfterCallWorkExpired(agentId); });
}

InteractionDirectory::~InteractionDirectory()
{
    m_agents.setAfterCallWorkExpiryHandler({});
}

void InteractionDirectory::load()
{
    for (StoredInteraction stored : m_store.loadOpen()) {
        if (stored.interaction.state == InteractionState::Offered) {
            stored.interaction.state = InteractionState::Queued;
            stored.interaction.agentId.clear();
            (void)m_store.save(stored);
        }
        const QString id = stored.interaction.id;
        Open& open = m_open[id];
        open.stored = std::move(stored);
        if (open.stored.interaction.state == InteractionState::WrapUp)
            armWrapUpDeadline(id, open);
    }
}

Result<StoredInteraction> InteractionDirectory::compose(const NewInteraction& request) const
{
    const CreateInteractionParams& params = request.params;
    const std::optional<Queue> queue = m_accounts.findQueue(params.queueId);
    if (!queue)
        return makeError(ErrorCode::InvalidParams,
                         QStringLiteral("no queue \"%1\"").arg(params.queueId),
                         {{QStringLiteral("field"), QStringLiteral("queueId")}});
    const qint64 now = nowMs();
    StoredInteraction stored;
    Interaction& interaction = stored.interaction;
    interaction.id = QStringLiteral("i-") + SecretToken::randomId().left(12);
    interaction.channel = params.channel;
    interaction.queueId = params.queueId;
    interaction.customer = params.customer;
    if (m_resolveCustomer && !request.rawIdentity.isEmpty()) {
        const QString known = m_resolveCustomer(request);
        if (!known.isEmpty())
            interaction.customer.id = known;
    }
    if (interaction.customer.id.isEmpty() || interaction.customer.id == QStringLiteral("pending"))
        interaction.customer.id = QStringLiteral("c-") + SecretToken::randomId().left(12);
    interaction.state = InteractionState::Queued;
    interaction.priority = std::max(params.priority, queue->priority);
    if (request.visibility == QStringLiteral("public"))
        interaction.priority = std::min(100, interaction.priority + kPublicPostPriorityBoost);
    interaction.createdAtMs = now;
    interaction.slaDeadlineMs = now + queue->slaSeconds * 1000LL;
    interaction.language = request.language.isEmpty() ? queue->language : request.language;
    interaction.visibility = request.visibility;
    stored.threadKey = request.threadKey;
    return stored;
}

Result<Interaction> InteractionDirectory::create(const NewInteraction& request)
{
    Result<StoredInteraction> composed = compose(request);
    if (!composed)
        return composed.error();
    const StoredInteraction& stored = composed.value();
    const Interaction& interaction = stored.interaction;
    Result<bool> saved = m_store.save(stored);
    if (!saved)
        return saved.error();
    m_open[interaction.id].stored = stored;
    Q_EMIT changed(StoredInteraction{}, stored);
    logInfo(lcInteractions, QLatin1StringView("interaction.created"),
            {{QStringLiteral("interaction"), interaction.id},
             {QStringLiteral("queue"), interaction.queueId},
             {QStringLiteral("channel"), channelName(interaction.channel)},
             {QStringLiteral("priority"), interaction.priority},
             {QStringLiteral("visibility"), interaction.visibility}});
    Q_EMIT customerFacingChanged(interaction);
    Q_EMIT routingNeeded();
    return interaction;
}

Result<Interaction> InteractionDirectory::startOutbound(const QString& agentId,
                                                        const NewInteraction& request)
{
    if (!m_agents.hasPresence(agentId))
        return makeError(ErrorCode::NotFound, QStringLiteral("no such agent"));
    const Presence presence = m_agents.stateOf(agentId).presence;
    if (presence == Presence::AfterCallWork)
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("finish the wrap-up before placing a call"));
    if (presence == Presence::Offline)
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("go Ready or Not Ready before placing a call"));
    if (m_onSideCall.contains(agentId))
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("finish the current call first"));
    for (const auto& [id, open] : m_open) {
        const Interaction& other = open.stored.interaction;
        if (other.agentId == agentId && isCallChannel(other.channel) &&
            (other.state == InteractionState::Offered || other.state == InteractionState::Active ||
             other.state == InteractionState::Held))
            return makeError(ErrorCode::InvalidTransition,
                             QStringLiteral("finish the current call first"));
    }
    Result<StoredInteraction> composed = compose(request);
    if (!composed)
        return composed.error();
    StoredInteraction stored = composed.value();
    stored.interaction.state = InteractionState::Active;
    stored.interaction.agentId = agentId;
    stamp(StoredInteraction{}, stored);
    Result<bool> saved = m_store.save(stored);
    if (!saved)
        return saved.error();
    const Interaction& interaction = stored.interaction;
    m_open[interaction.id].stored = stored;
    Q_EMIT changed(StoredInteraction{}, stored);
    (void)m_agents.startOwnWork(agentId);
    logInfo(lcInteractions, QLatin1StringView("interaction.outbound"),
            {{QStringLiteral("interaction"), interaction.id},
             {QStringLiteral("queue"), interaction.queueId},
             {QStringLiteral("agent"), agentId}});
    Q_EMIT updated(agentId, interaction);
    Q_EMIT customerFacingChanged(interaction);
    return interaction;
}

Result<Interaction> InteractionDirectory::offer(const QString& interactionId,
                                                const QString& agentId, const QString& why)
{
    const auto it = m_open.find(interactionId);
    if (it == m_open.end())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such interaction"));
    Open& open = it->second;
    if (open.stored.interaction.state != InteractionState::Queued)
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("the interaction is not waiting"));
    if (!m_agents.hasPresence(agentId))
        return makeError(ErrorCode::NotFound, QStringLiteral("no such agent"));
    const AgentState state = m_agents.stateOf(agentId);
    const bool hasRoom =
        state.presence == Presence::Ready || (state.presence == Presence::Busy && !state.next);
    if (!hasRoom || !m_agents.isConnected(agentId))
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("the agent is not ready"));

    StoredInteraction next = open.stored;
    next.interaction.state = InteractionState::Offered;
    next.interaction.agentId = agentId;
    Result<bool> saved = store(open, next);
    if (!saved)
        return saved.error();
    startTimer(open, m_offerTimeout, [this, interactionId, agentId] {
        logInfo(
            lcInteractions, QLatin1StringView("offer.timed_out"),
            {{QStringLiteral("interaction"), interactionId}, {QStringLiteral("agent"), agentId}});
        requeue(interactionId, QStringLiteral("timeout"), true);
        m_agents.setNotReadyBySystem(agentId, QStringLiteral("missed"));
    });
    const InteractionOffer offered{open.stored.interaction, nowMs() + m_offerTimeout.count()};
    logInfo(lcInteractions, QLatin1StringView("interaction.offered"),
            {{QStringLiteral("interaction"), interactionId},
             {QStringLiteral("agent"), agentId},
             {QStringLiteral("why"), why}});
    Q_EMIT this->offered(agentId, offered);
    return open.stored.interaction;
}

Result<Interaction> InteractionDirectory::accept(const QString& agentId,
                                                 const QString& interactionId)
{
    Result<Open*> held = heldBy(agentId, interactionId, InteractionState::Offered);
    if (!held)
        return held.error();
    const Presence presence = m_agents.stateOf(agentId).presence;
    if (presence != Presence::Ready && presence != Presence::Busy)
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("only a ready agent can accept"));
    Open& open = *held.value();
    StoredInteraction next = open.stored;
    next.interaction.state = InteractionState::Active;
    Result<bool> saved = store(open, next);
    if (!saved)
        return saved.error();
    stopTimer(open);
    (void)m_agents.startWork(agentId);
    logInfo(lcInteractions, QLatin1StringView("interaction.accepted"),
            {{QStringLiteral("interaction"), interactionId}, {QStringLiteral("agent"), agentId}});
    Q_EMIT updated(agentId, open.stored.interaction);
    Q_EMIT customerFacingChanged(open.stored.interaction);
    Q_EMIT routingNeeded(); // the next offer may ring now
    return open.stored.interaction;
}

Result<Interaction> InteractionDirectory::reject(const QString& agentId,
                                                 const QString& interactionId)
{
    Result<Open*> held = heldBy(agentId, interactionId, InteractionState::Offered);
    if (!held)
        return held.error();
    requeue(interactionId, QStringLiteral("rejected"), true);
    return held.value()->stored.interaction;
}

Result<Interaction> InteractionDirectory::hold(const QString& agentId, const QString& interactionId,
                                               bool onHold)
{
    Result<Open*> held =
        heldBy(agentId, interactionId, onHold ? InteractionState::Active : InteractionState::Held);
    if (!held)
        return held.error();
    Open& open = *held.value();
    if (!isCallChannel(open.stored.interaction.channel))
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("only calls are held"));
    StoredInteraction next = open.stored;
    next.interaction.state = onHold ? InteractionState::Held : InteractionState::Active;
    Result<bool> saved = store(open, next);
    if (!saved)
        return saved.error();
    logInfo(lcInteractions,
            onHold ? QLatin1StringView("interaction.held")
                   : QLatin1StringView("interaction.resumed"),
            {{QStringLiteral("interaction"), interactionId}, {QStringLiteral("agent"), agentId}});
    Q_EMIT updated(agentId, open.stored.interaction);
    Q_EMIT customerFacingChanged(open.stored.interaction);
    return open.stored.interaction;
}

Result<Interaction> InteractionDirectory::end(const QString& agentId, const QString& interactionId)
{
    Result<Open*> held = heldBy(agentId, interactionId, InteractionState::Active, true);
    if (!held)
        return held.error();
    Open& open = *held.value();
    StoredInteraction next = open.stored;
    next.interaction.state = InteractionState::WrapUp;
    next.endedAtMs = nowMs();
    Result<bool> saved = store(open, next);
    if (!saved)
        return saved.error();
    const std::optional<Queue> queue = queueOf(open.stored.interaction);
    armWrapUpDeadline(interactionId, open);
    // Copied first: finishing work may apply a queued Offline, which wraps
    // this interaction up and erases `open`.
    const Interaction ended = open.stored.interaction;
    if (!hasActiveWork(agentId))
        finishWork(agentId, queue ? &*queue : nullptr);
    logInfo(lcInteractions, QLatin1StringView("interaction.ended"),
            {{QStringLiteral("interaction"), interactionId}, {QStringLiteral("agent"), agentId}});
    Q_EMIT updated(agentId, ended);
    Q_EMIT customerFacingChanged(ended);
    Q_EMIT routingNeeded();
    return ended;
}

Result<Interaction> InteractionDirectory::endByCustomer(const QString& interactionId)
{
    const auto it = m_open.find(interactionId);
    if (it == m_open.end())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such conversation"));
    Open& open = it->second;
    const Interaction current = open.stored.interaction;
    if (current.state == InteractionState::Active || current.state == InteractionState::Held)
        return end(current.agentId, interactionId);
    if (current.state != InteractionState::Queued && current.state != InteractionState::Offered)
        return current; // already ended on the agent's side
    stopTimer(open);
    StoredInteraction next = open.stored;
    next.interaction.state = InteractionState::Ended;
    next.interaction.agentId.clear();
    next.endedAtMs = nowMs();
    next.wrapUp = WrapUpRecord{QStringLiteral("abandoned"), VocKind::None, {}, {}, false, true};
    Result<bool> saved = store(open, next);
    if (!saved)
        return saved.error();
    const Interaction abandoned = open.stored.interaction;
    m_open.erase(it);
    logInfo(lcInteractions, QLatin1StringView("interaction.abandoned"),
            {{QStringLiteral("interaction"), interactionId}});
    if (current.state == InteractionState::Offered)
        Q_EMIT revoked(current.agentId,
                       InteractionRevoked{interactionId, QStringLiteral("abandoned")});
    Q_EMIT customerFacingChanged(abandoned);
    Q_EMIT routingNeeded();
    return abandoned;
}

Result<Interaction> InteractionDirectory::wrapUp(const QString& agentId,
                                                 const QString& interactionId, WrapUpRecord record)
{
    if (!m_accounts.hasReasonCode(ReasonKind::WrapUp, record.code))
        return makeError(ErrorCode::InvalidParams,
                         QStringLiteral("unknown wrap-up code \"%1\"").arg(record.code),
                         {{QStringLiteral("field"), QStringLiteral("code")}});
    Result<Open*> held = heldBy(agentId, interactionId, InteractionState::WrapUp);
    if (!held)
        return held.error();
    Open& open = *held.value();
    StoredInteraction next = open.stored;
    next.interaction.state = InteractionState::Ended;
    next.wrapUp = record;
    Result<bool> saved = store(open, next);
    if (!saved)
        return saved.error();
    stopTimer(open);
    const Interaction ended = open.stored.interaction;
    m_open.erase(interactionId);
    logInfo(lcInteractions, QLatin1StringView("interaction.wrapped_up"),
            {{QStringLiteral("interaction"), interactionId},
             {QStringLiteral("agent"), agentId},
             {QStringLiteral("code"), record.code},
             {QStringLiteral("voc"), vocKindName(record.voc)},
             {QStringLiteral("automatic"), record.automatic}});
    releaseAfterCallWork(agentId);
    Q_EMIT updated(agentId, ended);
    Q_EMIT wrappedUp(ended, record);
    return ended;
}

Result<Interaction> InteractionDirectory::convertToCallback(const QString& interactionId,
                                                            const QString& note)
{
    const auto it = m_open.find(interactionId);
    if (it == m_open.end())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such call"));
    Open& open = it->second;
    const Interaction& waiting = open.stored.interaction;
    if (waiting.channel != Channel::Voice ||
        (waiting.state != InteractionState::Queued && waiting.state != InteractionState::Offered))
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("only a call waiting in a queue can become a callback"));
    const QString offeredTo =
        waiting.state == InteractionState::Offered ? waiting.agentId : QString();
    StoredInteraction next = open.stored;
    next.interaction.channel = Channel::Callback;
    next.interaction.state = InteractionState::Queued;
    next.interaction.agentId.clear();
    next.interaction.note = note;
    Result<bool> saved = store(open, next);
    if (!saved)
        return saved.error();
    stopTimer(open);
    logInfo(lcInteractions, QLatin1StringView("interaction.callbackRequested"),
            {{QStringLiteral("interaction"), interactionId}});
    if (!offeredTo.isEmpty())
        Q_EMIT revoked(offeredTo, InteractionRevoked{interactionId, QStringLiteral("callback")});
    Q_EMIT customerFacingChanged(open.stored.interaction);
    Q_EMIT routingNeeded();
    return open.stored.interaction;
}

Result<Interaction> InteractionDirectory::handOver(const QString& fromAgentId,
                                                   const QString& interactionId,
                                                   const QString& toAgentId)
{
    Result<Open*> held = heldBy(fromAgentId, interactionId, InteractionState::Active, true);
    if (!held)
        return held.error();
    Open& open = *held.value();
    StoredInteraction next = open.stored;
    next.interaction.state = InteractionState::Active;
    next.interaction.agentId = toAgentId;
    Result<bool> saved = store(open, next);
    if (!saved)
        return saved.error();
    (void)m_agents.startWork(toAgentId);
    logInfo(lcInteractions, QLatin1StringView("interaction.handedOver"),
            {{QStringLiteral("interaction"), interactionId},
             {QStringLiteral("from"), fromAgentId},
             {QStringLiteral("to"), toAgentId}});
    Q_EMIT revoked(fromAgentId, InteractionRevoked{interactionId, QStringLiteral("transferred")});
    Q_EMIT updated(toAgentId, open.stored.interaction);
    if (!hasActiveWork(fromAgentId)) {
        const std::optional<Queue> queue = queueOf(open.stored.interaction);
        finishWork(fromAgentId, queue ? &*queue : nullptr);
    }
    Q_EMIT customerFacingChanged(open.stored.interaction);
    Q_EMIT routingNeeded();
    return open.stored.interaction;
}

void InteractionDirectory::setOnSideCall(const QString& agentId, bool onSideCall)
{
    if (onSideCall) {
        m_onSideCall.insert(agentId);
        (void)m_agents.startWork(agentId);
        return;
    }
    if (!m_onSideCall.remove(agentId))
        return;
    if (!hasActiveWork(agentId))
        finishWork(agentId, nullptr);
    Q_EMIT routingNeeded();
}

Result<Interaction> InteractionDirectory::transfer(const QString& agentId,
                                                   const TransferParams& params)
{
    Result<Open*> held = heldBy(agentId, params.id, InteractionState::Active, true);
    if (!held)
        return held.error();
    Open& open = *held.value();
    StoredInteraction next = open.stored;
    QString target;
    if (!params.agentUsername.isEmpty()) {
        const std::optional<AccountRecord> account =
            m_accounts.findByUsername(params.agentUsername);
        if (!account || !m_agents.hasPresence(account->agent.id))
            return makeError(ErrorCode::NotFound, QStringLiteral("no such agent"),
                             {{QStringLiteral("field"), QStringLiteral("agent")}});
        if (account->agent.id == agentId)
            return makeError(ErrorCode::InvalidParams,
                             QStringLiteral("the interaction is already yours"),
                             {{QStringLiteral("field"), QStringLiteral("agent")}});
        target = account->agent.id;
    } else {
        const std::optional<Queue> queue = m_accounts.findQueue(params.queueId);
        if (!queue)
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("no queue \"%1\"").arg(params.queueId),
                             {{QStringLiteral("field"), QStringLiteral("queueId")}});
        next.interaction.queueId = queue->id;
        next.interaction.priority = std::max(next.interaction.priority, queue->priority);
    }
    next.interaction.state = InteractionState::Queued;
    next.interaction.agentId.clear();
    next.interaction.note = params.note;
    Result<bool> saved = store(open, next);
    if (!saved)
        return saved.error();
    open.targetAgent = target;
    open.excluded = {agentId};
    logInfo(lcInteractions, QLatin1StringView("interaction.transferred"),
            {{QStringLiteral("interaction"), params.id},
             {QStringLiteral("from"), agentId},
             {QStringLiteral("toQueue"), params.queueId},
             {QStringLiteral("toAgent"), target}});
    Q_EMIT revoked(agentId, InteractionRevoked{params.id, QStringLiteral("transferred")});
    if (!hasActiveWork(agentId))
        finishWork(agentId, nullptr);
    Q_EMIT customerFacingChanged(open.stored.interaction);
    Q_EMIT routingNeeded();
    return open.stored.interaction;
}

Result<Interaction> InteractionDirectory::reassign(const QString& interactionId,
                                                   const QString& toQueueId,
                                                   const QString& toAgentId)
{
    const auto it = m_open.find(interactionId);
    if (it == m_open.end())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such open interaction"),
                         {{QStringLiteral("field"), QStringLiteral("interactionId")}});
    Open& open = it->second;
    const Interaction current = open.stored.interaction;
    if (current.state != InteractionState::Queued && current.state != InteractionState::Offered)
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("only a waiting interaction can be reassigned"));
    StoredInteraction next = open.stored;
    QString target;
    if (!toAgentId.isEmpty()) {
        const std::optional<Agent> agent = m_accounts.findById(toAgentId);
        if (!agent || agent->role == Role::Admin)
            return makeError(ErrorCode::NotFound, QStringLiteral("no such agent"),
                             {{QStringLiteral("field"), QStringLiteral("toAgentId")}});
        target = agent->id;
    } else {
        const std::optional<Queue> queue = m_accounts.findQueue(toQueueId);
        if (!queue)
            return makeError(ErrorCode::NotFound, QStringLiteral("no queue \"%1\"").arg(toQueueId),
                             {{QStringLiteral("field"), QStringLiteral("toQueueId")}});
        next.interaction.queueId = queue->id;
        next.interaction.priority = std::max(next.interaction.priority, queue->priority);
    }
    next.interaction.state = InteractionState::Queued;
    next.interaction.agentId.clear();
    stopTimer(open);
    Result<bool> saved = store(open, next);
    if (!saved)
        return saved.error();
    open.targetAgent = target;
    open.excluded.clear(); // a team lead's choice: whoever declined before may take it now
    logInfo(lcInteractions, QLatin1StringView("interaction.reassigned"),
            {{QStringLiteral("interaction"), interactionId},
             {QStringLiteral("toQueue"), toQueueId},
             {QStringLiteral("toAgent"), target}});
    if (current.state == InteractionState::Offered)
        Q_EMIT revoked(current.agentId,
                       InteractionRevoked{interactionId, QStringLiteral("reassigned")});
    Q_EMIT customerFacingChanged(open.stored.interaction);
    Q_EMIT routingNeeded();
    return open.stored.interaction;
}

QList<Interaction> InteractionDirectory::ofAgent(const QString& agentId) const
{
    QList<Interaction> mine;
    for (const auto& [id, open] : m_open) {
        if (open.stored.interaction.agentId == agentId)
            mine.append(open.stored.interaction);
    }
    std::sort(mine.begin(), mine.end(), [](const Interaction& a, const Interaction& b) {
        return a.createdAtMs < b.createdAtMs;
    });
    return mine;
}

std::optional<Interaction> InteractionDirectory::find(const QString& interactionId) const
{
    const auto it = m_open.find(interactionId);
    if (it == m_open.end())
        return std::nullopt;
    return it->second.stored.interaction;
}

QString InteractionDirectory::threadKeyOf(const QString& interactionId) const
{
    const auto it = m_open.find(interactionId);
    return it == m_open.end() ? QString() : it->second.stored.threadKey;
}

std::optional<QString> InteractionDirectory::findByThread(const QString& threadKey) const
{
    for (const auto& [id, open] : m_open) {
        if (open.stored.threadKey == threadKey)
            return id;
    }
    return std::nullopt;
}

QList<Interaction> InteractionDirectory::open() const
{
    QList<Interaction> all;
    all.reserve(qsizetype(m_open.size()));
    for (const auto& [id, open] : m_open)
        all.append(open.stored.interaction);
    return all;
}

QSet<QString> InteractionDirectory::excludedAgents(const QString& interactionId) const
{
    const auto it = m_open.find(interactionId);
    return it == m_open.end() ? QSet<QString>() : it->second.excluded;
}

QString InteractionDirectory::targetAgent(const QString& interactionId) const
{
    const auto it = m_open.find(interactionId);
    return it == m_open.end() ? QString() : it->second.targetAgent;
}

qint64 InteractionDirectory::lastWorkEndedMs(const QString& agentId) const
{
    return m_lastWorkEnded.value(agentId, 0);
}

Result<InteractionDirectory::Open*> InteractionDirectory::heldBy(const QString& agentId,
                                                                 const QString& interactionId,
                                                                 InteractionState expected,
                                                                 bool orHeld)
{
    const auto it = m_open.find(interactionId);
    if (it == m_open.end() || it->second.stored.interaction.agentId != agentId)
        return notYours();
    const InteractionState state = it->second.stored.interaction.state;
    if (state != expected && !(orHeld && state == InteractionState::Held))
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("the interaction is %1").arg(interactionStateName(state)));
    return &it->second;
}

std::optional<qint64> InteractionDirectory::answeredAtOf(const QString& interactionId) const
{
    const auto it = m_open.find(interactionId);
    if (it == m_open.end() || it->second.stored.answeredAtMs == 0)
        return std::nullopt;
    return it->second.stored.answeredAtMs;
}

Result<bool> InteractionDirectory::store(Open& open, StoredInteraction next)
{
    stamp(open.stored, next);
    Result<bool> saved = m_store.save(next);
    if (!saved)
        return saved;
    const StoredInteraction previous = std::exchange(open.stored, std::move(next));
    Q_EMIT changed(previous, open.stored);
    return saved;
}

void InteractionDirectory::stamp(const StoredInteraction& previous, StoredInteraction& next)
{
    const InteractionState state = next.interaction.state;
    if (next.answeredAtMs == 0 && state == InteractionState::Active)
        next.answeredAtMs = nowMs();
    if (next.answeredAtMs != 0 && state == InteractionState::Ended &&
        previous.interaction.state != InteractionState::Ended)
        next.wrappedUpAtMs = nowMs();
}

void InteractionDirectory::requeue(const QString& interactionId, const QString& reason,
                                   bool exclude)
{
    const auto it = m_open.find(interactionId);
    if (it == m_open.end())
        return;
    Open& open = it->second;
    stopTimer(open);
    const QString agentId = open.stored.interaction.agentId;
    StoredInteraction next = open.stored;
    next.interaction.state = InteractionState::Queued;
    next.interaction.agentId.clear();
    if (!store(open, next))
        return;
    if (exclude && !agentId.isEmpty())
        open.excluded.insert(agentId);
    if (open.targetAgent == agentId)
        open.targetAgent.clear(); // the named agent declined: back to the queue's agents
    Q_EMIT revoked(agentId, InteractionRevoked{interactionId, reason});
    Q_EMIT customerFacingChanged(open.stored.interaction);
    Q_EMIT routingNeeded();
}

void InteractionDirectory::startTimer(Open& open, std::chrono::milliseconds after,
                                      std::function<void()> onTimeout)
{
    stopTimer(open);
    open.timer = std::make_unique<QTimer>();
    open.timer->setSingleShot(true);
    connect(open.timer.get(), &QTimer::timeout, this, std::move(onTimeout));
    open.timer->start(std::max(after, std::chrono::milliseconds(0)));
}

void InteractionDirectory::stopTimer(Open& open)
{
    // May be the timer whose timeout is running right now.
    if (open.timer) {
        open.timer->stop();
        open.timer.release()->deleteLater();
    }
}

void InteractionDirectory::finishWork(const QString& agentId, const Queue* queue)
{
    m_lastWorkEnded.insert(agentId, nowMs());
    const bool wrapUpNeeded = queue && queue->afterCallWorkMode != QLatin1StringView("optional") &&
                              m_agents.stateOf(agentId).presence == Presence::Busy;
    if (wrapUpNeeded) {
        (void)m_agents.endWork(agentId, std::chrono::seconds(queue->afterCallWorkSeconds));
        return;
    }
    // No after-call work: straight on to the next state.
    if (m_agents.stateOf(agentId).presence == Presence::Busy) {
        (void)m_agents.endWork(agentId, std::chrono::milliseconds(0));
        (void)m_agents.finishAfterCallWork(agentId);
    }
}

void InteractionDirectory::armWrapUpDeadline(const QString& interactionId, Open& open)
{
    const std::optional<Queue> queue = queueOf(open.stored.interaction);
    // Mandatory wrap-up waits for the agent; the agent directory moves them
    // to acw-overflow when their time is up.
    if (!queue || isMode(queue, QLatin1StringView("mandatory")))
        return;
    qint64 wrapUpMs = queue->afterCallWorkSeconds * 1000LL;
    if (m_agents.afterCallWorkCap().count() > 0)
        wrapUpMs = std::min<qint64>(wrapUpMs, m_agents.afterCallWorkCap().count());
    const qint64 deadline = open.stored.endedAtMs + wrapUpMs;
    const QString code =
        queue->defaultWrapUpCode.isEmpty() ? QStringLiteral("resolved") : queue->defaultWrapUpCode;
    startTimer(open, std::chrono::milliseconds(deadline - nowMs()), [this, interactionId, code] {
        const std::optional<Interaction> interaction = find(interactionId);
        if (!interaction || interaction->state != InteractionState::WrapUp)
            return;
        (void)wrapUp(interaction->agentId, interactionId,
                     WrapUpRecord{code, VocKind::None, {}, {}, false, true});
    });
}

void InteractionDirectory::releaseAfterCallWork(const QString& agentId)
{
    if (m_agents.stateOf(agentId).presence != Presence::AfterCallWork || hasActiveWork(agentId))
        return;
    for (const auto& [id, open] : m_open) {
        const Interaction& interaction = open.stored.interaction;
        if (interaction.agentId == agentId && interaction.state == InteractionState::WrapUp &&
            !isMode(queueOf(interaction), QLatin1StringView("optional")))
            return; // more to wrap up
    }
    (void)m_agents.finishAfterCallWork(agentId);
    Q_EMIT routingNeeded();
}

void InteractionDirectory::onAgentStateChanged(const QString& agentId, const AgentState& state)
{
    if (state.presence == Presence::Ready || state.presence == Presence::Busy) {
        Q_EMIT routingNeeded();
        return;
    }
    if (state.presence != Presence::Offline)
        return;
    // Nobody is left to answer: waiting customers go back to the queue, and
    // wrap-up the agent cannot finish any more is closed with the default.
    const QList<Interaction> held = ofAgent(agentId);
    for (const Interaction& interaction : held) {
        if (interaction.state == InteractionState::Offered ||
            interaction.state == InteractionState::Active) {
            requeue(interaction.id, QStringLiteral("agent-offline"), true);
        } else if (interaction.state == InteractionState::WrapUp) {
            const std::optional<Queue> queue = queueOf(interaction);
            const QString code = queue && !queue->defaultWrapUpCode.isEmpty()
                                     ? queue->defaultWrapUpCode
                                     : QStringLiteral("resolved");
            (void)wrapUp(agentId, interaction.id,
                         WrapUpRecord{code, VocKind::None, {}, {}, false, true});
        }
    }
}

void InteractionDirectory::onAfterCallWorkExpired(const QString& agentId)
{
    // Mandatory wrap-up keeps the agent out of routing until they finish;
    // timed wrap-up closes itself with the queue's default code.
    QStringList timed;
    for (const auto& [id, open] : m_open) {
        const Interaction& interaction = open.stored.interaction;
        if (interaction.agentId != agentId || interaction.state != InteractionState::WrapUp)
            continue;
        const std::optional<Queue> queue = queueOf(interaction);
        if (!queue || isMode(queue, QLatin1StringView("mandatory"))) {
            m_agents.setNotReadyBySystem(agentId, QStringLiteral("acw-overflow"));
            return;
        }
        timed.append(id);
    }
    for (const QString& id : std::as_const(timed)) {
        const auto it = m_open.find(id);
        if (it == m_open.end())
            continue;
        const std::optional<Queue> queue = queueOf(it->second.stored.interaction);
        const QString code = queue && !queue->defaultWrapUpCode.isEmpty()
                                 ? queue->defaultWrapUpCode
                                 : QStringLiteral("resolved");
        (void)wrapUp(agentId, id, WrapUpRecord{code, VocKind::None, {}, {}, false, true});
    }
    if (timed.isEmpty() && m_agents.stateOf(agentId).presence == Presence::AfterCallWork)
        (void)m_agents.finishAfterCallWork(agentId);
}

bool InteractionDirectory::hasActiveWork(const QString& agentId) const
{
    if (m_onSideCall.contains(agentId))
        return true;
    for (const auto& [id, open] : m_open) {
        const Interaction& interaction = open.stored.interaction;
        if (interaction.agentId == agentId && (interaction.state == InteractionState::Active ||
                                               interaction.state == InteractionState::Held))
            return true;
    }
    return false;
}

std::optional<Queue> InteractionDirectory::queueOf(const Interaction& interaction) const
{
    return m_accounts.findQueue(interaction.queueId);
}

} // namespace qidong::hub
