#include "AuditLog.h"

#include "Clock.h"
#include "Database.h"
#include "log/HubLog.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace qidong::hub {

using namespace qidong::protocol;

AuditLog::AuditLog(Database& database)
    : m_database(database)
{}

Result<bool> AuditLog::write(const QString& actor, const QString& action, const QString& subject,
                             const QJsonObject& detail)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO audit_log(ts, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(nowMs());
    query.addBindValue(actor);
    query.addBindValue(action);
    query.addBindValue(subject);
    query.addBindValue(QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));
    if (!query.exec()) {
        logWarning(lcStorage, QLatin1StringView("audit.failed"),
                   {{QStringLiteral("error"), query.lastError().text()}});
        return makeError(ErrorCode::StorageFailure,
                         QStringLiteral("could not write the audit log"));
    }
    logInfo(lcStorage, QLatin1StringView("audit"),
            {{QStringLiteral("actor"), actor},
             {QStringLiteral("action"), action},
             {QStringLiteral("subject"), subject}});
    return true;
}

} // namespace qidong::hub
