#include "VoiceCalls.h"

#include "MediaEngine.h"
#include "interactions/InteractionDirectory.h"
#include "log/HubLog.h"

#include <QFileInfo>

#include <algorithm>

namespace qidong::hub {

using namespace qidong::protocol;

VoiceCalls::VoiceCalls(InteractionDirectory& interactions, MediaEngine& media, QObject* parent)
    : QObject(parent)
    , m_interactions(interactions)
    , m_media(media)
{
    connect(&m_interactions, &InteractionDirectory::customerFacingChanged, this,
            &VoiceCalls::follow);
    connect(&m_interactions, &InteractionDirectory::offered, this, &VoiceCalls::onOffered);
    connect(&m_media, &MediaEngine::dtmf, this,
            [this](const QString& callId, const QString& party, QChar key) {
                const std::optional<Interaction> call = m_interactions.find(callId);
                if (call && party == kCustomer && call->state == InteractionState::Active)
                    Q_EMIT dtmf(call->agentId, callId, key);
            });
}

VoiceCalls::~VoiceCalls() = default;

void VoiceCalls::load()
{
    for (const Interaction& interaction : m_interactions.open())
        follow(interaction);
}

QString VoiceCalls::agentParty(const QString& agentId)
{
    return QStringLiteral("agent:") + agentId;
}

QString VoiceCalls::supervisorParty(const QString& supervisorId)
{
    return QStringLiteral("supervisor:") + supervisorId;
}

bool VoiceCalls::isCall(const Interaction& interaction) const
{
    return interaction.channel == Channel::Voice || m_dials.contains(interaction.id);
}

void VoiceCalls::follow(const Interaction& interaction)
{
    const QString& id = interaction.id;
    const bool over = interaction.state == InteractionState::WrapUp ||
                      interaction.state == InteractionState::Ended;
    // A dial not yet answered ends with the call, or when the callback
    // goes back to a queue.
    if (m_dials.contains(id) && !m_dials.value(id).answered &&
        (over || interaction.state == InteractionState::Queued ||
         interaction.state == InteractionState::Offered))
        m_dials.remove(id);
    if (over) {
        m_dials.remove(id);
        m_monitors.remove(id);
    }
    if (over || !isCall(interaction)) {
        // Also a waiting call that became a callback request.
        if (m_calls.remove(id)) {
            m_recording.remove(id);
            m_consults.remove(id);
            m_media.closeCall(id);
        }
        return;
    }
    const QString customer(kCustomer);
    const QString holder = agentParty(interaction.agentId);
    const std::optional<Consult> consult =
        m_consults.contains(id) ? std::optional(m_consults.value(id)) : std::nullopt;
    const bool colleagueJoined = consult && consult->stage != ConsultStage::Ringing;
    Parties wanted;
    if (m_dials.contains(id) && !m_dials.value(id).answered) {
        wanted.insert(holder, {Listen::Ringback, false, {}}); // the customer's page rings
        arrange(id, wanted);
        return;
    }
    switch (interaction.state) {
    case InteractionState::Queued:
        wanted.insert(customer, {Listen::Music, false, {}});
        break;
    case InteractionState::Offered:
        wanted.insert(customer, {Listen::Ringback, false, {}});
        break;
    case InteractionState::Active:
        wanted.insert(customer, {Listen::Mix, true, {}});
        wanted.insert(holder, {Listen::Mix, true, {}});
        if (colleagueJoined)
            wanted.insert(agentParty(consult->agentId), {Listen::Mix, true, {}});
        break;
    case InteractionState::Held:
        wanted.insert(customer, {Listen::Music, false, {}});
        if (!consult)
            wanted.insert(holder, {Listen::Mix, false, {}});
        else if (!colleagueJoined)
            wanted.insert(holder, {Listen::Ringback, false, {}});
        else {
            wanted.insert(holder, {Listen::Mix, true, {}});
            wanted.insert(agentParty(consult->agentId), {Listen::Mix, true, {}});
        }
        break;
    case InteractionState::WrapUp:
    case InteractionState::Ended:
        break;
    }
    if (interaction.state == InteractionState::Active ||
        interaction.state == InteractionState::Held) {
        const QHash<QString, MonitorMode> monitors = m_monitors.value(id);
        for (auto it = monitors.cbegin(); it != monitors.cend(); ++it)
            wanted.insert(supervisorParty(it.key()),
                          {Listen::Mix, *it != MonitorMode::Listen,
                           *it == MonitorMode::Whisper ? holder : QString()});
    }
    arrange(id, wanted);
    if (interaction.state == InteractionState::Active)
        startRecording(id);
    // An answered callback or outbound call that came to another agent (a
    // blind transfer, a consultation's hand-over): they hear it connected.
    if (const auto dialled = m_dials.find(id); dialled != m_dials.end() && dialled->answered &&
                                               !interaction.agentId.isEmpty() &&
                                               dialled->holder != interaction.agentId &&
                                               (interaction.state == InteractionState::Active ||
                                                interaction.state == InteractionState::Held)) {
        dialled->holder = interaction.agentId;
        Q_EMIT dialChanged(interaction.agentId, id, QStringLiteral("answered"));
    }
}

void VoiceCalls::arrange(const QString& interactionId, const Parties& wanted)
{
    Parties& current = m_calls[interactionId];
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        const auto now = current.constFind(it.key());
        if (now == current.cend()) {
            m_media.addParty(interactionId, it.key(), it->listen, it->talks, it->heardOnlyBy);
            continue;
        }
        if (now->listen != it->listen)
            m_media.setListen(interactionId, it.key(), it->listen);
        if (now->talks != it->talks)
            m_media.setTalks(interactionId, it.key(), it->talks);
        if (now->heardOnlyBy != it->heardOnlyBy)
            m_media.setHeardOnlyBy(interactionId, it.key(), it->heardOnlyBy);
    }
    for (auto it = current.cbegin(); it != current.cend(); ++it)
        if (!wanted.contains(it.key()))
            m_media.removeParty(interactionId, it.key());
    current = wanted;
}

