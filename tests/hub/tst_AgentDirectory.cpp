#include "agents/AgentDirectory.h"
#include "auth/PasswordHasher.h"
#include "storage/AccountStore.h"
#include "storage/AgentStateStore.h"
#include "storage/Database.h"
#include "storage/DemoSeeder.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace qidong::hub;
using namespace qidong::protocol;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(qidong::protocol::AgentState)

namespace {

const QString kLina = QStringLiteral("u1001");

} // namespace

// The live presence of agents over a real SQLite file: validation, the
// busy → wrap-up → queued-next cycle, store-before-announce, grace timers.
class tst_AgentDirectory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void unknownReasonIsRefused();
    void queuedStateAppliesAfterWrapUp();
    void everyChangeIsStoredBeforeItIsAnnounced();
    void storageFailureChangesNothing();
    void disconnectGraceMovesToOfflineUnlessReconnected();
    void statesLeftWorkingByACrashStartTheirGrace();
    void adminsHaveNoPresence();
    void wrapUpTimeRunsOutIntoAcwOverflow();

private:
    std::unique_ptr<AgentDirectory> makeDirectory(std::chrono::milliseconds grace);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<AgentStateStore> m_states;
};

void tst_AgentDirectory::initTestCase()
{
    qRegisterMetaType<AgentState>();
    QVERIFY(PasswordHasher::initialize());
}

void tst_AgentDirectory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Result<std::unique_ptr<Database>> db =
        Database::open(m_dir->filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_accounts = std::make_unique<AccountStore>(*m_db);
    m_states = std::make_unique<AgentStateStore>(*m_db);
    QVERIFY(DemoSeeder::seedIfEmpty(*m_db, *m_accounts).ok());
}

void tst_AgentDirectory::cleanup()
{
    m_states.reset();
    m_accounts.reset();
    m_db.reset();
    m_dir.reset();
}

std::unique_ptr<AgentDirectory> tst_AgentDirectory::makeDirectory(std::chrono::milliseconds grace)
{
    auto directory = std::make_unique<AgentDirectory>(*m_accounts, *m_states, grace);
    directory->load();
    return directory;
}

void tst_AgentDirectory::unknownReasonIsRefused()
{
    auto directory = makeDirectory(60s);
    Result<SetStateResult> result = directory->requestState(
        kLina, SetStateParams{Presence::NotReady, QStringLiteral("nap")}, QStringLiteral("agent"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidParams);
    QCOMPARE(directory->stateOf(kLina).presence, Presence::Offline);
    QCOMPARE(
        directory->requestState(QStringLiteral("nobody"), SetStateParams{}, QString()).error().code,
        ErrorCode::NotFound);
}

void tst_AgentDirectory::queuedStateAppliesAfterWrapUp()
{
    auto directory = makeDirectory(60s);
    QSignalSpy changes(directory.get(), &AgentDirectory::stateChanged);
    QVERIFY(
        directory->requestState(kLina, SetStateParams{Presence::Ready, {}}, QStringLiteral("agent"))
            .ok());
    QVERIFY(directory->startWork(kLina).ok());
    QCOMPARE(directory->stateOf(kLina).presence, Presence::Busy);

    // Mid-call the agent asks for lunch: queued, still busy.
    Result<SetStateResult> queued =
        directory->requestState(kLina, SetStateParams{Presence::NotReady, QStringLiteral("lunch")},
                                QStringLiteral("agent"));
    QVERIFY(queued.ok());
    QVERIFY(queued.value().queued);
    QCOMPARE(directory->stateOf(kLina).presence, Presence::Busy);
    QCOMPARE(directory->stateOf(kLina).next->reasonCode, QStringLiteral("lunch"));

    QVERIFY(directory->endWork(kLina, 0ms).ok());
    QCOMPARE(directory->stateOf(kLina).presence, Presence::AfterCallWork);
    QVERIFY(directory->finishAfterCallWork(kLina).ok());
    QCOMPARE(directory->stateOf(kLina).presence, Presence::NotReady);
    QCOMPARE(directory->stateOf(kLina).reasonCode, QStringLiteral("lunch"));
    QVERIFY(!directory->stateOf(kLina).next.has_value());
    QCOMPARE(changes.size(), 5); // ready, busy, busy+next, acw, notReady(lunch)
    QCOMPARE(changes.at(1).at(2).toString(), QStringLiteral("system"));

    // Work cannot start for an agent on lunch.
    QCOMPARE(directory->startWork(kLina).error().code, ErrorCode::InvalidTransition);
}

void tst_AgentDirectory::everyChangeIsStoredBeforeItIsAnnounced()
{
    auto directory = makeDirectory(60s);
    AgentState storedWhenAnnounced;
    connect(directory.get(), &AgentDirectory::stateChanged, this,
            [&](const QString& agentId, const AgentState&, const QString&) {
                storedWhenAnnounced = m_states->loadAll().value(agentId);
            });
    QVERIFY(directory
                ->requestState(kLina,
                               SetStateParams{Presence::NotReady, QStringLiteral("training")},
                               QStringLiteral("agent"))
                .ok());
    QCOMPARE(storedWhenAnnounced.presence, Presence::NotReady);
    QCOMPARE(storedWhenAnnounced.reasonCode, QStringLiteral("training"));
}

void tst_AgentDirectory::storageFailureChangesNothing()
{
    auto directory = makeDirectory(60s);
    QSignalSpy changes(directory.get(), &AgentDirectory::stateChanged);
    // Make every write to agent_states fail, as a full disk would.
    QSqlQuery query(m_db->connection());
    QVERIFY(query.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON agent_states BEGIN "
                                      "SELECT RAISE(FAIL, 'disk full'); END")));
    Result<SetStateResult> result = directory->requestState(
        kLina, SetStateParams{Presence::Ready, {}}, QStringLiteral("agent"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::StorageFailure);
    QCOMPARE(directory->stateOf(kLina).presence, Presence::Offline);
    QCOMPARE(changes.size(), 0);
}

