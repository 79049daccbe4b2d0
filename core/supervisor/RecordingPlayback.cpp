#include "core/supervisor/RecordingPlayback.h"

#include "core/voice/FramePlayout.h"
#include "media/OggOpus.h"

#include <algorithm>

namespace qidong::core {

namespace {

// Longer than the softphone's: nobody talks back, and a busy GUI thread
// must not starve it.
constexpr int kBufferMs = 300;
constexpr qint64 kSamplesPerMs = media::kSampleRate / 1000;

} // namespace

RecordingPlayback::RecordingPlayback(QObject* parent)
    : QObject(parent)
    , m_playout(new FramePlayout(kBufferMs, this))
{
    connect(m_playout, &FramePlayout::advanced, this,
            [this] { Q_EMIT positionChanged(positionMs()); });
    connect(m_playout, &FramePlayout::finished, this, [this] {
        m_stoppedAtMs = durationMs();
        Q_EMIT playingChanged(false);
        Q_EMIT positionChanged(m_stoppedAtMs);
    });
    connect(m_playout, &FramePlayout::deviceFailed, this, [this](const QString& description) {
        // Stopped already; heard up to about where the stream was.
        m_stoppedAtMs = std::min(m_stream->positionSamples() / kSamplesPerMs, durationMs());
        Q_EMIT playingChanged(false);
        Q_EMIT failed(tr("The sound device %1 stopped.").arg(description));
    });
}

RecordingPlayback::~RecordingPlayback()
{
    m_playout->stop(); // before the stream its source reads goes
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
    stopPlayout();
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

bool RecordingPlayback::isPlaying() const
{
    return m_playout->isPlaying();
}

qint64 RecordingPlayback::durationMs() const
{
    return m_stream ? m_stream->sampleCount() / kSamplesPerMs : 0;
}

qint64 RecordingPlayback::positionMs() const
{
    if (!isPlaying())
        return m_stoppedAtMs;
    const qint64 decoded = m_stream->positionSamples() / kSamplesPerMs;
    return std::clamp<qint64>(decoded - m_playout->queuedMs(), 0, durationMs());
}

void RecordingPlayback::play()
{
    if (!m_stream || isPlaying())
        return;
    if (m_stoppedAtMs >= durationMs())
        m_stoppedAtMs = 0;
    m_stream->seekSamples(m_stoppedAtMs * kSamplesPerMs);
    if (openPlayout())
        Q_EMIT playingChanged(true);
}

void RecordingPlayback::pause()
{
    if (!isPlaying())
        return;
    m_stoppedAtMs = positionMs();
    stopPlayout();
    Q_EMIT positionChanged(m_stoppedAtMs);
}

void RecordingPlayback::seek(qint64 ms)
{
    if (!m_stream)
        return;
    // A fresh device buffer from the new moment: what the old one held is
    // not heard.
    const bool playing = isPlaying();
    if (playing)
        m_playout->stop();
    m_stoppedAtMs = std::clamp<qint64>(ms, 0, durationMs());
    m_stream->seekSamples(m_stoppedAtMs * kSamplesPerMs);
    if (playing && !openPlayout())
        Q_EMIT playingChanged(false);
    Q_EMIT positionChanged(m_stoppedAtMs);
}

bool RecordingPlayback::openPlayout()
{
    const bool opened = m_playout->start(
        m_deviceId, [this](media::AudioFrame& frame) { return m_stream->read(frame); });
    if (!opened)
        Q_EMIT failed(tr("The sound device cannot be opened."));
    return opened;
}

void RecordingPlayback::stopPlayout()
{
    if (!isPlaying())
        return;
    m_playout->stop();
    Q_EMIT playingChanged(false);
}

} // namespace qidong::core
