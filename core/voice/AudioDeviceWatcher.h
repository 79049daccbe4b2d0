#pragma once

#include <QByteArrayList>
#include <QObject>
#include <QTimer>

#include <memory>

class QMediaDevices;

namespace qidong::core {

// Tells when sound devices come and go. QMediaDevices' own change signals
// are not emitted by Qt 6.4's PulseAudio backend (fixed upstream in
// qtmultimedia 7b75983, Qt 6.5.2), though its device lists do update; so
// besides the signals this compares the lists once a second. Cheap: a
// mutex and a copy of a few entries, on the GUI thread.
class AudioDeviceWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudioDeviceWatcher)

public:
    explicit AudioDeviceWatcher(QObject* parent = nullptr);
    ~AudioDeviceWatcher() override;

Q_SIGNALS:
    void inputsChanged();
    void outputsChanged();

private:
    void check();

    std::unique_ptr<QMediaDevices> m_devices;
    QTimer m_poll;
    QByteArrayList m_inputs;
    QByteArrayList m_outputs;
    QByteArray m_defaultInput;
    QByteArray m_defaultOutput;
};

} // namespace qidong::core
