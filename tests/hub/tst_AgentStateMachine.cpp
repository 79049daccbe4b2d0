#include "agents/AgentStateMachine.h"

#include <QtTest/QTest>

using namespace qidong::hub;
using namespace qidong::protocol;

namespace {

AgentState state(Presence presence, const char* reason = "", qint64 since = 100)
{
    return AgentState{presence, QString::fromLatin1(reason), since, std::nullopt};
}

} // namespace

class tst_AgentStateMachine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agentChoices_data();
    void agentChoices();
    void busyQueuesTheChoice();
    void wrapUpAppliesQueuedState();
    void wrapUpWithoutQueueReturnsToReady();
    void choosingDuringWrapUpEndsItAtOnce();
    void workOnlyStartsFromReady();
    void sameStateIsNoChange();
    void goingOfflineDropsQueuedState();
};

void tst_AgentStateMachine::agentChoices_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("target");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("expectedError"); // empty: allowed

    const auto row = [](const char* name, Presence from, Presence target, const char* reason,
                        const char* error) {
        QTest::newRow(name) << static_cast<int>(from) << static_cast<int>(target)
                            << QString::fromLatin1(reason) << QString::fromLatin1(error);
    };
    row("offline to ready", Presence::Offline, Presence::Ready, "", "");
    row("offline to notReady", Presence::Offline, Presence::NotReady, "meeting", "");
    row("ready to notReady", Presence::Ready, Presence::NotReady, "break", "");
    row("notReady to ready", Presence::NotReady, Presence::Ready, "", "");
    row("notReady to other reason", Presence::NotReady, Presence::NotReady, "lunch", "");
    row("ready to offline", Presence::Ready, Presence::Offline, "", "");
    row("notReady needs reason", Presence::Ready, Presence::NotReady, "", "invalid_params");
    row("busy is the hub's", Presence::Ready, Presence::Busy, "", "invalid_transition");
    row("acw is the hub's", Presence::Ready, Presence::AfterCallWork, "", "invalid_transition");
}

void tst_AgentStateMachine::agentChoices()
{
    QFETCH(int, from);
    QFETCH(int, target);
    QFETCH(QString, reason);
    QFETCH(QString, expectedError);
    const AgentState current{
        static_cast<Presence>(from),
        static_cast<Presence>(from) == Presence::NotReady ? QStringLiteral("break") : QString(),
        100, std::nullopt};
    Result<AgentStateMachine::Outcome> outcome =
        AgentStateMachine::request(current, static_cast<Presence>(target), reason, 5000);
    if (!expectedError.isEmpty()) {
        QVERIFY(!outcome.ok());
        QCOMPARE(errorCodeName(outcome.error().code), expectedError);
        return;
    }
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.value().state.presence, static_cast<Presence>(target));
    QCOMPARE(outcome.value().state.reasonCode, reason);
    QCOMPARE(outcome.value().state.sinceMs, 5000);
    QVERIFY(!outcome.value().queued);
    QVERIFY(outcome.value().changed);
}

void tst_AgentStateMachine::busyQueuesTheChoice()
{
    const AgentState busy = state(Presence::Busy);
    Result<AgentStateMachine::Outcome> outcome =
        AgentStateMachine::request(busy, Presence::NotReady, QStringLiteral("lunch"), 9000);
    QVERIFY(outcome.ok());
    QVERIFY(outcome.value().queued);
    QVERIFY(outcome.value().changed);
    QCOMPARE(outcome.value().state.presence, Presence::Busy);
    QCOMPARE(outcome.value().state.sinceMs, 100); // still busy since it started
    QVERIFY(outcome.value().state.next.has_value());
    QCOMPARE(outcome.value().state.next->presence, Presence::NotReady);
    QCOMPARE(outcome.value().state.next->reasonCode, QStringLiteral("lunch"));

    // A later choice replaces the queued one.
    outcome = AgentStateMachine::request(outcome.value().state, Presence::Ready, {}, 9500);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.value().state.next->presence, Presence::Ready);
    QVERIFY(outcome.value().state.next->reasonCode.isEmpty());
}

