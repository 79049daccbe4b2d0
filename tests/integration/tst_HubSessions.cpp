#include "HubProcess.h"
#include "TestClient.h"
#include "protocol/CloseCode.h"
#include "protocol/Names.h"

#include <QtTest/QTest>

using namespace qidong::protocol;
using namespace qidong::test;

namespace {

QJsonObject ready()
{
    return SetStateParams{Presence::Ready, {}}.toJson();
}
QJsonObject notReady(const char* reason)
{
    return SetStateParams{Presence::NotReady, QString::fromLatin1(reason)}.toJson();
}

std::optional<StateChangedEvent> stateChange(const Event& event)
{
    if (event.name != event::AgentStateChanged)
        return std::nullopt;
    Result<StateChangedEvent> decoded = StateChangedEvent::fromJson(event.data);
    if (!decoded)
        return std::nullopt;
    return decoded.value();
}

// Sets the agent Ready and waits until they and the supervisor have seen it.
bool readyWatchedBy(TestClient& agent, TestClient& supervisor)
{
    const qsizetype agentSeen = agent.events().size();
    const qsizetype supervisorSeen = supervisor.events().size();
    const QString name(event::AgentStateChanged);
    return outcomeOf(agent.call(method::AgentSetState, ready())) == QStringLiteral("ok") &&
           agent.waitForEvent(name, 10000, agentSeen).has_value() &&
           supervisor.waitForEvent(name, 10000, supervisorSeen).has_value();
}

// Reconnects a client that lost its link and resumes its session.
Response resume(TestClient& client, const QString& token, qint64 lastSeq)
{
    if (!client.open() || !client.hello())
        return makeErrorResponse(0, makeError(ErrorCode::Timeout, QStringLiteral("no hub")));
    return client.call(method::SessionResume, ResumeParams{token, lastSeq}.toJson());
}

} // namespace

// Agent state, event fan-out, resume/replay/resync, heartbeat and the
// disconnect grace period, against a real hub.
class tst_HubSessions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stateChangesReachTheAgentAndSupervisors();
    void invalidStateRequestsAreRefused();
    void resumeReplaysExactlyTheMissedEvents();
    void resumeAfterTheBufferGetsResync();
    void resumeWithUnknownTokenIsRefused();
    void resumeOnANewConnectionReplacesTheStaleOne();
    void vanishedAgentGoesOfflineAfterGrace();
    void agentWhoReturnsInTimeKeepsTheirState();
    void silentClientIsClosedAfterTwoMissedHeartbeats();
    void pingingClientStaysConnected();
};

void tst_HubSessions::stateChangesReachTheAgentAndSupervisors()
{
    HubProcess hub;
    QVERIFY(hub.start());
    TestClient supervisor(hub.url());
    QVERIFY(supervisor.signIn(QStringLiteral("zhou.hui")).has_value());
    TestClient agent(hub.url());
    const std::optional<SessionGrant> grant = agent.signIn(QStringLiteral("li.na"));
    QVERIFY(grant.has_value());
    TestClient peer(hub.url());
    QVERIFY(peer.signIn(QStringLiteral("wang.wei")).has_value());

    const Response answer = agent.call(method::AgentSetState, notReady("lunch"));
    QCOMPARE(outcomeOf(answer), QStringLiteral("ok"));
    Result<SetStateResult> result = SetStateResult::fromJson(answer.result);
    QVERIFY(result.ok());
    QCOMPARE(result.value().state.presence, Presence::NotReady);
    QCOMPARE(result.value().state.reasonCode, QStringLiteral("lunch"));
    QVERIFY(!result.value().queued);

    for (TestClient* receiver : {&supervisor, &agent}) {
        const std::optional<Event> event =
            receiver->waitForEvent(QString(event::AgentStateChanged));
        QVERIFY(event.has_value());
        QVERIFY(event->seq.has_value());
        const std::optional<StateChangedEvent> change = stateChange(*event);
        QVERIFY(change.has_value());
        QCOMPARE(change->agentId, grant->snapshot.agent.id);
        QCOMPARE(change->state.presence, Presence::NotReady);
        QCOMPARE(change->state.reasonCode, QStringLiteral("lunch"));
        QCOMPARE(change->cause, QStringLiteral("agent"));
    }
    // Another agent does not watch the floor.
    QTest::qWait(200);
    QVERIFY(peer.events().isEmpty());

    // Asking for the same state again changes nothing and announces nothing.
    const qsizetype seen = supervisor.events().size();
    QCOMPARE(outcomeOf(agent.call(method::AgentSetState, notReady("lunch"))), QStringLiteral("ok"));
    QTest::qWait(200);
    QCOMPARE(supervisor.events().size(), seen);
}

