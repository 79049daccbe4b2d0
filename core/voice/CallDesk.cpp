#include "core/voice/CallDesk.h"

#include "core/CoreLog.h"
#include "core/connection/HubConnection.h"
#include "core/session/AgentSession.h"
#include "core/voice/VoiceEngine.h"
#include "protocol/Call.h"
#include "protocol/Chat.h"
#include "protocol/Names.h"
#include "protocol/Payloads.h"

#include <QDateTime>

namespace qidong::core {

using namespace qidong::protocol;

namespace {

// A refused ticket is renewed at most this often in a row before the
// desktop gives up and says so (the hub keeps refusing: a bug, not a blip).
constexpr int kMaxTicketAttempts = 5;

bool isOngoingCall(const Interaction& interaction)
{
    return interaction.channel == Channel::Voice &&
           (interaction.state == InteractionState::Active ||
            interaction.state == InteractionState::Held);
}

} // namespace

CallDesk::CallDesk(HubConnection& connection, AgentSession& session, VoiceEngine& engine,
                   QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_session(session)
    , m_engine(engine)
{
    connect(&session, &AgentSession::interactionChanged, this, &CallDesk::onInteraction);
    connect(&session, &AgentSession::interactionGone, this, &CallDesk::onGone);
    connect(&session, &AgentSession::signedInChanged, this, [this](bool signedIn) {
        if (!signedIn && m_call)
            onGone(m_call->id);
    });
    connect(&engine, &VoiceEngine::ticketRefused, this, [this] {
        if (m_call && ++m_ticketAttempts <= kMaxTicketAttempts)
            fetchTicket();
    });
    connect(&engine, &VoiceEngine::linkChanged, this, [this](bool connected) {
        if (connected)
            m_ticketAttempts = 0;
    });
    connect(&connection, &HubConnection::eventReceived, this, [this](const Event& event) {
        if (event.name != event::CallDtmf || !m_call)
            return;
        const QString key = event.data.value(QLatin1StringView("key")).toString();
        if (event.data.value(QLatin1StringView("id")).toString() == m_call->id && key.size() == 1)
            Q_EMIT customerPressed(key.front());
    });
}

CallDesk::~CallDesk()
{
    stopAudio();
}

bool CallDesk::isHeld() const
{
    return m_call && m_call->state == InteractionState::Held;
}

void CallDesk::onInteraction(const Interaction& interaction)
{
    if (interaction.agentId != m_session.agent().id && m_call && m_call->id == interaction.id) {
        onGone(interaction.id); // transferred away
        return;
    }
    if (isOngoingCall(interaction)) {
        const bool isNew = !m_call || m_call->id != interaction.id;
        if (isNew && m_call)
            stopAudio(); // one call at a time: the hub never offers two
        m_call = interaction;
        if (isNew) {
            m_answeredAtMs = QDateTime::currentMSecsSinceEpoch();
            m_ticketAttempts = 0;
            fetchTicket();
        }
        Q_EMIT callChanged();
        return;
    }
    if (m_call && m_call->id == interaction.id)
        onGone(interaction.id);
}

void CallDesk::onGone(const QString& interactionId)
{
    if (!m_call || m_call->id != interactionId)
        return;
    stopAudio();
    m_call.reset();
    m_answeredAtMs = 0;
    m_recordingPaused = false;
    Q_EMIT callChanged();
}

void CallDesk::fetchTicket()
{
    const QString id = m_call->id;
    m_connection.request(
        QString(method::CallMedia), CallMediaParams{id}.toJson(), this,
        [this, id](const Response& response) {
            if (!m_call || m_call->id != id)
                return;
            if (response.error) {
                Q_EMIT failed(QString(method::CallMedia), *response.error);
                return;
            }
            Result<MediaTicket> ticket = MediaTicket::fromJson(response.result);
            if (!ticket) {
                Q_EMIT failed(QString(method::CallMedia), ticket.error());
                return;
            }
            const QUrl url = ticket.value().socketUrl(m_connection.url().host());
            if (m_audioStarted) {
                m_engine.reconnect(url);
            } else {
                m_audioStarted = true;
                m_engine.startCall(url);
            }
        },
        HubConnection::Delivery::Reliable);
}

void CallDesk::stopAudio()
{
    if (m_audioStarted)
        m_engine.endCall();
    m_audioStarted = false;
}

void CallDesk::setHeld(bool held)
{
    if (!m_call)
        return;
    m_connection.request(QString(method::CallHold), CallHoldParams{m_call->id, held}.toJson(), this,
                         [this](const Response& response) {
                             if (response.error)
                                 Q_EMIT failed(QString(method::CallHold), *response.error);
                         });
}

void CallDesk::hangUp()
{
    if (m_call)
        m_session.end(m_call->id);
}

void CallDesk::setRecordingPaused(bool paused)
{
    if (!m_call)
        return;
    const QString id = m_call->id;
    m_connection.request(QString(method::CallRecord), CallRecordParams{id, paused}.toJson(), this,
                         [this, id, paused](const Response& response) {
                             if (response.error) {
                                 Q_EMIT failed(QString(method::CallRecord), *response.error);
                                 return;
                             }
                             if (m_call && m_call->id == id) {
                                 m_recordingPaused = paused;
                                 Q_EMIT callChanged();
                             }
                         });
}

void CallDesk::transfer(const QString& queueId, const QString& agentUsername, const QString& note)
{
    if (!m_call)
        return;
    m_connection.request(QString(method::InteractionTransfer),
                         TransferParams{m_call->id, queueId, agentUsername, note}.toJson(), this,
                         [this](const Response& response) {
                             if (response.error)
                                 Q_EMIT failed(QString(method::InteractionTransfer),
                                               *response.error);
                         });
}

void CallDesk::setMuted(bool muted)
{
    m_engine.setMuted(muted);
}

void CallDesk::pressKey(QChar key)
{
    m_engine.pressKey(key);
}

} // namespace qidong::core
