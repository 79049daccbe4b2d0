#include "FastReconnect.h"
#include "HubProcess.h"
#include "TcpRelay.h"
#include "TestClient.h"
#include "core/connection/HubConnection.h"
#include "protocol/Names.h"

#include <QSignalSpy>
#include <QtTest/QTest>

using namespace qidong::core;
using namespace qidong::protocol;
using namespace qidong::test;
using namespace std::chrono_literals;

using Health = HubConnection::Health;

Q_DECLARE_METATYPE(qidong::protocol::SessionGrant)
Q_DECLARE_METATYPE(qidong::protocol::SessionSnapshot)
Q_DECLARE_METATYPE(qidong::protocol::Event)
Q_DECLARE_METATYPE(qidong::protocol::DrainingNotice)

namespace {

const QString kPassword = QStringLiteral("qidong-demo");

int countLines(const QByteArray& log, const QByteArray& needle)
{
    return static_cast<int>(log.count(needle));
}

} // namespace

// core/HubConnection against a real hub process: sign-in, failures, crash
// and restart, draining, a frozen hub, sign-out and refresh tokens.
class tst_HubConnection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signInGoesConnected();
    void wrongPasswordIsAuthFailedWithTheReason();
    void unreachableHubIsOfflineWithTheReason();
    void killedHubReconnectsAndSendsQueuedChangesOnce();
    void requestsThatMayFailDoNotWaitForTheLink();
    void drainingHubIsReconnectedTo();
    void frozenHubIsDetectedAsStale();
    void eventsArriveOnceAndInOrderAcrossAReconnect();
    void eventsMissedDuringANetworkDropAreReplayed();
    void unansweredRequestTimesOut();
    void signOutForgetsTheRefreshToken();
    void refreshTokenSignsInAndIsRotated();
};

void tst_HubConnection::initTestCase()
{
    qRegisterMetaType<SessionGrant>();
    qRegisterMetaType<SessionSnapshot>();
    qRegisterMetaType<Event>();
    qRegisterMetaType<DrainingNotice>();
}

void tst_HubConnection::signInGoesConnected()
{
    HubProcess hub;
    QVERIFY(hub.start());
    HubConnection connection(fastReconnectSettings());
    QSignalSpy health(&connection, &HubConnection::healthChanged);
    QSignalSpy granted(&connection, &HubConnection::signedIn);
    QSignalSpy refresh(&connection, &HubConnection::refreshTokenChanged);
    connection.signIn(hub.url(), QStringLiteral("li.na"), kPassword);
    QCOMPARE(connection.health(), Health::Connecting);
    QTRY_COMPARE(connection.health(), Health::Connected);
    QCOMPARE(health.size(), 2);
    QCOMPARE(granted.size(), 1);
    QCOMPARE(granted.at(0).at(0).value<SessionGrant>().snapshot.agent.displayName,
             QStringLiteral("李娜"));
    QCOMPARE(refresh.size(), 1);
    QCOMPARE(refresh.at(0).at(0).toString().size(), 43);

    bool answered = false;
    connection.request(QString(method::AgentSetState),
                       SetStateParams{Presence::NotReady, QStringLiteral("break")}.toJson(), this,
                       [&](const Response& response) {
                           QVERIFY(!response.error.has_value());
                           answered = true;
                       });
    QTRY_VERIFY(answered);
    QCOMPARE(connection.pendingRequests(), 0);
}

void tst_HubConnection::wrongPasswordIsAuthFailedWithTheReason()
{
    HubProcess hub;
    QVERIFY(hub.start());
    HubConnection connection(fastReconnectSettings());
    connection.signIn(hub.url(), QStringLiteral("li.na"), QStringLiteral("wrong"));
    QTRY_COMPARE(connection.health(), Health::AuthFailed);
    QCOMPARE(connection.lastError().code, ErrorCode::InvalidCredentials);
    QVERIFY(!connection.lastError().message.isEmpty());
    QTest::qWait(500);
    QCOMPARE(connection.health(), Health::AuthFailed); // no retry loop with a wrong password
}

void tst_HubConnection::unreachableHubIsOfflineWithTheReason()
{
    HubProcess hub;
    QVERIFY(hub.start());
    const QUrl url = hub.url();
    hub.kill();
    HubConnection connection(fastReconnectSettings());
    connection.signIn(url, QStringLiteral("li.na"), kPassword);
    QTRY_COMPARE(connection.health(), Health::Offline);
    QCOMPARE(connection.lastError().code, ErrorCode::NotConnected);
    QVERIFY(connection.lastError().message.contains(url.toString()));
}

