#include "auth/LoginThrottle.h"

#include <QtTest/QTest>

using namespace qidong::hub;

namespace {

const QString kPeer = QStringLiteral("192.0.2.10");
const QString kUser = QStringLiteral("li.na");

void fail(LoginThrottle& throttle, const QString& user, const QString& peer, qint64 now)
{
    QVERIFY(!throttle.retryAfterMs(user, peer, now).has_value());
    throttle.recordAttempt(user, peer, now);
}

} // namespace

class tst_LoginThrottle final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void locksAfterTheLimit();
    void lockoutDoublesAndIsCapped();
    void successClearsTheUser();
    void usernamesAreCaseInsensitive();
    void addressLimitCoversManyUsernames();
    void oldFailuresAgeOut();
};

void tst_LoginThrottle::locksAfterTheLimit()
{
    LoginThrottle throttle;
    for (int i = 0; i < 4; ++i)
        fail(throttle, kUser, kPeer, 1000 + i);
    QVERIFY(!throttle.retryAfterMs(kUser, kPeer, 1010).has_value());
    throttle.recordAttempt(kUser, kPeer, 1010); // the fifth
    const std::optional<qint64> wait = throttle.retryAfterMs(kUser, kPeer, 1010);
    QVERIFY(wait.has_value());
    QCOMPARE(*wait, 30000);
    QCOMPARE(*throttle.retryAfterMs(kUser, kPeer, 21010), 10000);
    QVERIFY(!throttle.retryAfterMs(kUser, kPeer, 31010).has_value());
    // Other people are not affected.
    QVERIFY(!throttle.retryAfterMs(QStringLiteral("wang.wei"), QStringLiteral("192.0.2.11"), 1010));
}

void tst_LoginThrottle::lockoutDoublesAndIsCapped()
{
    LoginThrottle throttle;
    qint64 now = 0;
    for (int i = 0; i < 5; ++i)
        throttle.recordAttempt(kUser, kPeer, ++now);
    QCOMPARE(*throttle.retryAfterMs(kUser, kPeer, now), 30000);
    now += 30000;
    throttle.recordAttempt(kUser, kPeer, now);
    QCOMPARE(*throttle.retryAfterMs(kUser, kPeer, now), 60000);
    // Guessing again each time the lockout ends keeps doubling it, up to the cap.
    for (int i = 0; i < 30; ++i) {
        now += *throttle.retryAfterMs(kUser, kPeer, now);
        throttle.recordAttempt(kUser, kPeer, now);
    }
    QCOMPARE(*throttle.retryAfterMs(kUser, kPeer, now), 15 * 60 * 1000);
}

void tst_LoginThrottle::successClearsTheUser()
{
    LoginThrottle throttle;
    for (int i = 0; i < 4; ++i)
        fail(throttle, kUser, kPeer, i);
    throttle.recordAttempt(kUser, kPeer, 10); // correct password this time...
    throttle.recordSuccess(kUser, kPeer);     // ...and verified
    QVERIFY(!throttle.retryAfterMs(kUser, kPeer, 11).has_value());
    for (int i = 0; i < 4; ++i)
        fail(throttle, kUser, kPeer, 20 + i);
    QVERIFY(!throttle.retryAfterMs(kUser, kPeer, 30).has_value());
}

void tst_LoginThrottle::usernamesAreCaseInsensitive()
{
    LoginThrottle throttle;
    const QStringList spellings{QStringLiteral("li.na"), QStringLiteral("LI.NA"),
                                QStringLiteral("Li.Na"), QStringLiteral("lI.nA"),
                                QStringLiteral("li.NA")};
    for (const QString& spelling : spellings)
        throttle.recordAttempt(spelling, kPeer, 5);
    QVERIFY(throttle.retryAfterMs(QStringLiteral("li.na"), QStringLiteral("198.51.100.1"), 6)
                .has_value());
}

void tst_LoginThrottle::addressLimitCoversManyUsernames()
{
    LoginThrottle throttle;
    for (int i = 0; i < 20; ++i)
        fail(throttle, QStringLiteral("user%1").arg(i), kPeer, 100 + i);
    // A fresh username from the same address is refused; from another, allowed.
    QVERIFY(throttle.retryAfterMs(QStringLiteral("fresh"), kPeer, 200).has_value());
    QVERIFY(!throttle.retryAfterMs(QStringLiteral("fresh"), QStringLiteral("198.51.100.1"), 200));
}

void tst_LoginThrottle::oldFailuresAgeOut()
{
    LoginThrottle throttle;
    for (int i = 0; i < 4; ++i)
        fail(throttle, kUser, kPeer, i);
    const qint64 later = 16 * 60 * 1000;
    for (int i = 0; i < 4; ++i)
        fail(throttle, kUser, kPeer, later + i);
    QVERIFY(!throttle.retryAfterMs(kUser, kPeer, later + 10).has_value());
}

QTEST_GUILESS_MAIN(tst_LoginThrottle)
#include "tst_LoginThrottle.moc"