void VoiceCalls::setConsult(const QString& interactionId, std::optional<Consult> consult)
{
    if (consult)
        m_consults.insert(interactionId, *consult);
    else
        m_consults.remove(interactionId);
    if (const std::optional<Interaction> call = m_interactions.find(interactionId))
        follow(*call);
}

void VoiceCalls::setMonitor(const QString& interactionId, const QString& supervisorId,
                            std::optional<MonitorMode> mode)
{
    if (mode)
        m_monitors[interactionId].insert(supervisorId, *mode);
    else if (auto it = m_monitors.find(interactionId); it != m_monitors.end()) {
        it->remove(supervisorId);
        if (it->isEmpty())
            m_monitors.erase(it);
    }
    if (const std::optional<Interaction> call = m_interactions.find(interactionId))
        follow(*call);
}

Result<MediaTicket> VoiceCalls::supervisorTicket(const QString& supervisorId,
                                                 const QString& interactionId)
{
    const QString party = supervisorParty(supervisorId);
    if (!m_calls.value(interactionId).contains(party))
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("you are not on this call now"));
    return m_media.issue(interactionId, party);
}

void VoiceCalls::onOffered(const QString&, const InteractionOffer& offer)
{
    follow(offer.interaction);
}

Result<bool> VoiceCalls::dial(const QString& agentId, const QString& interactionId)
{
    const std::optional<Interaction> call = m_interactions.find(interactionId);
    if (!call || call->agentId != agentId)
        return makeError(ErrorCode::NotFound, QStringLiteral("not your interaction"));
    // A callback, or a web chat the agent turns into a call ("call this
    // customer now"): the chat goes on beside the call.
    if ((call->channel != Channel::Callback && call->channel != Channel::Outbound &&
         call->channel != Channel::Chat) ||
        call->state != InteractionState::Active)
        return makeError(
            ErrorCode::InvalidTransition,
            QStringLiteral("only an active callback, outbound call or web chat can be dialled"));
    if (m_dials.contains(interactionId))
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("already dialled"));
    const bool rings = std::any_of(m_routes.cbegin(), m_routes.cend(),
                                   [&call](const DialRoute& route) { return route(*call); });
    if (!rings)
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("%1 cannot be reached: not on the web page, and no phone "
                                        "line to call them on")
                             .arg(call->customer.displayName),
                         {{QStringLiteral("reason"), QStringLiteral("unreachable")}});
    Dial& dialled = m_dials[interactionId];
    dialled.ringOut = std::make_shared<QTimer>();
    dialled.ringOut->setSingleShot(true);
    connect(dialled.ringOut.get(), &QTimer::timeout, this,
            [this, interactionId] { endDial(interactionId, QStringLiteral("no-answer")); });
    dialled.ringOut->start(m_dialTimeout);
    follow(*call);
    logInfo(lcMedia, QLatin1StringView("callback.dialled"),
            {{QStringLiteral("interaction"), interactionId}, {QStringLiteral("agent"), agentId}});
    Q_EMIT dialChanged(agentId, interactionId, QStringLiteral("ringing"));
    return true;
}