void tst_HubConnection::killedHubReconnectsAndSendsQueuedChangesOnce()
{
    HubProcess hub;
    QVERIFY(hub.start());
    HubConnection connection(fastReconnectSettings());
    QSignalSpy resynced(&connection, &HubConnection::resynced);
    QSignalSpy scheduled(&connection, &HubConnection::reconnectScheduled);
    connection.signIn(hub.url(), QStringLiteral("li.na"), kPassword);
    QTRY_COMPARE(connection.health(), Health::Connected);

    hub.kill();
    QTRY_COMPARE(connection.health(), Health::Reconnecting);
    QVERIFY(connection.reconnectAttempt() >= 1);
    QVERIFY(connection.nextRetryAt().isValid());

    // The agent changes state while the hub is down: held, not lost.
    QList<QString> answers;
    for (const SetStateParams& change :
         {SetStateParams{Presence::NotReady, QStringLiteral("lunch")},
          SetStateParams{Presence::Ready, {}}}) {
        connection.request(
            QString(method::AgentSetState), change.toJson(), this,
            [&answers](const Response& response) { answers.append(outcomeOf(response)); },
            HubConnection::Delivery::Reliable);
    }
    QTest::qWait(1500); // several failed attempts
    QVERIFY(answers.isEmpty());
    QVERIFY(scheduled.size() >= 2);
    QCOMPARE(connection.pendingRequests(), 2);

    QVERIFY2(hub.restart(), hub.log().constData());
    QTRY_COMPARE_WITH_TIMEOUT(connection.health(), Health::Connected, 10000);
    QCOMPARE(resynced.size(), 1); // a restarted hub cannot replay
    QCOMPARE(resynced.at(0).at(0).value<SessionSnapshot>().agent.username, QStringLiteral("li.na"));
    QTRY_COMPARE(answers.size(), 2);
    QCOMPARE(answers, (QList<QString>{QStringLiteral("ok"), QStringLiteral("ok")}));
    QCOMPARE(connection.reconnectAttempt(), 0);

    // Applied exactly once each, in order: two state changes in the new hub's log.
    QTest::qWait(300);
    const QByteArray log = hub.log();
    QCOMPARE(countLines(log, "\"event\":\"agent.state_changed\""), 2);
    QVERIFY(log.indexOf("\"reason\":\"lunch\"") < log.lastIndexOf("\"presence\":\"ready\""));
    TestClient supervisor(hub.url());
    QVERIFY(supervisor.signIn(QStringLiteral("zhou.hui")).has_value());
    const std::optional<FloorAgentRow> lina = supervisor.floorAgent(QStringLiteral("li.na"));
    QVERIFY(lina.has_value());
    QCOMPARE(lina->state.presence, Presence::Ready);
    QVERIFY(lina->connected);
}

void tst_HubConnection::requestsThatMayFailDoNotWaitForTheLink()
{
    HubProcess hub;
    QVERIFY(hub.start());
    HubConnection connection(fastReconnectSettings());
    connection.signIn(hub.url(), QStringLiteral("li.na"), kPassword);
    QTRY_COMPARE(connection.health(), Health::Connected);
    hub.kill();
    QTRY_COMPARE(connection.health(), Health::Reconnecting);
    std::optional<Response> answer;
    connection.request(QString(method::SessionSnapshot), {}, this,
                       [&answer](const Response& response) { answer = response; });
    QVERIFY(!answer.has_value()); // never answered from inside request()
    QTRY_VERIFY(answer.has_value());
    QCOMPARE(outcomeOf(*answer), QStringLiteral("not_connected"));

    // A handler whose context is gone is not called.
    bool called = false;
    {
        QObject context;
        connection.request(QString(method::SessionSnapshot), {}, &context,
                           [&called](const Response&) { called = true; });
    }
    QTest::qWait(100);
    QVERIFY(!called);
}

