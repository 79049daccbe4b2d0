#include "core/voice/VoiceEngine.h"

#include "core/CoreLog.h"

#include <QMediaDevices>

namespace qidong::core {

namespace {

QList<QAudioDevice> devicesOf(VoiceEngine::Direction direction)
{
    return direction == VoiceEngine::Direction::Input ? QMediaDevices::audioInputs()
                                                      : QMediaDevices::audioOutputs();
}

QAudioDevice defaultOf(VoiceEngine::Direction direction)
{
    return direction == VoiceEngine::Direction::Input ? QMediaDevices::defaultAudioInput()
                                                      : QMediaDevices::defaultAudioOutput();
}

} // namespace

VoiceEngine::VoiceEngine(QObject* parent)
    : QObject(parent)
    , m_devices(new AudioDeviceWatcher(this))
{
    qRegisterMetaType<AudioPipeline::Stats>();
    qRegisterMetaType<Direction>();
    m_thread.setObjectName(QStringLiteral("qidong-audio"));
    m_pipeline = new AudioPipeline;
    m_pipeline->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_pipeline, &QObject::deleteLater);
    connect(m_pipeline, &AudioPipeline::levels, this, &VoiceEngine::levelsChanged);
    connect(m_pipeline, &AudioPipeline::linkChanged, this, [this](bool connected) {
        m_linked = connected;
        Q_EMIT linkChanged(connected);
    });
    connect(m_pipeline, &AudioPipeline::ticketRefused, this, &VoiceEngine::ticketRefused);
    connect(m_pipeline, &AudioPipeline::ended, this, [this](const QString& reason) {
        endCall();
        Q_EMIT callEnded(reason);
    });
    connect(m_pipeline, &AudioPipeline::deviceFailed, this, &VoiceEngine::onDeviceFailed);
    connect(m_pipeline, &AudioPipeline::statsUpdated, this,
            [this](const AudioPipeline::Stats& stats) {
                m_stats = stats;
                Q_EMIT statsUpdated(stats);
            });
    connect(m_devices, &AudioDeviceWatcher::inputsChanged, this,
            [this] { devicesChanged(Direction::Input); });
    connect(m_devices, &AudioDeviceWatcher::outputsChanged, this,
            [this] { devicesChanged(Direction::Output); });
    // Audio must not wait behind anything else this process does.
    m_thread.start(QThread::TimeCriticalPriority);
}

