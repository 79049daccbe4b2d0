#pragma once

#include "protocol/Call.h"
#include "protocol/Interaction.h"
#include "protocol/Message.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace qidong::core {

class AgentSession;
class HubConnection;
class VoiceEngine;

// The agent's call, between the session and the audio: when a voice
// interaction of theirs becomes active it fetches the media ticket and
// starts the VoiceEngine; hold, resume and hang-up go to the hub; the
// audio stops when the call leaves the agent (wrap-up, transfer, the
// customer hanging up). A refused ticket (hub restarted) is renewed and the
// audio reconnects by itself.
class CallDesk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallDesk)

public:
    CallDesk(HubConnection& connection, AgentSession& session, VoiceEngine& engine,
             QObject* parent = nullptr);
    ~CallDesk() override;

    // The call the agent is on (active or held), if any.
    std::optional<protocol::Interaction> call() const { return m_call; }
    bool isHeld() const;
    // When the agent answered, by the system clock (ms since the epoch).
    qint64 answeredAtMs() const { return m_answeredAtMs; }
    VoiceEngine& engine() { return m_engine; }

    void setHeld(bool held);
    void hangUp();
    // Blind transfer: to a queue or a named agent; the caller hears ringback
    // or music meanwhile and this desktop's audio stops.
    void transfer(const QString& queueId, const QString& agentUsername, const QString& note);
    void setMuted(bool muted);
    // The hub records every call; the agent pauses it while the customer
    // reads out something that must not be kept (a card number).
    void setRecordingPaused(bool paused);
    bool isRecordingPaused() const { return m_recordingPaused; }
    void pressKey(QChar key);

    // A callback (docs/protocol.md §12) is the agent's call from the moment
    // they accept it, but silent until they dial: the customer's page rings
    // and the agent hears ringback until it is answered.
    enum class Dial
    {
        None,    // an inbound call: nothing to dial
        Waiting, // a callback not dialled yet (or not answered last time)
        Ringing,
        Answered,
    };
    Dial dialState() const { return m_dial; }
    void dial();
    // An outbound call to a phone number (keypad, a customer's number,
    // click-to-dial) through the hub's phone trunk: it becomes the agent's
    // call at once and rings; the hub's answer or refusal (no trunk, a bad
    // number, already on a call) comes as callChanged or failed.
    void dialNumber(const QString& number, const QString& displayName = {});
    // Calls a known customer on their phone; the number stays in the hub.
    void dialCustomer(const QString& customerId);
    // "Call this customer now" from a web chat: the chat's page rings; the
    // call joins the same conversation and the chat goes on beside it.
    // Hanging up ends the call, not the chat.
    void callChatCustomer(const protocol::Interaction& chat);
    // The call rides on a chat (the chat is not this desk's to end).
    bool isChatCall() const { return m_call && m_call->channel == protocol::Channel::Chat; }

    // Consultation (docs/protocol.md §12): the holder asks a colleague by
    // username while the caller waits on hold, then transfers, conferences
    // or returns; the asked colleague answers or declines. The one current
    // consultation, asked by or of this agent, if any.
    std::optional<protocol::Consultation> consultation() const { return m_consult; }
    // This agent is the colleague in it (not the call's holder).
    bool isConsulted() const;
    void consult(const QString& agentUsername);
    void finishConsult(protocol::ConsultAction action);
    void answerConsult();

Q_SIGNALS:
    void callChanged();
    // The consultation changed: asked, answered, conference, ended (with
    // its outcome); also when this agent is the one asked.
    void consultChanged();
    // A dial ended unanswered: "declined" or "no-answer".
    void dialFailed(const QString& outcome);
    // The customer pressed a key (an IVR-style confirmation, a card number).
    void customerPressed(QChar key);
    void failed(const QString& what, const qidong::protocol::Error& error);

private:
    void onInteraction(const protocol::Interaction& interaction);
    void onPlaced(QLatin1StringView method, const protocol::Response& response);
    void onGone(const QString& interactionId);
    void fetchTicket();
    void stopAudio();
    void onConsultation(const protocol::Consultation& consultation);
    void onDialEvent(const QString& interactionId, const QString& state);
    void requestConsult(QLatin1StringView method, const QJsonObject& params);

    HubConnection& m_connection;
    AgentSession& m_session;
    VoiceEngine& m_engine;
    std::optional<protocol::Interaction> m_call;
    std::optional<protocol::Consultation> m_consult;
    Dial m_dial = Dial::None;
    qint64 m_answeredAtMs = 0;
    bool m_audioStarted = false;
    bool m_recordingPaused = false;
    int m_ticketAttempts = 0;
};

} // namespace qidong::core