void tst_HubConnection::drainingHubIsReconnectedTo()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--drain-ms"), QStringLiteral("300")}));
    HubConnection connection(fastReconnectSettings());
    QSignalSpy draining(&connection, &HubConnection::drainingAnnounced);
    connection.signIn(hub.url(), QStringLiteral("amy.lin"), kPassword);
    QTRY_COMPARE(connection.health(), Health::Connected);

    QVERIFY(hub.terminate());
    QCOMPARE(hub.exitCode(), 0);
    QCOMPARE(draining.size(), 1);
    QTRY_COMPARE(connection.health(), Health::Reconnecting);
    // The hub asked for a pause before reconnecting; it is honoured.
    QVERIFY(QDateTime::currentDateTimeUtc().msecsTo(connection.nextRetryAt()) > 300);

    QVERIFY(hub.restart({QStringLiteral("--drain-ms"), QStringLiteral("300")}));
    QTRY_COMPARE_WITH_TIMEOUT(connection.health(), Health::Connected, 10000);
}

void tst_HubConnection::frozenHubIsDetectedAsStale()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--heartbeat-ms"), QStringLiteral("300")}));
    HubConnection connection(fastReconnectSettings());
    QSignalSpy resynced(&connection, &HubConnection::resynced);
    connection.signIn(hub.url(), QStringLiteral("wang.wei"), kPassword);
    QTRY_COMPARE(connection.health(), Health::Connected);

    // The hub's machine freezes (or this laptop's network silently died):
    // TCP says nothing, but heartbeats go unanswered.
    hub.stopProcess();
    QTRY_COMPARE_WITH_TIMEOUT(connection.health(), Health::Reconnecting, 3000);
    hub.continueProcess();
    QTRY_COMPARE_WITH_TIMEOUT(connection.health(), Health::Connected, 10000);
    QCOMPARE(resynced.size(), 0); // the same hub: the session resumed by replay
}

void tst_HubConnection::eventsArriveOnceAndInOrderAcrossAReconnect()
{
    HubProcess hub;
    QVERIFY(hub.start());
    HubConnection supervisor(fastReconnectSettings());
    QSignalSpy events(&supervisor, &HubConnection::eventReceived);
    supervisor.signIn(hub.url(), QStringLiteral("zhou.hui"), kPassword);
    QTRY_COMPARE(supervisor.health(), Health::Connected);
    TestClient agent(hub.url());
    QVERIFY(agent.signIn(QStringLiteral("zhao.lei")).has_value());

    // The link is reset (say, the laptop changed networks) while the agent
    // works: whether each change arrives live or replayed, it arrives once.
    supervisor.reconnectNow();
    const QList<SetStateParams> changes{{Presence::Ready, {}},
                                        {Presence::NotReady, QStringLiteral("meeting")},
                                        {Presence::Ready, {}}};
    for (const SetStateParams& change : changes)
        QCOMPARE(outcomeOf(agent.call(method::AgentSetState, change.toJson())),
                 QStringLiteral("ok"));
    QTRY_COMPARE(supervisor.health(), Health::Connected);
    QTRY_COMPARE(events.size(), 3);
    QTest::qWait(300);
    QCOMPARE(events.size(), 3);
    qint64 previous = 0;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Event event = events.at(i).at(0).value<Event>();
        QVERIFY(*event.seq > previous);
        previous = *event.seq;
        QCOMPARE(StateChangedEvent::fromJson(event.data).value().state.presence,
                 changes.at(i).presence);
    }
    QCOMPARE(supervisor.lastSeq(), previous);
}

