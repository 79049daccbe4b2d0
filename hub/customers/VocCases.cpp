#include "VocCases.h"

#include "Clock.h"
#include "CustomerStore.h"
#include "auth/SecretToken.h"
#include "log/HubLog.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

Error storageFailure(const QSqlQuery& query)
{
    logWarning(lcStorage, QLatin1StringView("voc.case.failed"),
               {{QStringLiteral("error"), query.lastError().text()}});
    return makeError(ErrorCode::StorageFailure, QStringLiteral("could not store the case"));
}

} // namespace

VocCases::VocCases(Database& database, CustomerStore& customers)
    : m_database(database)
    , m_customers(customers)
{}

QString VocCases::departmentFor(const QString& category)
{
    static const QList<QPair<QStringList, const char*>> owners = {
        {{QStringLiteral("billing"), QStringLiteral("refund")}, "计费中心 Billing"},
        {{QStringLiteral("network"), QStringLiteral("roaming"), QStringLiteral("signal")},
         "网络运维部 Network operations"},
        {{QStringLiteral("baggage"), QStringLiteral("flight")}, "地面服务部 Ground services"},
        {{QStringLiteral("app"), QStringLiteral("banking-app"), QStringLiteral("card")},
         "数字渠道部 Digital channels"},
        {{QStringLiteral("delivery"), QStringLiteral("shipping")}, "物流部 Logistics"},
        {{QStringLiteral("quality"), QStringLiteral("product")}, "质量管理部 Quality"},
    };
    const QString lower = category.toLower();
    for (const auto& [categories, department] : owners) {
        for (const QString& known : categories) {
            if (lower.contains(known))
                return QString::fromUtf8(department);
        }
    }
    return QString::fromUtf8("客户体验部 Customer experience");
}

Result<std::optional<VocCase>> VocCases::openFromWrapUp(const Interaction& interaction,
                                                        const WrapUpRecord& record)
{
    if (record.voc != VocKind::Complaint && record.voc != VocKind::Suggestion)
        return std::optional<VocCase>{};
    VocCase voc;
    voc.id = QStringLiteral("case-") + SecretToken::randomId().left(10);
    voc.interactionId = interaction.id;
    voc.kind = record.voc;
    voc.category = record.vocCategory;
    voc.department = departmentFor(record.vocCategory);
    voc.status = QStringLiteral("open");
    voc.summary = record.notes;
    voc.createdAtMs = nowMs();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO voc_cases(id, customer_id, interaction_id, kind, category, department,"
        " status, summary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(voc.id);
    query.addBindValue(m_customers.canonical(interaction.customer.id));
    query.addBindValue(voc.interactionId);
    query.addBindValue(vocKindName(voc.kind));
    query.addBindValue(orEmpty(voc.category));
    query.addBindValue(voc.department);
    query.addBindValue(voc.status);
    query.addBindValue(orEmpty(voc.summary));
    query.addBindValue(voc.createdAtMs);
    query.addBindValue(voc.createdAtMs);
    if (!query.exec())
        return storageFailure(query);
    logInfo(lcInteractions, QLatin1StringView("voc.case.opened"),
            {{QStringLiteral("case"), voc.id},
             {QStringLiteral("interaction"), voc.interactionId},
             {QStringLiteral("department"), voc.department}});
    return std::optional<VocCase>(voc);
}

Result<QJsonArray> VocCases::takeNotifications(const QString& channel, int limit)
{
    QSqlDatabase& db = m_database.connection();
    if (!db.transaction())
        return makeError(ErrorCode::StorageFailure, QStringLiteral("could not read notifications"));
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, customer_id, channel, address, body, created_at FROM"
                                 " customer_notifications WHERE fetched_at = 0 AND (? = '' OR"
                                 " channel = ?) ORDER BY id LIMIT ?"));
    query.addBindValue(orEmpty(channel));
    query.addBindValue(orEmpty(channel));
    query.addBindValue(limit);
    QJsonArray taken;
    QList<qint64> ids;
    if (query.exec()) {
        while (query.next()) {
            ids.append(query.value(0).toLongLong());
            taken.append(QJsonObject{{QStringLiteral("id"), query.value(0).toLongLong()},
                                     {QStringLiteral("customerId"), query.value(1).toString()},
                                     {QStringLiteral("channel"), query.value(2).toString()},
                                     {QStringLiteral("address"), query.value(3).toString()},
                                     {QStringLiteral("body"), query.value(4).toString()},
                                     {QStringLiteral("createdAt"), query.value(5).toLongLong()}});
        }
    }
    bool ok = query.lastError().type() == QSqlError::NoError;
    const qint64 now = nowMs();
    for (const qint64 id : std::as_const(ids)) {
        QSqlQuery mark(db);
        mark.prepare(
            QStringLiteral("UPDATE customer_notifications SET fetched_at = ? WHERE id = ?"));
        mark.addBindValue(now);
        mark.addBindValue(id);
        ok = ok && mark.exec();
    }
    if (!ok || !db.commit()) {
        db.rollback();
        return makeError(ErrorCode::StorageFailure, QStringLiteral("could not read notifications"));
    }
    return taken;
}