void tst_AgentDirectory::disconnectGraceMovesToOfflineUnlessReconnected()
{
    auto directory = makeDirectory(150ms);
    QSignalSpy changes(directory.get(), &AgentDirectory::stateChanged);
    const QString wei = QStringLiteral("u1002");
    for (const QString& agent : {kLina, wei}) {
        directory->markConnected(agent);
        QVERIFY(
            directory
                ->requestState(agent, SetStateParams{Presence::Ready, {}}, QStringLiteral("agent"))
                .ok());
    }
    directory->markDisconnected(kLina);
    directory->markDisconnected(wei);
    QTest::qWait(50);
    directory->markConnected(wei); // back in time
    QTRY_COMPARE(directory->stateOf(kLina).presence, Presence::Offline);
    QCOMPARE(changes.last().at(0).toString(), kLina);
    QCOMPARE(changes.last().at(2).toString(), QStringLiteral("disconnected"));
    QTest::qWait(300);
    QCOMPARE(directory->stateOf(wei).presence, Presence::Ready);
    QVERIFY(directory->isConnected(wei));
    QVERIFY(!directory->isConnected(kLina));
}

void tst_AgentDirectory::statesLeftWorkingByACrashStartTheirGrace()
{
    QVERIFY(m_states->save(kLina, AgentState{Presence::Ready, {}, 1000, {}}).ok());
    auto directory = makeDirectory(100ms);
    QCOMPARE(directory->stateOf(kLina).presence, Presence::Ready);
    QCOMPARE(directory->stateOf(kLina).sinceMs, 1000);
    QTRY_COMPARE(directory->stateOf(kLina).presence, Presence::Offline);

    // Unless the hub is draining: then states are kept for the next start.
    QVERIFY(m_states->save(kLina, AgentState{Presence::Ready, {}, 2000, {}}).ok());
    auto draining = makeDirectory(100ms);
    draining->holdDisconnectTimers();
    QTest::qWait(300);
    QCOMPARE(draining->stateOf(kLina).presence, Presence::Ready);
}

void tst_AgentDirectory::adminsHaveNoPresence()
{
    auto directory = makeDirectory(60s);
    QVERIFY(!directory->hasPresence(QStringLiteral("u9001")));
    QVERIFY(directory->hasPresence(QStringLiteral("u2001")));
}

void tst_AgentDirectory::wrapUpTimeRunsOutIntoAcwOverflow()
{
    auto directory = makeDirectory(60s);
    QSignalSpy changes(directory.get(), &AgentDirectory::stateChanged);
    QVERIFY(
        directory->requestState(kLina, SetStateParams{Presence::Ready, {}}, QStringLiteral("agent"))
            .ok());
    QVERIFY(directory->startWork(kLina).ok());
    QVERIFY(directory->endWork(kLina, 200ms).ok());
    const AgentState wrapUp = directory->stateOf(kLina);
    QCOMPARE(wrapUp.presence, Presence::AfterCallWork);
    QCOMPARE(wrapUp.untilMs - wrapUp.sinceMs, 200);
    QCOMPARE(m_states->loadAll().value(kLina).untilMs, wrapUp.untilMs); // survives a restart
    QTRY_COMPARE(directory->stateOf(kLina).presence, Presence::NotReady);
    QCOMPARE(directory->stateOf(kLina).reasonCode, QStringLiteral("acw-overflow"));
    QCOMPARE(changes.last().at(2).toString(), QStringLiteral("system"));

    // Finishing in time cancels it; the site cap shortens a long queue limit.
    QVERIFY(
        directory->requestState(kLina, SetStateParams{Presence::Ready, {}}, QStringLiteral("agent"))
            .ok());
    QVERIFY(directory->startWork(kLina).ok());
    QVERIFY(directory->endWork(kLina, 150ms).ok());
    QVERIFY(directory->finishAfterCallWork(kLina).ok());
    QTest::qWait(300);
    QCOMPARE(directory->stateOf(kLina).presence, Presence::Ready);
    directory->setAfterCallWorkCap(100ms);
    QVERIFY(directory->startWork(kLina).ok());
    QVERIFY(directory->endWork(kLina, 60s).ok());
    QCOMPARE(directory->stateOf(kLina).untilMs - directory->stateOf(kLina).sinceMs, 100);
    QTRY_COMPARE(directory->stateOf(kLina).presence, Presence::NotReady);
}

QTEST_GUILESS_MAIN(tst_AgentDirectory)
#include "tst_AgentDirectory.moc"