void tst_HubSessions::invalidStateRequestsAreRefused()
{
    HubProcess hub;
    QVERIFY(hub.start());
    TestClient agent(hub.url());
    QVERIFY(agent.signIn(QStringLiteral("li.na")).has_value());
    QCOMPARE(outcomeOf(agent.call(method::AgentSetState, notReady("nap"))),
             QStringLiteral("invalid_params"));
    QCOMPARE(outcomeOf(agent.call(method::AgentSetState, notReady("resolved"))),
             QStringLiteral("invalid_params")); // a wrap-up code, not a Not-Ready reason
    QCOMPARE(outcomeOf(agent.call(method::AgentSetState, QJsonObject{{QStringLiteral("presence"),
                                                                      QStringLiteral("busy")}})),
             QStringLiteral("invalid_transition"));
    QCOMPARE(outcomeOf(agent.call(method::AgentSetState, QJsonObject{{QStringLiteral("presence"),
                                                                      QStringLiteral("asleep")}})),
             QStringLiteral("invalid_params"));
    QTest::qWait(100);
    QVERIFY(agent.events().isEmpty());
}

void tst_HubSessions::resumeReplaysExactlyTheMissedEvents()
{
    HubProcess hub;
    QVERIFY(hub.start());
    TestClient supervisor(hub.url());
    const std::optional<SessionGrant> grant = supervisor.signIn(QStringLiteral("zhou.hui"));
    QVERIFY(grant.has_value());
    TestClient agent(hub.url());
    QVERIFY(agent.signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(readyWatchedBy(agent, supervisor));
    const qint64 lastSeen = supervisor.lastSeq();
    QVERIFY(lastSeen > 0);

    supervisor.drop(); // the supervisor's laptop loses the network
    QTest::qWait(100);
    const QList<QJsonObject> changes{notReady("break"), ready(), notReady("meeting")};
    for (const QJsonObject& change : changes)
        QCOMPARE(outcomeOf(agent.call(method::AgentSetState, change)), QStringLiteral("ok"));

    supervisor.clearEvents();
    const Response resumed = resume(supervisor, grant->sessionToken, lastSeen);
    QCOMPARE(outcomeOf(resumed), QStringLiteral("ok"));
    Result<ResumeResult> result = ResumeResult::fromJson(resumed.result);
    QVERIFY(result.ok());
    QCOMPARE(result.value().mode, ResumeResult::Mode::Replay);
    QCOMPARE(result.value().replayed, 3);
    QCOMPARE(result.value().seq, lastSeen + 3);

    QTRY_COMPARE(supervisor.events().size(), 3);
    const QList<Presence> expected{Presence::NotReady, Presence::Ready, Presence::NotReady};
    for (qsizetype i = 0; i < 3; ++i) {
        const Event& event = supervisor.events().at(i);
        QCOMPARE(*event.seq, lastSeen + 1 + i);
        QCOMPARE(stateChange(event)->state.presence, expected.at(i));
    }
    QCOMPARE(stateChange(supervisor.events().at(2))->state.reasonCode, QStringLiteral("meeting"));

    // Live events continue after the replay, numbered on.
    QCOMPARE(outcomeOf(agent.call(method::AgentSetState, ready())), QStringLiteral("ok"));
    QTRY_COMPARE(supervisor.events().size(), 4);
    QCOMPARE(*supervisor.events().at(3).seq, lastSeen + 4);
}

void tst_HubSessions::resumeAfterTheBufferGetsResync()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--replay-buffer"), QStringLiteral("4")}));
    TestClient supervisor(hub.url());
    const std::optional<SessionGrant> grant = supervisor.signIn(QStringLiteral("zhou.hui"));
    QVERIFY(grant.has_value());
    TestClient agent(hub.url());
    QVERIFY(agent.signIn(QStringLiteral("amy.lin")).has_value());

    const qint64 lastSeen = supervisor.lastSeq();
    supervisor.drop();
    QTest::qWait(100);
    const QList<QJsonObject> changes{ready(),           notReady("break"), ready(),
                                     notReady("lunch"), ready(),           notReady("training")};
    for (const QJsonObject& change : changes)
        QCOMPARE(outcomeOf(agent.call(method::AgentSetState, change)), QStringLiteral("ok"));

    supervisor.clearEvents();
    const Response resumed = resume(supervisor, grant->sessionToken, lastSeen);
    QCOMPARE(outcomeOf(resumed), QStringLiteral("ok"));
    Result<ResumeResult> result = ResumeResult::fromJson(resumed.result);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    QCOMPARE(result.value().mode, ResumeResult::Mode::Resync);
    QCOMPARE(result.value().seq, lastSeen + 6);
    QVERIFY(result.value().snapshot.has_value());
    QTest::qWait(200);
    QVERIFY(supervisor.events().isEmpty()); // a resync replays nothing
    const std::optional<FloorAgentRow> amy = supervisor.floorAgent(QStringLiteral("amy.lin"));
    QVERIFY(amy.has_value());
    QCOMPARE(amy->state.presence, Presence::NotReady);
    QCOMPARE(amy->state.reasonCode, QStringLiteral("training"));
    QVERIFY(amy->connected);
}

