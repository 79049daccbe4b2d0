#include "HubProcess.h"
#include "TestClient.h"
#include "WebCustomer.h"
#include "protocol/CloseCode.h"
#include "protocol/Names.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace qidong::protocol;
using namespace qidong::test;

namespace {

bool integrityOk(const QString& dataDir)
{
    bool ok = false;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(dataDir + QStringLiteral("/qidong-hub.sqlite"));
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next() &&
                 query.value(0).toString() == QStringLiteral("ok");
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    return ok;
}

} // namespace

// The hub as a process: crash and restart, planned shutdown, one hub per
// data directory, TLS, and command-line errors.
class tst_HubLifecycle final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedHubRestartsWithEverythingPersisted();
    void sigtermDrainsGracefully();
    void sighupReloadsTheKeywordListsWithoutDroppingAnyone();
    void secondHubOnTheSameDataDirIsRefused();
    void tlsServesWss();
    void badArgumentsAreExplained_data();
    void badArgumentsAreExplained();
    void ctlReportsTheSignInOutcome_data();
    void ctlReportsTheSignInOutcome();
};

void tst_HubLifecycle::killedHubRestartsWithEverythingPersisted()
{
    QTemporaryDir dataDir;
    HubProcess hub(dataDir.path());
    QVERIFY(hub.start());

    TestClient agent(hub.url());
    const std::optional<SessionGrant> agentGrant = agent.signIn(QStringLiteral("li.na"));
    QVERIFY(agentGrant.has_value());
    const Response changed =
        agent.call(method::AgentSetState,
                   SetStateParams{Presence::NotReady, QStringLiteral("lunch")}.toJson());
    QCOMPARE(outcomeOf(changed), QStringLiteral("ok"));
    const qint64 since = SetStateResult::fromJson(changed.result).value().state.sinceMs;
    TestClient peer(hub.url());
    QVERIFY(peer.signIn(QStringLiteral("wang.wei")).has_value());
    QCOMPARE(
        outcomeOf(peer.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));

    hub.kill(); // SIGKILL: no chance to flush or say goodbye
    QVERIFY(agent.waitForDisconnected());
    QVERIFY(integrityOk(dataDir.path()));

    QVERIFY2(hub.start(), hub.log().constData());
    QVERIFY(!hub.logged(QStringLiteral("demo.seeded"))); // the existing organisation is kept

    TestClient supervisor(hub.url());
    const std::optional<SessionGrant> view = supervisor.signIn(QStringLiteral("zhou.hui"));
    QVERIFY(view.has_value());
    const std::optional<FloorAgentRow> lina = supervisor.floorAgent(QStringLiteral("li.na"));
    QVERIFY(lina.has_value());
    QCOMPARE(lina->state.presence, Presence::NotReady);
    QCOMPARE(lina->state.reasonCode, QStringLiteral("lunch"));
    QCOMPARE(lina->state.sinceMs, since);
    QVERIFY(!lina->connected);
    QCOMPARE(supervisor.floorAgent(QStringLiteral("wang.wei"))->state.presence, Presence::Ready);

    // The agent's desktop comes back and resumes the same session: the old
    // replay buffer died with the process, so it gets a resync.
    TestClient returning(hub.url());
    QVERIFY(returning.open());
    QVERIFY(returning.hello());
    const Response resumed = returning.call(
        method::SessionResume, ResumeParams{agentGrant->sessionToken, agent.lastSeq()}.toJson());
    QCOMPARE(outcomeOf(resumed), QStringLiteral("ok"));
    Result<ResumeResult> result = ResumeResult::fromJson(resumed.result);
    QVERIFY(result.ok());
    QCOMPARE(result.value().mode, ResumeResult::Mode::Resync);
    QCOMPARE(result.value().snapshot->state.reasonCode, QStringLiteral("lunch"));

    // Refresh tokens survive too.
    TestClient viaRefresh(hub.url());
    QVERIFY(viaRefresh.open());
    QVERIFY(viaRefresh.hello());
    QCOMPARE(
        outcomeOf(viaRefresh.call(method::AuthRefresh, RefreshParams{view->refreshToken}.toJson())),
        QStringLiteral("ok"));
    QVERIFY(integrityOk(dataDir.path()));
}

