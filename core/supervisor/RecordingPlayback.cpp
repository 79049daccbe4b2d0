#include "core/supervisor/RecordingPlayback.h"

#include "core/CoreLog.h"
#include "core/voice/DeviceFormat.h"
#include "media/FormatConverter.h"
#include "media/OggOpus.h"

#include <QAudioDevice>
#include <QAudioSink>
#include <QMediaDevices>
#include <QTimer>

#include <algorithm>

namespace qidong::core {

namespace {

constexpr int kPumpMs = 20;
// Longer than the softphone's: nobody talks back, and a busy GUI thread
// must not starve it.
constexpr int kSinkBufferMs = 300;
constexpr qint64 kSamplesPerMs = media::kSampleRate / 1000;

QAudioDevice outputFor(const QByteArray& id)
{
    for (const QAudioDevice& device : QMediaDevices::audioOutputs())
        if (device.id() == id)
            return device;
    return QMediaDevices::defaultAudioOutput(); // unplugged, or none chosen
}

} // namespace

RecordingPlayback::RecordingPlayback(QObject* parent)
    : QObject(parent)
    , m_clock(new QTimer(this))
{
    m_clock->setTimerType(Qt::PreciseTimer);
    m_clock->setInterval(kPumpMs);
    connect(m_clock, &QTimer::timeout, this, &RecordingPlayback::pump);
}

RecordingPlayback::~RecordingPlayback()
{
    closeSink();
}

bool RecordingPlayback::load(const QByteArray& oggOpus)
{
    clear();
    auto stream = std::make_unique<media::OggOpusStream>();
    if (!stream->open(oggOpus, &m_error))
        return false;
    m_stream = std::move(stream);
    Q_EMIT loaded(durationMs());
    Q_EMIT positionChanged(0);
    return true;
}

void RecordingPlayback::clear()
{
    closeSink();
    m_stream.reset();
    m_stoppedAtMs = 0;
    m_error.clear();
}

bool RecordingPlayback::isLoaded() const
{
    return m_stream != nullptr;
}

void RecordingPlayback::setOutputDevice(const QByteArray& deviceId)
{
    m_deviceId = deviceId;
}

qint64 RecordingPlayback::durationMs() const
{
    return m_stream ? m_stream->sampleCount() / kSamplesPerMs : 0;
}

qint64 RecordingPlayback::positionMs() const
{
    if (!m_sink)
        return m_stoppedAtMs;
    const qint64 waiting = m_pending.size() + (m_sinkBytes - m_sink->bytesFree());
    const qint64 decoded = m_stream->positionSamples() / kSamplesPerMs;
    return std::clamp<qint64>(decoded - waiting / m_bytesPerMs, 0, durationMs());
}

void RecordingPlayback::play()
{
    if (!m_stream || m_sink)
        return;
    if (m_stoppedAtMs >= durationMs())
        m_stoppedAtMs = 0;
    m_stream->seekSamples(m_stoppedAtMs * kSamplesPerMs);
    openSink();
}

void RecordingPlayback::pause()
{
    if (!m_sink)
        return;
    m_stoppedAtMs = positionMs();
    closeSink();
    Q_EMIT positionChanged(m_stoppedAtMs);
}

void RecordingPlayback::seek(qint64 ms)
{
    if (!m_stream)
        return;
    // A fresh sink from the new moment: what the old one holds is not heard.
    const bool playing = isPlaying();
    closeSink();
    m_stoppedAtMs = std::clamp<qint64>(ms, 0, durationMs());
    m_stream->seekSamples(m_stoppedAtMs * kSamplesPerMs);
    if (playing)
        openSink();
    Q_EMIT positionChanged(m_stoppedAtMs);
}

void RecordingPlayback::openSink()
{
    const QAudioDevice device = outputFor(m_deviceId);
    const QAudioFormat format = deviceFormatFor(device);
    m_converter = std::make_unique<media::FormatConverter>(converterFormat(format));
    m_bytesPerMs = std::max(1, bytesFor(format, 1000) / 1000);
    m_sink = std::make_unique<QAudioSink>(device, format);
    m_sink->setBufferSize(bytesFor(format, kSinkBufferMs));
    // A headset pulled out while playing: stop where it was, say so.
    QAudioSink* sink = m_sink.get();
    const quint64 generation = ++m_sinkGeneration;
    connect(sink, &QAudioSink::stateChanged, this,
            [this, sink, generation, device](QAudio::State state) {
                if (state != QAudio::StoppedState || sink->error() == QAudio::NoError ||
                    sink->error() == QAudio::UnderrunError)
                    return;
                QMetaObject::invokeMethod(
                    this,
                    [this, generation, device] {
                        if (!m_sink || generation != m_sinkGeneration)
                            return; // closed or replaced meanwhile
                        pause();
                        Q_EMIT failed(tr("The sound device %1 stopped.").arg(device.description()));
                    },
                    Qt::QueuedConnection);
            });
    m_io = m_sink->start();
    if (!m_io) {
        qCWarning(lcCore) << "recording playback: cannot open" << device.description();
        m_sink.reset();
        m_converter.reset();
        Q_EMIT failed(tr("The sound device %1 cannot be opened.").arg(device.description()));
        return;
    }
    m_sinkBytes = int(m_sink->bufferSize());
    m_pending.clear();
    m_clock->start();
    pump(); // fill the buffer now: sound at once
    Q_EMIT playingChanged(true);
}

void RecordingPlayback::closeSink()
{
    m_clock->stop();
    if (!m_sink)
        return;
    m_sink->disconnect(this);
    m_sink->stop();
    m_sink.reset();
    m_io = nullptr;
    m_converter.reset();
    m_pending.clear();
    Q_EMIT playingChanged(false);
}

void RecordingPlayback::pump()
{
    if (!m_sink || !m_io)
        return;
    const qsizetype room = m_sink->bytesFree();
    media::AudioFrame frame{};
    while (m_pending.size() < room && m_stream->read(frame))
        m_pending.append(m_converter->toDevice(frame));
    const qint64 written =
        m_io->write(m_pending.constData(), std::min<qsizetype>(room, m_pending.size()));
    if (written > 0)
        m_pending.remove(0, written);
    // The end: everything decoded has been played out of the device.
    if (m_pending.isEmpty() && m_stream->positionSamples() >= m_stream->sampleCount() &&
        m_sink->bytesFree() >= m_sinkBytes) {
        closeSink();
        m_stoppedAtMs = durationMs();
    }
    Q_EMIT positionChanged(positionMs());
}

} // namespace qidong::core
