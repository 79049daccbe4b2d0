#include "core/connection/Backoff.h"

#include <QtTest/QTest>

using namespace qidong::core;
using namespace std::chrono_literals;

class tst_Backoff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void doublesUpToTheCap();
    void jitterSpreadsEachDelay();
    void realRandomnessStaysInBounds();
};

void tst_Backoff::doublesUpToTheCap()
{
    const Backoff backoff({500ms, 30000ms, 0.0}, [] { return 0.5; });
    QCOMPARE(backoff.delayFor(1), 500ms);
    QCOMPARE(backoff.delayFor(2), 1000ms);
    QCOMPARE(backoff.delayFor(3), 2000ms);
    QCOMPARE(backoff.delayFor(7), 30000ms);
    QCOMPARE(backoff.delayFor(1000), 30000ms);
    QCOMPARE(backoff.delayFor(0), 500ms);
}

void tst_Backoff::jitterSpreadsEachDelay()
{
    const Backoff low({1000ms, 60000ms, 0.3}, [] { return 0.0; });
    const Backoff high({1000ms, 60000ms, 0.3}, [] { return 0.999999; });
    QCOMPARE(low.delayFor(1), 700ms);
    QVERIFY(high.delayFor(1) >= 1299ms && high.delayFor(1) <= 1300ms);
    // Jitter never pushes a delay past the cap.
    const Backoff capped({1000ms, 4000ms, 0.5}, [] { return 0.999999; });
    QCOMPARE(capped.delayFor(10), 4000ms);
}

void tst_Backoff::realRandomnessStaysInBounds()
{
    const Backoff backoff({200ms, 10000ms, 0.3});
    QSet<qint64> distinct;
    for (int i = 0; i < 200; ++i) {
        const auto delay = backoff.delayFor(3); // 800 ms ± 30 %
        QVERIFY(delay >= 560ms && delay <= 1040ms);
        distinct.insert(delay.count());
    }
    QVERIFY(distinct.size() > 20); // desktops do not reconnect in lockstep
}

QTEST_GUILESS_MAIN(tst_Backoff)
#include "tst_Backoff.moc"