void tst_HubLifecycle::sighupReloadsTheKeywordListsWithoutDroppingAnyone()
{
    QTemporaryDir dir;
    const QString rules = dir.filePath(QStringLiteral("alert-keywords.json"));
    const auto writeRules = [&rules](const QByteArray& json) {
        QFile file(rules);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(json) > 0;
    };
    QVERIFY(writeRules("{\"site\": [\"暗号甲\"]}"));
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--alert-keywords"), rules}));
    TestClient lead(hub.url());
    QVERIFY(lead.signIn(QStringLiteral("zhou.hui")).has_value());
    // The keyword alerts the lead can list, by what matched.
    const auto flagged = [&lead] {
        QStringList details;
        for (const QJsonValue& value :
             lead.call(method::AlertList).result.value(QLatin1StringView("alerts")).toArray()) {
            const QJsonObject alert = value.toObject();
            if (alert.value(QLatin1StringView("kind")).toString() == QStringLiteral("keyword"))
                details.append(alert.value(QLatin1StringView("detail")).toString());
        }
        return details;
    };
    const auto customerWrites = [&hub](const QString& text) {
        WebCustomer customer(hub);
        return customer.start(QStringLiteral("陈女士")) &&
               outcomeOf(customer.send(text, QStringLiteral("c-1"))) == u"ok";
    };
    QVERIFY(customerWrites(QStringLiteral("我要说暗号甲")));
    QTRY_VERIFY(flagged().contains(QStringLiteral("site: 暗号甲")));

    // New lists, then SIGHUP: the new word is flagged, the old one no more,
    // and the lead stays connected throughout.
    QVERIFY(writeRules("{\"site\": [\"暗号乙\"]}"));
    QProcess::execute(QStringLiteral("kill"),
                      {QStringLiteral("-HUP"), QString::number(hub.processId())});
    QTRY_VERIFY(hub.logged(QStringLiteral("hub.reloaded")));
    QVERIFY(customerWrites(QStringLiteral("暗号甲和暗号乙")));
    QTRY_VERIFY(flagged().contains(QStringLiteral("site: 暗号乙")));
    QCOMPARE(flagged().count(QStringLiteral("site: 暗号甲")), 1);
    QCOMPARE(outcomeOf(lead.call(method::Ping)), QStringLiteral("ok"));

    // Lists that do not load are refused and the running ones kept.
    QVERIFY(writeRules("{\"site\": [\"(unclosed\"]}"));
    QProcess::execute(QStringLiteral("kill"),
                      {QStringLiteral("-HUP"), QString::number(hub.processId())});
    QTRY_VERIFY(hub.logged(QStringLiteral("hub.reload_failed")));
    QVERIFY(customerWrites(QStringLiteral("还是暗号乙")));
    QTRY_COMPARE(flagged().count(QStringLiteral("site: 暗号乙")), 2);
}

void tst_HubLifecycle::sigtermDrainsGracefully()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--drain-ms"), QStringLiteral("1500")}));
    TestClient agent(hub.url());
    QVERIFY(agent.signIn(QStringLiteral("li.na")).has_value());
    TestClient late(hub.url());
    QVERIFY(late.open());
    QVERIFY(late.hello());

    QProcess::execute(QStringLiteral("kill"),
                      {QStringLiteral("-TERM"), QString::number(hub.processId())});
    const std::optional<Event> notice = agent.waitForEvent(QString(event::HubDraining));
    QVERIFY(notice.has_value());
    QVERIFY(!notice->seq.has_value()); // transient: never replayed
    Result<DrainingNotice> drain = DrainingNotice::fromJson(notice->data);
    QVERIFY(drain.ok());
    QCOMPARE(drain.value().reason, QStringLiteral("SIGTERM"));
    QCOMPARE(drain.value().closesInMs, 1500);
    QVERIFY(drain.value().reconnectAfterMs > drain.value().closesInMs);

    // While draining, no new sessions start; running ones keep working.
    QCOMPARE(outcomeOf(late.call(
                 method::AuthLogin,
                 LoginParams{QStringLiteral("wang.wei"), QStringLiteral("qidong-demo")}.toJson())),
             QStringLiteral("draining"));
    QCOMPARE(outcomeOf(agent.call(method::Ping)), QStringLiteral("ok"));

    QVERIFY(agent.waitForDisconnected(10000));
    QCOMPARE(agent.closeCode(), static_cast<int>(CloseCode::GoingAway));
    QVERIFY(hub.waitForExit(10000));
    QCOMPARE(hub.exitStatus(), QProcess::NormalExit);
    QCOMPARE(hub.exitCode(), 0);
    QVERIFY(hub.logged(QStringLiteral("hub.stopped")));
}

