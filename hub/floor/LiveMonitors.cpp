#include "LiveMonitors.h"

#include "Clock.h"
#include "chat/ChatService.h"
#include "interactions/InteractionDirectory.h"
#include "log/HubLog.h"
#include "media/VoiceCalls.h"
#include "storage/AccountStore.h"
#include "storage/ChatStore.h"
#include "storage/InteractionStore.h"

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

// The transcript a team lead gets on joining: the latest messages, as the
// agent's first chat.history page would show.
constexpr int kTranscriptMessages = 100;

bool inAgentsHands(InteractionState state)
{
    return state == InteractionState::Active || state == InteractionState::Held;
}

Error notMonitoring()
{
    return makeError(ErrorCode::NotFound, QStringLiteral("you are not monitoring it"),
                     {{QStringLiteral("field"), QStringLiteral("interactionId")}});
}

} // namespace

LiveMonitors::LiveMonitors(InteractionDirectory& interactions, const AccountStore& accounts,
                           VoiceCalls& calls, ChatService& chat, bool tellAgents, QObject* parent)
    : QObject(parent)
    , m_interactions(interactions)
    , m_accounts(accounts)
    , m_calls(calls)
    , m_chat(chat)
    , m_tellAgents(tellAgents)
{
    connect(&m_interactions, &InteractionDirectory::changed, this,
            &LiveMonitors::onInteractionChanged);
}

LiveMonitors::~LiveMonitors() = default;

Result<Monitoring> LiveMonitors::start(const QString& supervisorId, const MonitorParams& params)
{
    const std::optional<Interaction> interaction = m_interactions.find(params.interactionId);
    if (!interaction)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such open interaction"),
                         {{QStringLiteral("field"), QStringLiteral("interactionId")}});
    if (!inAgentsHands(interaction->state))
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("nobody is handling it: it is %1")
                             .arg(interactionStateName(interaction->state)));
    if (interaction->agentId == supervisorId)
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("it is your own"));
    Watch& watch = m_watches[params.interactionId][supervisorId];
    watch.mode = params.mode;
    place(*interaction, supervisorId, params.mode);
    tell(interaction->agentId, interaction->id, supervisorId, params.mode, true);
    watch.toldAgent = interaction->agentId;
    logInfo(lcInteractions, QLatin1StringView("monitor.started"),
            {{QStringLiteral("interaction"), interaction->id},
             {QStringLiteral("supervisor"), supervisorId},
             {QStringLiteral("mode"), monitorModeName(params.mode)}});
    return describe(*interaction, supervisorId, watch, true);
}

Result<Monitoring> LiveMonitors::setMode(const QString& supervisorId, const MonitorParams& params)
{
    if (!m_watches.value(params.interactionId).contains(supervisorId))
        return notMonitoring();
    return start(supervisorId, params);
}

Result<bool> LiveMonitors::stop(const QString& supervisorId, const QString& interactionId)
{
    if (!m_watches.value(interactionId).contains(supervisorId))
        return notMonitoring();
    if (const std::optional<Interaction> interaction = m_interactions.find(interactionId))
        end(*interaction, supervisorId, QStringLiteral("stopped"));
    return true;
}

Result<WhisperNote> LiveMonitors::whisper(const QString& supervisorId,
                                          const WhisperParams& params) const
{
    const auto watches = m_watches.constFind(params.interactionId);
    if (watches == m_watches.cend() || !watches->contains(supervisorId))
        return notMonitoring();
    if (watches->value(supervisorId).mode == MonitorMode::Listen)
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("listening only: switch to whisper to coach the agent"));
    const std::optional<Interaction> interaction = m_interactions.find(params.interactionId);
    if (!interaction || interaction->agentId.isEmpty())
        return notMonitoring();
    const std::optional<Agent> supervisor = m_accounts.findById(supervisorId);
    return WhisperNote{params.interactionId, supervisorId,
                       supervisor ? supervisor->displayName : QString(), params.text, nowMs()};
}

void LiveMonitors::deliver(const WhisperNote& note)
{
    const std::optional<Interaction> interaction = m_interactions.find(note.interactionId);
    if (interaction && !interaction->agentId.isEmpty())
        Q_EMIT whispered(interaction->agentId, note);
}

void LiveMonitors::stopAll(const QString& supervisorId)
{
    const QStringList interactionIds = m_watches.keys();
    for (const QString& interactionId : interactionIds) {
        if (!m_watches.value(interactionId).contains(supervisorId))
            continue;
        if (const std::optional<Interaction> interaction = m_interactions.find(interactionId))
            end(*interaction, supervisorId, QStringLiteral("signedOut"));
    }
}

