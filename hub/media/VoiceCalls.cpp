#include "VoiceCalls.h"

#include "MediaEngine.h"
#include "interactions/InteractionDirectory.h"
#include "log/HubLog.h"

#include <QFileInfo>

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

void VoiceCalls::follow(const Interaction& interaction)
{
    if (interaction.channel != Channel::Voice)
        return;
    const QString& id = interaction.id;
    const QString customer(kCustomer);
    const QString agent(kAgent);
    switch (interaction.state) {
    case InteractionState::Queued:
    case InteractionState::Offered:
        if (!m_calls.contains(id)) {
            m_calls.insert(id);
            m_media.addParty(id, customer, Listen::Music, false);
        } else {
            m_media.setListen(id, customer, Listen::Music);
            m_media.setTalks(id, customer, false);
        }
        // Sent back to the queue (transfer, ring-out): the last agent leaves.
        if (m_withAgent.remove(id))
            m_media.removeParty(id, agent);
        break;
    case InteractionState::Active:
        if (!m_calls.contains(id)) {
            m_calls.insert(id);
            m_media.addParty(id, customer, Listen::Mix, true);
        } else {
            m_media.setListen(id, customer, Listen::Mix);
            m_media.setTalks(id, customer, true);
        }
        if (!m_withAgent.contains(id)) {
            m_withAgent.insert(id);
            m_media.addParty(id, agent, Listen::Mix, true);
        } else {
            m_media.setTalks(id, agent, true);
        }
        startRecording(id);
        break;
    case InteractionState::Held:
        if (!m_calls.contains(id)) {
            m_calls.insert(id);
            m_media.addParty(id, customer, Listen::Music, false);
            m_withAgent.insert(id);
            m_media.addParty(id, agent, Listen::Mix, false);
        } else {
            m_media.setListen(id, customer, Listen::Music);
            m_media.setTalks(id, customer, false);
            m_media.setTalks(id, agent, false);
        }
        break;
    case InteractionState::WrapUp:
    case InteractionState::Ended:
        if (m_calls.remove(id)) {
            m_withAgent.remove(id);
            m_recording.remove(id);
            m_media.closeCall(id);
        }
        break;
    }
}

void VoiceCalls::onOffered(const QString&, const InteractionOffer& offer)
{
    const Interaction& interaction = offer.interaction;
    if (interaction.channel != Channel::Voice)
        return;
    if (!m_calls.contains(interaction.id)) {
        m_calls.insert(interaction.id);
        m_media.addParty(interaction.id, QString(kCustomer), Listen::Ringback, false);
    } else {
        m_media.setListen(interaction.id, QString(kCustomer), Listen::Ringback);
    }
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
    if (!call || call->agentId != agentId || !m_withAgent.contains(interactionId))
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
    if (!call || !m_calls.contains(interactionId))
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("the call has ended"));
    return m_media.issue(interactionId, QString(kCustomer));
}

Result<MediaTicket> VoiceCalls::agentTicket(const QString& agentId, const QString& interactionId)
{
    const std::optional<Interaction> call = m_interactions.find(interactionId);
    if (!call || call->agentId != agentId)
        return makeError(ErrorCode::NotFound, QStringLiteral("not your interaction"));
    if (call->channel != Channel::Voice)
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("not a call"));
    if (!m_withAgent.contains(interactionId))
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("the call is %1").arg(interactionStateName(call->state)));
    return m_media.issue(interactionId, QString(kAgent));
}

} // namespace qidong::hub
