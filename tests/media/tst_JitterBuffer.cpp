#include "media/JitterBuffer.h"

#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <map>
#include <random>

using qidong::media::JitterBuffer;

namespace {

// A deterministic network between a sender producing one 20 ms packet per
// frame and a receiver that takes one per 20 ms tick of its own clock.
struct Network
{
    int frames = 1500; // 30 s
    double baseDelayMs = 10;
    double jitterMs = 0;    // uniform extra delay 0..jitterMs: reorders when > 20
    double lossPercent = 0; // packets lost, in bursts of 1..maxBurst
    int maxBurst = 1;
    double senderClock = 1.0; // > 1: the sender's clock runs fast
    unsigned seed = 42;
};

struct Run
{
    int sent = 0;
    int lost = 0;
    int played = 0;
    int concealed = 0;
    int silentAfterStart = 0; // ticks with nothing at all between first and last packet
    bool inOrder = true;
    double p95DelayMs = 0;
    double maxDelayMs = 0;
    int finalBufferMs = 0;
    JitterBuffer::Stats stats;
};

Run simulate(const Network& network)
{
    std::mt19937 random(network.seed);
    std::uniform_real_distribution<double> jitter(0.0, network.jitterMs);
    std::uniform_real_distribution<double> chance(0.0, 100.0);
    std::uniform_int_distribution<int> burst(1, network.maxBurst);
    const double meanBurst = (1 + network.maxBurst) / 2.0;

    std::multimap<double, std::uint32_t> inFlight; // arrival ms -> sequence
    Run run;
    int burstLeft = 0;
    for (int i = 0; i < network.frames; ++i) {
        const double sentAt = i * 20.0 / network.senderClock;
        ++run.sent;
        if (burstLeft == 0 && chance(random) < network.lossPercent / meanBurst)
            burstLeft = burst(random);
        if (burstLeft > 0) {
            --burstLeft;
            ++run.lost;
            continue;
        }
        inFlight.emplace(sentAt + network.baseDelayMs + jitter(random),
                         static_cast<std::uint32_t>(i));
    }

    JitterBuffer buffer;
    std::vector<double> delays;
    qint64 lastPlayed = -1;
    bool started = false;
    const double end = network.frames * 20.0 / network.senderClock;
    for (double now = 0; now < end + 500; now += 20.0) {
        while (!inFlight.empty() && inFlight.begin()->first <= now) {
            const auto sequence = inFlight.begin()->second;
            QByteArray payload(4, Qt::Uninitialized);
            qToBigEndian<quint32>(sequence, payload.data());
            buffer.put(sequence, sequence * 960u, payload);
            inFlight.erase(inFlight.begin());
            started = true;
        }
        QByteArray payload;
        switch (buffer.take(payload)) {
        case JitterBuffer::Outcome::Packet: {
            const auto sequence = qFromBigEndian<quint32>(payload.constData());
            if (static_cast<qint64>(sequence) <= lastPlayed)
                run.inOrder = false;
            lastPlayed = sequence;
            ++run.played;
            delays.push_back(now - sequence * 20.0 / network.senderClock);
            break;
        }
        case JitterBuffer::Outcome::Conceal:
            ++run.concealed;
            break;
        case JitterBuffer::Outcome::Silence:
            if (started && now < end)
                ++run.silentAfterStart;
            break;
        }
        if (now + 20.0 >= end && run.finalBufferMs == 0)
            run.finalBufferMs = buffer.delayMs();
    }
    std::sort(delays.begin(), delays.end());
    if (!delays.empty()) {
        run.p95DelayMs = delays[delays.size() * 95 / 100];
        run.maxDelayMs = delays.back();
    }
    run.stats = buffer.stats();
    return run;
}

QByteArray describe(const Run& run)
{
    return QStringLiteral("sent %1 lost %2 played %3 concealed %4 silent %5 p95 %6 ms max %7 ms "
                          "final buffer %8 ms dropped %9 skipped %10")
        .arg(run.sent)
        .arg(run.lost)
        .arg(run.played)
        .arg(run.concealed)
        .arg(run.silentAfterStart)
        .arg(run.p95DelayMs)
        .arg(run.maxDelayMs)
        .arg(run.finalBufferMs)
        .arg(run.stats.dropped)
        .arg(run.stats.skipped)
        .toUtf8();
}

} // namespace

