#include "Ringer.h"

#include "core/CoreLog.h"
#include "core/voice/AudioDeviceWatcher.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QSoundEffect>

namespace qidong::core {

Ringer::Ringer(QObject* parent)
    : QObject(parent)
    , m_devices(new AudioDeviceWatcher(this))
{
    connect(m_devices, &AudioDeviceWatcher::outputsChanged, this, &Ringer::rebuild);
    rebuild();
}

Ringer::~Ringer() = default;

void Ringer::setDeviceId(const QByteArray& deviceId)
{
    if (deviceId == m_deviceId)
        return;
    m_deviceId = deviceId;
    rebuild();
}

void Ringer::setVolume(float volume)
{
    m_volume = std::clamp(volume, 0.0f, 1.0f);
    m_effect->setVolume(m_volume);
}

void Ringer::start()
{
    m_wanted = true;
    if (!m_effect->isPlaying())
        m_effect->play();
}

void Ringer::stop()
{
    m_wanted = false;
    m_effect->stop();
}

bool Ringer::isRinging() const
{
    return m_effect->isPlaying();
}

void Ringer::rebuild()
{
    QAudioDevice device = QMediaDevices::defaultAudioOutput();
    for (const QAudioDevice& output : QMediaDevices::audioOutputs()) {
        if (!m_deviceId.isEmpty() && output.id() == m_deviceId)
            device = output;
    }
    if (!m_deviceId.isEmpty() && device.id() != m_deviceId)
        qCInfo(lcCore) << "ring device" << m_deviceId << "is gone; using the default output";
    m_effect = std::make_unique<QSoundEffect>(device);
    m_effect->setSource(QUrl(QStringLiteral("qrc:/sounds/ring.wav")));
    m_effect->setLoopCount(QSoundEffect::Infinite);
    m_effect->setVolume(m_volume);
    connect(m_effect.get(), &QSoundEffect::playingChanged, this,
            [this] { Q_EMIT ringingChanged(m_effect->isPlaying()); });
    if (m_wanted)
        m_effect->play();
}

} // namespace qidong::core
