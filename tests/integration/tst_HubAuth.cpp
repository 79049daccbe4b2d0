#include "HubProcess.h"
#include "TestClient.h"
#include "protocol/CloseCode.h"
#include "protocol/Names.h"

#include <QJsonArray>
#include <QtTest/QTest>

using namespace qidong::protocol;
using namespace qidong::test;

// Sign-in, roles and hostile input against a real hub. Each test gets a
// fresh hub so login throttling in one cannot leak into another.
class tst_HubAuth final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void helloNegotiatesVersion();
    void helloWithNoCommonVersionCloses();
    void requestsBeforeHelloAreRefused();
    void methodsNeedASession();
    void supervisorSignsInAndSeesTheFloor();
    void wrongPasswordIsRefused_data();
    void wrongPasswordIsRefused();
    void repeatedFailuresAreThrottled();
    void rolesAreCheckedByTheHub_data();
    void rolesAreCheckedByTheHub();
    void malformedFramesGetTypedErrors_data();
    void malformedFramesGetTypedErrors();
    void tenMegabyteFrameIsRefusedAndConnectionSurvives();
    void frameBeyondTransportLimitClosesWith1009();
    void tooManyInvalidFramesClose();
    void refreshTokensRotateAndReuseIsCaught();
    void logoutEndsTheSession();
    void secondSignInReplacesTheFirst();
    void secretsNeverReachTheLog();
    void disconnectDuringSignInIsHarmless();

private:
    std::unique_ptr<HubProcess> m_hub;
};

void tst_HubAuth::init()
{
    m_hub = std::make_unique<HubProcess>();
    QVERIFY2(m_hub->start(), m_hub->log().constData());
}

void tst_HubAuth::cleanup()
{
    m_hub.reset();
}

void tst_HubAuth::helloNegotiatesVersion()
{
    TestClient client(m_hub->url());
    QVERIFY(client.open());
    const Response response = client.call(
        method::Hello, HelloParams{{1, 2, 7}, QStringLiteral("qidong-tests/1")}.toJson());
    QCOMPARE(outcomeOf(response), QStringLiteral("ok"));
    Result<HelloResult> hello = HelloResult::fromJson(response.result);
    QVERIFY(hello.ok());
    QCOMPARE(hello.value().version, 1);
    QVERIFY(hello.value().server.startsWith(QStringLiteral("qidong-hub/")));
    QCOMPARE(hello.value().heartbeatIntervalMs, 15000);
    QCOMPARE(hello.value().maxFrameBytes, kMaxFrameBytes);
    // A second hello is a mistake, not a renegotiation.
    QCOMPARE(outcomeOf(client.call(method::Hello, HelloParams{{1}, QStringLiteral("x")}.toJson())),
             QStringLiteral("invalid_transition"));
}

void tst_HubAuth::helloWithNoCommonVersionCloses()
{
    TestClient client(m_hub->url());
    QVERIFY(client.open());
    const Response response = client.call(
        method::Hello, HelloParams{{7, 8}, QStringLiteral("future-desktop/9")}.toJson());
    QCOMPARE(outcomeOf(response), QStringLiteral("unsupported_version"));
    QCOMPARE(response.error->details.value(QLatin1StringView("supported")).toArray().size(), 1);
    QVERIFY(client.waitForDisconnected());
    QCOMPARE(client.closeCode(), static_cast<int>(CloseCode::UnsupportedVersion));
}

void tst_HubAuth::requestsBeforeHelloAreRefused()
{
    TestClient client(m_hub->url());
    QVERIFY(client.open());
    QCOMPARE(outcomeOf(client.call(
                 method::AuthLogin,
                 LoginParams{QStringLiteral("li.na"), QStringLiteral("qidong-demo")}.toJson())),
             QStringLiteral("hello_required"));
    QCOMPARE(outcomeOf(client.call(method::Ping)), QStringLiteral("hello_required"));
}

