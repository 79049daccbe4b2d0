#include "AlertMonitor.h"

#include "Clock.h"
#include "FloorTallies.h"
#include "agents/AgentDirectory.h"
#include "interactions/InteractionDirectory.h"
#include "log/HubLog.h"
#include "storage/AccountStore.h"
#include "storage/InteractionStore.h"

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

constexpr int kMaxNoteLength = 500;

bool isWaiting(const Interaction& interaction)
{
    return interaction.state == InteractionState::Queued ||
           interaction.state == InteractionState::Offered;
}

} // namespace

AlertMonitor::AlertMonitor(const AccountStore& accounts, const AgentDirectory& agents,
                           const InteractionDirectory& interactions, const FloorTallies& tallies,
                           KeywordRules rules, Settings settings, QObject* parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_agents(agents)
    , m_interactions(interactions)
    , m_tallies(tallies)
    , m_rules(std::move(rules))
    , m_settings(settings)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &AlertMonitor::scan);
    m_timer.start();
}

void AlertMonitor::onInteractionChanged(const StoredInteraction& previous,
                                        const StoredInteraction& next)
{
    // Seed 002: a public complaint spreads fast; the lead sees it arrive.
    if (!previous.interaction.id.isEmpty() ||
        next.interaction.visibility != QStringLiteral("public"))
        return;
    FloorAlert alert;
    alert.kind = QStringLiteral("publicPost");
    alert.severity = QStringLiteral("warning");
    alert.queueId = next.interaction.queueId;
    alert.interactionId = next.interaction.id;
    alert.detail = next.interaction.customer.displayName;
    publish(alert);
}

void AlertMonitor::onMessage(const ChatMessage& message)
{
    if (message.sender != Sender::Customer)
        return;
    const std::optional<KeywordRules::Hit> hit = m_rules.check(message.text);
    if (!hit)
        return;
    const std::optional<Interaction> interaction = m_interactions.find(message.interactionId);
    FloorAlert alert;
    alert.kind = QStringLiteral("keyword");
    alert.severity = hit->category == QStringLiteral("cancellation") ? QStringLiteral("warning")
                                                                     : QStringLiteral("critical");
    alert.interactionId = message.interactionId;
    if (interaction) {
        alert.queueId = interaction->queueId;
        alert.agentId = interaction->agentId;
    }
    alert.detail = hit->category + QStringLiteral(": ") + hit->matched;
    // One open alert per conversation and category: the lead has seen it.
    for (const auto& [id, open] : m_alerts) {
        if (open.kind == alert.kind && open.interactionId == alert.interactionId &&
            open.acknowledgedBy.isEmpty() && open.detail.startsWith(hit->category + u':'))
            return;
    }
    publish(alert);
}

Result<FloorAlert> AlertMonitor::requestHelp(const QString& agentId, const QString& kind,
                                             const QString& interactionId, const QString& note)
{
    if (kind != QStringLiteral("help") && kind != QStringLiteral("abusive"))
        return makeError(ErrorCode::InvalidParams, QStringLiteral("kind: help or abusive"),
                         {{QStringLiteral("field"), QStringLiteral("kind")}});
    if (note.size() > kMaxNoteLength)
        return makeError(ErrorCode::InvalidParams, QStringLiteral("note: at most 500 characters"),
                         {{QStringLiteral("field"), QStringLiteral("note")}});
    FloorAlert alert;
    if (!interactionId.isEmpty()) {
        const std::optional<Interaction> interaction = m_interactions.find(interactionId);
        if (!interaction || interaction->agentId != agentId)
            return makeError(ErrorCode::NotFound, QStringLiteral("not one of your interactions"),
                             {{QStringLiteral("field"), QStringLiteral("interactionId")}});
        alert.queueId = interaction->queueId;
        alert.interactionId = interactionId;
    }
    alert.kind = kind == QStringLiteral("help") ? QStringLiteral("helpRequested")
                                                : QStringLiteral("abusiveCustomer");
    alert.severity = QStringLiteral("critical");
    alert.agentId = agentId;
    alert.detail = note;
    return publish(alert);
}

Result<FloorAlert> AlertMonitor::acknowledge(qint64 id, const QString& by)
{
    const auto it = m_alerts.find(id);
    if (it == m_alerts.end())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such alert"));
    if (it->second.acknowledgedBy.isEmpty()) {
        it->second.acknowledgedBy = by;
        it->second.acknowledgedAt = nowMs();
        Q_EMIT changed(it->second);
    }
    const FloorAlert alert = it->second;
    prune();
    return alert;
}

Result<FloorAlert> AlertMonitor::assign(qint64 id, const QString& to)
{
    const auto it = m_alerts.find(id);
    if (it == m_alerts.end())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such alert"));
    it->second.assignedTo = to;
    Q_EMIT changed(it->second);
    return it->second;
}

QList<FloorAlert> AlertMonitor::list() const
{
    QList<FloorAlert> open;
    QList<FloorAlert> done;
    for (auto it = m_alerts.rbegin(); it != m_alerts.rend(); ++it)
        (it->second.acknowledgedBy.isEmpty() ? open : done).append(it->second);
    return open + done;
}

