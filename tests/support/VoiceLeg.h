#pragma once

#include "core/voice/MediaLink.h"
#include "media/AudioFrame.h"
#include "media/MediaStreams.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <deque>
#include <vector>

namespace qidong::test {

// One party's end of a call in a test, on the real media socket: every
// 20 ms it sends a frame of whatever it says (a tone, or nothing) and plays
// one frame out of its jitter buffer into a short history the test reads.
// What an agent desktop or a customer page does, minus the sound card.
class VoiceLeg final : public QObject
{
    Q_OBJECT

public:
    explicit VoiceLeg(std::uint32_t stream, QObject* parent = nullptr);

    void open(const QUrl& url);
    void close() { m_link.close(); }
    // Sends this tone from now on (0: silence, nothing sent).
    void say(double frequency) { m_frequency = frequency; }
    // Sends back what it plays, frame by frame (a reflector for latency
    // measurements); overrides say().
    void setEcho(bool echo) { m_echo = echo; }
    void pressKey(QChar key);

    // How strongly `frequency` was heard over the last `ms` played, from
    // 0 (absent) to about the tone's power; reads the played history.
    double heard(double frequency, int ms = 400) const;
    // RMS level in dBFS of the last `ms` played.
    double levelDbfs(int ms = 400) const;
    // Waits (spinning the event loop) until `frequency` is heard at least
    // at `power` over the last 200 ms.
    bool waitToHear(double frequency, double power = 0.01, int timeoutMs = 5000);
    // Waits until the last `ms` played are quieter than `dbfs`.
    bool waitForQuiet(double dbfs = -60.0, int ms = 300, int timeoutMs = 5000);
    // Waits until something above `dbfs` plays (music, a ringback).
    bool waitForSound(double dbfs = -45.0, int ms = 300, int timeoutMs = 5000);
    // Every frame played from now on.
    void startRecording();
    std::vector<std::int16_t> recording() const { return m_recording; }

    core::MediaLink& link() { return m_link; }
    const media::ReceiveStream& receiver() const { return m_receive; }
    std::uint64_t dtmfReceived() const { return m_dtmfReceived; }

private:
    void tick();
    std::vector<std::int16_t> lastPlayed(int ms) const;

    core::MediaLink m_link;
    media::SendStream m_send;
    media::ReceiveStream m_receive;
    QTimer m_clock;
    QElapsedTimer m_elapsed;
    qint64 m_ticks = 0;
    double m_frequency = 0;
    bool m_echo = false;
    double m_phase = 0;
    std::deque<media::AudioFrame> m_played;
    std::vector<std::int16_t> m_recording;
    bool m_recordingOn = false;
    std::uint64_t m_dtmfReceived = 0;
};

} // namespace qidong::test
