#include "core/voice/AudioPipeline.h"

#include "core/CoreLog.h"
#include "core/voice/DeviceFormat.h"

#include <QAudioSink>
#include <QAudioSource>
#include <QMediaDevices>

#include <algorithm>

namespace qidong::core {

using namespace qidong::media;

namespace {

constexpr int kPumpMs = 10;
constexpr int kLevelsMs = 50;
constexpr int kStatsMs = 1000;
// Measured with Qt 6.4 on PulseAudio (FACTS.md): explicit buffers this small
// give ~73 ms mouth to ear instead of ~260 ms with Qt's defaults.
constexpr int kSinkBufferMs = 40;
constexpr int kSourceBufferMs = 20;
constexpr int kKeyToneFrames = 6; // 120 ms of keypad tone

} // namespace

AudioPipeline::AudioPipeline(QObject* parent)
    : QObject(parent)
    , m_link(new MediaLink(this))
    , m_clock(new QTimer(this))
{
    m_clock->setTimerType(Qt::PreciseTimer);
    m_clock->setInterval(kPumpMs);
    connect(m_clock, &QTimer::timeout, this, &AudioPipeline::pump);
    connect(m_link, &MediaLink::frameReceived, this, [this](const protocol::MediaFrame& frame) {
        if (m_receive && frame.kind == protocol::MediaKind::Opus)
            m_receive->put(frame);
    });
    connect(m_link, &MediaLink::connected, this, [this] { Q_EMIT linkChanged(true); });
    connect(m_link, &MediaLink::disconnected, this, [this] { Q_EMIT linkChanged(false); });
    connect(m_link, &MediaLink::ticketRefused, this, &AudioPipeline::ticketRefused);
    connect(m_link, &MediaLink::ended, this, &AudioPipeline::ended);
}

AudioPipeline::~AudioPipeline()
{
    closeDevices();
}

void AudioPipeline::startCall(const QUrl& mediaUrl, const QAudioDevice& input,
                              const QAudioDevice& output)
{
    endCall();
    m_inCall = true;
    m_testToneOnly = false;
    m_stats = {};
    // The stream id only tells this leg's streams apart; any changing value does.
    m_send = std::make_unique<SendStream>(std::uint32_t(QDateTime::currentMSecsSinceEpoch()));
    m_receive = std::make_unique<ReceiveStream>();
    openInput(input);
    openOutput(output);
    m_link->open(mediaUrl);
    m_sinceReport.start();
    m_sinceStats.start();
    m_clock->start();
}

void AudioPipeline::reconnect(const QUrl& mediaUrl)
{
    if (m_inCall)
        m_link->open(mediaUrl);
}

void AudioPipeline::endCall()
{
    m_inCall = false;
    m_testToneOnly = false;
    m_link->close();
    m_clock->stop();
    closeDevices();
    m_send.reset();
    m_receive.reset();
    m_localTone.reset();
    Q_EMIT levels(-96.0, -96.0);
}

void AudioPipeline::setProcessing(const VoiceProcessor::Settings& settings)
{
    m_processor.configure(settings);
}

void AudioPipeline::useDevice(Direction direction, const QAudioDevice& device)
{
    if (!m_inCall && !m_testToneOnly)
        return;
    ++m_stats.deviceRestarts;
    if (direction == Direction::Input)
        openInput(device);
    else
        openOutput(device);
}

void AudioPipeline::pressKey(QChar key)
{
    const DtmfPair pair = dtmfFrequencies(key);
    if (pair.low <= 0)
        return;
    // Heard locally as the keypad's tone; sent as an event, not as sound.
    m_localTone.emplace(pair.low, pair.high, 0.1);
    m_localToneFrames = kKeyToneFrames;
    if (m_inCall && m_send)
        for (const QByteArray& frame : m_send->dtmf(key))
            m_link->send(frame);
}

void AudioPipeline::startTestTone(const QAudioDevice& output)
{
    if (m_inCall)
        return;
    m_testToneOnly = true;
    m_receive = std::make_unique<ReceiveStream>();
    openOutput(output);
    m_localTone.emplace(440.0, 0.0, 0.2);
    m_localToneFrames = 75; // 1.5 s
    m_sinceReport.start();
    m_sinceStats.start();
    m_clock->start();
}

void AudioPipeline::startInputMonitor(const QAudioDevice& input)
{
    if (m_inCall)
        return;
    m_testToneOnly = true;
    openInput(input);
    m_sinceReport.start();
    m_sinceStats.start();
    m_clock->start();
}

void AudioPipeline::openInput(const QAudioDevice& device)
{
    if (m_source) {
        m_source->disconnect(this);
        m_source->stop();
    }
    m_captureIo = nullptr;
    const QAudioDevice chosen = device.isNull() ? QMediaDevices::defaultAudioInput() : device;
    const QAudioFormat format = deviceFormatFor(chosen);
    m_inputFormat = std::make_unique<FormatConverter>(converterFormat(format));
    m_source = std::make_unique<QAudioSource>(chosen, format);
    m_source->setBufferSize(bytesFor(format, kSourceBufferMs));
    connect(m_source.get(), &QAudioSource::stateChanged, this, [this, chosen](QAudio::State state) {
        if (state == QAudio::StoppedState && m_source && m_source->error() != QAudio::NoError &&
            m_source->error() != QAudio::UnderrunError)
            Q_EMIT deviceFailed(Direction::Input, chosen.description());
    });
    m_captureIo = m_source->start();
    qCInfo(lcCore) << "microphone:" << chosen.description() << format.sampleRate() << "Hz"
                   << format.channelCount() << "ch, buffer" << m_source->bufferSize() << "bytes";
    if (!m_captureIo)
        Q_EMIT deviceFailed(Direction::Input, chosen.description());
}

void AudioPipeline::openOutput(const QAudioDevice& device)
{
    if (m_sink) {
        m_sink->disconnect(this);
        m_sink->stop();
    }
    m_playIo = nullptr;
    m_pendingPlayout.clear();
    const QAudioDevice chosen = device.isNull() ? QMediaDevices::defaultAudioOutput() : device;
    const QAudioFormat format = deviceFormatFor(chosen);
    m_outputFormat = std::make_unique<FormatConverter>(converterFormat(format));
    m_sink = std::make_unique<QAudioSink>(chosen, format);
    m_sink->setBufferSize(bytesFor(format, kSinkBufferMs));
    connect(m_sink.get(), &QAudioSink::stateChanged, this, [this, chosen](QAudio::State state) {
        if (state == QAudio::StoppedState && m_sink && m_sink->error() != QAudio::NoError &&
            m_sink->error() != QAudio::UnderrunError)
            Q_EMIT deviceFailed(Direction::Output, chosen.description());
    });
    m_playIo = m_sink->start();
    m_sinkBufferBytes = int(m_sink->bufferSize());
    qCInfo(lcCore) << "speaker:" << chosen.description() << format.sampleRate() << "Hz"
                   << format.channelCount() << "ch, buffer" << m_sinkBufferBytes << "bytes";
    if (!m_playIo)
        Q_EMIT deviceFailed(Direction::Output, chosen.description());
}

void AudioPipeline::closeDevices()
{
    if (m_source) {
        m_source->disconnect(this);
        m_source->stop();
        m_source.reset();
    }
    if (m_sink) {
        m_sink->disconnect(this);
        m_sink->stop();
        m_sink.reset();
    }
    m_captureIo = nullptr;
    m_playIo = nullptr;
    m_pendingPlayout.clear();
}

void AudioPipeline::pump()
{
    capture();
    playout();
    report();
}

void AudioPipeline::capture()
{
    if (!m_captureIo || !m_inputFormat)
        return;
    const QByteArray bytes = m_captureIo->readAll();
    if (bytes.isEmpty())
        return;
    m_inputFormat->pushCaptured(bytes);
    AudioFrame frame{};
    while (m_inputFormat->takeFrame(frame)) {
        ++m_stats.framesCaptured;
        m_inputPeak = std::max(m_inputPeak, peakDbfs(frame));
        if (!m_send)
            continue;
        // The echo in this frame left the speaker about one sink buffer,
        // plus what waits to be written, plus the capture buffer ago.
        const int delayMs = m_stats.outputBufferMs + kSourceBufferMs + m_inputFormat->pendingMs();
        m_processor.captured(frame, delayMs);
        if (m_muted) {
            m_send->skip();
            continue;
        }
        m_link->send(m_send->audio(frame));
        if (m_link->isConnected())
            ++m_stats.framesSent;
    }
}

void AudioPipeline::playout()
{
    if (!m_playIo || !m_outputFormat || !m_receive)
        return;
    const qsizetype room = m_sink->bytesFree();
    if (room >= m_sinkBufferBytes && m_stats.framesPlayed + m_stats.framesConcealed > 0)
        ++m_stats.underruns;
    while (m_pendingPlayout.size() < room) {
        AudioFrame frame{};
        const bool sound = m_receive->take(frame);
        if (sound)
            ++m_stats.framesPlayed;
        if (m_localTone && m_localToneFrames > 0) {
            AudioFrame tone{};
            m_localTone->fill(tone);
            std::array<std::int32_t, kFrameSamples> sum{};
            accumulate(sum, frame);
            accumulate(sum, tone);
            saturate(sum, frame);
            if (--m_localToneFrames == 0)
                m_localTone.reset();
        }
        m_outputPeak = std::max(m_outputPeak, peakDbfs(frame));
        m_processor.played(frame);
        m_pendingPlayout.append(m_outputFormat->toDevice(frame));
    }
    const qint64 written = m_playIo->write(m_pendingPlayout.constData(),
                                           std::min<qsizetype>(room, m_pendingPlayout.size()));
    if (written > 0)
        m_pendingPlayout.remove(0, written);
    const int bytesPerMs = std::max(1, m_outputFormat->device().bytesPerFrame() *
                                           m_outputFormat->device().sampleRate / 1000);
    m_stats.outputBufferMs =
        int((m_sinkBufferBytes - m_sink->bytesFree() + m_pendingPlayout.size()) / bytesPerMs);
}

void AudioPipeline::report()
{
    if (m_sinceReport.elapsed() >= kLevelsMs) {
        m_sinceReport.restart();
        Q_EMIT levels(m_inputPeak, m_outputPeak);
        m_inputPeak = -96.0;
        m_outputPeak = -96.0;
    }
    if (m_sinceStats.elapsed() >= kStatsMs) {
        m_sinceStats.restart();
        if (m_receive) {
            m_stats.jitterMs = m_receive->delayMs();
            m_stats.framesConcealed = m_receive->stats().concealed;
        }
        m_stats.reconnects = m_link->stats().reconnects;
        Q_EMIT statsUpdated(m_stats);
    }
}

} // namespace qidong::core
