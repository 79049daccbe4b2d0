#pragma once

#include "media/AudioFrame.h"

#include <QObject>
#include <QString>

#include <vector>

namespace qidong::core {

class AudioDeviceWatcher;
class FramePlayout;

// Rings while an offer waits for the agent: the ring tone looped on the
// output device chosen in settings (the default device when none is chosen
// or the chosen one is gone), through FramePlayout. An unplugged headset
// moves the ring to the default device (AudioDeviceWatcher notices within a
// second), and it moves back when the headset returns.
//
// Not QSoundEffect: in Qt 6.4 it loads sounds on a thread of its own that
// is never torn down (its leaks showed at exit), and tst_ringer crashed now
// and then in PulseAudio's teardown at exit while it was in use.
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
    // Where it rings now (the default output when the chosen one is gone).
    QByteArray ringingOn() const;

Q_SIGNALS:
    void ringingChanged(bool ringing);

private:
    QByteArray deviceToRingOn() const;
    void ring();
    bool nextFrame(media::AudioFrame& frame);

    AudioDeviceWatcher* m_devices;
    FramePlayout* m_playout;
    std::vector<media::AudioFrame> m_tone; // one ring, 48 kHz mono
    std::size_t m_next = 0;
    QByteArray m_deviceId;
    bool m_wanted = false;
};

} // namespace qidong::core
