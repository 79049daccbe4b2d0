#include "InteractionDirectory.h"
#include "Clock.h"

#include "agents/AgentDirectory.h"
#include "auth/SecretToken.h"
#include "log/HubLog.h"
#include "storage/AccountStore.h"
#include "storage/InteractionStore.h"

#include <QDateTime>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

Error notYours()
{
    return makeError(ErrorCode::NotFound, QStringLiteral("no such interaction of yours"));
}

} // namespace

InteractionDirectory::InteractionDirectory(InteractionStore& store, AccountStore& accounts,
                                           AgentDirectory& agents,
                                           std::chrono::milliseconds offerTimeout, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_accounts(accounts)
    , m_agents(agents)
    , m_offerTimeout(offerTimeout)
{}

InteractionDirectory::~InteractionDirectory() = default;

void InteractionDirectory::load()
{
    for (Interaction interaction : m_store.loadOpen()) {
        if (interaction.state == InteractionState::Offered) {
            interaction.state = InteractionState::Queued;
            interaction.agentId.clear();
            (void)m_store.save(interaction);
        }
        m_open.insert(interaction.id, interaction);
    }
}

Result<Interaction> InteractionDirectory::create(const CreateInteractionParams& params)
{
    const std::optional<Queue> queue = m_accounts.findQueue(params.queueId);
    if (!queue)
        return makeError(ErrorCode::InvalidParams,
                         QStringLiteral("no queue \"%1\"").arg(params.queueId),
                         {{QStringLiteral("field"), QStringLiteral("queueId")}});
    const qint64 now = nowMs();
    Interaction interaction;
    interaction.id = QStringLiteral("i-") + SecretToken::randomId().left(12);
    interaction.channel = params.channel;
    interaction.queueId = params.queueId;
    interaction.customer = params.customer;
    if (interaction.customer.id.isEmpty() || interaction.customer.id == QStringLiteral("pending"))
        interaction.customer.id = QStringLiteral("c-") + SecretToken::randomId().left(12);
    interaction.state = InteractionState::Queued;
    interaction.priority = std::max(params.priority, queue->priority);
    interaction.createdAtMs = now;
    interaction.slaDeadlineMs = now + queue->slaSeconds * 1000LL;
    Result<bool> saved = m_store.save(interaction);
    if (!saved)
        return saved.error();
    m_open.insert(interaction.id, interaction);
    logInfo(lcInteractions, QLatin1StringView("interaction.created"),
            {{QStringLiteral("interaction"), interaction.id},
             {QStringLiteral("queue"), interaction.queueId},
             {QStringLiteral("channel"), channelName(interaction.channel)}});
    return interaction;
}

Result<Interaction> InteractionDirectory::offer(const QString& interactionId,
                                                const QString& agentId)
{
    const auto it = m_open.find(interactionId);
    if (it == m_open.end())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such interaction"));
    if (it->state != InteractionState::Queued)
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("the interaction is not waiting"));
    if (!m_agents.hasPresence(agentId))
        return makeError(ErrorCode::NotFound, QStringLiteral("no such agent"));
    if (m_agents.stateOf(agentId).presence != Presence::Ready || !m_agents.isConnected(agentId))
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("the agent is not ready"));
    if (!ofAgent(agentId).isEmpty())
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("the agent is already working"));

    Interaction next = *it;
    next.state = InteractionState::Offered;
    next.agentId = agentId;
    Result<bool> saved = store(*it, next);
    if (!saved)
        return saved.error();
    auto timer = std::make_unique<QTimer>();
    timer->setSingleShot(true);
    connect(timer.get(), &QTimer::timeout, this, [this, interactionId, agentId] {
        logInfo(
            lcInteractions, QLatin1StringView("offer.timed_out"),
            {{QStringLiteral("interaction"), interactionId}, {QStringLiteral("agent"), agentId}});
        requeue(interactionId, QStringLiteral("timeout"));
        m_agents.setNotReadyBySystem(agentId, QStringLiteral("missed"));
    });
    timer->start(m_offerTimeout);
    m_offerTimers[interactionId] = std::move(timer);
    const InteractionOffer offer{*it, nowMs() + m_offerTimeout.count()};
    logInfo(lcInteractions, QLatin1StringView("interaction.offered"),
            {{QStringLiteral("interaction"), interactionId}, {QStringLiteral("agent"), agentId}});
    Q_EMIT offered(agentId, offer);
    return *it;
}