void tst_HubAuth::methodsNeedASession()
{
    TestClient client(m_hub->url());
    QVERIFY(client.open());
    QVERIFY(client.hello());
    QCOMPARE(outcomeOf(client.call(method::Ping)), QStringLiteral("ok"));
    QCOMPARE(
        outcomeOf(client.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("unauthenticated"));
    QCOMPARE(outcomeOf(client.call(method::FloorAgents)), QStringLiteral("unauthenticated"));
    QCOMPARE(outcomeOf(client.call(QStringLiteral("no.suchMethod"))),
             QStringLiteral("unknown_method"));
}

void tst_HubAuth::supervisorSignsInAndSeesTheFloor()
{
    TestClient client(m_hub->url());
    const std::optional<SessionGrant> grant = client.signIn(QStringLiteral("zhou.hui"));
    QVERIFY(grant.has_value());
    QCOMPARE(grant->snapshot.agent.username, QStringLiteral("zhou.hui"));
    QCOMPARE(grant->snapshot.agent.role, Role::Supervisor);
    QCOMPARE(grant->snapshot.agent.displayName, QStringLiteral("周慧"));
    QCOMPARE(grant->sessionToken.size(), 43);
    QVERIFY(grant->refreshToken != grant->sessionToken);
    QVERIFY(grant->expiresAtMs > QDateTime::currentMSecsSinceEpoch() + 3600 * 1000);
    QVERIFY(grant->snapshot.queues.size() >= 3);
    QVERIFY(grant->snapshot.teams.size() >= 2);
    const auto reasons = grant->snapshot.reasonCodes;
    QVERIFY(std::any_of(reasons.cbegin(), reasons.cend(), [](const ReasonCode& r) {
        return r.code == QStringLiteral("lunch") && r.label.zh == QStringLiteral("午餐");
    }));
    const QList<FloorAgentRow> floor = client.floorAgents();
    QCOMPARE(floor.size(), 9); // 8 agents + the supervisor; admins take no work
    // The supervisor herself is connected; nobody else is.
    int connected = 0;
    for (const FloorAgentRow& entry : floor)
        connected += entry.connected ? 1 : 0;
    QCOMPARE(connected, 1);

    TestClient agent(m_hub->url());
    const std::optional<SessionGrant> agentGrant = agent.signIn(QStringLiteral("amy.lin"));
    QVERIFY(agentGrant.has_value());
    QVERIFY(agent.floorAgents().isEmpty()); // agents do not get the floor
    QCOMPARE(outcomeOf(agent.call(method::FloorSubscribe)), QStringLiteral("forbidden"));
    // Both sign-ins are in the audit log.
    QCOMPARE(m_hub->auditCount(QStringLiteral("auth.login"), grant->snapshot.agent.id), 1);
    QCOMPARE(m_hub->auditCount(QStringLiteral("auth.login"), agentGrant->snapshot.agent.id), 1);
}

void tst_HubAuth::wrongPasswordIsRefused_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::newRow("wrong password") << QStringLiteral("zhou.hui") << QStringLiteral("guess");
    QTest::newRow("unknown user") << QStringLiteral("nobody") << QStringLiteral("qidong-demo");
    QTest::newRow("case of password") << QStringLiteral("li.na") << QStringLiteral("QIDONG-DEMO");
}

void tst_HubAuth::wrongPasswordIsRefused()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    TestClient client(m_hub->url());
    QVERIFY(client.open());
    QVERIFY(client.hello());
    const Response response =
        client.call(method::AuthLogin, LoginParams{username, password}.toJson());
    QCOMPARE(outcomeOf(response), QStringLiteral("invalid_credentials"));
    QVERIFY(client.isConnected()); // the agent can try again
    QCOMPARE(outcomeOf(client.call(method::FloorAgents)), QStringLiteral("unauthenticated"));
    // Audited under the name tried, known or not.
    QCOMPARE(m_hub->auditCount(QStringLiteral("auth.login.failed"), username), 1);
}

