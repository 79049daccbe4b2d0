#include "session/EventLog.h"

#include <QtTest/QTest>

using namespace qidong::hub;

class tst_EventLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbersEventsFromOne();
    void replaysWhatFollowsInOrder();
    void evictionEndsCoverage();
    void futureSeqIsNotCovered();
    void restoredLogCoversNothing();
};

void tst_EventLog::numbersEventsFromOne()
{
    EventLog log(8);
    QCOMPARE(log.lastSeq(), 0);
    QVERIFY(log.covers(0));
    QCOMPARE(*log.append(QStringLiteral("a.b"), {}).seq, 1);
    QCOMPARE(*log.append(QStringLiteral("a.b"), {}).seq, 2);
    QCOMPARE(log.lastSeq(), 2);
}

void tst_EventLog::replaysWhatFollowsInOrder()
{
    EventLog log(8);
    for (int i = 0; i < 5; ++i)
        log.append(QStringLiteral("n.e"), {{QStringLiteral("i"), i}});
    QVERIFY(log.covers(2));
    const QList<qidong::protocol::Event> missed = log.after(2);
    QCOMPARE(missed.size(), 3);
    QCOMPARE(*missed.at(0).seq, 3);
    QCOMPARE(missed.at(0).data.value(QLatin1StringView("i")).toInt(), 2);
    QCOMPARE(*missed.at(2).seq, 5);
    QVERIFY(log.after(5).isEmpty());
}

void tst_EventLog::evictionEndsCoverage()
{
    EventLog log(3);
    for (int i = 0; i < 10; ++i)
        log.append(QStringLiteral("n.e"), {});
    QCOMPARE(log.size(), 3);
    // Held: 8, 9, 10. A client at 7 misses nothing held; at 6 it missed 7.
    QVERIFY(log.covers(7));
    QVERIFY(!log.covers(6));
    QCOMPARE(log.after(7).size(), 3);
}

void tst_EventLog::futureSeqIsNotCovered()
{
    EventLog log(3);
    log.append(QStringLiteral("n.e"), {});
    QVERIFY(!log.covers(5)); // a client from another hub lifetime
}

void tst_EventLog::restoredLogCoversNothing()
{
    EventLog log(3);
    log.markRestored();
    QVERIFY(!log.covers(0));
    log.append(QStringLiteral("n.e"), {});
    QVERIFY(!log.covers(1));
}

QTEST_GUILESS_MAIN(tst_EventLog)
#include "tst_EventLog.moc"