void tst_HubConnection::unansweredRequestTimesOut()
{
    HubProcess hub;
    QVERIFY(hub.start());
    HubConnection::Settings settings = fastReconnectSettings();
    settings.requestTimeout = 500ms;
    HubConnection connection(settings);
    connection.signIn(hub.url(), QStringLiteral("li.na"), kPassword);
    QTRY_COMPARE(connection.health(), Health::Connected);
    hub.stopProcess(); // the hub hangs; the link looks alive for a while
    std::optional<Response> answer;
    connection.request(QString(method::SessionSnapshot), {}, this,
                       [&answer](const Response& response) { answer = response; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 3000);
    QCOMPARE(outcomeOf(*answer), QStringLiteral("timeout"));
    QCOMPARE(connection.pendingRequests(), 0);
    QCOMPARE(connection.health(), Health::Connected); // one slow answer is not a dead link
    hub.continueProcess();
}

void tst_HubConnection::eventsMissedDuringANetworkDropAreReplayed()
{
    HubProcess hub;
    QVERIFY(hub.start());
    TcpRelay network(hub.url());
    HubConnection supervisor(fastReconnectSettings());
    QSignalSpy events(&supervisor, &HubConnection::eventReceived);
    QSignalSpy resynced(&supervisor, &HubConnection::resynced);
    supervisor.signIn(network.url(), QStringLiteral("zhou.hui"), kPassword);
    QTRY_COMPARE(supervisor.health(), Health::Connected);
    TestClient agent(hub.url());
    QVERIFY(agent.signIn(QStringLiteral("chen.jing")).has_value());

    // The supervisor's network goes away; the agent keeps working.
    network.setBlocked(true);
    network.dropAll();
    QTRY_COMPARE(supervisor.health(), Health::Reconnecting);
    const QList<SetStateParams> changes{{Presence::Ready, {}},
                                        {Presence::NotReady, QStringLiteral("break")},
                                        {Presence::Ready, {}}};
    for (const SetStateParams& change : changes)
        QCOMPARE(outcomeOf(agent.call(method::AgentSetState, change.toJson())),
                 QStringLiteral("ok"));
    QTest::qWait(600); // a failed attempt or two
    QCOMPARE(events.size(), 0);

    network.setBlocked(false);
    QTRY_COMPARE_WITH_TIMEOUT(supervisor.health(), Health::Connected, 10000);
    QCOMPARE(resynced.size(), 0); // the hub still held them: replay, not resync
    QTRY_COMPARE(events.size(), 3);
    QTest::qWait(300);
    QCOMPARE(events.size(), 3);
    for (qsizetype i = 0; i < 3; ++i) {
        const Event event = events.at(i).at(0).value<Event>();
        QCOMPARE(StateChangedEvent::fromJson(event.data).value().state.presence,
                 changes.at(i).presence);
        if (i > 0)
            QCOMPARE(*event.seq, *events.at(i - 1).at(0).value<Event>().seq + 1);
    }
}

void tst_HubConnection::signOutForgetsTheRefreshToken()
{
    HubProcess hub;
    QVERIFY(hub.start());
    HubConnection connection(fastReconnectSettings());
    QSignalSpy refresh(&connection, &HubConnection::refreshTokenChanged);
    connection.signIn(hub.url(), QStringLiteral("chen.jing"), kPassword);
    QTRY_COMPARE(connection.health(), Health::Connected);
    connection.signOut();
    QCOMPARE(connection.health(), Health::Offline);
    QCOMPARE(refresh.last().at(0).toString(), QString());
    QTRY_VERIFY(hub.logged(QStringLiteral("session.ended")));
    QTest::qWait(300);
    QCOMPARE(connection.health(), Health::Offline); // no reconnect after signing out
}

void tst_HubConnection::refreshTokenSignsInAndIsRotated()
{
    HubProcess hub;
    QVERIFY(hub.start());
    QString remembered;
    {
        HubConnection first(fastReconnectSettings());
        connect(&first, &HubConnection::refreshTokenChanged, this,
                [&remembered](const QString& token) { remembered = token; });
        first.signIn(hub.url(), QStringLiteral("liu.yang"), kPassword);
        QTRY_COMPARE(first.health(), Health::Connected);
    }
    QVERIFY(!remembered.isEmpty());

    // The desktop restarts and signs in with what it remembered.
    HubConnection second(fastReconnectSettings());
    QSignalSpy refresh(&second, &HubConnection::refreshTokenChanged);
    second.signInWithRefreshToken(hub.url(), remembered);
    QTRY_COMPARE(second.health(), Health::Connected);
    QCOMPARE(refresh.size(), 1);
    QVERIFY(refresh.at(0).at(0).toString() != remembered);

    // An old token is refused and forgotten.
    HubConnection third(fastReconnectSettings());
    QSignalSpy forgotten(&third, &HubConnection::refreshTokenChanged);
    third.signInWithRefreshToken(hub.url(), remembered);
    QTRY_COMPARE(third.health(), Health::AuthFailed);
    QCOMPARE(third.lastError().code, ErrorCode::InvalidCredentials);
    QCOMPARE(forgotten.size(), 1);
    QCOMPARE(forgotten.at(0).at(0).toString(), QString());
}

QTEST_GUILESS_MAIN(tst_HubConnection)
#include "tst_HubConnection.moc"
