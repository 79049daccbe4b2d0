#include "PulseDevices.h"

#include "media/Tones.h"

#include <QtTest/QTest>

#include <cmath>
#include <cstring>
#include <numbers>
#include <vector>

namespace qidong::test {

namespace {

QStringList rawFormat()
{
    return {QStringLiteral("--format=s16le"), QStringLiteral("--rate=48000"),
            QStringLiteral("--channels=1"), QStringLiteral("--raw"),
            QStringLiteral("--latency-msec=10")};
}

constexpr qint64 kAheadMs = 40;

} // namespace

PulseModule::PulseModule(const QString& name, const QStringList& arguments)
{
    QProcess pactl;
    pactl.start(QStringLiteral("pactl"),
                QStringList{QStringLiteral("load-module"), name} + arguments);
    pactl.waitForFinished(10000);
    m_index = QString::fromUtf8(pactl.readAllStandardOutput()).trimmed();
}

PulseModule::~PulseModule()
{
    unload();
}

void PulseModule::unload()
{
    if (m_index.isEmpty())
        return;
    QProcess::execute(QStringLiteral("pactl"), {QStringLiteral("unload-module"), m_index});
    m_index.clear();
}

PcmFeeder::PcmFeeder(const QString& sink, std::function<std::int16_t(std::int64_t)> sample)
    : m_sample(std::move(sample))
{
    m_pacat.start(QStringLiteral("pacat"),
                  QStringList{QStringLiteral("--playback"), QStringLiteral("-d"), sink} +
                      rawFormat());
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(10);
    connect(&m_timer, &QTimer::timeout, this, &PcmFeeder::feed);
    m_pacat.waitForStarted(5000);
    m_elapsed.start();
    m_startedNs = steadyNowNs();
    feed();
    m_timer.start();
}

PcmFeeder::~PcmFeeder()
{
    m_pacat.kill();
    m_pacat.waitForFinished(5000);
}

std::function<std::int16_t(std::int64_t)> PcmFeeder::tone(const double& frequency)
{
    // By reference: the test may change the frequency while it plays.
    return [&frequency, phase = 0.0](std::int64_t) mutable {
        const double step = 2.0 * std::numbers::pi * frequency / 48000.0;
        const double value = frequency > 0 ? 8000.0 * std::sin(phase) : 0.0;
        phase = std::fmod(phase + step, 2.0 * std::numbers::pi);
        return static_cast<std::int16_t>(value);
    };
}

void PcmFeeder::feed()
{
    const std::int64_t due = (m_elapsed.elapsed() + kAheadMs) * 48;
    QByteArray bytes;
    bytes.reserve(qsizetype(std::max<std::int64_t>(0, due - m_written)) * 2);
    for (; m_written < due; ++m_written) {
        const std::int16_t sample = m_sample(m_written);
        bytes.append(reinterpret_cast<const char*>(&sample), 2);
    }
    if (!bytes.isEmpty())
        m_pacat.write(bytes);
}

PcmRecorder::PcmRecorder(const QString& device)
{
    connect(&m_parec, &QProcess::readyReadStandardOutput, this, [this] {
        const qint64 arrived = steadyNowNs();
        const qsizetype before = m_bytes.size() & ~qsizetype(1);
        m_bytes.append(m_parec.readAllStandardOutput());
        if (m_observer) {
            const qsizetype whole = m_bytes.size() & ~qsizetype(1);
            std::vector<std::int16_t> chunk(std::size_t(whole - before) / 2);
            std::memcpy(chunk.data(), m_bytes.constData() + before, chunk.size() * 2);
            m_observer(chunk, arrived);
        }
        constexpr qsizetype kKeep = 48000 * 2 * 2; // 2 s
        if (m_bytes.size() > kKeep * 2)
            m_bytes.remove(0, (m_bytes.size() - kKeep) & ~qsizetype(1));
    });
    m_parec.start(QStringLiteral("parec"), QStringList{QStringLiteral("-d"), device} + rawFormat());
}

PcmRecorder::~PcmRecorder()
{
    m_parec.kill();
    m_parec.waitForFinished(5000);
}

double PcmRecorder::heard(double frequency, int ms) const
{
    const qsizetype samples = std::min<qsizetype>(m_bytes.size() / 2, qsizetype(48) * ms);
    if (samples == 0)
        return 0;
    std::vector<std::int16_t> last(static_cast<std::size_t>(samples));
    std::memcpy(last.data(), m_bytes.constData() + (m_bytes.size() / 2 - samples) * 2,
                std::size_t(samples) * 2);
    return media::tonePower(last, frequency);
}

bool PcmRecorder::waitToHear(double frequency, double power, int timeoutMs)
{
    return QTest::qWaitFor([&] { return heard(frequency) >= power; }, timeoutMs);
}

} // namespace qidong::test
