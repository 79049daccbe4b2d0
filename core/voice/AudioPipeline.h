#pragma once

#include "core/voice/MediaLink.h"
#include "media/FormatConverter.h"
#include "media/MediaStreams.h"
#include "media/Tones.h"
#include "media/VoiceProcessor.h"

#include <QAudioDevice>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class QAudioSink;
class QAudioSource;
class QIODevice;

namespace qidong::core {

// Everything a call's audio does, on the audio thread (VoiceEngine owns the
// thread and is the only caller): microphone -> clean-up -> Opus -> media
// socket, and media socket -> jitter buffer -> Opus -> speaker. One 5 ms
// timer drives both sides. Capture goes as fast as the device delivers;
// playout takes a frame from the jitter buffer whenever the sink has room,
// so the sound card's clock, not a timer, sets the pace.
class AudioPipeline final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudioPipeline)

public:
    enum class Direction
    {
        Input,
        Output,
    };
    Q_ENUM(Direction)

    struct Stats
    {
        std::uint64_t framesCaptured = 0;
        std::uint64_t framesSent = 0;
        std::uint64_t framesPlayed = 0; // real audio, not concealment or silence
        std::uint64_t framesConcealed = 0;
        std::uint64_t underruns = 0; // the sink ran dry between two timer ticks
        std::uint64_t deviceRestarts = 0;
        int jitterMs = 0;
        int outputBufferMs = 0;
        std::uint64_t reconnects = 0;
    };

    explicit AudioPipeline(QObject* parent = nullptr);
    ~AudioPipeline() override;

    // A fresh source and sink for each call (a reused sink's buffer shrinks
    // on restart under Qt 6.4).
    void startCall(const QUrl& mediaUrl, const QAudioDevice& input, const QAudioDevice& output);
    void reconnect(const QUrl& mediaUrl);
    void endCall();
    void setMuted(bool muted) { m_muted = muted; }
    void setProcessing(const media::VoiceProcessor::Settings& settings);
    void useDevice(Direction direction, const QAudioDevice& device);
    void pressKey(QChar key);
    // Plays a tone on the output alone, no call needed (settings' test).
    void startTestTone(const QAudioDevice& output);
    // Captures from the input only to report its level (settings' meter).
    void startInputMonitor(const QAudioDevice& input);

Q_SIGNALS:
    void levels(double inputDbfs, double outputDbfs);
    void linkChanged(bool connected);
    void ticketRefused();
    void ended(const QString& reason);
    // The device stopped with an error (unplugged): the engine picks another.
    void deviceFailed(qidong::core::AudioPipeline::Direction direction, const QString& description);
    void statsUpdated(const qidong::core::AudioPipeline::Stats& stats);

private:
    void openInput(const QAudioDevice& device);
    void openOutput(const QAudioDevice& device);
    void closeDevices();
    void pump();
    void capture();
    void playout();
    void report();

    MediaLink* m_link;
    QTimer* m_clock;
    std::unique_ptr<media::SendStream> m_send;
    std::unique_ptr<media::ReceiveStream> m_receive;
    media::VoiceProcessor m_processor;

    std::unique_ptr<QAudioSource> m_source;
    std::unique_ptr<QAudioSink> m_sink;
    QIODevice* m_captureIo = nullptr;
    QIODevice* m_playIo = nullptr;
    std::unique_ptr<media::FormatConverter> m_inputFormat;
    std::unique_ptr<media::FormatConverter> m_outputFormat;
    QByteArray m_pendingPlayout; // converted, waiting for room in the sink
    int m_sinkBufferBytes = 0;

    std::optional<media::ToneGenerator> m_localTone;
    int m_localToneFrames = 0;
    bool m_testToneOnly = false;
    bool m_inCall = false;
    bool m_muted = false;
    double m_inputPeak = -96.0;
    double m_outputPeak = -96.0;
    QElapsedTimer m_sinceReport;
    QElapsedTimer m_sinceStats;
    Stats m_stats;
};

} // namespace qidong::core
