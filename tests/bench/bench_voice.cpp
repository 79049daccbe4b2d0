// Voice figures for docs/benchmarks.md (issue 5), run by tools/bench:
//   bench_voice --desktop  mouth-to-ear latency through real PulseAudio
//                          devices, the desktop's VoiceEngine, a real hub
//                          and back; the audio thread's CPU per call
//   bench_voice --hub      the hub's media thread with N concurrent calls
//                          (forwarded two-party, and mixed three-party)
#include "BenchFigures.h"
#include "HubProcess.h"
#include "PulseDevices.h"
#include "TestClient.h"
#include "VoiceLeg.h"
#include "core/voice/VoiceEngine.h"
#include "media/MediaEngine.h"
#include "media/Tones.h"
#include "media/VoiceCodec.h"
#include "protocol/Call.h"
#include "protocol/MediaFrame.h"
#include "protocol/Names.h"

#include <QCoreApplication>
#include <QDir>
#include <QMediaDevices>
#include <QTemporaryDir>
#include <QThread>
#include <QWebSocket>
#include <QtTest/QTest>

#include <cmath>
#include <cstdio>
#include <numbers>
#include <unistd.h>

using namespace qidong;
using namespace qidong::protocol;
using namespace qidong::test;

namespace {

// CPU seconds (user + system) of this process's threads whose name starts
// with `name` (the hub's media threads are qidong-media-1, -2, …).
double threadCpuSeconds(const QByteArray& name)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    double seconds = 0;
    bool found = false;
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly) || !comm.readAll().trimmed().startsWith(name))
            continue;
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        // Fields 14 and 15 of stat (utime, stime), counted after the name.
        seconds +=
            (fields.at(11).toDouble() + fields.at(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
        found = true;
    }
    return found ? seconds : -1;
}

double processCpuSeconds()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
}

void row(const char* measure, const QString& figure, const char* target = "")
{
    std::printf("| %s | %s | %s |\n", measure, qPrintable(figure), target);
    std::fflush(stdout);
}

// ---- desktop: latency and CPU --------------------------------------------

constexpr std::int64_t kClickEvery = 48000; // one a second
constexpr std::int64_t kClickAt = 24000;    // half a second into each
constexpr int kClickSamples = 240;          // 5 ms

std::int16_t click(std::int64_t n)
{
    const std::int64_t at = n % kClickEvery - kClickAt;
    if (at < 0 || at >= kClickSamples)
        return 0;
    const double window = std::sin(std::numbers::pi * double(at) / kClickSamples);
    return static_cast<std::int16_t>(
        16000.0 * window * std::sin(2.0 * std::numbers::pi * 1500.0 * double(at) / 48000.0));
}

// Onsets in a recorded stream: the first loud sample after 300 ms of quiet,
// as the time it was recorded (arrival time minus what followed it).
class OnsetDetector
{
public:
    void feed(std::span<const std::int16_t> chunk, qint64 arrivedNs)
    {
        for (std::size_t i = 0; i < chunk.size(); ++i) {
            if (std::abs(int(chunk[i])) > 3000) {
                if (m_quiet >= 14400)
                    onsets.push_back(arrivedNs - qint64(chunk.size() - i) * 1'000'000'000 / 48000);
                m_quiet = 0;
            } else {
                ++m_quiet;
            }
        }
    }
    std::vector<qint64> onsets;

private:
    std::int64_t m_quiet = 0;
};

int desktop(bool processing)
{
    if (qEnvironmentVariableIsEmpty("PULSE_SERVER")) {
        std::fprintf(stderr, "bench_voice --desktop needs PulseAudio (tools/bench starts one)\n");
        return 1;
    }
    const QString suffix = QString::number(QCoreApplication::applicationPid());
    const QString line = QStringLiteral("bench_line_") + suffix;
    const QString ear = QStringLiteral("bench_ear_") + suffix;
    PulseModule lineSink(QStringLiteral("module-null-sink"), {QStringLiteral("sink_name=") + line});
    PulseModule mic(QStringLiteral("module-remap-source"),
                    {QStringLiteral("master=") + line + QStringLiteral(".monitor"),
                     QStringLiteral("source_name=bench_mic_") + suffix,
                     QStringLiteral("channels=1")});
    PulseModule earSink(QStringLiteral("module-null-sink"), {QStringLiteral("sink_name=") + ear});
    QTest::qWait(500);

    HubProcess hub;
    if (!hub.start())
        return 1;
    TestClient customer(hub.customerSocketUrl());
    TestClient agent(hub.url());
    if (!customer.open() || !agent.signIn(QStringLiteral("li.na")))
        return 1;
    const Response started = customer.call(method::CustomerStart,
                                           {{QStringLiteral("name"), QStringLiteral("Bench")},
                                            {QStringLiteral("channel"), QStringLiteral("voice")}});
    const QString callId = started.result.value(QLatin1StringView("conversationId")).toString();
    VoiceLeg reflector(1);
    reflector.setEcho(true);
    reflector.open(
        MediaTicket::fromJson(started.result.value(QLatin1StringView("media")).toObject())
            .value()
            .socketUrl());
    agent.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson());
    agent.waitForEvent(QString(event::InteractionOffered));
    agent.call(method::InteractionAccept, InteractionRef{callId}.toJson());
    const Response media = agent.call(method::CallMedia, CallMediaParams{callId}.toJson());