void AlertMonitor::scan()
{
    const qint64 now = nowMs();
    QSet<QString> active;
    const auto condition = [&](const QString& key, FloorAlert alert) {
        active.insert(key);
        raise(key, std::move(alert));
    };
    QHash<QString, qint64> oldestByQueue;
    for (const Interaction& interaction : m_interactions.open()) {
        if (!isWaiting(interaction))
            continue;
        qint64& oldest = oldestByQueue[interaction.queueId];
        oldest = oldest == 0 ? interaction.createdAtMs : std::min(oldest, interaction.createdAtMs);
        if (interaction.slaDeadlineMs > 0 && now > interaction.slaDeadlineMs) {
            FloorAlert alert;
            alert.kind = QStringLiteral("waitingOverSla");
            alert.severity = QStringLiteral("critical");
            alert.queueId = interaction.queueId;
            alert.interactionId = interaction.id;
            alert.detail = interaction.customer.displayName;
            condition(QStringLiteral("waitingOverSla:") + interaction.id, alert);
        }
    }
    for (const Queue& queue : m_accounts.queues()) {
        const qint64 oldest = oldestByQueue.value(queue.id);
        const bool waitingLong =
            oldest > 0 &&
            double(now - oldest) >= double(queue.slaSeconds) * 1000.0 * m_settings.slaRiskShare;
        // Below target today with people waiting is a risk too.
        const FloorTallies::Queue tally = m_tallies.queue(queue.id);
        const int counted = tally.answered + tally.abandoned;
        const bool belowTarget = oldest > 0 && counted >= 5 &&
                                 tally.answeredInSla * 100 < queue.slaTargetPercent * counted;
        if (!waitingLong && !belowTarget)
            continue;
        FloorAlert alert;
        alert.kind = QStringLiteral("slaRisk");
        alert.severity = QStringLiteral("warning");
        alert.queueId = queue.id;
        alert.detail = waitingLong ? QStringLiteral("longest wait %1 s of %2 s")
                                         .arg((now - oldest) / 1000)
                                         .arg(queue.slaSeconds)
                                   : QStringLiteral("service level %1 %% of %2 %%")
                                         .arg(tally.answeredInSla * 100 / counted)
                                         .arg(queue.slaTargetPercent);
        condition(QStringLiteral("slaRisk:") + queue.id, alert);
    }
    for (const Agent& agent : m_accounts.agents()) {
        if (agent.role == Role::Admin)
            continue;
        const AgentState state = m_agents.stateOf(agent.id);
        const qint64 seconds = (now - state.sinceMs) / 1000;
        const bool longAcw = state.presence == Presence::AfterCallWork &&
                             seconds >= m_settings.afterCallWorkLimit.count();
        const bool longNotReady =
            state.presence == Presence::NotReady && seconds >= m_settings.notReadyLimit.count();
        if (!longAcw && !longNotReady)
            continue;
        FloorAlert alert;
        alert.kind =
            longAcw ? QStringLiteral("afterCallWorkTooLong") : QStringLiteral("notReadyTooLong");
        alert.severity = QStringLiteral("info");
        alert.agentId = agent.id;
        alert.detail = longAcw ? QStringLiteral("%1 s").arg(seconds)
                               : QStringLiteral("%1 · %2 s").arg(state.reasonCode).arg(seconds);
        // Keyed by the state's start: a new spell of Not Ready is a new alert.
        condition(QStringLiteral("%1:%2:%3").arg(alert.kind, agent.id).arg(state.sinceMs), alert);
    }
    m_activeKeys = active;
}

void AlertMonitor::raise(const QString& key, FloorAlert alert)
{
    if (m_activeKeys.contains(key))
        return;
    m_activeKeys.insert(key);
    publish(std::move(alert));
}

FloorAlert AlertMonitor::publish(FloorAlert alert)
{
    alert.id = m_nextId++;
    alert.raisedAt = nowMs();
    m_alerts[alert.id] = alert;
    logInfo(lcAgents, QLatin1StringView("alert.raised"),
            {{QStringLiteral("kind"), alert.kind},
             {QStringLiteral("queue"), alert.queueId},
             {QStringLiteral("agent"), alert.agentId},
             {QStringLiteral("interaction"), alert.interactionId}});
    Q_EMIT raised(alert);
    prune();
    return alert;
}

void AlertMonitor::prune()
{
    int acknowledged = 0;
    for (auto it = m_alerts.rbegin(); it != m_alerts.rend(); ++it)
        acknowledged += it->second.acknowledgedBy.isEmpty() ? 0 : 1;
    for (auto it = m_alerts.begin();
         it != m_alerts.end() && acknowledged > m_settings.keepAcknowledged;) {
        if (!it->second.acknowledgedBy.isEmpty()) {
            it = m_alerts.erase(it);
            --acknowledged;
        } else {
            ++it;
        }
    }
}

} // namespace qidong::hub