void tst_HubSessions::resumeWithUnknownTokenIsRefused()
{
    HubProcess hub;
    QVERIFY(hub.start());
    TestClient client(hub.url());
    const Response answer = resume(client, QStringLiteral("not-a-token"), 0);
    QCOMPARE(outcomeOf(answer), QStringLiteral("session_invalid"));
    QVERIFY(client.isConnected());
}

void tst_HubSessions::resumeOnANewConnectionReplacesTheStaleOne()
{
    HubProcess hub;
    QVERIFY(hub.start());
    TestClient stale(hub.url());
    const std::optional<SessionGrant> grant = stale.signIn(QStringLiteral("chen.jing"));
    QVERIFY(grant.has_value());
    // The desktop decided its link was stale and reconnected, while the hub
    // still holds the old socket.
    TestClient fresh(hub.url());
    const Response resumed = resume(fresh, grant->sessionToken, grant->seq);
    QCOMPARE(outcomeOf(resumed), QStringLiteral("ok"));
    QVERIFY(stale.waitForDisconnected());
    QCOMPARE(stale.closeCode(), static_cast<int>(CloseCode::SessionReplaced));
    QCOMPARE(outcomeOf(fresh.call(method::AgentSetState, ready())), QStringLiteral("ok"));
    QVERIFY(fresh.waitForEvent(QString(event::AgentStateChanged)).has_value());
}

void tst_HubSessions::vanishedAgentGoesOfflineAfterGrace()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--disconnect-grace-ms"), QStringLiteral("800")}));
    TestClient supervisor(hub.url());
    QVERIFY(supervisor.signIn(QStringLiteral("zhou.hui")).has_value());
    TestClient agent(hub.url());
    const std::optional<SessionGrant> grant = agent.signIn(QStringLiteral("zhang.min"));
    QVERIFY(grant.has_value());
    QVERIFY(readyWatchedBy(agent, supervisor));

    const qsizetype before = supervisor.events().size();
    agent.drop();
    const std::optional<Event> offline =
        supervisor.waitForEvent(QString(event::AgentStateChanged), 10000, before);
    QVERIFY(offline.has_value());
    const std::optional<StateChangedEvent> change = stateChange(*offline);
    QCOMPARE(change->agentId, grant->snapshot.agent.id);
    QCOMPARE(change->state.presence, Presence::Offline);
    QCOMPARE(change->cause, QStringLiteral("disconnected"));
}

void tst_HubSessions::agentWhoReturnsInTimeKeepsTheirState()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--disconnect-grace-ms"), QStringLiteral("1500")}));
    TestClient supervisor(hub.url());
    QVERIFY(supervisor.signIn(QStringLiteral("zhou.hui")).has_value());
    TestClient agent(hub.url());
    const std::optional<SessionGrant> grant = agent.signIn(QStringLiteral("david.wu"));
    QVERIFY(grant.has_value());
    QVERIFY(readyWatchedBy(agent, supervisor));

    const qsizetype before = supervisor.events().size();
    const qint64 lastSeq = agent.lastSeq();
    agent.drop();
    QTest::qWait(300);
    QCOMPARE(outcomeOf(resume(agent, grant->sessionToken, lastSeq)), QStringLiteral("ok"));
    QTest::qWait(2500); // past the grace period
    QCOMPARE(supervisor.events().size(), before);
    const Response snapshot = agent.call(method::SessionSnapshot);
    QCOMPARE(snapshot.result.value(QLatin1StringView("snapshot"))
                 .toObject()
                 .value(QLatin1StringView("state"))
                 .toObject()
                 .value(QLatin1StringView("presence"))
                 .toString(),
             QStringLiteral("ready"));
}

void tst_HubSessions::silentClientIsClosedAfterTwoMissedHeartbeats()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--heartbeat-ms"), QStringLiteral("200")}));
    TestClient client(hub.url());
    QVERIFY(client.signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(client.waitForDisconnected(5000));
    QCOMPARE(client.closeCode(), static_cast<int>(CloseCode::HeartbeatTimeout));
}

void tst_HubSessions::pingingClientStaysConnected()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--heartbeat-ms"), QStringLiteral("200")}));
    TestClient client(hub.url());
    QVERIFY(client.signIn(QStringLiteral("li.na")).has_value());
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(outcomeOf(client.call(method::Ping)), QStringLiteral("ok"));
        QTest::qWait(200);
    }
    QVERIFY(client.isConnected());
}

QTEST_GUILESS_MAIN(tst_HubSessions)
#include "tst_HubSessions.moc"
