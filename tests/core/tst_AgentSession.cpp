#include "FastReconnect.h"
#include "HubProcess.h"
#include "TestClient.h"
#include "core/connection/HubConnection.h"
#include "core/session/AgentSession.h"
#include "protocol/Names.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest/QTest>

using namespace qidong::core;
using namespace qidong::protocol;
using namespace qidong::test;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(qidong::protocol::AgentState)
Q_DECLARE_METATYPE(qidong::protocol::Error)
Q_DECLARE_METATYPE(qidong::protocol::InteractionOffer)

namespace {} // namespace

// core/AgentSession over a real hub: snapshot to models, state requests
// and their events, refusals, a resync after a hub restart.
class tst_AgentSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signInFillsTheSessionAndModels();
    void stateRequestsComeBackAsState();
    void refusedRequestSaysWhy();
    void stateChosenOfflineSurvivesAHubRestart();
    void supervisorChangesAreNotMine();
    void offersFlowThroughTheListToWrapUp();
    void offerThatRingsOutLeavesTheList();
};

void tst_AgentSession::initTestCase()
{
    qRegisterMetaType<AgentState>();
    qRegisterMetaType<Error>();
    qRegisterMetaType<InteractionOffer>();
}

void tst_AgentSession::signInFillsTheSessionAndModels()
{
    HubProcess hub;
    QVERIFY(hub.start());
    HubConnection connection(fastReconnectSettings());
    AgentSession session(connection);
    QAbstractItemModelTester interactionsTester(
        &session.interactions(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester reasonsTester(&session.notReadyReasons(),
                                           QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy signedIn(&session, &AgentSession::signedInChanged);
    QVERIFY(!session.isSignedIn());
    connection.signIn(hub.url(), QStringLiteral("li.na"), QStringLiteral("qidong-demo"));
    QTRY_VERIFY(session.isSignedIn());
    QCOMPARE(signedIn.size(), 1);
    QCOMPARE(session.agent().displayName, QStringLiteral("李娜"));
    QVERIFY(!session.isSupervisor());
    QCOMPARE(session.state().presence, Presence::Offline);
    QCOMPARE(session.notReadyReasons().rowCount(), 7);
    QCOMPARE(session.wrapUpCodes().rowCount(), 8);
    QVERIFY(session.notReadyReasons().rowOf(QStringLiteral("lunch")) >= 0);
    QCOMPARE(session.interactions().rowCount(), 0);

    QSignalSpy ticks(&session, &AgentSession::clockTicked);
    QTRY_VERIFY_WITH_TIMEOUT(ticks.size() >= 1, 3000);

    connection.signOut();
    QTRY_VERIFY(!session.isSignedIn());
    QCOMPARE(signedIn.size(), 2);
}

void tst_AgentSession::stateRequestsComeBackAsState()
{
    HubProcess hub;
    QVERIFY(hub.start());
    HubConnection connection(fastReconnectSettings());
    AgentSession session(connection);
    QSignalSpy changed(&session, &AgentSession::stateChanged);
    connection.signIn(hub.url(), QStringLiteral("zhang.min"), QStringLiteral("qidong-demo"));
    QTRY_VERIFY(session.isSignedIn());
    changed.clear();

    session.requestState(Presence::NotReady, QStringLiteral("lunch"));
    QTRY_COMPARE(session.state().presence, Presence::NotReady);
    QCOMPARE(session.state().reasonCode, QStringLiteral("lunch"));
    QTest::qWait(200);
    QCOMPARE(changed.size(), 1); // the event and the answer say the same: one change
    const qint64 since = session.state().sinceMs;
    QVERIFY(session.timeInStateMs(since + 5000) == 5000);

    session.requestState(Presence::Ready);
    QTRY_COMPARE(session.state().presence, Presence::Ready);
    QVERIFY(session.state().reasonCode.isEmpty());
}

void tst_AgentSession::refusedRequestSaysWhy()
{
    HubProcess hub;
    QVERIFY(hub.start());
    HubConnection connection(fastReconnectSettings());
    AgentSession session(connection);
    QSignalSpy failed(&session, &AgentSession::stateChangeFailed);
    connection.signIn(hub.url(), QStringLiteral("li.na"), QStringLiteral("qidong-demo"));
    QTRY_VERIFY(session.isSignedIn());
    session.requestState(Presence::NotReady, QStringLiteral("siesta"));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<Error>().code, ErrorCode::InvalidParams);
    QCOMPARE(session.state().presence, Presence::Offline);
}

void tst_AgentSession::stateChosenOfflineSurvivesAHubRestart()
{
    HubProcess hub;
    QVERIFY(hub.start());
    HubConnection connection(fastReconnectSettings());
    AgentSession session(connection);
    connection.signIn(hub.url(), QStringLiteral("liu.yang"), QStringLiteral("qidong-demo"));
    QTRY_VERIFY(session.isSignedIn());
    hub.kill();
    QTRY_COMPARE(connection.health(), HubConnection::Health::Reconnecting);
    session.requestState(Presence::NotReady, QStringLiteral("training"));
    QCOMPARE(session.state().presence, Presence::Offline); // not yet: the hub decides
    QVERIFY(hub.restart());
    QTRY_COMPARE_WITH_TIMEOUT(session.state().presence, Presence::NotReady, 10000);
    QCOMPARE(session.state().reasonCode, QStringLiteral("training"));
    QVERIFY(session.isSignedIn()); // a resync is not a sign-out
}

void tst_AgentSession::supervisorChangesAreNotMine()
{
    HubProcess hub;
    QVERIFY(hub.start());
    HubConnection connection(fastReconnectSettings());
    AgentSession supervisor(connection);
    connection.signIn(hub.url(), QStringLiteral("zhou.hui"), QStringLiteral("qidong-demo"));
    QTRY_VERIFY(supervisor.isSignedIn());
    QVERIFY(supervisor.isSupervisor());
    QSignalSpy changed(&supervisor, &AgentSession::stateChanged);
    QSignalSpy events(&connection, &HubConnection::eventReceived);

    // A supervisor's session also receives every agent's changes; only
    // their own move their own state.
    TestClient agent(hub.url());
    QVERIFY(agent.signIn(QStringLiteral("li.na")).has_value());
    QCOMPARE(
        outcomeOf(agent.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));
    QTRY_COMPARE(events.size(), 1);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(supervisor.state().presence, Presence::Offline);
}

namespace {

QString offerTo(TestClient& admin, const char* username)
{
    CreateInteractionParams params;
    params.channel = Channel::Chat;
    params.queueId = QStringLiteral("online-chat");
    params.customer = CustomerRef{
        {}, QStringLiteral("陈女士"), QStringLiteral("web"), QStringLiteral("visitor-88")};
    params.offerTo = QString::fromLatin1(username);
    const Response created = admin.call(method::AdminCreateInteraction, params.toJson());
    if (!created.result.value(QLatin1StringView("offered")).toBool())
        return {};
    return created.result.value(QLatin1StringView("interaction"))
        .toObject()
        .value(QLatin1StringView("id"))
        .toString();
}

} // namespace

void tst_AgentSession::offersFlowThroughTheListToWrapUp()
{
    HubProcess hub;
    QVERIFY(hub.start());
    HubConnection connection(fastReconnectSettings());
    AgentSession session(connection);
    QAbstractItemModelTester tester(&session.interactions(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy offers(&session, &AgentSession::offerReceived);
    QSignalSpy ended(&session, &AgentSession::offerEnded);
    connection.signIn(hub.url(), QStringLiteral("chen.jing"), QStringLiteral("qidong-demo"));
    QTRY_VERIFY(session.isSignedIn());
    session.requestState(Presence::Ready);
    QTRY_COMPARE(session.state().presence, Presence::Ready);

    TestClient admin(hub.url());
    QVERIFY(admin.signIn(QStringLiteral("admin")).has_value());
    const QString id = offerTo(admin, "chen.jing");
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE(offers.size(), 1);
    QVERIFY(session.ringingOffer().has_value());
    QCOMPARE(session.interactions().rowCount(), 1);
    const auto stateOfRow = [&session] {
        return static_cast<InteractionState>(
            session.interactions()
                .index(0, 0)
                .data(qidong::models::InteractionListModel::StateRole)
                .toInt());
    };
    QCOMPARE(stateOfRow(), InteractionState::Offered);
    QCOMPARE(session.interactions()
                 .index(0, qidong::models::InteractionListModel::CustomerColumn)
                 .data()
                 .toString(),
             QStringLiteral("陈女士"));

    session.accept(id);
    QTRY_COMPARE(stateOfRow(), InteractionState::Active);
    QTRY_COMPARE(session.state().presence, Presence::Busy);
    QCOMPARE(ended.size(), 1);
    QVERIFY(!session.ringingOffer().has_value());

    session.end(id);
    QTRY_COMPARE(stateOfRow(), InteractionState::WrapUp);
    QTRY_COMPARE(session.state().presence, Presence::AfterCallWork);
    session.wrapUp(id, QStringLiteral("resolved"));
    QTRY_COMPARE(session.interactions().rowCount(), 0);
    QTRY_COMPARE(session.state().presence, Presence::Ready);
}

void tst_AgentSession::offerThatRingsOutLeavesTheList()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("600")}));
    HubConnection connection(fastReconnectSettings());
    AgentSession session(connection);
    QSignalSpy ended(&session, &AgentSession::offerEnded);
    QSignalSpy failed(&session, &AgentSession::requestFailed);
    connection.signIn(hub.url(), QStringLiteral("zhao.lei"), QStringLiteral("qidong-demo"));
    QTRY_VERIFY(session.isSignedIn());
    session.requestState(Presence::Ready);
    QTRY_COMPARE(session.state().presence, Presence::Ready);
    TestClient admin(hub.url());
    QVERIFY(admin.signIn(QStringLiteral("admin")).has_value());
    const QString id = offerTo(admin, "zhao.lei");
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(1).toString(), QStringLiteral("timeout"));
    QCOMPARE(session.interactions().rowCount(), 0);
    QTRY_COMPARE(session.state().presence, Presence::NotReady);
    QCOMPARE(session.state().reasonCode, QStringLiteral("missed"));

    // Accepting too late is refused with a reason, and nothing changes.
    session.accept(id);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("interaction.accept"));
    QCOMPARE(session.interactions().rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_AgentSession)
#include "tst_AgentSession.moc"
