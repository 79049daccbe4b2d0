#pragma once

#include "media/AudioFrame.h"

#include <QAudioDevice>
#include <QByteArray>
#include <QObject>

#include <functional>
#include <memory>

class QAudioSink;
class QIODevice;
class QTimer;

namespace qidong::media {
class FormatConverter;
}

namespace qidong::core {

// Plays 48 kHz mono frames on a sound device, pulled from a source as the
// device makes room: a fresh QAudioSink per start, written from our own
// clock (push mode; Qt 6.4's pull mode can hang, FACTS.md). The ring tone
// and call recordings play through it.
class FramePlayout final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FramePlayout)

public:
    // Fills the frame and says true, or says false: nothing more to play.
    using Source = std::function<bool(media::AudioFrame&)>;

    explicit FramePlayout(int bufferMs, QObject* parent = nullptr);
    ~FramePlayout() override;

    // On the device with this id (QAudioDevice::id), or the default output
    // when it is empty or gone. False if it cannot be opened.
    bool start(const QByteArray& deviceId, Source source);
    void stop();
    bool isPlaying() const { return m_sink != nullptr; }
    QAudioDevice device() const { return m_device; }
    void setVolume(float volume); // 0 .. 1
    // Taken from the source but not heard yet (waiting, or in the device).
    qint64 queuedMs() const;

Q_SIGNALS:
    // After each write: what is heard has moved on.
    void advanced();
    // The source ran dry and the device has played all of it; stopped.
    void finished();
    // The device stopped with an error (not a short underrun); stopped.
    void deviceFailed(const QString& description);

private:
    void pump();

    int m_bufferMs;
    Source m_source;
    QAudioDevice m_device;
    std::unique_ptr<media::FormatConverter> m_converter;
    std::unique_ptr<QAudioSink> m_sink;
    QIODevice* m_io = nullptr;
    QTimer* m_clock;
    QByteArray m_pending; // in the device's format, not yet taken by it
    int m_sinkBytes = 0;
    int m_bytesPerMs = 96;
    float m_volume = 1.0f;
    bool m_dry = false;
    quint64 m_generation = 0;
};

} // namespace qidong::core
