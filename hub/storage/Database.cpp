#include "Database.h"

#include "Migrations.h"
#include "log/HubLog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace qidong::hub {

using protocol::ErrorCode;
using protocol::makeError;

namespace {

protocol::Error sqlFailure(const QString& what, const QSqlError& error)
{
    return makeError(ErrorCode::StorageFailure, what + QStringLiteral(": ") + error.text());
}

} // namespace

Database::Database(QSqlDatabase db, QString path, QString connectionName)
    : m_db(std::move(db))
    , m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    if (m_db.isOpen()) {
        QSqlQuery(m_db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

protocol::Result<std::unique_ptr<Database>> Database::open(const QString& path)
{
    const QString name = QStringLiteral("qidong-hub-") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<Database> database(
        new Database(QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name), path, name));
    database->m_db.setDatabaseName(path);
    database->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database->m_db.open())
        return sqlFailure(QStringLiteral("cannot open ") + path, database->m_db.lastError());

    {
        QSqlQuery query(database->m_db);
        // WAL: readers never block the writer; FULL: a committed change survives
        // a crash of the process or of the machine.
        const QStringList pragmas = {QStringLiteral("PRAGMA journal_mode=WAL"),
                                     QStringLiteral("PRAGMA synchronous=FULL"),
                                     QStringLiteral("PRAGMA foreign_keys=ON"),
                                     // Searches read the full-text indexes: keep up to
                                     // 32 MB of their pages instead of SQLite's 2 MB.
                                     QStringLiteral("PRAGMA cache_size=-32768")};
        for (const QString& pragma : pragmas) {
            if (!query.exec(pragma))
                return sqlFailure(pragma, query.lastError());
        }
        if (query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next() &&
            query.value(0).toString() != QLatin1StringView("wal"))
            return makeError(ErrorCode::StorageFailure,
                             QStringLiteral("the data directory does not support WAL journaling"));
    }

    protocol::Result<bool> migrated = database->migrate();
    if (!migrated)
        return migrated.error();
    return database;
}

int Database::schemaVersion() const
{
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) && query.next())
        return query.value(0).toInt();
    return 0;
}

bool Database::checkIntegrity()
{
    QSqlQuery query(m_db);
    return query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next() &&
           query.value(0).toString() == QLatin1StringView("ok");
}

protocol::Result<bool> Database::migrate()
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                   " version INTEGER PRIMARY KEY,"
                                   " applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)")))
        return sqlFailure(QStringLiteral("cannot create schema_version"), query.lastError());

    const int current = schemaVersion();
    const QList<Migration>& migrations = schemaMigrations();
    if (!migrations.isEmpty() && current > migrations.last().version)
        return makeError(ErrorCode::StorageFailure,
                         QStringLiteral("the data directory was written by a newer hub "
                                        "(schema %1, this hub knows up to %2)")
                             .arg(current)
                             .arg(migrations.last().version));

    for (const Migration& migration : migrations) {
        if (migration.version <= current)
            continue;
        if (!m_db.transaction())
            return sqlFailure(QStringLiteral("cannot begin migration"), m_db.lastError());
        for (const QString& statement : migration.statements) {
            if (!query.exec(statement)) {
                const protocol::Error error =
                    sqlFailure(QStringLiteral("migration %1 failed").arg(migration.version),
                               query.lastError());
                m_db.rollback();
                return error;
            }
        }
        query.prepare(QStringLiteral("INSERT INTO schema_version(version) VALUES (?)"));
        query.addBindValue(migration.version);
        if (!query.exec() || !m_db.commit()) {
            const protocol::Error error =
                sqlFailure(QStringLiteral("cannot record migration"), query.lastError());
            m_db.rollback();
            return error;
        }
        logInfo(lcStorage, QLatin1StringView("schema.migrated"),
                {{QStringLiteral("version"), migration.version}});
    }
    return true;
}

} // namespace qidong::hub
