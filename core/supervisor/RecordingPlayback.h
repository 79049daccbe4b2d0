#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

class QAudioSink;
class QIODevice;
class QTimer;

namespace qidong::media {
class FormatConverter;
class OggOpusStream;
} // namespace qidong::media

namespace qidong::core {

// Plays a call recording (Ogg Opus, as the hub records calls) on a sound
// device: play, pause, go to any moment, and where it is. Decoded here with
// libopus (media::OggOpusStream) and written to a QAudioSink from our own
// clock, as the softphone does: no media framework, so nothing but the
// recording's bytes in memory and no codec libraries in the process, and
// the file never touches the disk.
class RecordingPlayback final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingPlayback)

public:
    explicit RecordingPlayback(QObject* parent = nullptr);
    ~RecordingPlayback() override;

    // False (with error()) if the bytes are not Ogg Opus; what played
    // before is gone either way.
    bool load(const QByteArray& oggOpus);
    void clear();
    bool isLoaded() const;
    QString error() const { return m_error; }

    // The device id (QAudioDevice::id); empty for the system's default.
    void setOutputDevice(const QByteArray& deviceId);

    void play(); // from the start again once it has ended
    void pause();
    void seek(qint64 ms);
    bool isPlaying() const { return m_sink != nullptr; }
    qint64 durationMs() const;
    // What is heard now: decoded, less what waits in the device's buffer.
    qint64 positionMs() const;

Q_SIGNALS:
    void loaded(qint64 durationMs);
    void playingChanged(bool playing);
    void positionChanged(qint64 ms);
    // The device failed; the position is kept for another try.
    void failed(const QString& why);

private:
    void openSink();
    void closeSink();
    void pump();

    std::unique_ptr<media::OggOpusStream> m_stream;
    std::unique_ptr<media::FormatConverter> m_converter;
    std::unique_ptr<QAudioSink> m_sink;
    QIODevice* m_io = nullptr;
    QTimer* m_clock;
    QByteArray m_deviceId;
    QByteArray m_pending; // decoded, in the device's format, not yet taken
    int m_bytesPerMs = 96;
    int m_sinkBytes = 0;
    quint64 m_sinkGeneration = 0;
    qint64 m_stoppedAtMs = 0; // the position while not playing
    QString m_error;
};

} // namespace qidong::core