void LiveMonitors::refresh(const QString& interactionId)
{
    const auto watches = m_watches.find(interactionId);
    const std::optional<Interaction> interaction = m_interactions.find(interactionId);
    if (watches == m_watches.end() || !interaction)
        return;
    for (auto it = watches->begin(); it != watches->end(); ++it)
        Q_EMIT changed(it.key(), describe(*interaction, it.key(), *it, false));
}

void LiveMonitors::onInteractionChanged(const StoredInteraction&, const StoredInteraction& next)
{
    const Interaction& interaction = next.interaction;
    const auto found = m_watches.find(interaction.id);
    if (found == m_watches.end())
        return;
    if (!inAgentsHands(interaction.state)) {
        const QString reason = interaction.state == InteractionState::WrapUp ||
                                       interaction.state == InteractionState::Ended
                                   ? QStringLiteral("ended")
                                   : QStringLiteral("transferred");
        for (const QString& supervisorId : found->keys())
            end(interaction, supervisorId, reason);
        return;
    }
    for (auto it = found->begin(); it != found->end(); ++it) {
        // Handed over (a consultation's transfer): the new holder hears the
        // whisper, and is told; the one who left is told it is over.
        if (it->toldAgent != interaction.agentId) {
            tell(it->toldAgent, interaction.id, it.key(), it->mode, false);
            tell(interaction.agentId, interaction.id, it.key(), it->mode, true);
            it->toldAgent = interaction.agentId;
            place(interaction, it.key(), it->mode);
        }
        Q_EMIT changed(it.key(), describe(interaction, it.key(), *it, false));
    }
}

void LiveMonitors::place(const Interaction& interaction, const QString& supervisorId,
                         std::optional<MonitorMode> mode)
{
    m_calls.setMonitor(interaction.id, supervisorId, mode);
    if (!isCallChannel(interaction.channel))
        m_chat.setMonitor(interaction.id, supervisorId,
                          mode ? std::optional(*mode == MonitorMode::Barge) : std::nullopt);
}

Monitoring LiveMonitors::describe(const Interaction& interaction, const QString& supervisorId,
                                  Watch& watch, bool answer)
{
    Monitoring monitoring;
    monitoring.interaction = interaction;
    monitoring.mode = watch.mode;
    monitoring.agentNotified = m_tellAgents;
    const auto named = [this](const QString& agentId, bool holder) {
        const std::optional<Agent> agent = m_accounts.findById(agentId);
        return MonitoredAgent{agentId, agent ? agent->displayName : QString(), holder};
    };
    if (!interaction.agentId.isEmpty())
        monitoring.agents.append(named(interaction.agentId, true));
    if (const std::optional<VoiceCalls::Consult> consult = m_calls.consultOf(interaction.id);
        consult && consult->stage != ConsultStage::Ringing)
        monitoring.agents.append(named(consult->agentId, false));
    if (m_calls.isCallWithMedia(interaction.id) && (answer || !watch.ticketed)) {
        Result<MediaTicket> ticket = m_calls.supervisorTicket(supervisorId, interaction.id);
        if (ticket) {
            monitoring.ticket = ticket.value();
            watch.ticketed = true;
        }
    }
    if (answer && !isCallChannel(interaction.channel))
        monitoring.transcript =
            m_chat.store().history(interaction.id, 0, kTranscriptMessages).messages;
    return monitoring;
}

void LiveMonitors::tell(const QString& agentId, const QString& interactionId,
                        const QString& supervisorId, MonitorMode mode, bool active)
{
    if (!m_tellAgents || agentId.isEmpty())
        return;
    const std::optional<Agent> supervisor = m_accounts.findById(supervisorId);
    Q_EMIT notice(agentId,
                  MonitorNotice{interactionId, supervisorId,
                                supervisor ? supervisor->displayName : QString(), mode, active});
}

void LiveMonitors::end(const Interaction& interaction, const QString& supervisorId,
                       const QString& reason)
{
    auto found = m_watches.find(interaction.id);
    if (found == m_watches.end() || !found->contains(supervisorId))
        return;
    Watch watch = found->take(supervisorId);
    watch.ticketed = true; // it is over: no ticket
    if (found->isEmpty())
        m_watches.erase(found);
    place(interaction, supervisorId, std::nullopt);
    tell(watch.toldAgent, interaction.id, supervisorId, watch.mode, false);
    Monitoring over = describe(interaction, supervisorId, watch, false);
    over.active = false;
    over.endReason = reason;
    logInfo(lcInteractions, QLatin1StringView("monitor.ended"),
            {{QStringLiteral("interaction"), interaction.id},
             {QStringLiteral("supervisor"), supervisorId},
             {QStringLiteral("reason"), reason}});
    Q_EMIT changed(supervisorId, over);
}

} // namespace qidong::hub
