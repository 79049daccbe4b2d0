#include "Ringer.h"

#include "core/CoreLog.h"
#include "core/voice/AudioDeviceWatcher.h"
#include "core/voice/DeviceFormat.h"
#include "core/voice/FramePlayout.h"
#include "media/FormatConverter.h"

#include <QAudioDevice>
#include <QFile>
#include <QtEndian>

namespace qidong::core {

namespace {

constexpr int kBufferMs = 200;

// The frames of a 16-bit PCM WAV file (our own ring tone), at 48 kHz mono.
std::vector<media::AudioFrame> framesOf(const QByteArray& wav)
{
    std::vector<media::AudioFrame> frames;
    if (wav.size() < 12 || !wav.startsWith("RIFF") || wav.mid(8, 4) != "WAVE")
        return frames;
    media::FormatConverter::DeviceFormat format;
    bool haveFormat = false;
    for (qsizetype at = 12; at + 8 <= wav.size();) {
        const QByteArray id = wav.mid(at, 4);
        const auto size = qsizetype(qFromLittleEndian<quint32>(wav.constData() + at + 4));
        const qsizetype body = at + 8;
        if (size < 0 || body + size > wav.size())
            break;
        if (id == "fmt " && size >= 16) {
            const auto encoding = qFromLittleEndian<quint16>(wav.constData() + body);
            format.channels = qFromLittleEndian<quint16>(wav.constData() + body + 2);
            format.sampleRate = int(qFromLittleEndian<quint32>(wav.constData() + body + 4));
            const auto bits = qFromLittleEndian<quint16>(wav.constData() + body + 14);
            haveFormat =
                encoding == 1 && bits == 16 && format.channels > 0 && format.sampleRate > 0;
        } else if (id == "data" && haveFormat) {
            media::FormatConverter converter(format);
            converter.pushCaptured(wav.mid(body, size));
            media::AudioFrame frame{};
            while (converter.takeFrame(frame))
                frames.push_back(frame);
        }
        at = body + size + (size & 1);
    }
    return frames;
}

} // namespace

Ringer::Ringer(QObject* parent)
    : QObject(parent)
    , m_devices(new AudioDeviceWatcher(this))
    , m_playout(new FramePlayout(kBufferMs, this))
{
    QFile file(QStringLiteral(":/sounds/ring.wav"));
    if (file.open(QIODevice::ReadOnly))
        m_tone = framesOf(file.readAll());
    if (m_tone.empty())
        qCWarning(lcCore) << "the ring tone cannot be read; offers will ring silently";
    m_playout->setVolume(0.8f);
    // A device came or went: ring where it should ring now.
    connect(m_devices, &AudioDeviceWatcher::outputsChanged, this, [this] {
        if (m_wanted)
            ring();
    });
    connect(m_playout, &FramePlayout::deviceFailed, this, [this] {
        if (m_wanted)
            ring(); // on the default output, if the chosen one failed
    });
}

Ringer::~Ringer()
{
    m_playout->stop();
}

void Ringer::setDeviceId(const QByteArray& deviceId)
{
    if (deviceId == m_deviceId)
        return;
    m_deviceId = deviceId;
    if (m_wanted)
        ring();
}

void Ringer::setVolume(float volume)
{
    m_playout->setVolume(volume);
}

void Ringer::start()
{
    if (m_wanted)
        return;
    m_wanted = true;
    m_next = 0;
    ring();
    Q_EMIT ringingChanged(isRinging());
}

void Ringer::stop()
{
    if (!m_wanted)
        return;
    m_wanted = false;
    m_playout->stop();
    Q_EMIT ringingChanged(false);
}

bool Ringer::isRinging() const
{
    return m_playout->isPlaying();
}

QByteArray Ringer::ringingOn() const
{
    return isRinging() ? m_playout->device().id() : QByteArray();
}

QByteArray Ringer::deviceToRingOn() const
{
    const QByteArray id = outputOrDefault(m_deviceId).id();
    if (!m_deviceId.isEmpty() && id != m_deviceId)
        qCInfo(lcCore) << "ring device" << m_deviceId << "is gone; using the default output";
    return id;
}

void Ringer::ring()
{
    const QByteArray target = deviceToRingOn();
    if (isRinging() && m_playout->device().id() == target)
        return; // already where it should be
    if (!m_playout->start(target, [this](media::AudioFrame& frame) { return nextFrame(frame); }))
        qCWarning(lcCore) << "the ring cannot be played on" << target;
}

bool Ringer::nextFrame(media::AudioFrame& frame)
{
    if (m_tone.empty()) {
        frame.fill(0);
        return true; // silence, but the offer still "rings"
    }
    frame = m_tone[m_next];
    m_next = (m_next + 1) % m_tone.size();
    return true;
}

} // namespace qidong::core