    core::VoiceEngine engine;
    if (!processing)
        engine.setProcessing({false, false, false});
    engine.setDevices((QStringLiteral("bench_mic_") + suffix).toUtf8(), ear.toUtf8());
    OnsetDetector detector;
    PcmRecorder heard(ear + QStringLiteral(".monitor"));
    heard.onChunk(
        [&](std::span<const std::int16_t> chunk, qint64 at) { detector.feed(chunk, at); });
    engine.startCall(MediaTicket::fromJson(media.result).value().socketUrl());
    if (!QTest::qWaitFor([&] { return engine.isLinked(); }, 5000)) {
        std::fprintf(stderr, "the desktop's media link did not come up\n");
        return 1;
    }
    QTest::qWait(1000);
    // Both ends are read the same way (parec at 10 ms), so the difference
    // is what the desktop, the network, the hub and the far leg add: from
    // the microphone device producing the click to the speaker device
    // playing it back. The player feeding the microphone is not counted.
    OnsetDetector atMic;
    PcmRecorder micTap(QStringLiteral("bench_mic_") + suffix);
    micTap.onChunk([&](std::span<const std::int16_t> chunk, qint64 at) { atMic.feed(chunk, at); });
    PcmFeeder feeder(line, click);
    const double cpuBefore = threadCpuSeconds("qidong-audio");
    const double processBefore = processCpuSeconds();
    QElapsedTimer measured;
    measured.start();
    QTest::qWait(20500);
    const double seconds = double(measured.elapsed()) / 1000.0;
    const double audioCpu = (threadCpuSeconds("qidong-audio") - cpuBefore) / seconds * 100.0;
    const double processCpu = (processCpuSeconds() - processBefore) / seconds * 100.0;
    std::vector<double> roundTrips;
    for (const qint64 heardAt : detector.onsets) {
        // The click it echoes: the latest one the microphone produced before.
        qint64 saidAt = -1;
        for (const qint64 micAt : atMic.onsets)
            if (micAt < heardAt)
                saidAt = micAt;
        if (saidAt >= 0 && heardAt - saidAt < 900'000'000)
            roundTrips.push_back(double(heardAt - saidAt) / 1e6);
    }
    const auto stats = engine.stats();
    engine.endCall();

    std::printf("| measure | figure | target |\n|---|---|---|\n");
    row("round trip, agent microphone → hub → customer leg → hub → agent speaker, p50 / p95",
        QStringLiteral("%1 / %2 ms (%3 clicks of %4)")
            .arg(bench::percentile(roundTrips, 0.5), 0, 'f', 0)
            .arg(bench::percentile(roundTrips, 0.95), 0, 'f', 0)
            .arg(roundTrips.size())
            .arg(20));
    row("one way (half the round trip), p50 / p95",
        QStringLiteral("%1 / %2 ms")
            .arg(bench::percentile(roundTrips, 0.5) / 2, 0, 'f', 0)
            .arg(bench::percentile(roundTrips, 0.95) / 2, 0, 'f', 0),
        "≤ 80 ms");
    row(processing ? "desktop audio thread CPU during a call (capture, AEC/NS/AGC, Opus, playout)"
                   : "desktop audio thread CPU during a call, voice processing off",
        QStringLiteral("%1 % of one core").arg(audioCpu, 0, 'f', 2), "≤ 3 %");
    row("(whole benchmark process, incl. the customer leg, recorders, hub clients)",
        QStringLiteral("%1 % of one core").arg(processCpu, 0, 'f', 1));
    row("desktop jitter buffer / output buffer / underruns at the end",
        QStringLiteral("%1 ms / %2 ms / %3")
            .arg(stats.jitterMs)
            .arg(stats.outputBufferMs)
            .arg(stats.underruns));
    return 0;
}

