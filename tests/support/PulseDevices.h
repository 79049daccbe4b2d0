#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <cstdint>
#include <functional>
#include <span>

namespace qidong::test {

inline qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// A PulseAudio module loaded for one test and unloaded after (or earlier:
// that is how a headset gets unplugged). Needs the PulseAudio tools/test
// starts (PULSE_SERVER).
class PulseModule final
{
public:
    PulseModule(const QString& name, const QStringList& arguments);
    ~PulseModule();
    PulseModule(const PulseModule&) = delete;
    PulseModule& operator=(const PulseModule&) = delete;

    bool isLoaded() const { return !m_index.isEmpty(); }
    void unload();

private:
    QString m_index;
};

// Plays generated 48 kHz mono samples into a sink at real time through
// pacat, a little ahead of the clock: a person talking into a microphone
// that records the sink's monitor.
class PcmFeeder final : public QObject
{
    Q_OBJECT

public:
    // `sample(n)`: the n-th sample since the start.
    PcmFeeder(const QString& sink, std::function<std::int16_t(std::int64_t)> sample);
    ~PcmFeeder() override;
    // A steady tone at -12 dBFS; 0 Hz is silence.
    static std::function<std::int16_t(std::int64_t)> tone(const double& frequency);
    // Milliseconds since the first sample was handed to pacat.
    qint64 elapsedMs() const { return m_elapsed.elapsed(); }
    // When the first sample was handed over, on the steady clock (ns), the
    // clock PcmRecorder's chunk times use.
    qint64 startedNs() const { return m_startedNs; }
    std::int64_t samplesWritten() const { return m_written; }

private:
    void feed();

    QProcess m_pacat;
    QTimer m_timer;
    QElapsedTimer m_elapsed;
    std::function<std::int16_t(std::int64_t)> m_sample;
    std::int64_t m_written = 0;
    qint64 m_startedNs = 0;
};

// Records what a sink plays (from its monitor) or a source captures,
// keeping the last two seconds, and hands each chunk to an observer with
// the time it arrived (steadyNowNs()).
class PcmRecorder final : public QObject
{
    Q_OBJECT

public:
    // `device`: a source name, e.g. "qidong_speaker.monitor".
    explicit PcmRecorder(const QString& device);
    ~PcmRecorder() override;

    // Goertzel power of `frequency` over the last `ms` recorded.
    double heard(double frequency, int ms = 200) const;
    bool waitToHear(double frequency, double power = 0.01, int timeoutMs = 5000);
    void onChunk(std::function<void(std::span<const std::int16_t>, qint64 arrivedNs)> observer)
    {
        m_observer = std::move(observer);
    }

private:
    QProcess m_parec;
    QByteArray m_bytes;
    std::function<void(std::span<const std::int16_t>, qint64)> m_observer;
};

} // namespace qidong::test