void tst_HubLifecycle::secondHubOnTheSameDataDirIsRefused()
{
    QTemporaryDir dataDir;
    HubProcess first(dataDir.path());
    QVERIFY(first.start());
    HubProcess second(dataDir.path());
    QVERIFY(!second.start());
    QVERIFY(second.waitForExit(10000));
    QCOMPARE(second.exitCode(), 1);
    QVERIFY(second.log().contains("another qidong-hub is using"));
    // The first one is unharmed.
    TestClient client(first.url());
    QVERIFY(client.signIn(QStringLiteral("li.na")).has_value());
}

void tst_HubLifecycle::tlsServesWss()
{
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("hub.crt"));
    const QString key = dir.filePath(QStringLiteral("hub.key"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=qidong-test-hub"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"), key,
                   QStringLiteral("-out"), cert});
    QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0,
             openssl.readAll().constData());

    HubProcess hub;
    QVERIFY2(hub.start({QStringLiteral("--cert"), cert, QStringLiteral("--key"), key}),
             hub.log().constData());
    QCOMPARE(hub.url().scheme(), QStringLiteral("wss"));

    // The client trusts exactly this certificate and verifies it properly.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(cert));
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    TestClient client(hub.url());
    client.setSslConfiguration(tls);
    const std::optional<SessionGrant> grant = client.signIn(QStringLiteral("amy.lin"));
    QVERIFY(grant.has_value());
    QCOMPARE(grant->snapshot.agent.username, QStringLiteral("amy.lin"));

    // A client that does not trust the certificate is not let in.
    TestClient untrusting(hub.url());
    QVERIFY(!untrusting.open(5000));
    // Plain ws:// to the TLS port gets nowhere either.
    QUrl plain = hub.url();
    plain.setScheme(QStringLiteral("ws"));
    TestClient cleartext(plain);
    QVERIFY(!cleartext.open(5000));
}

void tst_HubLifecycle::badArgumentsAreExplained_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no data dir") << QStringList{QStringLiteral("--listen"),
                                                QStringLiteral("127.0.0.1:0")}
                                 << QStringLiteral("--data-dir is required");
    QTest::newRow("bad listen") << QStringList{QStringLiteral("--data-dir"),
                                               QStringLiteral("/tmp/x"), QStringLiteral("--listen"),
                                               QStringLiteral("everywhere")}
                                << QStringLiteral("--listen expects host:port");
    QTest::newRow("bad port") << QStringList{QStringLiteral("--data-dir"), QStringLiteral("/tmp/x"),
                                             QStringLiteral("--listen"),
                                             QStringLiteral("127.0.0.1:99999")}
                              << QStringLiteral("bad port");
    QTest::newRow("cert without key")
        << QStringList{QStringLiteral("--data-dir"), QStringLiteral("/tmp/x"),
                       QStringLiteral("--cert"), QStringLiteral("/tmp/c.pem")}
        << QStringLiteral("--cert and --key go together");
    QTest::newRow("heartbeat too small")
        << QStringList{QStringLiteral("--data-dir"), QStringLiteral("/tmp/x"),
                       QStringLiteral("--heartbeat-ms"), QStringLiteral("1")}
        << QStringLiteral("--heartbeat-ms must be");
}

void tst_HubLifecycle::badArgumentsAreExplained()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(HubProcess::executable(), arguments);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 2);
    const QString output = QString::fromUtf8(process.readAll());
    QVERIFY2(output.contains(message), qPrintable(output));
}

void tst_HubLifecycle::ctlReportsTheSignInOutcome_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("report");
    QTest::newRow("demo supervisor")
        << "zhou.hui"
        << "qidong-demo" << 0 << "signed in as 周慧 (zhou.hui, supervisor)";
    QTest::newRow("wrong password") << "zhou.hui"
                                    << "wrong" << 1 << "invalid_credentials: ";
}

void tst_HubLifecycle::ctlReportsTheSignInOutcome()
{
    QFETCH(QString, username);
    QFETCH(QString, password);
    QFETCH(int, exitCode);
    QFETCH(QString, report);
    HubProcess hub;
    QVERIFY(hub.start());
    QProcess ctl;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QIDONG_PASSWORD"), password);
    ctl.setProcessEnvironment(environment);
    ctl.start(HubProcess::ctlExecutable(),
              {QStringLiteral("--url"), hub.url().toString(), QStringLiteral("login"), username});
    QVERIFY(ctl.waitForFinished(30000));
    const QString output = QString::fromUtf8(ctl.readAllStandardOutput());
    QCOMPARE(ctl.exitCode(), exitCode);
    QVERIFY2(output.startsWith(report), qPrintable(output));
}

QTEST_GUILESS_MAIN(tst_HubLifecycle)
#include "tst_HubLifecycle.moc"