void tst_HubAuth::repeatedFailuresAreThrottled()
{
    TestClient client(m_hub->url());
    QVERIFY(client.open());
    QVERIFY(client.hello());
    const QJsonObject wrong =
        LoginParams{QStringLiteral("wang.wei"), QStringLiteral("nope")}.toJson();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(outcomeOf(client.call(method::AuthLogin, wrong)),
                 QStringLiteral("invalid_credentials"));
    const Response throttled = client.call(method::AuthLogin, wrong);
    QCOMPARE(outcomeOf(throttled), QStringLiteral("throttled"));
    QVERIFY(throttled.error->details.value(QLatin1StringView("retryAfterMs")).toInteger() > 1000);
    // Even the right password waits until the lockout ends.
    QCOMPARE(outcomeOf(client.call(
                 method::AuthLogin,
                 LoginParams{QStringLiteral("wang.wei"), QStringLiteral("qidong-demo")}.toJson())),
             QStringLiteral("throttled"));
    // Someone else signs in normally.
    TestClient other(m_hub->url());
    QVERIFY(other.signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(m_hub->logged(QStringLiteral("login.throttled")));
    QCOMPARE(m_hub->auditCount(QStringLiteral("auth.login.failed"), QStringLiteral("wang.wei")), 5);
    QCOMPARE(m_hub->auditCount(QStringLiteral("auth.login.throttled"), QStringLiteral("wang.wei")),
             2);
}

void tst_HubAuth::rolesAreCheckedByTheHub_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("expected");
    QTest::newRow("agent reads the floor") << "li.na"
                                           << "floor.agents"
                                           << "forbidden";
    QTest::newRow("supervisor reads the floor") << "zhou.hui"
                                                << "floor.agents"
                                                << "ok";
    QTest::newRow("admin reads the floor") << "admin"
                                           << "floor.agents"
                                           << "ok";
    QTest::newRow("admin takes no work") << "admin"
                                         << "agent.setState"
                                         << "forbidden";
    QTest::newRow("agent sets own state") << "li.na"
                                          << "agent.setState"
                                          << "ok";
    QTest::newRow("supervisor sets own state") << "zhou.hui"
                                               << "agent.setState"
                                               << "ok";
}

void tst_HubAuth::rolesAreCheckedByTheHub()
{
    QFETCH(QString, username);
    QFETCH(QString, method);
    QFETCH(QString, expected);
    TestClient client(m_hub->url());
    QVERIFY(client.signIn(username).has_value());
    const QJsonObject params =
        method == u"agent.setState" ? SetStateParams{Presence::Ready, {}}.toJson() : QJsonObject();
    QCOMPARE(outcomeOf(client.call(method, params)), expected);
}

void tst_HubAuth::malformedFramesGetTypedErrors_data()
{
    // Frames use id 5000, which the test client never issues itself.
    QTest::addColumn<QString>("frame");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("answersWithId");
    QTest::newRow("truncated JSON") << R"({"id":5000,"method":"pi)"
                                    << "bad_json" << false;
    QTest::newRow("not an object") << "[1,2,3]"
                                   << "invalid_message" << false;
    QTest::newRow("id as string") << R"({"id":"5000","method":"ping"})"
                                  << "invalid_message" << false;
    QTest::newRow("huge id") << R"({"id":1e300,"method":"ping"})"
                             << "invalid_message" << false;
    QTest::newRow("params array") << R"({"id":5000,"method":"ping","params":[]})"
                                  << "invalid_message" << true;
    QTest::newRow("bad method name") << R"({"id":5000,"method":"Agent Fly"})"
                                     << "invalid_message" << true;
    QTest::newRow("unknown method") << R"({"id":5000,"method":"agent.fly"})"
                                    << "unknown_method" << true;
    QTest::newRow("wrong param type")
        << R"({"id":5000,"method":"auth.login","params":{"username":1,"password":"x"}})"
        << "invalid_params" << true;
    QTest::newRow("missing param")
        << R"({"id":5000,"method":"auth.login","params":{"username":"li.na"}})"
        << "invalid_params" << true;
    QTest::newRow("huge number param")
        << R"({"id":5000,"method":"session.resume","params":{"token":"t","lastSeq":1e300}})"
        << "invalid_params" << true;
    QTest::newRow("response from client") << R"({"id":5000,"result":{}})"
                                          << "invalid_message" << false;
    QTest::newRow("event from client") << R"({"event":"agent.stateChanged","seq":1})"
                                       << "invalid_message" << false;
}

void tst_HubAuth::malformedFramesGetTypedErrors()
{
    QFETCH(QString, frame);
    QFETCH(QString, expected);
    QFETCH(bool, answersWithId);
    TestClient client(m_hub->url());
    QVERIFY(client.open());
    QVERIFY(client.hello());
    client.sendText(frame);
    const std::optional<Response> answer =
        answersWithId ? client.waitForResponse(5000) : client.waitForOrphanResponse();
    QVERIFY(answer.has_value());
    QCOMPARE(answer->id.has_value(), answersWithId);
    QCOMPARE(outcomeOf(*answer), expected);
    QVERIFY(!answer->error->message.isEmpty());
    // The connection survives one bad frame.
    QCOMPARE(outcomeOf(client.call(method::Ping)), QStringLiteral("ok"));
}

