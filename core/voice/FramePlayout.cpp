#include "core/voice/FramePlayout.h"

#include "core/CoreLog.h"
#include "core/voice/DeviceFormat.h"
#include "media/FormatConverter.h"

#include <QAudioSink>
#include <QTimer>

#include <algorithm>

namespace qidong::core {

namespace {

constexpr int kPumpMs = 20;

} // namespace

FramePlayout::FramePlayout(int bufferMs, QObject* parent)
    : QObject(parent)
    , m_bufferMs(bufferMs)
    , m_clock(new QTimer(this))
{
    m_clock->setTimerType(Qt::PreciseTimer);
    m_clock->setInterval(kPumpMs);
    connect(m_clock, &QTimer::timeout, this, &FramePlayout::pump);
}

FramePlayout::~FramePlayout()
{
    stop();
}

bool FramePlayout::start(const QByteArray& deviceId, Source source)
{
    stop();
    m_device = outputOrDefault(deviceId);
    const QAudioFormat format = deviceFormatFor(m_device);
    m_converter = std::make_unique<media::FormatConverter>(converterFormat(format));
    m_bytesPerMs = std::max(1, bytesFor(format, 1000) / 1000);
    m_sink = std::make_unique<QAudioSink>(m_device, format);
    m_sink->setBufferSize(bytesFor(format, m_bufferMs));
    m_sink->setVolume(m_volume);
    // The error is seen from inside the sink's own signal: act after it.
    const quint64 generation = ++m_generation;
    QAudioSink* sink = m_sink.get();
    connect(sink, &QAudioSink::stateChanged, this, [this, sink, generation](QAudio::State state) {
        if (state != QAudio::StoppedState || sink->error() == QAudio::NoError ||
            sink->error() == QAudio::UnderrunError)
            return;
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (!m_sink || generation != m_generation)
                    return; // stopped or started again meanwhile
                const QString description = m_device.description();
                stop();
                Q_EMIT deviceFailed(description);
            },
            Qt::QueuedConnection);
    });
    m_io = m_sink->start();
    if (!m_io) {
        qCWarning(lcCore) << "cannot play on" << m_device.description();
        m_sink.reset();
        m_converter.reset();
        return false;
    }
    m_sinkBytes = int(m_sink->bufferSize());
    m_source = std::move(source);
    m_pending.clear();
    m_dry = false;
    m_clock->start();
    pump(); // the buffer filled now: sound at once
    return true;
}

void FramePlayout::stop()
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
    m_source = {};
}

void FramePlayout::setVolume(float volume)
{
    m_volume = std::clamp(volume, 0.0f, 1.0f);
    if (m_sink)
        m_sink->setVolume(m_volume);
}

qint64 FramePlayout::queuedMs() const
{
    if (!m_sink)
        return 0;
    return (m_pending.size() + (m_sinkBytes - m_sink->bytesFree())) / m_bytesPerMs;
}

void FramePlayout::pump()
{
    if (!m_sink || !m_io)
        return;
    const qsizetype room = m_sink->bytesFree();
    media::AudioFrame frame{};
    while (!m_dry && m_pending.size() < room) {
        if (!m_source(frame)) {
            m_dry = true;
            break;
        }
        m_pending.append(m_converter->toDevice(frame));
    }
    const qint64 written =
        m_io->write(m_pending.constData(), std::min<qsizetype>(room, m_pending.size()));
    if (written > 0)
        m_pending.remove(0, written);
    if (m_dry && m_pending.isEmpty() && m_sink->bytesFree() >= m_sinkBytes) {
        stop();
        Q_EMIT finished();
        return;
    }
    Q_EMIT advanced();
}

} // namespace qidong::core
