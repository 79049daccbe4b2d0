#include "AuditLog.h"

#include "Clock.h"
#include "Database.h"
#include "log/HubLog.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

#include <sodium.h>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

// BLAKE2b-256 of the previous entry's hash and this entry's fields, each
// field length-prefixed so no two entries hash the same bytes.
QByteArray entryHash(const QByteArray& previous, qint64 ts, const QString& actor,
                     const QString& action, const QString& subject, const QString& detail)
{
    QByteArray input = previous;
    for (const QByteArray& field : {QByteArray::number(ts), actor.toUtf8(), action.toUtf8(),
                                    subject.toUtf8(), detail.toUtf8()}) {
        char length[4];
        qToLittleEndian<quint32>(quint32(field.size()), length);
        input.append(length, 4);
        input.append(field);
    }
    QByteArray hash(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(hash.data()), std::size_t(hash.size()),
                       reinterpret_cast<const unsigned char*>(input.constData()),
                       std::size_t(input.size()), nullptr, 0);
    return hash;
}

Error storageError(const QSqlQuery& query, const QString& what)
{
    logWarning(lcStorage, QLatin1StringView("audit.failed"),
               {{QStringLiteral("error"), query.lastError().text()}});
    return makeError(ErrorCode::StorageFailure, what);
}

} // namespace

AuditLog::AuditLog(Database& database)
    : m_database(database)
{}

QByteArray AuditLog::lastHash() const
{
    QSqlQuery query(m_database.connection());
    query.exec(QStringLiteral(
        "SELECT hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1"));
    return query.next() ? query.value(0).toByteArray() : QByteArray();
}

Result<bool> AuditLog::write(const QString& actor, const QString& action, const QString& subject,
                             const QJsonObject& detail)
{
    const qint64 ts = nowMs();
    const QString detailText =
        QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    const QByteArray previous = lastHash();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO audit_log(ts, actor, action, subject, detail,"
                                 " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(ts);
    query.addBindValue(actor);
    query.addBindValue(action);
    query.addBindValue(subject);
    query.addBindValue(detailText);
    query.addBindValue(previous);
    query.addBindValue(entryHash(previous, ts, actor, action, subject, detailText));
    if (!query.exec())
        return storageError(query, QStringLiteral("could not write the audit log"));
    logInfo(lcStorage, QLatin1StringView("audit"),
            {{QStringLiteral("actor"), actor},
             {QStringLiteral("action"), action},
             {QStringLiteral("subject"), subject}});
    return true;
}

Result<int> AuditLog::sealUnchained()
{
    QSqlQuery rows(m_database.connection());
    if (!rows.exec(QStringLiteral("SELECT id, ts, actor, action, subject, detail FROM audit_log"
                                  " WHERE hash IS NULL ORDER BY id")))
        return storageError(rows, QStringLiteral("could not read the audit log"));
    // Entries from before the chain all come before any chained one.
    QByteArray previous;
    int sealed = 0;
    QSqlQuery seal(m_database.connection());
    seal.prepare(QStringLiteral("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?"));
    while (rows.next()) {
        const QByteArray hash =
            entryHash(previous, rows.value(1).toLongLong(), rows.value(2).toString(),
                      rows.value(3).toString(), rows.value(4).toString(), rows.value(5).toString());
        seal.addBindValue(previous);
        seal.addBindValue(hash);
        seal.addBindValue(rows.value(0).toLongLong());
        if (!seal.exec())
            return storageError(seal, QStringLiteral("could not seal the audit log"));
        previous = hash;
        ++sealed;
    }
    return sealed;
}

Result<AuditLog::Verification> AuditLog::verify() const
{
    QSqlQuery rows(m_database.connection());
    if (!rows.exec(QStringLiteral("SELECT id, ts, actor, action, subject, detail, prev_hash, hash"
                                  " FROM audit_log ORDER BY id")))
        return storageError(rows, QStringLiteral("could not read the audit log"));
    Verification result;
    QByteArray previous;
    while (rows.next()) {
        ++result.entries;
        const qint64 id = rows.value(0).toLongLong();
        const QByteArray storedPrevious = rows.value(6).toByteArray();
        const QByteArray stored = rows.value(7).toByteArray();
        QString problem;
        if (stored.isEmpty())
            problem = QStringLiteral("entry %1 is not sealed").arg(id);
        else if (storedPrevious != previous)
            problem = QStringLiteral("entry %1 does not follow the one before it (one was"
                                     " removed, added or reordered)")
                          .arg(id);
        else if (entryHash(previous, rows.value(1).toLongLong(), rows.value(2).toString(),
                           rows.value(3).toString(), rows.value(4).toString(),
                           rows.value(5).toString()) != stored)
            problem = QStringLiteral("entry %1 was changed after it was written").arg(id);
        if (!problem.isEmpty()) {
            result.firstBrokenId = id;
            result.problem = problem;
            return result;
        }
        previous = stored;
    }
    return result;
}

} // namespace qidong::hub
