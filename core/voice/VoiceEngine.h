#pragma once

#include "core/voice/AudioDeviceWatcher.h"
#include "core/voice/AudioPipeline.h"
#include "media/VoiceProcessor.h"

#include <QAudioDevice>
#include <QObject>
#include <QThread>

namespace qidong::core {

// The desktop's softphone audio, for the GUI thread: starts and ends a
// call's audio, mutes, sends keypad presses, reports levels, and keeps the
// call going when a device goes away. The work itself runs in an
// AudioPipeline on a thread of its own, so a busy GUI never glitches the
// audio and nothing here waits for the audio thread except construction
// and destruction.
class VoiceEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VoiceEngine)

public:
    using Direction = AudioPipeline::Direction;

    explicit VoiceEngine(QObject* parent = nullptr);
    ~VoiceEngine() override;

    // QAudioDevice ids from QMediaDevices; empty: the system default. A
    // change applies at once, mid-call too.
    void setDevices(const QByteArray& inputId, const QByteArray& outputId);
    QByteArray inputId() const { return m_inputId; }
    QByteArray outputId() const { return m_outputId; }
    void setProcessing(const media::VoiceProcessor::Settings& settings);

    // The ticket's socket URL (protocol::MediaTicket::socketUrl).
    void startCall(const QUrl& mediaUrl);
    // A new ticket for the running call (after ticketRefused).
    void reconnect(const QUrl& mediaUrl);
    void endCall();
    bool inCall() const { return m_inCall; }
    void setMuted(bool muted);
    bool isMuted() const { return m_muted; }
    void pressKey(QChar key);
    // A 1.5 s tone on this output (empty: the chosen one), outside calls.
    void playTestTone(const QByteArray& outputId = {});
    // Outside calls: capture from this input (empty: the chosen one) only to
    // report its level through levelsChanged, until stopDeviceTest().
    void monitorInput(const QByteArray& inputId = {});
    void stopDeviceTest();

    // The device actually in use (the default when the chosen one is gone).
    QAudioDevice activeDevice(Direction direction) const;
    const AudioPipeline::Stats& stats() const { return m_stats; }
    bool isLinked() const { return m_linked; }

Q_SIGNALS:
    void levelsChanged(double inputDbfs, double outputDbfs);
    void mutedChanged(bool muted);
    void linkChanged(bool connected);
    void ticketRefused();
    void callEnded(const QString& reason);
    // The chosen device went away (or failed); the call carries on with
    // `replacement`. Tell the agent.
    void deviceFellBack(qidong::core::VoiceEngine::Direction direction, const QString& lost,
                        const QString& replacement);
    void statsUpdated(const qidong::core::AudioPipeline::Stats& stats);

private:
    template <typename Work> void onAudioThread(Work work);
    void devicesChanged(Direction direction);
    void onDeviceFailed(Direction direction, const QString& description);
    QAudioDevice resolve(Direction direction) const;
    void apply(Direction direction);

    QThread m_thread;
    AudioPipeline* m_pipeline = nullptr;
    AudioDeviceWatcher* m_devices;
    QByteArray m_inputId;
    QByteArray m_outputId;
    QAudioDevice m_activeInput;
    QAudioDevice m_activeOutput;
    AudioPipeline::Stats m_stats;
    bool m_inCall = false;
    bool m_muted = false;
    bool m_linked = false;
};

} // namespace qidong::core