void tst_HubAuth::tenMegabyteFrameIsRefusedAndConnectionSurvives()
{
    TestClient client(m_hub->url());
    QVERIFY(client.signIn(QStringLiteral("li.na")).has_value());
    QString frame = QStringLiteral(
        R"({"id":99,"method":"agent.setState","params":{"presence":"ready","pad":")");
    frame += QString(10 * 1024 * 1024, u'x');
    frame += QStringLiteral(R"("}})");
    client.sendText(frame);
    const std::optional<Response> answer = client.waitForOrphanResponse(30000);
    QVERIFY(answer.has_value());
    QCOMPARE(outcomeOf(*answer), QStringLiteral("message_too_large"));
    QCOMPARE(outcomeOf(client.call(method::Ping)), QStringLiteral("ok"));
    // Nothing of the refused frame was applied.
    const Response floor = client.call(method::SessionSnapshot);
    QCOMPARE(outcomeOf(floor), QStringLiteral("ok"));
    QCOMPARE(floor.result.value(QLatin1StringView("snapshot"))
                 .toObject()
                 .value(QLatin1StringView("state"))
                 .toObject()
                 .value(QLatin1StringView("presence"))
                 .toString(),
             QStringLiteral("offline"));
}

void tst_HubAuth::frameBeyondTransportLimitClosesWith1009()
{
    TestClient client(m_hub->url());
    QVERIFY(client.open());
    QVERIFY(client.hello());
    client.sendText(QString(kTransportFrameBytes + 1024, u'x'));
    QVERIFY(client.waitForDisconnected(30000));
    QCOMPARE(client.closeCode(), static_cast<int>(CloseCode::MessageTooBig));
}

void tst_HubAuth::tooManyInvalidFramesClose()
{
    TestClient client(m_hub->url());
    QVERIFY(client.open());
    QVERIFY(client.hello());
    for (int i = 0; i < 40 && client.isConnected(); ++i) {
        client.sendBinary(QByteArray("\x00\x01", 2));
        QTest::qWait(5);
    }
    QVERIFY(client.waitForDisconnected());
    QCOMPARE(client.closeCode(), static_cast<int>(CloseCode::TooManyErrors));
}

void tst_HubAuth::refreshTokensRotateAndReuseIsCaught()
{
    TestClient first(m_hub->url());
    const std::optional<SessionGrant> grant = first.signIn(QStringLiteral("chen.jing"));
    QVERIFY(grant.has_value());

    // The desktop restarts and signs in with its stored refresh token.
    TestClient second(m_hub->url());
    QVERIFY(second.open());
    QVERIFY(second.hello());
    const Response refreshed =
        second.call(method::AuthRefresh, RefreshParams{grant->refreshToken}.toJson());
    QCOMPARE(outcomeOf(refreshed), QStringLiteral("ok"));
    Result<SessionGrant> rotated = SessionGrant::fromJson(refreshed.result);
    QVERIFY(rotated.ok());
    QVERIFY(rotated.value().refreshToken != grant->refreshToken);
    QCOMPARE(rotated.value().snapshot.agent.username, QStringLiteral("chen.jing"));
    // The earlier session was replaced.
    QVERIFY(first.waitForDisconnected());
    QCOMPARE(first.closeCode(), static_cast<int>(CloseCode::SessionReplaced));

    // The old refresh token comes back: someone has a copy. The whole family
    // is signed out, including the session that was just granted.
    TestClient thief(m_hub->url());
    QVERIFY(thief.open());
    QVERIFY(thief.hello());
    QCOMPARE(
        outcomeOf(thief.call(method::AuthRefresh, RefreshParams{grant->refreshToken}.toJson())),
        QStringLiteral("invalid_credentials"));
    QVERIFY(second.waitForDisconnected());
    QCOMPARE(second.closeCode(), static_cast<int>(CloseCode::SignedOut));
    QCOMPARE(outcomeOf(thief.call(method::AuthRefresh,
                                  RefreshParams{rotated.value().refreshToken}.toJson())),
             QStringLiteral("invalid_credentials"));
    QVERIFY(m_hub->logged(QStringLiteral("refresh.reused")));
}