class tst_JitterBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aPlayerThatStartsLateIsCutBackToTheLiveEdge()
    {
        // Two seconds arrive before the first take (a sound device slow to
        // start, or a link that stalled and then delivered everything).
        JitterBuffer buffer;
        const QByteArray payload(40, 'x');
        std::uint32_t sequence = 0;
        for (; sequence < 100; ++sequence)
            buffer.put(sequence, sequence * 960, payload);
        QByteArray out;
        QCOMPARE(buffer.take(out), JitterBuffer::Outcome::Packet);
        QVERIFY2(buffer.delayMs() <= 60, qPrintable(QString::number(buffer.delayMs())));
        QVERIFY(buffer.stats().skipped >= 90);
        // And it carries on from there, in order, without gaps.
        for (int tick = 0; tick < 50; ++tick, ++sequence) {
            buffer.put(sequence, sequence * 960, payload);
            QCOMPARE(buffer.take(out), JitterBuffer::Outcome::Packet);
        }
        QVERIFY(buffer.delayMs() <= 60);
    }

    void aSteadyStreamPlaysEveryPacketWithLittleDelay()
    {
        const auto run = simulate({});
        qInfo("%s", describe(run).constData());
        QVERIFY(run.inOrder);
        QVERIFY(run.played >= run.sent - 2);
        QCOMPARE(run.silentAfterStart, 0);
        QVERIFY(run.p95DelayMs <= 60);
    }

    void reorderingFrom60MsJitterIsUndone()
    {
        const auto run = simulate({.jitterMs = 60});
        qInfo("%s", describe(run).constData());
        QVERIFY2(run.inOrder, "packets play in sequence order");
        QVERIFY2(run.played >= run.sent * 96 / 100, describe(run));
        QCOMPARE(run.silentAfterStart, 0);
        // Bounded: the buffer holds about the jitter, not more.
        QVERIFY2(run.p95DelayMs <= 10 + 60 + 60, describe(run));
        QVERIFY2(run.maxDelayMs <= 250, describe(run));
    }

    void burstyLossIsConcealedAndOutputStaysContinuous()
    {
        const auto run = simulate({.jitterMs = 60, .lossPercent = 5, .maxBurst = 3});
        qInfo("%s", describe(run).constData());
        QVERIFY(run.lost > run.sent * 3 / 100);
        QVERIFY(run.inOrder);
        // Every tick between the first and last packet plays audio or
        // concealment: no gaps beyond concealment.
        QCOMPARE(run.silentAfterStart, 0);
        QVERIFY2(run.played + run.concealed >= run.sent - 25, describe(run));
        QVERIFY2(run.played >= (run.sent - run.lost) * 95 / 100, describe(run));
        QVERIFY2(run.p95DelayMs <= 150, describe(run));
    }

    void aFastSenderClockDoesNotGrowTheDelay()
    {
        // 1 % fast over 60 s: 600 ms of surplus audio the buffer must shed.
        const auto run = simulate({.frames = 3000, .jitterMs = 30, .senderClock = 1.01});
        qInfo("%s", describe(run).constData());
        QVERIFY(run.inOrder);
        QVERIFY2(run.maxDelayMs <= 200, describe(run));
        QVERIFY2(run.finalBufferMs <= 150, describe(run));
        QCOMPARE(run.silentAfterStart, 0);
    }

    void aSlowSenderClockIsStretchedByConcealment()
    {
        const auto run = simulate({.frames = 3000, .jitterMs = 30, .senderClock = 0.99});
        qInfo("%s", describe(run).constData());
        QVERIFY(run.inOrder);
        QVERIFY2(run.played >= run.sent * 98 / 100, describe(run));
        QVERIFY2(run.maxDelayMs <= 200, describe(run));
        QCOMPARE(run.silentAfterStart, 0);
    }

    void duplicatesAndGarbageAreHarmless()
    {
        JitterBuffer buffer;
        const QByteArray payload("abc");
        buffer.put(1, 960, payload);
        buffer.put(1, 960, payload);
        buffer.put(2, 1920, QByteArray());          // empty: ignored
        buffer.put(3, 2880, QByteArray(5000, 'x')); // oversized: ignored
        int packets = 0;
        for (int i = 0; i < 10; ++i) {
            QByteArray out;
            if (buffer.take(out) == JitterBuffer::Outcome::Packet) {
                QCOMPARE(out, payload);
                ++packets;
            }
        }
        QCOMPARE(packets, 1);
    }
};

QTEST_GUILESS_MAIN(tst_JitterBuffer)
#include "tst_JitterBuffer.moc"
