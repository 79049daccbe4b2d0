#include "SessionStore.h"

#include "Database.h"
#include "log/HubLog.h"

#include <QSqlError>
#include <QSqlQuery>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

Error failure(const QSqlQuery& query)
{
    logWarning(lcStorage, QLatin1StringView("sql.failed"),
               {{QStringLiteral("error"), query.lastError().text()}});
    return makeError(ErrorCode::StorageFailure, QStringLiteral("could not store the session"));
}

SessionRecord readSession(const QSqlQuery& query)
{
    return SessionRecord{query.value(0).toString(),    query.value(1).toString(),
                         query.value(2).toByteArray(), query.value(3).toString(),
                         query.value(4).toLongLong(),  query.value(5).toLongLong()};
}

const QString kSessionColumns =
    QStringLiteral("id, account_id, token_hash, refresh_family, created_at, expires_at");

} // namespace

SessionStore::SessionStore(Database& database)
    : m_database(database)
{}

Result<bool> SessionStore::insertSession(const SessionRecord& record)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO sessions(") + kSessionColumns +
                  QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(record.id);
    query.addBindValue(record.agentId);
    query.addBindValue(record.tokenHash);
    query.addBindValue(record.refreshFamily);
    query.addBindValue(record.createdAtMs);
    query.addBindValue(record.expiresAtMs);
    if (!query.exec())
        return failure(query);
    return true;
}

std::optional<SessionRecord> SessionStore::findSession(const QByteArray& tokenHash,
                                                       qint64 nowMs) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT ") + kSessionColumns +
                  QStringLiteral(" FROM sessions WHERE token_hash = ? AND expires_at > ?"));
    query.addBindValue(tokenHash);
    query.addBindValue(nowMs);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readSession(query);
}

QList<SessionRecord> SessionStore::sessionsOf(const QString& agentId) const
{
    QList<SessionRecord> records;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT ") + kSessionColumns +
                  QStringLiteral(" FROM sessions WHERE account_id = ?"));
    query.addBindValue(agentId);
    if (query.exec()) {
        while (query.next())
            records.append(readSession(query));
    }
    return records;
}

Result<bool> SessionStore::deleteSession(const QString& sessionId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM sessions WHERE id = ?"));
    query.addBindValue(sessionId);
    if (!query.exec())
        return failure(query);
    return true;
}

Result<bool> SessionStore::insertRefreshToken(const QByteArray& tokenHash, const QString& agentId,
                                              const QString& family, qint64 expiresAtMs)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO refresh_tokens(token_hash, account_id, family,"
                                 " used, expires_at) VALUES (?, ?, ?, 0, ?)"));
    query.addBindValue(tokenHash);
    query.addBindValue(agentId);
    query.addBindValue(family);
    query.addBindValue(expiresAtMs);
    if (!query.exec())
        return failure(query);
    return true;
}

RefreshCheck SessionStore::consumeRefreshToken(const QByteArray& tokenHash, qint64 nowMs)
{
    QSqlDatabase& db = m_database.connection();
    if (!db.transaction())
        return {};
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT account_id, family, used FROM refresh_tokens WHERE "
                                 "token_hash = ? AND expires_at > ?"));
    query.addBindValue(tokenHash);
    query.addBindValue(nowMs);
    if (!query.exec() || !query.next()) {
        db.rollback();
        return {};
    }
    RefreshCheck check{RefreshOutcome::Valid, query.value(0).toString(), query.value(1).toString()};
    if (query.value(2).toInt() != 0) {
        db.rollback();
        check.outcome = RefreshOutcome::Reused;
        return check;
    }
    query.prepare(QStringLiteral("UPDATE refresh_tokens SET used = 1 WHERE token_hash = ?"));
    query.addBindValue(tokenHash);
    if (!query.exec() || !db.commit()) {
        db.rollback();
        return {};
    }
    return check;
}

Result<bool> SessionStore::revokeFamily(const QString& family)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM refresh_tokens WHERE family = ?"));
    query.addBindValue(family);
    if (!query.exec())
        return failure(query);
    query.prepare(QStringLiteral("DELETE FROM sessions WHERE refresh_family = ?"));
    query.addBindValue(family);
    if (!query.exec())
        return failure(query);
    return true;
}

} // namespace qidong::hub
