#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QSoundEffect;

namespace qidong::core {

class AudioDeviceWatcher;

// Rings while an offer waits for the agent: a looping tone through Qt
// Multimedia on the output device chosen in settings (the default device
// when none is chosen or the chosen one is gone). An unplugged headset moves
// the ring to the default device (AudioDeviceWatcher notices within a
// second), and it moves back when the headset returns.
class Ringer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Ringer)

public:
    explicit Ringer(QObject* parent = nullptr);
    ~Ringer() override;

    // A QAudioDevice id from QMediaDevices::audioOutputs(); empty: default.
    void setDeviceId(const QByteArray& deviceId);
    void setVolume(float volume); // 0 .. 1
    void start();
    void stop();
    bool isRinging() const;
    QByteArray deviceId() const { return m_deviceId; }

Q_SIGNALS:
    void ringingChanged(bool ringing);

private:
    void rebuild();

    AudioDeviceWatcher* m_devices;
    std::unique_ptr<QSoundEffect> m_effect;
    QByteArray m_deviceId;
    float m_volume = 0.8f;
    bool m_wanted = false;
};

} // namespace qidong::core