void tst_HubAuth::logoutEndsTheSession()
{
    TestClient client(m_hub->url());
    const std::optional<SessionGrant> grant = client.signIn(QStringLiteral("liu.yang"));
    QVERIFY(grant.has_value());
    QCOMPARE(
        outcomeOf(client.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));
    const qsizetype seen = client.events().size();
    QCOMPARE(outcomeOf(client.call(method::AuthLogout)), QStringLiteral("ok"));
    QCOMPARE(client.events().size(), seen + 1); // Offline, announced before the answer
    QCOMPARE(StateChangedEvent::fromJson(client.events().last().data).value().state.presence,
             Presence::Offline);
    QVERIFY(client.waitForDisconnected());
    QCOMPARE(client.closeCode(), static_cast<int>(CloseCode::SignedOut));

    TestClient again(m_hub->url());
    QVERIFY(again.open());
    QVERIFY(again.hello());
    QCOMPARE(
        outcomeOf(again.call(method::SessionResume, ResumeParams{grant->sessionToken, 0}.toJson())),
        QStringLiteral("session_invalid"));
    QCOMPARE(
        outcomeOf(again.call(method::AuthRefresh, RefreshParams{grant->refreshToken}.toJson())),
        QStringLiteral("invalid_credentials"));

    TestClient supervisor(m_hub->url());
    const std::optional<SessionGrant> view = supervisor.signIn(QStringLiteral("zhou.hui"));
    QVERIFY(view.has_value());
    const std::optional<FloorAgentRow> liu = supervisor.floorAgent(QStringLiteral("liu.yang"));
    QVERIFY(liu.has_value());
    QCOMPARE(liu->state.presence, Presence::Offline);
}

void tst_HubAuth::secondSignInReplacesTheFirst()
{
    TestClient first(m_hub->url());
    QVERIFY(first.signIn(QStringLiteral("zhao.lei")).has_value());
    TestClient second(m_hub->url());
    QVERIFY(second.signIn(QStringLiteral("zhao.lei")).has_value());
    QVERIFY(first.waitForDisconnected());
    QCOMPARE(first.closeCode(), static_cast<int>(CloseCode::SessionReplaced));
    QCOMPARE(outcomeOf(second.call(method::Ping)), QStringLiteral("ok"));
}

void tst_HubAuth::secretsNeverReachTheLog()
{
    TestClient client(m_hub->url());
    const std::optional<SessionGrant> grant = client.signIn(QStringLiteral("david.wu"));
    QVERIFY(grant.has_value());
    TestClient wrong(m_hub->url());
    QVERIFY(wrong.open());
    QVERIFY(wrong.hello());
    (void)wrong.call(
        method::AuthLogin,
        LoginParams{QStringLiteral("david.wu"), QStringLiteral("Wr0ng-Secret")}.toJson());
    QVERIFY(m_hub->logged(QStringLiteral("login.succeeded")));
    QVERIFY(m_hub->logged(QStringLiteral("login.failed")));
    const QByteArray log = m_hub->log();
    QVERIFY(!log.contains("qidong-demo"));
    QVERIFY(!log.contains("Wr0ng-Secret"));
    QVERIFY(!log.contains(grant->sessionToken.toLatin1()));
    QVERIFY(!log.contains(grant->refreshToken.toLatin1()));
}

void tst_HubAuth::disconnectDuringSignInIsHarmless()
{
    // Desktops that vanish while their password is being checked (off the
    // event loop) must not leave the hub touching a dead connection.
    for (int i = 0; i < 8; ++i) {
        TestClient client(m_hub->url());
        QVERIFY(client.open());
        QVERIFY(client.hello());
        client.sendText(QString::fromUtf8(encodeMessage(Request{
            100, QString(method::AuthLogin),
            LoginParams{QStringLiteral("li.na"), QStringLiteral("qidong-demo")}.toJson()})));
        client.drop();
    }
    QTest::qWait(1000);
    TestClient survivor(m_hub->url());
    QVERIFY(survivor.signIn(QStringLiteral("li.na")).has_value());
    QCOMPARE(outcomeOf(survivor.call(method::Ping)), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(tst_HubAuth)
#include "tst_HubAuth.moc"