Result<Interaction> InteractionDirectory::accept(const QString& agentId,
                                                 const QString& interactionId)
{
    Result<Interaction*> held = heldBy(agentId, interactionId, InteractionState::Offered);
    if (!held)
        return held.error();
    if (m_agents.stateOf(agentId).presence != Presence::Ready)
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("only a ready agent can accept"));
    Interaction next = *held.value();
    next.state = InteractionState::Active;
    Result<bool> saved = store(*held.value(), next);
    if (!saved)
        return saved.error();
    stopOfferTimer(interactionId);
    (void)m_agents.startWork(agentId);
    Q_EMIT updated(agentId, *held.value());
    return *held.value();
}

Result<Interaction> InteractionDirectory::reject(const QString& agentId,
                                                 const QString& interactionId)
{
    Result<Interaction*> held = heldBy(agentId, interactionId, InteractionState::Offered);
    if (!held)
        return held.error();
    const Interaction before = *held.value();
    requeue(interactionId, QStringLiteral("rejected"));
    Interaction after = m_open.value(interactionId, before);
    return after;
}

Result<Interaction> InteractionDirectory::end(const QString& agentId, const QString& interactionId)
{
    Result<Interaction*> held = heldBy(agentId, interactionId, InteractionState::Active);
    if (!held)
        return held.error();
    Interaction next = *held.value();
    next.state = InteractionState::WrapUp;
    Result<bool> saved = store(*held.value(), next);
    if (!saved)
        return saved.error();
    const std::optional<Queue> queue = m_accounts.findQueue(next.queueId);
    (void)m_agents.endWork(agentId, std::chrono::seconds(queue ? queue->afterCallWorkSeconds : 0));
    Q_EMIT updated(agentId, *held.value());
    return *held.value();
}

Result<Interaction> InteractionDirectory::wrapUp(const QString& agentId,
                                                 const QString& interactionId, const QString& code)
{
    if (!m_accounts.hasReasonCode(ReasonKind::WrapUp, code))
        return makeError(ErrorCode::InvalidParams,
                         QStringLiteral("unknown wrap-up code \"%1\"").arg(code),
                         {{QStringLiteral("field"), QStringLiteral("code")}});
    Result<Interaction*> held = heldBy(agentId, interactionId, InteractionState::WrapUp);
    if (!held)
        return held.error();
    Interaction next = *held.value();
    next.state = InteractionState::Ended;
    Result<bool> saved = store(*held.value(), next, code);
    if (!saved)
        return saved.error();
    const Interaction ended = *held.value();
    m_open.remove(interactionId);
    (void)m_agents.finishAfterCallWork(agentId);
    Q_EMIT updated(agentId, ended);
    return ended;
}

QList<Interaction> InteractionDirectory::ofAgent(const QString& agentId) const
{
    QList<Interaction> mine;
    for (const Interaction& interaction : m_open) {
        if (interaction.agentId == agentId)
            mine.append(interaction);
    }
    std::sort(mine.begin(), mine.end(), [](const Interaction& a, const Interaction& b) {
        return a.createdAtMs < b.createdAtMs;
    });
    return mine;
}

Result<Interaction*> InteractionDirectory::heldBy(const QString& agentId,
                                                  const QString& interactionId,
                                                  InteractionState expected)
{
    const auto it = m_open.find(interactionId);
    if (it == m_open.end() || it->agentId != agentId)
        return notYours();
    if (it->state != expected)
        return makeError(
            ErrorCode::InvalidTransition,
            QStringLiteral("the interaction is %1").arg(interactionStateName(it->state)));
    return &*it;
}

Result<bool> InteractionDirectory::store(Interaction& interaction, const Interaction& next,
                                         const QString& wrapUpCode)
{
    Result<bool> saved = m_store.save(next, wrapUpCode);
    if (saved)
        interaction = next;
    return saved;
}

void InteractionDirectory::requeue(const QString& interactionId, const QString& reason)
{
    stopOfferTimer(interactionId);
    const auto it = m_open.find(interactionId);
    if (it == m_open.end())
        return;
    const QString agentId = it->agentId;
    Interaction next = *it;
    next.state = InteractionState::Queued;
    next.agentId.clear();
    if (!store(*it, next))
        return;
    Q_EMIT revoked(agentId, InteractionRevoked{interactionId, reason});
}

void InteractionDirectory::stopOfferTimer(const QString& interactionId)
{
    const auto it = m_offerTimers.find(interactionId);
    if (it == m_offerTimers.end())
        return;
    // May be the timer whose timeout is running right now.
    it->second->stop();
    it->second.release()->deleteLater();
    m_offerTimers.erase(it);
}

} // namespace qidong::hub