void tst_AgentStateMachine::wrapUpAppliesQueuedState()
{
    AgentState busy = state(Presence::Busy);
    busy.next = AgentState::Next{Presence::NotReady, QStringLiteral("training")};
    Result<AgentStateMachine::Outcome> ended = AgentStateMachine::endWork(busy, 2000);
    QVERIFY(ended.ok());
    QCOMPARE(ended.value().state.presence, Presence::AfterCallWork);
    QCOMPARE(ended.value().state.sinceMs, 2000);
    QVERIFY(ended.value().state.next.has_value());

    Result<AgentStateMachine::Outcome> finished =
        AgentStateMachine::finishAfterCallWork(ended.value().state, 3000);
    QVERIFY(finished.ok());
    QCOMPARE(finished.value().state.presence, Presence::NotReady);
    QCOMPARE(finished.value().state.reasonCode, QStringLiteral("training"));
    QVERIFY(!finished.value().state.next.has_value());
}

void tst_AgentStateMachine::wrapUpWithoutQueueReturnsToReady()
{
    Result<AgentStateMachine::Outcome> finished =
        AgentStateMachine::finishAfterCallWork(state(Presence::AfterCallWork), 3000);
    QVERIFY(finished.ok());
    QCOMPARE(finished.value().state.presence, Presence::Ready);
}

void tst_AgentStateMachine::choosingDuringWrapUpEndsItAtOnce()
{
    AgentState wrapUp = state(Presence::AfterCallWork);
    wrapUp.next = AgentState::Next{Presence::NotReady, QStringLiteral("lunch")};
    Result<AgentStateMachine::Outcome> outcome =
        AgentStateMachine::request(wrapUp, Presence::Ready, {}, 4000);
    QVERIFY(outcome.ok());
    QVERIFY(!outcome.value().queued);
    QCOMPARE(outcome.value().state.presence, Presence::Ready);
    QVERIFY(!outcome.value().state.next.has_value());
}

void tst_AgentStateMachine::workOnlyStartsFromReady()
{
    QVERIFY(AgentStateMachine::startWork(state(Presence::Ready), 1).ok());
    QCOMPARE(AgentStateMachine::startWork(state(Presence::Ready), 1).value().state.presence,
             Presence::Busy);
    QVERIFY(!AgentStateMachine::startWork(state(Presence::NotReady, "break"), 1).ok());
    QVERIFY(!AgentStateMachine::startWork(state(Presence::Offline), 1).ok());
    QVERIFY(!AgentStateMachine::endWork(state(Presence::Ready), 1).ok());
    QVERIFY(!AgentStateMachine::finishAfterCallWork(state(Presence::Busy), 1).ok());
    // Busy agents with room take more work without a state change.
    Result<AgentStateMachine::Outcome> more =
        AgentStateMachine::startWork(state(Presence::Busy), 1);
    QVERIFY(more.ok());
    QVERIFY(!more.value().changed);
}

void tst_AgentStateMachine::sameStateIsNoChange()
{
    // Clicking Ready twice must not announce a change (no state flapping).
    Result<AgentStateMachine::Outcome> outcome =
        AgentStateMachine::request(state(Presence::Ready), Presence::Ready, {}, 9999);
    QVERIFY(outcome.ok());
    QVERIFY(!outcome.value().changed);
    QCOMPARE(outcome.value().state.sinceMs, 100);
}

void tst_AgentStateMachine::goingOfflineDropsQueuedState()
{
    AgentState busy = state(Presence::Busy);
    busy.next = AgentState::Next{Presence::Ready, {}};
    const AgentStateMachine::Outcome offline = AgentStateMachine::goOffline(busy, 7000);
    QVERIFY(offline.changed);
    QCOMPARE(offline.state.presence, Presence::Offline);
    QVERIFY(!offline.state.next.has_value());
}

QTEST_GUILESS_MAIN(tst_AgentStateMachine)
#include "tst_AgentStateMachine.moc"
