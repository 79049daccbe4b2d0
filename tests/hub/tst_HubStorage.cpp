#include "auth/PasswordHasher.h"
#include "auth/SecretToken.h"
#include "storage/AccountStore.h"
#include "storage/AgentStateStore.h"
#include "storage/Database.h"
#include "storage/DemoSeeder.h"
#include "storage/Migrations.h"
#include "storage/SessionStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace qidong::hub;
using namespace qidong::protocol;

class tst_HubStorage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(PasswordHasher::initialize()); }
    void init();
    void migratesAFreshFileInWalMode();
    void reopeningIsIdempotent();
    void refusesASchemaFromTheFuture();
    void refusesAnUnwritablePath();
    void demoSeedsAnOrganisationOnce();
    void agentStatesRoundTrip();
    void refreshTokensAreSingleUse();
    void revokingAFamilyEndsItsSessions();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("hub.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_HubStorage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_HubStorage::migratesAFreshFileInWalMode()
{
    Result<std::unique_ptr<Database>> db = Database::open(path());
    QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
    QCOMPARE(db.value()->schemaVersion(), schemaMigrations().last().version);
    QSqlQuery query(db.value()->connection());
    QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    QVERIFY(db.value()->checkIntegrity());
}

void tst_HubStorage::reopeningIsIdempotent()
{
    {
        Result<std::unique_ptr<Database>> db = Database::open(path());
        QVERIFY(db.ok());
    }
    Result<std::unique_ptr<Database>> db = Database::open(path());
    QVERIFY(db.ok());
    QSqlQuery query(db.value()->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version")) && query.next());
    QCOMPARE(query.value(0).toInt(), schemaMigrations().size());
}

void tst_HubStorage::refusesASchemaFromTheFuture()
{
    {
        Result<std::unique_ptr<Database>> db = Database::open(path());
        QVERIFY(db.ok());
        QSqlQuery query(db.value()->connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO schema_version(version) VALUES (999)")));
    }
    Result<std::unique_ptr<Database>> db = Database::open(path());
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, ErrorCode::StorageFailure);
    QVERIFY(db.error().message.contains(QStringLiteral("newer hub")));
}

void tst_HubStorage::refusesAnUnwritablePath()
{
    Result<std::unique_ptr<Database>> db =
        Database::open(m_dir->filePath(QStringLiteral("no/such/dir/hub.sqlite")));
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, ErrorCode::StorageFailure);
}

void tst_HubStorage::demoSeedsAnOrganisationOnce()
{
    Result<std::unique_ptr<Database>> db = Database::open(path());
    QVERIFY(db.ok());
    AccountStore accounts(*db.value());
    QVERIFY(DemoSeeder::seedIfEmpty(*db.value(), accounts).ok());
    QVERIFY(DemoSeeder::seedIfEmpty(*db.value(), accounts).ok()); // second run: no-op

    const QList<Agent> people = accounts.agents();
    QCOMPARE(people.size(), 10);
    const auto count = [&people](Role role) {
        return std::count_if(people.cbegin(), people.cend(),
                             [role](const Agent& agent) { return agent.role == role; });
    };
    QCOMPARE(count(Role::Agent), 8);
    QCOMPARE(count(Role::Supervisor), 1);
    QCOMPARE(count(Role::Admin), 1);
    QVERIFY(accounts.teams().size() >= 2);
    QVERIFY(accounts.queues().size() >= 3);
    QVERIFY(accounts.hasReasonCode(ReasonKind::NotReady, QStringLiteral("lunch")));
    QVERIFY(accounts.hasReasonCode(ReasonKind::NotReady, QStringLiteral("acw-overflow")));
    QVERIFY(accounts.hasReasonCode(ReasonKind::WrapUp, QStringLiteral("complaint-case")));
    QVERIFY(!accounts.hasReasonCode(ReasonKind::WrapUp, QStringLiteral("lunch")));

    // Chinese and English names, and usernames found regardless of case.
    const std::optional<AccountRecord> lina = accounts.findByUsername(QStringLiteral("LI.NA"));
    QVERIFY(lina.has_value());
    QCOMPARE(lina->agent.displayName, QStringLiteral("李娜"));
    QVERIFY(lina->passwordHash.startsWith(QStringLiteral("$argon2id$")));
    QVERIFY(
        PasswordHasher::verify(lina->passwordHash, QString::fromLatin1(DemoSeeder::kDemoPassword)));
    QVERIFY(lina->agent.skills.size() >= 2);
    const QList<Queue> queues = accounts.queues();
    QVERIFY(std::any_of(queues.cbegin(), queues.cend(),
                        [](const Queue& q) { return q.language == QStringLiteral("en"); }));
    QVERIFY(std::any_of(queues.cbegin(), queues.cend(),
                        [](const Queue& q) { return q.name.zh == QStringLiteral("在线客服"); }));
}

void tst_HubStorage::agentStatesRoundTrip()
{
    Result<std::unique_ptr<Database>> db = Database::open(path());
    QVERIFY(db.ok());
    AccountStore accounts(*db.value());
    QVERIFY(DemoSeeder::seedIfEmpty(*db.value(), accounts).ok());
    AgentStateStore states(*db.value());
    const AgentState busy{
        Presence::Busy, {}, 1234, AgentState::Next{Presence::NotReady, QStringLiteral("lunch")}};
    QVERIFY(states.save(QStringLiteral("u1001"), busy).ok());
    const AgentState ready{Presence::Ready, {}, 99, std::nullopt};
    QVERIFY(states.save(QStringLiteral("u1002"), ready).ok());
    QVERIFY(states
                .save(QStringLiteral("u1002"),
                      AgentState{Presence::NotReady, QStringLiteral("break"), 100, {}})
                .ok());
    const QHash<QString, AgentState> loaded = states.loadAll();
    QCOMPARE(loaded.size(), 2);
    QVERIFY(loaded.value(QStringLiteral("u1001")) == busy);
    QCOMPARE(loaded.value(QStringLiteral("u1002")).reasonCode, QStringLiteral("break"));
    // A state for an account that does not exist is refused (foreign key).
    QVERIFY(!states.save(QStringLiteral("nobody"), ready).ok());
}

void tst_HubStorage::refreshTokensAreSingleUse()
{
    Result<std::unique_ptr<Database>> db = Database::open(path());
    QVERIFY(db.ok());
    AccountStore accounts(*db.value());
    QVERIFY(DemoSeeder::seedIfEmpty(*db.value(), accounts).ok());
    SessionStore sessions(*db.value());
    const QByteArray hash = SecretToken::digest(SecretToken::generate());
    QVERIFY(sessions.insertRefreshToken(hash, QStringLiteral("u1001"), QStringLiteral("fam"), 10000)
                .ok());

    RefreshCheck first = sessions.consumeRefreshToken(hash, 500);
    QCOMPARE(first.outcome, RefreshOutcome::Valid);
    QCOMPARE(first.agentId, QStringLiteral("u1001"));
    QCOMPARE(first.family, QStringLiteral("fam"));
    QCOMPARE(sessions.consumeRefreshToken(hash, 600).outcome, RefreshOutcome::Reused);
    QCOMPARE(sessions.consumeRefreshToken(SecretToken::digest(QStringLiteral("x")), 600).outcome,
             RefreshOutcome::Unknown);

    const QByteArray expiring = SecretToken::digest(SecretToken::generate());
    QVERIFY(
        sessions.insertRefreshToken(expiring, QStringLiteral("u1001"), QStringLiteral("f2"), 1000)
            .ok());
    QCOMPARE(sessions.consumeRefreshToken(expiring, 1000).outcome, RefreshOutcome::Unknown);
}

void tst_HubStorage::revokingAFamilyEndsItsSessions()
{
    Result<std::unique_ptr<Database>> db = Database::open(path());
    QVERIFY(db.ok());
    AccountStore accounts(*db.value());
    QVERIFY(DemoSeeder::seedIfEmpty(*db.value(), accounts).ok());
    SessionStore sessions(*db.value());
    const QByteArray tokenHash = SecretToken::digest(SecretToken::generate());
    QVERIFY(sessions
                .insertSession({QStringLiteral("s1"), QStringLiteral("u1001"), tokenHash,
                                QStringLiteral("fam"), 1, 100000})
                .ok());
    QVERIFY(sessions.findSession(tokenHash, 50).has_value());
    QVERIFY(!sessions.findSession(tokenHash, 100000).has_value()); // expired
    QVERIFY(sessions.revokeFamily(QStringLiteral("fam")).ok());
    QVERIFY(!sessions.findSession(tokenHash, 50).has_value());
}

QTEST_GUILESS_MAIN(tst_HubStorage)
#include "tst_HubStorage.moc"