// ---- hub: concurrent calls -------------------------------------------------

// Every leg of every call, each a real WebSocket sending one Opus frame per
// 20 ms (encoded once, restamped per leg) and counting what comes back.
class LegSwarm : public QObject
{
public:
    explicit LegSwarm(const QByteArray& opus)
        : m_opus(opus)
    {
        m_clock.setTimerType(Qt::PreciseTimer);
        m_clock.setInterval(5);
        connect(&m_clock, &QTimer::timeout, this, [this] { tick(); });
    }
    void add(const QUrl& url)
    {
        auto socket = std::make_unique<QWebSocket>();
        QWebSocket* raw = socket.get();
        const std::size_t index = m_legs.size();
        connect(raw, &QWebSocket::binaryMessageReceived, this,
                [this, index](const QByteArray&) { ++m_legs[index].received; });
        connect(raw, &QWebSocket::connected, this, [this] { ++m_connected; });
        raw->open(url);
        m_legs.push_back(Leg{std::move(socket), 0, std::uint32_t(index + 1)});
    }
    bool waitConnected(int timeoutMs)
    {
        return QTest::qWaitFor([&] { return m_connected == m_legs.size(); }, timeoutMs);
    }
    void start()
    {
        m_elapsed.start();
        m_ticks = 0;
        m_clock.start();
    }
    void stop() { m_clock.stop(); }
    std::uint64_t received() const
    {
        std::uint64_t total = 0;
        for (const Leg& leg : m_legs)
            total += leg.received;
        return total;
    }
    std::uint64_t sent() const { return m_sent; }
    std::size_t size() const { return m_legs.size(); }

private:
    struct Leg
    {
        std::unique_ptr<QWebSocket> socket;
        std::uint64_t received = 0;
        std::uint32_t stream = 0;
    };
    void tick()
    {
        while (m_ticks * 20 <= m_elapsed.elapsed()) {
            for (Leg& leg : m_legs) {
                MediaFrame frame;
                frame.kind = MediaKind::Opus;
                frame.stream = leg.stream;
                frame.sequence = std::uint32_t(m_ticks);
                frame.timestamp = std::uint32_t(m_ticks * 960);
                frame.payload = m_opus;
                leg.socket->sendBinaryMessage(frame.encode());
                ++m_sent;
            }
            ++m_ticks;
        }
    }

    QByteArray m_opus;
    std::vector<Leg> m_legs;
    QTimer m_clock;
    QElapsedTimer m_elapsed;
    std::int64_t m_ticks = 0;
    std::uint64_t m_sent = 0;
    std::size_t m_connected = 0;
};

struct HubRun
{
    double mediaCpu = 0;  // % of one core
    double delivered = 0; // received / expected, %
};

HubRun runCalls(int calls, int partiesPerCall, const QByteArray& opus,
                const QString& recordingsDir = {}, int threads = 1)
{
    hub::MediaEngine engine(threads);
    HubRun run;
    if (!engine.start(QHostAddress::LocalHost, 0, std::nullopt))
        return run;
    LegSwarm swarm(opus);
    static const QStringList parties{QStringLiteral("customer"), QStringLiteral("agent"),
                                     QStringLiteral("consult")};
    for (int call = 0; call < calls; ++call) {
        const QString id = QStringLiteral("bench-%1").arg(call);
        for (int p = 0; p < partiesPerCall; ++p)
            engine.addParty(id, parties.at(p), hub::Listen::Mix, true);
        for (int p = 0; p < partiesPerCall; ++p)
            swarm.add(engine.issue(id, parties.at(p)).socketUrl());
        if (!recordingsDir.isEmpty())
            engine.startRecording(id, recordingsDir + u'/' + id + QStringLiteral(".opus"));
    }
    if (!swarm.waitConnected(30000))
        return run;
    swarm.start();
    QTest::qWait(2000); // settle
    const double cpuBefore = threadCpuSeconds("qidong-media");
    const std::uint64_t receivedBefore = swarm.received();
    QElapsedTimer measured;
    measured.start();
    QTest::qWait(10000);
    const double seconds = double(measured.elapsed()) / 1000.0;
    run.mediaCpu = (threadCpuSeconds("qidong-media") - cpuBefore) / seconds * 100.0;
    const double expected = double(swarm.size()) * 50.0 * seconds;
    run.delivered = double(swarm.received() - receivedBefore) / expected * 100.0;
    swarm.stop();
    return run;
}