bool VoiceCalls::isRinging(const QString& interactionId) const
{
    return m_dials.contains(interactionId) && !m_dials.value(interactionId).answered;
}

Result<MediaTicket> VoiceCalls::answerDial(const QString& interactionId)
{
    if (!isRinging(interactionId))
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("nobody is calling you"));
    Dial& dialled = m_dials[interactionId];
    dialled.answered = true;
    dialled.ringOut->stop();
    const std::optional<Interaction> call = m_interactions.find(interactionId);
    if (call)
        dialled.holder = call->agentId; // told below
    if (call)
        follow(*call);
    logInfo(lcMedia, QLatin1StringView("callback.answered"),
            {{QStringLiteral("interaction"), interactionId}});
    if (call)
        Q_EMIT dialChanged(call->agentId, interactionId, QStringLiteral("answered"));
    return customerTicket(interactionId);
}

Result<bool> VoiceCalls::hangUpDial(const QString& interactionId, const QString& agentId)
{
    const std::optional<Interaction> call = m_interactions.find(interactionId);
    if (!call || (!agentId.isEmpty() && call->agentId != agentId))
        return makeError(ErrorCode::NotFound, QStringLiteral("not your interaction"));
    if (!m_dials.contains(interactionId))
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("no call to hang up"));
    endDial(interactionId,
            agentId.isEmpty() ? QStringLiteral("customer-hung-up") : QStringLiteral("hung-up"));
    return true;
}

Result<bool> VoiceCalls::declineDial(const QString& interactionId)
{
    if (!isRinging(interactionId))
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("nobody is calling you"));
    endDial(interactionId, QStringLiteral("declined"));
    return true;
}

void VoiceCalls::endDial(const QString& interactionId, const QString& outcome)
{
    if (!m_dials.remove(interactionId))
        return;
    const std::optional<Interaction> call = m_interactions.find(interactionId);
    if (!call)
        return;
    follow(*call); // not a call any more: the agent's leg closes
    logInfo(lcMedia, QLatin1StringView("callback.unanswered"),
            {{QStringLiteral("interaction"), interactionId}, {QStringLiteral("outcome"), outcome}});
    Q_EMIT dialChanged(call->agentId, interactionId, outcome);
}

void VoiceCalls::startRecording(const QString& interactionId)
{
    if (m_recordingsDir.isEmpty() || m_recording.contains(interactionId))
        return;
    m_recording.insert(interactionId);
    // A call the hub picks up again after a restart goes on in a new file
    // beside the first.
    QString path = m_recordingsDir + u'/' + interactionId + QStringLiteral(".opus");
    for (int part = 2; QFileInfo::exists(path); ++part)
        path = m_recordingsDir + u'/' + interactionId + u'.' + QString::number(part) +
               QStringLiteral(".opus");
    m_media.startRecording(interactionId, path);
}

Result<bool> VoiceCalls::pauseRecording(const QString& agentId, const QString& interactionId,
                                        bool paused)
{
    const std::optional<Interaction> call = m_interactions.find(interactionId);
    if (!call || call->agentId != agentId || !m_calls.contains(interactionId))
        return makeError(ErrorCode::NotFound, QStringLiteral("not your call"));
    if (!m_recording.contains(interactionId))
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("the call is not recorded"));
    m_media.pauseRecording(interactionId, paused);
    logInfo(lcMedia,
            paused ? QLatin1StringView("recording.paused") : QLatin1StringView("recording.resumed"),
            {{QStringLiteral("interaction"), interactionId}, {QStringLiteral("agent"), agentId}});
    return paused;
}

Result<MediaTicket> VoiceCalls::customerTicket(const QString& interactionId)
{
    const std::optional<Interaction> call = m_interactions.find(interactionId);
    if (!call || !m_calls.value(interactionId).contains(QString(kCustomer)))
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("the call has ended"));
    return m_media.issue(interactionId, QString(kCustomer));
}

Result<MediaTicket> VoiceCalls::agentTicket(const QString& agentId, const QString& interactionId)
{
    const std::optional<Interaction> call = m_interactions.find(interactionId);
    const bool consulted =
        m_consults.contains(interactionId) && m_consults.value(interactionId).agentId == agentId;
    if (!call || (call->agentId != agentId && !consulted))
        return makeError(ErrorCode::NotFound, QStringLiteral("not your interaction"));
    if (!isCall(*call))
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("not a call"));
    const QString party = agentParty(agentId);
    if (!m_calls.value(interactionId).contains(party))
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("the call is %1").arg(interactionStateName(call->state)));
    return m_media.issue(interactionId, party);
}

} // namespace qidong::hub
