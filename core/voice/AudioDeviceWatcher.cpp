#include "core/voice/AudioDeviceWatcher.h"

#include <QAudioDevice>
#include <QMediaDevices>

namespace qidong::core {

namespace {

constexpr int kPollMs = 1000;

QByteArrayList idsOf(const QList<QAudioDevice>& devices)
{
    QByteArrayList ids;
    ids.reserve(devices.size());
    for (const QAudioDevice& device : devices)
        ids.append(device.id());
    return ids;
}

} // namespace

AudioDeviceWatcher::AudioDeviceWatcher(QObject* parent)
    : QObject(parent)
    , m_devices(std::make_unique<QMediaDevices>())
    , m_inputs(idsOf(QMediaDevices::audioInputs()))
    , m_outputs(idsOf(QMediaDevices::audioOutputs()))
    , m_defaultInput(QMediaDevices::defaultAudioInput().id())
    , m_defaultOutput(QMediaDevices::defaultAudioOutput().id())
{
    connect(m_devices.get(), &QMediaDevices::audioInputsChanged, this, &AudioDeviceWatcher::check);
    connect(m_devices.get(), &QMediaDevices::audioOutputsChanged, this, &AudioDeviceWatcher::check);
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &AudioDeviceWatcher::check);
    m_poll.start();
}

AudioDeviceWatcher::~AudioDeviceWatcher() = default;

void AudioDeviceWatcher::check()
{
    QByteArrayList inputs = idsOf(QMediaDevices::audioInputs());
    QByteArrayList outputs = idsOf(QMediaDevices::audioOutputs());
    QByteArray defaultInput = QMediaDevices::defaultAudioInput().id();
    QByteArray defaultOutput = QMediaDevices::defaultAudioOutput().id();
    const bool inputsDiffer = inputs != m_inputs || defaultInput != m_defaultInput;
    const bool outputsDiffer = outputs != m_outputs || defaultOutput != m_defaultOutput;
    m_inputs = std::move(inputs);
    m_outputs = std::move(outputs);
    m_defaultInput = std::move(defaultInput);
    m_defaultOutput = std::move(defaultOutput);
    if (inputsDiffer)
        Q_EMIT inputsChanged();
    if (outputsDiffer)
        Q_EMIT outputsChanged();
}

} // namespace qidong::core