QString VocCases::columns()
{
    return QStringLiteral("id, interaction_id, kind, category, department, status, summary,"
                          " resolution, created_at, closed_loop_at, closed_loop_channel");
}

VocCase VocCases::caseFrom(const QSqlQuery& query)
{
    VocCase voc;
    voc.id = query.value(0).toString();
    voc.interactionId = query.value(1).toString();
    voc.kind = vocKindFromName(query.value(2).toString()).value_or(VocKind::Complaint);
    voc.category = query.value(3).toString();
    voc.department = query.value(4).toString();
    voc.status = query.value(5).toString();
    voc.summary = query.value(6).toString();
    voc.resolution = query.value(7).toString();
    voc.createdAtMs = query.value(8).toLongLong();
    voc.closedLoopAtMs = query.value(9).toLongLong();
    voc.closedLoopChannel = query.value(10).toString();
    return voc;
}

std::optional<VocCase> VocCases::find(const QString& caseId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT ") + columns() +
                  QStringLiteral(" FROM voc_cases WHERE id = ?"));
    query.addBindValue(caseId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return caseFrom(query);
}

QString VocCases::customerOf(const QString& caseId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT customer_id FROM voc_cases WHERE id = ?"));
    query.addBindValue(caseId);
    if (!query.exec() || !query.next())
        return {};
    return m_customers.canonical(query.value(0).toString());
}

Result<VocCase> VocCases::resolve(const QString& caseId, const QString& resolution,
                                  const QString& actor)
{
    const std::optional<VocCase> voc = find(caseId);
    if (!voc)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such case"));
    if (voc->status == QLatin1StringView("closed"))
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("the case is closed"));
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE voc_cases SET status = 'resolved', resolution = ?,"
                                 " updated_at = ? WHERE id = ?"));
    query.addBindValue(resolution);
    query.addBindValue(nowMs());
    query.addBindValue(caseId);
    if (!query.exec())
        return storageFailure(query);
    logInfo(lcInteractions, QLatin1StringView("voc.case.resolved"),
            {{QStringLiteral("case"), caseId}, {QStringLiteral("actor"), actor}});
    return find(caseId).value_or(*voc);
}

Result<VocCase> VocCases::closeLoop(const QString& caseId, const QString& message,
                                    const QString& actor)
{
    const std::optional<VocCase> voc = find(caseId);
    if (!voc)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such case"));
    if (voc->status != QLatin1StringView("resolved"))
        return makeError(ErrorCode::InvalidTransition,
                         voc->status == QLatin1StringView("closed")
                             ? QStringLiteral("the loop is closed already")
                             : QStringLiteral("the department has not resolved the case yet"));
    const QString customerId = customerOf(caseId);
    const std::optional<CustomerProfile> profile = m_customers.profile(customerId);
    // Their preferred channel if we can reach them there, else a text, else email.
    QStringList channels{profile ? profile->preferredChannel : QString(), QStringLiteral("sms"),
                         QStringLiteral("email")};
    QString channel;
    QString address;
    for (const QString& candidate : channels) {
        const QString kind =
            candidate == QLatin1StringView("sms") || candidate == QLatin1StringView("voice")
                ? QStringLiteral("phone")
                : candidate;
        if (kind.isEmpty())
            continue;
        address = m_customers.addressFor(customerId, kind);
        if (!address.isEmpty()) {
            channel = kind == QLatin1StringView("phone") ? QStringLiteral("sms") : candidate;
            break;
        }
    }
    if (channel.isEmpty())
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("no channel reaches this customer: add a phone or email"));
    QSqlDatabase& db = m_database.connection();
    if (!db.transaction())
        return makeError(ErrorCode::StorageFailure, QStringLiteral("could not store the case"));
    const qint64 now = nowMs();
    QSqlQuery notify(db);
    notify.prepare(QStringLiteral("INSERT INTO customer_notifications(customer_id, channel,"
                                  " address, body, created_at) VALUES (?, ?, ?, ?, ?)"));
    notify.addBindValue(customerId);
    notify.addBindValue(channel);
    notify.addBindValue(address);
    notify.addBindValue(message);
    notify.addBindValue(now);
    QSqlQuery close(db);
    close.prepare(QStringLiteral("UPDATE voc_cases SET status = 'closed', closed_loop_at = ?,"
                                 " closed_loop_channel = ?, updated_at = ? WHERE id = ?"));
    close.addBindValue(now);
    close.addBindValue(channel);
    close.addBindValue(now);
    close.addBindValue(caseId);
    if (!notify.exec() || !close.exec() || !db.commit()) {
        db.rollback();
        return storageFailure(close);
    }
    logInfo(lcInteractions, QLatin1StringView("voc.case.closed_loop"),
            {{QStringLiteral("case"), caseId},
             {QStringLiteral("actor"), actor},
             {QStringLiteral("channel"), channel}});
    return find(caseId).value_or(*voc);
}

} // namespace qidong::hub
