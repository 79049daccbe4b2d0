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
    return isCallChannel(interaction.channel) && (interaction.state == InteractionState::Active ||
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
        if (event.name == event::CallConsultChanged) {
            if (Result<Consultation> consultation = Consultation::fromJson(event.data))
                onConsultation(consultation.value());
            else
                qCWarning(lcCore) << "malformed call.consult:" << consultation.error().message;
            return;
        }
        if (event.name == event::CallDialChanged) {
            onDialEvent(event.data.value(QLatin1StringView("id")).toString(),
                        event.data.value(QLatin1StringView("state")).toString());
            return;
        }
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
    // A call on a chat lasts while the chat is active; the chat's own
    // updates (transfer notes, typing) do not end it.
    if (m_call && m_call->id == interaction.id && interaction.channel == Channel::Chat) {
        if (interaction.state == InteractionState::Active &&
            interaction.agentId == m_session.agent().id) {
            m_call = interaction;
            Q_EMIT callChanged();
        } else {
            onGone(interaction.id);
        }
        return;
    }
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
            // A callback or a call the agent placed is silent until dialled.
            m_dial = interaction.channel == Channel::Voice ? Dial::None : Dial::Waiting;
            if (m_dial == Dial::None)
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
    m_dial = Dial::None;
    if (m_consult) {
        m_consult.reset();
        Q_EMIT consultChanged();
    }
    Q_EMIT callChanged();
}

bool CallDesk::isConsulted() const
{
    return m_consult && m_consult->toAgentId == m_session.agent().id;
}

void CallDesk::onConsultation(const Consultation& consultation)
{
    const QString me = m_session.agent().id;
    if (consultation.stage == ConsultStage::Ended) {
        if (!m_consult || m_consult->id != consultation.id)
            return;
        const bool wasConsulted = isConsulted();
        m_consult = consultation; // the outcome stays readable through the signal
        Q_EMIT consultChanged();
        m_consult.reset();
        // The colleague leaves the call unless it was handed to them (the
        // interaction then arrived as theirs before this event).
        if (wasConsulted && m_call && m_call->id == consultation.id && m_call->agentId != me)
            onGone(consultation.id);
        Q_EMIT consultChanged();
        return;
    }
    // Asked while on a call of one's own: the hub refuses that, so a
    // request here is for this agent alone.
    m_consult = consultation;
    Q_EMIT consultChanged();
}

void CallDesk::consult(const QString& agentUsername)
{
    if (m_call && !m_consult)
        requestConsult(method::CallConsult, CallConsultParams{m_call->id, agentUsername}.toJson());
}

void CallDesk::finishConsult(ConsultAction action)
{
    if (m_consult)
        requestConsult(method::CallConsultEnd,
                       CallConsultEndParams{m_consult->id, action}.toJson());
}

void CallDesk::answerConsult()
{
    if (!isConsulted() || m_consult->stage != ConsultStage::Ringing || m_call)
        return;
    const Consultation asked = *m_consult;
    m_connection.request(
        QString(method::CallConsultAnswer), CallMediaParams{asked.id}.toJson(), this,
        [this, asked](const Response& response) {
            if (response.error) {
                Q_EMIT failed(QString(method::CallConsultAnswer), *response.error);
                return;
            }
            // The call is still its holder's; this desktop joins its audio.
            Interaction joined;
            joined.id = asked.id;
            joined.channel = Channel::Voice;
            joined.customer = asked.customer;
            joined.state = InteractionState::Active;
            joined.agentId = asked.fromAgentId;
            m_call = joined;
            m_answeredAtMs = QDateTime::currentMSecsSinceEpoch();
            m_ticketAttempts = 0;
            fetchTicket();
            Q_EMIT callChanged();
        },
        HubConnection::Delivery::Reliable);
}

void CallDesk::dial()
{
    if (!m_call || m_dial != Dial::Waiting)
        return;
    const QString id = m_call->id;
    m_connection.request(QString(method::CallDial), CallMediaParams{id}.toJson(), this,
                         [this, id](const Response& response) {
                             if (!m_call || m_call->id != id)
                                 return;
                             if (response.error) {
                                 Q_EMIT failed(QString(method::CallDial), *response.error);
                                 return;
                             }
                             onDialEvent(id, QStringLiteral("ringing"));
                         });
}

