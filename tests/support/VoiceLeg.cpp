#include "VoiceLeg.h"

#include "media/Tones.h"

#include <QtTest/QTest>

#include <cmath>
#include <numbers>

namespace qidong::test {

using namespace qidong::media;

namespace {
constexpr std::size_t kHistoryFrames = 50; // 1 s
}

VoiceLeg::VoiceLeg(std::uint32_t stream, QObject* parent)
    : QObject(parent)
    , m_send(stream)
{
    connect(&m_link, &core::MediaLink::frameReceived, this,
            [this](const protocol::MediaFrame& frame) {
                if (frame.kind == protocol::MediaKind::Dtmf)
                    ++m_dtmfReceived;
                else
                    m_receive.put(frame);
            });
    m_clock.setTimerType(Qt::PreciseTimer);
    m_clock.setInterval(5);
    connect(&m_clock, &QTimer::timeout, this, &VoiceLeg::tick);
}

void VoiceLeg::open(const QUrl& url)
{
    m_link.open(url);
    m_elapsed.start();
    m_ticks = 0;
    m_clock.start();
}

void VoiceLeg::pressKey(QChar key)
{
    for (const QByteArray& frame : m_send.dtmf(key))
        m_link.send(frame);
}

void VoiceLeg::tick()
{
    // Catches up frame by frame against a steady clock, as a sound card
    // would pull, rather than trusting the timer's period.
    while (m_ticks * kFrameMs <= m_elapsed.elapsed()) {
        ++m_ticks;
        AudioFrame in{};
        const bool sound = m_receive.take(in);
        if (m_echo && sound) {
            m_link.send(m_send.audio(in));
        } else if (m_frequency > 0 && !m_echo) {
            AudioFrame out{};
            const double step = 2.0 * std::numbers::pi * m_frequency / kSampleRate;
            for (std::int16_t& sample : out) {
                sample = static_cast<std::int16_t>(8000.0 * std::sin(m_phase));
                m_phase = std::fmod(m_phase + step, 2.0 * std::numbers::pi);
            }
            m_link.send(m_send.audio(out));
        } else {
            m_send.skip();
        }
        m_played.push_back(in);
        if (m_played.size() > kHistoryFrames)
            m_played.pop_front();
        if (m_recordingOn)
            m_recording.insert(m_recording.end(), in.begin(), in.end());
    }
}

void VoiceLeg::startRecording()
{
    m_recording.clear();
    m_recordingOn = true;
}

std::vector<std::int16_t> VoiceLeg::lastPlayed(int ms) const
{
    const auto frames = std::min<std::size_t>(m_played.size(), std::size_t(ms / kFrameMs));
    std::vector<std::int16_t> samples;
    samples.reserve(frames * kFrameSamples);
    for (auto it = m_played.end() - std::ptrdiff_t(frames); it != m_played.end(); ++it)
        samples.insert(samples.end(), it->begin(), it->end());
    return samples;
}

double VoiceLeg::heard(double frequency, int ms) const
{
    const std::vector<std::int16_t> samples = lastPlayed(ms);
    return samples.empty() ? 0.0 : tonePower(samples, frequency);
}

double VoiceLeg::levelDbfs(int ms) const
{
    const std::vector<std::int16_t> samples = lastPlayed(ms);
    return samples.empty() ? -96.0 : rmsDbfs(samples);
}

bool VoiceLeg::waitToHear(double frequency, double power, int timeoutMs)
{
    return QTest::qWaitFor([&] { return heard(frequency, 200) >= power; }, timeoutMs);
}

bool VoiceLeg::waitForQuiet(double dbfs, int ms, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] { return m_played.size() * kFrameMs >= std::size_t(ms) && levelDbfs(ms) < dbfs; },
        timeoutMs);
}

bool VoiceLeg::waitForSound(double dbfs, int ms, int timeoutMs)
{
    return QTest::qWaitFor([&] { return levelDbfs(ms) > dbfs; }, timeoutMs);
}

} // namespace qidong::test