VoiceEngine::~VoiceEngine()
{
    QMetaObject::invokeMethod(
        m_pipeline, [pipeline = m_pipeline] { pipeline->endCall(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

template <typename Work> void VoiceEngine::onAudioThread(Work work)
{
    QMetaObject::invokeMethod(m_pipeline, std::move(work), Qt::QueuedConnection);
}

void VoiceEngine::setDevices(const QByteArray& inputId, const QByteArray& outputId)
{
    const bool inputChanged = inputId != m_inputId;
    const bool outputChanged = outputId != m_outputId;
    m_inputId = inputId;
    m_outputId = outputId;
    if (!m_inCall)
        return;
    if (inputChanged)
        apply(Direction::Input);
    if (outputChanged)
        apply(Direction::Output);
}

void VoiceEngine::setProcessing(const media::VoiceProcessor::Settings& settings)
{
    onAudioThread([pipeline = m_pipeline, settings] { pipeline->setProcessing(settings); });
}

void VoiceEngine::startCall(const QUrl& mediaUrl)
{
    m_inCall = true;
    m_activeInput = resolve(Direction::Input);
    m_activeOutput = resolve(Direction::Output);
    onAudioThread([pipeline = m_pipeline, mediaUrl, input = m_activeInput,
                   output = m_activeOutput] { pipeline->startCall(mediaUrl, input, output); });
    setMuted(false);
}

void VoiceEngine::reconnect(const QUrl& mediaUrl)
{
    onAudioThread([pipeline = m_pipeline, mediaUrl] { pipeline->reconnect(mediaUrl); });
}

void VoiceEngine::endCall()
{
    if (!m_inCall)
        return;
    m_inCall = false;
    m_linked = false;
    onAudioThread([pipeline = m_pipeline] { pipeline->endCall(); });
    setMuted(false);
}

void VoiceEngine::setMuted(bool muted)
{
    onAudioThread([pipeline = m_pipeline, muted] { pipeline->setMuted(muted); });
    if (muted != m_muted) {
        m_muted = muted;
        Q_EMIT mutedChanged(muted);
    }
}

void VoiceEngine::pressKey(QChar key)
{
    onAudioThread([pipeline = m_pipeline, key] { pipeline->pressKey(key); });
}

void VoiceEngine::playTestTone(const QByteArray& outputId)
{
    if (m_inCall)
        return;
    m_activeOutput = resolve(Direction::Output);
    if (!outputId.isEmpty())
        for (const QAudioDevice& device : QMediaDevices::audioOutputs())
            if (device.id() == outputId)
                m_activeOutput = device;
    onAudioThread(
        [pipeline = m_pipeline, output = m_activeOutput] { pipeline->startTestTone(output); });
    // Ends the tone (and closes the device) after it has played.
    QTimer::singleShot(1600, this, [this] {
        if (!m_inCall)
            onAudioThread([pipeline = m_pipeline] { pipeline->endCall(); });
    });
}

void VoiceEngine::monitorInput(const QByteArray& inputId)
{
    if (m_inCall)
        return;
    QAudioDevice input = resolve(Direction::Input);
    if (!inputId.isEmpty())
        for (const QAudioDevice& device : QMediaDevices::audioInputs())
            if (device.id() == inputId)
                input = device;
    onAudioThread([pipeline = m_pipeline, input] { pipeline->startInputMonitor(input); });
}

void VoiceEngine::stopDeviceTest()
{
    if (!m_inCall)
        onAudioThread([pipeline = m_pipeline] { pipeline->endCall(); });
}

QAudioDevice VoiceEngine::activeDevice(Direction direction) const
{
    return direction == Direction::Input ? m_activeInput : m_activeOutput;
}

QAudioDevice VoiceEngine::resolve(Direction direction) const
{
    const QByteArray& wanted = direction == Direction::Input ? m_inputId : m_outputId;
    if (!wanted.isEmpty())
        for (const QAudioDevice& device : devicesOf(direction))
            if (device.id() == wanted)
                return device;
    return defaultOf(direction);
}

void VoiceEngine::apply(Direction direction)
{
    const QAudioDevice device = resolve(direction);
    (direction == Direction::Input ? m_activeInput : m_activeOutput) = device;
    onAudioThread(
        [pipeline = m_pipeline, direction, device] { pipeline->useDevice(direction, device); });
}

void VoiceEngine::devicesChanged(Direction direction)
{
    if (!m_inCall)
        return;
    const QAudioDevice active = activeDevice(direction);
    const QAudioDevice wanted = resolve(direction);
    if (wanted.id() == active.id())
        return;
    const bool lost = !devicesOf(direction).contains(active);
    apply(direction);
    if (lost) {
        qCWarning(lcCore) << "audio device gone:" << active.description() << "now"
                          << wanted.description();
        Q_EMIT deviceFellBack(direction, active.description(), wanted.description());
    }
}

void VoiceEngine::onDeviceFailed(Direction direction, const QString& description)
{
    if (!m_inCall)
        return;
    // The device broke without leaving the list (or before the list says
    // so): fall back to the default unless that is what failed.
    const QAudioDevice fallback = defaultOf(direction);
    if (fallback.isNull() || fallback.description() == description) {
        qCWarning(lcCore) << "audio device failed with no other to use:" << description;
        return;
    }
    (direction == Direction::Input ? m_activeInput : m_activeOutput) = fallback;
    onAudioThread(
        [pipeline = m_pipeline, direction, fallback] { pipeline->useDevice(direction, fallback); });
    Q_EMIT deviceFellBack(direction, description, fallback.description());
}

} // namespace qidong::core
