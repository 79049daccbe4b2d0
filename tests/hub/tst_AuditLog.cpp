#include "auth/PasswordHasher.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"

#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace qidong::hub;
using namespace qidong::protocol;

// The audit log on a real SQLite file: append-only (UPDATE and DELETE are
// refused), hash-chained (a change made around the refusal, a removed entry
// or a reordering is found and named), entries from before the chain are
// sealed once, and `qidong-hub --verify-audit` says the same from outside.
class tst_AuditLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(PasswordHasher::initialize()); }
    void init();
    void cleanup();
    void entriesChainAndVerify();
    void theTableIsAppendOnly();
    void entriesFromBeforeTheChainAreSealedOnce();
    void aChangedEntryIsFound();
    void aRemovedEntryIsFound();
    void theVerifyCommandSaysTheSame();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("qidong-hub.sqlite")); }
    bool writeThree(AuditLog& audit);
    // What an intruder with the file does: around the triggers.
    bool tamper(const QString& statement);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
};

void tst_AuditLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Result<std::unique_ptr<Database>> opened = Database::open(path());
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    m_database = std::move(opened.value());
}

void tst_AuditLog::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

bool tst_AuditLog::writeThree(AuditLog& audit)
{
    return audit
               .write(QStringLiteral("u1001"), QStringLiteral("customer.reveal"),
                      QStringLiteral("c-42"), {{QStringLiteral("field"), QStringLiteral("phone")}})
               .ok() &&
           audit
               .write(QStringLiteral("u2001"), QStringLiteral("agent.forceState"),
                      QStringLiteral("u1001"), {{QStringLiteral("reason"), QStringLiteral("午休")}})
               .ok() &&
           audit
               .write(QStringLiteral("u2001"), QStringLiteral("monitor.start"),
                      QStringLiteral("i-7"))
               .ok();
}

bool tst_AuditLog::tamper(const QString& statement)
{
    QSqlQuery query(m_database->connection());
    return query.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_append_only")) &&
           query.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_no_delete")) &&
           query.exec(statement);
}

void tst_AuditLog::entriesChainAndVerify()
{
    AuditLog audit(*m_database);
    QVERIFY(writeThree(audit));
    const Result<AuditLog::Verification> checked = audit.verify();
    QVERIFY(checked.ok());
    QCOMPARE(checked.value().entries, 3);
    QCOMPARE(checked.value().firstBrokenId, 0);
    // Each entry names the one before it.
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT prev_hash, hash FROM audit_log ORDER BY id")));
    QByteArray previous;
    while (query.next()) {
        QCOMPARE(query.value(0).toByteArray(), previous);
        QCOMPARE(query.value(1).toByteArray().size(), 32);
        previous = query.value(1).toByteArray();
    }
}

void tst_AuditLog::theTableIsAppendOnly()
{
    AuditLog audit(*m_database);
    QVERIFY(writeThree(audit));
    QSqlQuery query(m_database->connection());
    QVERIFY(!query.exec(QStringLiteral("UPDATE audit_log SET actor = 'someone' WHERE id = 2")));
    QVERIFY(query.lastError().text().contains(QStringLiteral("append-only")));
    QVERIFY(!query.exec(QStringLiteral("DELETE FROM audit_log WHERE id = 3")));
    QVERIFY(audit.verify().value().firstBrokenId == 0);
    QCOMPARE(audit.verify().value().entries, 3);
}

void tst_AuditLog::entriesFromBeforeTheChainAreSealedOnce()
{
    // As a hub before schema 9 wrote them: no hashes.
    QSqlQuery query(m_database->connection());
    for (int i = 1; i <= 2; ++i)
        QVERIFY(query.exec(QStringLiteral("INSERT INTO audit_log(ts, actor, action, subject)"
                                          " VALUES (%1, 'u1001', 'customer.reveal', 'c-1')")
                               .arg(i)));
    AuditLog audit(*m_database);
    QVERIFY(!audit.verify().value().problem.isEmpty()); // not sealed yet
    QCOMPARE(audit.sealUnchained().value(), 2);
    QCOMPARE(audit.sealUnchained().value(), 0); // once
    QVERIFY(writeThree(audit));
    const AuditLog::Verification checked = audit.verify().value();
    QCOMPARE(checked.entries, 5);
    QCOMPARE(checked.firstBrokenId, 0);
    // Sealed, they are as fixed as the rest.
    QVERIFY(!query.exec(QStringLiteral("UPDATE audit_log SET actor = 'x' WHERE id = 1")));
}

void tst_AuditLog::aChangedEntryIsFound()
{
    AuditLog audit(*m_database);
    QVERIFY(writeThree(audit));
    QVERIFY(tamper(QStringLiteral("UPDATE audit_log SET detail = '{\"reason\":\"nothing\"}'"
                                  " WHERE id = 2")));
    const AuditLog::Verification checked = audit.verify().value();
    QCOMPARE(checked.firstBrokenId, 2);
    QVERIFY2(checked.problem.contains(QStringLiteral("changed")), qPrintable(checked.problem));
}

void tst_AuditLog::aRemovedEntryIsFound()
{
    AuditLog audit(*m_database);
    QVERIFY(writeThree(audit));
    QVERIFY(tamper(QStringLiteral("DELETE FROM audit_log WHERE id = 2")));
    const AuditLog::Verification checked = audit.verify().value();
    QCOMPARE(checked.firstBrokenId, 3);
    QVERIFY2(checked.problem.contains(QStringLiteral("removed")), qPrintable(checked.problem));
}

void tst_AuditLog::theVerifyCommandSaysTheSame()
{
    AuditLog audit(*m_database);
    QVERIFY(writeThree(audit));
    const auto run = [this](QString* output) {
        QProcess hub;
        hub.start(QStringLiteral(QIDONG_HUB_EXECUTABLE),
                  {QStringLiteral("--verify-audit"), QStringLiteral("--data-dir"), m_dir->path()});
        if (!hub.waitForFinished(30000))
            return -1;
        *output = QString::fromUtf8(hub.readAllStandardOutput() + hub.readAllStandardError());
        return hub.exitCode();
    };
    QString output;
    QCOMPARE(run(&output), 0);
    QVERIFY2(output.contains(QStringLiteral("intact: 3 entries")), qPrintable(output));
    QVERIFY(tamper(QStringLiteral("UPDATE audit_log SET actor = 'u9999' WHERE id = 1")));
    QCOMPARE(run(&output), 3);
    QVERIFY2(output.contains(QStringLiteral("entry 1 was changed")), qPrintable(output));
    QProcess missing;
    missing.start(QStringLiteral(QIDONG_HUB_EXECUTABLE),
                  {QStringLiteral("--verify-audit"), QStringLiteral("--data-dir"),
                   m_dir->filePath(QStringLiteral("nowhere"))});
    QVERIFY(missing.waitForFinished(30000));
    QCOMPARE(missing.exitCode(), 2);
}

QTEST_GUILESS_MAIN(tst_AuditLog)
#include "tst_AuditLog.moc"
