#pragma once

#include "core/connection/HubConnection.h"
#include "models/ChatTranscriptModel.h"
#include "protocol/Monitor.h"

#include <QObject>

#include <optional>

namespace qidong::core {

class CallDesk;
class VoiceEngine;

// A team lead on one live interaction at a time: starts monitoring, switches
// between listening, whispering and barging in, stops. A call's audio runs
// through the softphone's VoiceEngine (muted while only listening); a
// chat's transcript is kept here and grows with chat.message events, and
// the lead whispers notes to the agent or writes to the customer once
// joined. The lead's own call comes first: no monitoring audio while they
// are on one, and a call of theirs that starts ends the monitoring.
class MonitorDesk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitorDesk)

public:
    MonitorDesk(HubConnection& connection, CallDesk& calls, QObject* parent = nullptr);
    ~MonitorDesk() override;

    // Monitoring something else first stops that.
    void start(const QString& interactionId, protocol::MonitorMode mode);
    void setMode(protocol::MonitorMode mode);
    void stop();
    void whisper(const QString& text);
    // Joined (barge), a line to the customer.
    void send(const QString& text);

    bool isActive() const { return m_current.has_value(); }
    const std::optional<protocol::Monitoring>& current() const { return m_current; }
    models::ChatTranscriptModel& transcript() { return m_transcript; }
    // The lead hears the call through the softphone now.
    bool hasAudio() const { return m_audio; }

Q_SIGNALS:
    // Started, or the mode, the interaction or its agents changed.
    void changed();
    // Over: stopped, ended, transferred, signedOut, or lost (a hub restart).
    void ended(const QString& reason);
    void failed(const QString& method, const qidong::protocol::Error& error);

private:
    void apply(const protocol::Monitoring& monitoring);
    void finish(const QString& reason);
    void onEvent(const protocol::Event& event);
    void startAudio(const protocol::MediaTicket& ticket);
    void stopAudio();

    HubConnection& m_connection;
    CallDesk& m_calls;
    VoiceEngine& m_engine;
    std::optional<protocol::Monitoring> m_current;
    models::ChatTranscriptModel m_transcript;
    bool m_audio = false;
};

} // namespace qidong::core