int hubCalls()
{
    media::VoiceEncoder encoder;
    media::AudioFrame frame{};
    media::ToneGenerator(440.0).fill(frame);
    const QByteArray opus = encoder.encode(frame);

    std::printf("| measure | figure | target |\n|---|---|---|\n");
    for (const int calls : {100, 300}) {
        const HubRun run = runCalls(calls, 2, opus);
        row(qPrintable(QStringLiteral("%1 two-party calls (forwarded): media thread CPU, frames "
                                      "delivered")
                           .arg(calls)),
            QStringLiteral("%1 % of one core, %2 %")
                .arg(run.mediaCpu, 0, 'f', 1)
                .arg(run.delivered, 0, 'f', 1),
            calls == 300 ? "≥ 300 calls on 2 cores" : "");
    }
    // As qidong-hub runs them: every answered call recorded (each talker
    // decoded, the sum encoded into the call's Ogg Opus file).
    QTemporaryDir recordings;
    for (const int calls : {100, 300}) {
        const HubRun run = runCalls(calls, 2, opus, recordings.path());
        row(qPrintable(QStringLiteral("%1 two-party calls forwarded and recorded: media thread "
                                      "CPU, frames delivered")
                           .arg(calls)),
            QStringLiteral("%1 % of one core, %2 %")
                .arg(run.mediaCpu, 0, 'f', 1)
                .arg(run.delivered, 0, 'f', 1),
            calls == 300 ? "≥ 300 calls on 2 cores" : "");
    }
    for (const int calls : {20, 60}) {
        const HubRun run = runCalls(calls, 3, opus);
        row(qPrintable(QStringLiteral("%1 three-party calls (mixed: decode, sum, encode per "
                                      "listener): media thread CPU, frames delivered")
                           .arg(calls)),
            QStringLiteral("%1 % of one core, %2 %")
                .arg(run.mediaCpu, 0, 'f', 1)
                .arg(run.delivered, 0, 'f', 1));
    }
    // As qidong-hub runs on this machine: one media thread per core, the
    // calls spread over them (the legs' own sending shares the cores).
    const int cores = QThread::idealThreadCount();
    for (const int calls : {60, 100}) {
        const HubRun run = runCalls(calls, 3, opus, {}, cores);
        row(qPrintable(QStringLiteral("%1 three-party calls mixed on %2 media threads: their "
                                      "CPU (sum), frames delivered")
                           .arg(calls)
                           .arg(cores)),
            QStringLiteral("%1 % of one core, %2 %")
                .arg(run.mediaCpu, 0, 'f', 1)
                .arg(run.delivered, 0, 'f', 1));
    }
    {
        const HubRun run = runCalls(300, 2, opus, recordings.path(), cores);
        row(qPrintable(QStringLiteral("300 two-party calls forwarded and recorded on %1 media "
                                      "threads: their CPU (sum), frames delivered")
                           .arg(cores)),
            QStringLiteral("%1 % of one core, %2 %")
                .arg(run.mediaCpu, 0, 'f', 1)
                .arg(run.delivered, 0, 'f', 1),
            "≥ 300 calls on 2 cores");
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains(QStringLiteral("--hub")))
        return hubCalls();
    if (args.contains(QStringLiteral("--desktop")))
        return desktop(!args.contains(QStringLiteral("--no-processing")));
    std::fprintf(stderr, "usage: bench_voice --desktop [--no-processing] | --hub\n");
    return 2;
}
