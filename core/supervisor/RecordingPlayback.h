#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

namespace qidong::media {
class OggOpusStream;
}

namespace qidong::core {

class FramePlayout;

// Plays a call recording (Ogg Opus, as the hub records calls) on a sound
// device: play, pause, go to any moment, and where it is. Decoded here with
// libopus (media::OggOpusStream) and played through FramePlayout, as the
// ring tone is: no media framework, so nothing but the recording's bytes
// in memory, no codec libraries in the process, and the file never touches
// the disk.
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
    bool isPlaying() const;
    qint64 durationMs() const;
    // What is heard now: decoded, less what waits to be played.
    qint64 positionMs() const;

Q_SIGNALS:
    void loaded(qint64 durationMs);
    void playingChanged(bool playing);
    void positionChanged(qint64 ms);
    // The device failed; the position is kept for another try.
    void failed(const QString& why);

private:
    bool openPlayout(); // false (and failed()) if the device cannot be opened
    void stopPlayout();

    std::unique_ptr<media::OggOpusStream> m_stream;
    FramePlayout* m_playout;
    QByteArray m_deviceId;
    qint64 m_stoppedAtMs = 0; // the position while not playing
    QString m_error;
};

} // namespace qidong::core