void CallDesk::dialNumber(const QString& number, const QString& displayName)
{
    if (m_call) {
        Q_EMIT failed(QString(method::CallDialNumber),
                      makeError(ErrorCode::InvalidTransition,
                                QStringLiteral("finish the current call first")));
        return;
    }
    const std::optional<QString> normalized = CallDialNumberParams::normalizedNumber(number);
    if (!normalized) {
        Q_EMIT failed(QString(method::CallDialNumber),
                      makeError(ErrorCode::InvalidParams,
                                QStringLiteral("not a phone number: 3 to 15 digits, an optional "
                                               "leading +")));
        return;
    }
    CallDialNumberParams params;
    params.number = *normalized;
    params.displayName = displayName;
    m_connection.request(
        QString(method::CallDialNumber), params.toJson(), this,
        [this](const Response& response) { onPlaced(method::CallDialNumber, response); });
}

void CallDesk::dialCustomer(const QString& customerId)
{
    if (m_call) {
        Q_EMIT failed(QString(method::CallDialCustomer),
                      makeError(ErrorCode::InvalidTransition,
                                QStringLiteral("finish the current call first")));
        return;
    }
    m_connection.request(
        QString(method::CallDialCustomer), {{QStringLiteral("customerId"), customerId}}, this,
        [this](const Response& response) { onPlaced(method::CallDialCustomer, response); });
}

void CallDesk::onPlaced(QLatin1StringView method, const Response& response)
{
    if (response.error) {
        Q_EMIT failed(QString(method), *response.error);
        return;
    }
    // The interaction and its ringing usually came first as events; either
    // order ends the same.
    Result<Interaction> placed =
        Interaction::fromJson(response.result.value(QLatin1StringView("interaction")).toObject());
    if (!placed)
        return;
    onInteraction(placed.value());
    onDialEvent(placed.value().id, QStringLiteral("ringing"));
}

void CallDesk::callChatCustomer(const Interaction& chat)
{
    if (m_call) {
        Q_EMIT failed(QString(method::CallDial),
                      makeError(ErrorCode::InvalidTransition,
                                QStringLiteral("finish the current call first")));
        return;
    }
    m_call = chat;
    m_dial = Dial::Waiting;
    m_answeredAtMs = QDateTime::currentMSecsSinceEpoch();
    m_ticketAttempts = 0;
    const QString id = chat.id;
    m_connection.request(QString(method::CallDial), CallMediaParams{id}.toJson(), this,
                         [this, id](const Response& response) {
                             if (!m_call || m_call->id != id)
                                 return;
                             if (response.error) {
                                 onGone(id); // the chat stays as it was
                                 Q_EMIT failed(QString(method::CallDial), *response.error);
                                 return;
                             }
                             onDialEvent(id, QStringLiteral("ringing"));
                         });
    Q_EMIT callChanged();
}

void CallDesk::onDialEvent(const QString& interactionId, const QString& state)
{
    if (!m_call || m_call->id != interactionId || m_dial == Dial::None)
        return;
    if (state == QLatin1StringView("ringing")) {
        if (m_dial == Dial::Ringing)
            return; // the answer and the event both say so
        m_dial = Dial::Ringing;
        m_ticketAttempts = 0;
        fetchTicket(); // ringback until the customer answers
    } else if (state == QLatin1StringView("answered")) {
        m_dial = Dial::Answered;
        m_answeredAtMs = QDateTime::currentMSecsSinceEpoch();
        if (!m_audioStarted) { // answered before it came to this agent (a transfer)
            m_ticketAttempts = 0;
            fetchTicket();
        }
    } else {
        m_dial = Dial::Waiting; // the agent may dial again, or end it
        stopAudio();
        if (state != QLatin1StringView("hung-up"))
            Q_EMIT dialFailed(state);
        if (isChatCall()) {
            onGone(interactionId); // the call is over; the chat goes on
            return;
        }
    }
    Q_EMIT callChanged();
}

void CallDesk::requestConsult(QLatin1StringView method, const QJsonObject& params)
{
    m_connection.request(QString(method), params, this, [this, method](const Response& response) {
        if (response.error)
            Q_EMIT failed(QString(method), *response.error);
    });
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
    if (!m_call)
        return;
    if (isConsulted() && m_call->agentId != m_session.agent().id) {
        finishConsult(ConsultAction::Leave); // only the holder ends the call
    } else if (isChatCall()) {
        // The call ends, the chat does not.
        m_connection.request(QString(method::CallHangUp), CallMediaParams{m_call->id}.toJson(),
                             this, [this](const Response& response) {
                                 if (response.error)
                                     Q_EMIT failed(QString(method::CallHangUp), *response.error);
                             });
    } else {
        m_session.end(m_call->id);
    }
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
