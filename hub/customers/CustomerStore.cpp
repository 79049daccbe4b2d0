#include "CustomerStore.h"

#include "Clock.h"
#include "Masking.h"
#include "interactions/CustomerIds.h"
#include "log/HubLog.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

Error failure(const QSqlQuery& query, QLatin1StringView what, const QString& message)
{
    logWarning(lcStorage, what, {{QStringLiteral("error"), query.lastError().text()}});
    return makeError(ErrorCode::StorageFailure, message);
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(u',');
}

} // namespace

CustomerStore::CustomerStore(Database& database)
    : m_database(database)
    , m_audit(database)
{}

Result<QString> CustomerStore::resolve(const Contact& contact)
{
    const QString value = normalizedIdentity(contact.kind, contact.identity);
    if (value.isEmpty())
        return QString();
    if (const std::optional<QString> known = lookup(contact.kind, contact.identity))
        return *known;
    NewCustomer created;
    created.id = customerIdFor(contact.kind, contact.identity);
    created.displayName = contact.displayName;
    created.language = contact.language;
    created.preferredChannel = contact.channel;
    created.identities = {{contact.kind, contact.identity}};
    created.createdAtMs = nowMs();
    if (exists(created.id)) { // known by this id, the identity since unlinked
        const Result<bool> linked = link(created.id, contact.kind, contact.identity);
        if (!linked)
            return linked.error();
        return canonical(created.id);
    }
    const Result<bool> inserted = insert(created);
    if (!inserted)
        return inserted.error();
    return created.id;
}

std::optional<QString> CustomerStore::lookup(const QString& kind, const QString& identity) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT customer_id FROM customer_identities WHERE kind = ? AND value = ?"));
    query.addBindValue(kind);
    query.addBindValue(normalizedIdentity(kind, identity));
    if (!query.exec() || !query.next())
        return std::nullopt;
    return canonical(query.value(0).toString());
}

bool CustomerStore::exists(const QString& customerId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT 1 FROM customers WHERE id = ?"));
    query.addBindValue(customerId);
    return query.exec() && query.next();
}

QString CustomerStore::canonical(const QString& customerId) const
{
    QString id = customerId;
    // Merges chain (a into b, b into c); a few steps at most.
    for (int step = 0; step < 16; ++step) {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("SELECT merged_into FROM customers WHERE id = ?"));
        query.addBindValue(id);
        if (!query.exec() || !query.next() || query.value(0).toString().isEmpty())
            return id;
        id = query.value(0).toString();
    }
    return id;
}

QStringList CustomerStore::family(const QString& customerId) const
{
    QStringList ids{customerId};
    for (qsizetype i = 0; i < ids.size() && ids.size() < 64; ++i) {
        QSqlQuery query(m_database.connection());
        query.prepare(QStringLiteral("SELECT id FROM customers WHERE merged_into = ?"));
        query.addBindValue(ids.at(i));
        if (!query.exec())
            break;
        while (query.next())
            ids.append(query.value(0).toString());
    }
    return ids;
}

std::optional<CustomerProfile> CustomerStore::profile(const QString& customerId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT id, display_name, segment, value_score, language, preferred_channel,"
        " consent_marketing, consent_recording, national_id, created_at FROM customers"
        " WHERE id = ?"));
    query.addBindValue(customerId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    CustomerProfile profile;
    profile.id = query.value(0).toString();
    profile.displayName = query.value(1).toString();
    profile.segment = query.value(2).toString();
    profile.valueScore = query.value(3).toInt();
    profile.language = query.value(4).toString();
    profile.preferredChannel = query.value(5).toString();
    profile.consentMarketing = query.value(6).toBool();
    profile.consentRecording = query.value(7).toBool();
    profile.nationalId = maskIdentity(QStringLiteral("nationalId"), query.value(8).toString());
    profile.createdAtMs = query.value(9).toLongLong();

    QSqlQuery identities(m_database.connection());
    identities.prepare(QStringLiteral("SELECT kind, value FROM customer_identities"
                                      " WHERE customer_id = ? ORDER BY added_at, kind"));
    identities.addBindValue(customerId);
    if (identities.exec()) {
        while (identities.next()) {
            const QString kind = identities.value(0).toString();
            const QString masked = maskIdentity(kind, identities.value(1).toString());
            profile.identities.append({kind, masked});
            if (kind == QLatin1StringView("phone") && profile.phone.isEmpty())
                profile.phone = masked;
            if (kind == QLatin1StringView("email") && profile.email.isEmpty())
                profile.email = masked;
        }
    }
    return profile;
}

std::optional<QString> CustomerStore::rawField(const QString& customerId,
                                               const QString& field) const
{
    QSqlQuery query(m_database.connection());
    if (field == QLatin1StringView("nationalId")) {
        query.prepare(QStringLiteral("SELECT national_id FROM customers WHERE id = ?"));
        query.addBindValue(customerId);
    } else if (field == QLatin1StringView("phone") || field == QLatin1StringView("email")) {
        query.prepare(QStringLiteral("SELECT value FROM customer_identities WHERE customer_id = ?"
                                     " AND kind = ? ORDER BY added_at LIMIT 1"));
        query.addBindValue(customerId);
        query.addBindValue(field);
    } else {
        return std::nullopt;
    }
    if (!query.exec() || !query.next() || query.value(0).toString().isEmpty())
        return std::nullopt;
    return query.value(0).toString();
}

QString CustomerStore::addressFor(const QString& customerId, const QString& kind) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT value FROM customer_identities WHERE customer_id = ?"
                                 " AND kind = ? ORDER BY added_at LIMIT 1"));
    query.addBindValue(customerId);
    query.addBindValue(kind);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

Result<bool> CustomerStore::insert(const NewCustomer& customer)
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("INSERT INTO customers(id, display_name, segment, value_score, language,"
                       " preferred_channel, consent_marketing, national_id, created_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(customer.id);
    query.addBindValue(orEmpty(customer.displayName));
    query.addBindValue(customer.segment.isEmpty() ? QStringLiteral("standard") : customer.segment);
    query.addBindValue(customer.valueScore);
    query.addBindValue(orEmpty(customer.language));
    query.addBindValue(orEmpty(customer.preferredChannel));
    query.addBindValue(customer.consentMarketing ? 1 : 0);
    query.addBindValue(orEmpty(customer.nationalId));
    query.addBindValue(customer.createdAtMs > 0 ? customer.createdAtMs : nowMs());
    if (!query.exec())
        return failure(query, QLatin1StringView("customer.insert.failed"),
                       QStringLiteral("could not store the customer"));
    for (const auto& [kind, value] : customer.identities) {
        const Result<bool> linked = link(customer.id, kind, value);
        if (!linked)
            return linked;
    }
    return true;
}

Result<bool> CustomerStore::link(const QString& customerId, const QString& kind,
                                 const QString& identity)
{
    const QString value = normalizedIdentity(kind, identity);
    if (value.isEmpty())
        return makeError(ErrorCode::InvalidParams, QStringLiteral("empty identity"));
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO customer_identities(kind, value, customer_id,"
                                 " added_at) VALUES (?, ?, ?, ?)"));
    query.addBindValue(kind);
    query.addBindValue(value);
    query.addBindValue(customerId);
    query.addBindValue(nowMs());
    if (!query.exec())
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("this %1 belongs to a customer already").arg(kind));
    return true;
}

Result<qint64> CustomerStore::merge(const QString& fromId, const QString& intoId,
                                    const QString& actor)
{
    const QString from = canonical(fromId);
    const QString into = canonical(intoId);
    if (!exists(from) || !exists(into))
        return makeError(ErrorCode::NotFound, QStringLiteral("no such customer"));
    if (from == into)
        return makeError(ErrorCode::InvalidParams,
                         QStringLiteral("these are one customer already"));
    QSqlDatabase& db = m_database.connection();
    const QString message = QStringLiteral("could not merge the customers");
    if (!db.transaction())
        return makeError(ErrorCode::StorageFailure, message);
    QJsonArray moved;
    QSqlQuery identities(db);
    identities.prepare(
        QStringLiteral("SELECT kind, value FROM customer_identities WHERE customer_id = ?"));
    identities.addBindValue(from);
    if (identities.exec()) {
        while (identities.next())
            moved.append(
                QJsonArray{identities.value(0).toString(), identities.value(1).toString()});
    }
    QSqlQuery move(db);
    move.prepare(QStringLiteral("UPDATE customer_identities SET customer_id = ? WHERE"
                                " customer_id = ?"));
    move.addBindValue(into);
    move.addBindValue(from);
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("UPDATE customers SET merged_into = ? WHERE id = ?"));
    mark.addBindValue(into);
    mark.addBindValue(from);
    QSqlQuery record(db);
    record.prepare(QStringLiteral("INSERT INTO customer_merges(from_id, into_id, actor, at,"
                                  " identities) VALUES (?, ?, ?, ?, ?)"));
    record.addBindValue(from);
    record.addBindValue(into);
    record.addBindValue(actor);
    record.addBindValue(nowMs());
    record.addBindValue(QString::fromUtf8(QJsonDocument(moved).toJson(QJsonDocument::Compact)));
    if (!move.exec() || !mark.exec() || !record.exec()) {
        db.rollback();
        return failure(record, QLatin1StringView("customer.merge.failed"), message);
    }
    const qint64 mergeId = record.lastInsertId().toLongLong();
    const Result<bool> audited = audit(actor, QStringLiteral("customer.merge"), from,
                                       {{QStringLiteral("into"), into},
                                        {QStringLiteral("merge"), mergeId},
                                        {QStringLiteral("identities"), moved.size()}});
    if (!audited || !db.commit()) {
        db.rollback();
        return makeError(ErrorCode::StorageFailure, message);
    }
    return mergeId;
}

Result<QString> CustomerStore::unmerge(qint64 mergeId, const QString& actor)
{
    QSqlDatabase& db = m_database.connection();
    QSqlQuery found(db);
    found.prepare(QStringLiteral("SELECT from_id, into_id, identities, undone_at FROM"
                                 " customer_merges WHERE id = ?"));
    found.addBindValue(mergeId);
    if (!found.exec() || !found.next())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such merge"));
    if (found.value(3).toLongLong() > 0)
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("undone already"));
    const QString from = found.value(0).toString();
    const QString into = found.value(1).toString();
    const QJsonArray moved = QJsonDocument::fromJson(found.value(2).toString().toUtf8()).array();
    const QString message = QStringLiteral("could not undo the merge");
    if (!db.transaction())
        return makeError(ErrorCode::StorageFailure, message);
    bool ok = true;
    for (const QJsonValue& pair : moved) {
        QSqlQuery back(db);
        back.prepare(QStringLiteral("UPDATE customer_identities SET customer_id = ? WHERE"
                                    " kind = ? AND value = ?"));
        back.addBindValue(from);
        back.addBindValue(pair.toArray().at(0).toString());
        back.addBindValue(pair.toArray().at(1).toString());
        ok = ok && back.exec();
    }
    QSqlQuery unmark(db);
    unmark.prepare(QStringLiteral("UPDATE customers SET merged_into = '' WHERE id = ?"));
    unmark.addBindValue(from);
    QSqlQuery undone(db);
    undone.prepare(QStringLiteral("UPDATE customer_merges SET undone_at = ? WHERE id = ?"));
    undone.addBindValue(nowMs());
    undone.addBindValue(mergeId);
    ok = ok && unmark.exec() && undone.exec() &&
         audit(actor, QStringLiteral("customer.unmerge"), from,
               {{QStringLiteral("from"), into}, {QStringLiteral("merge"), mergeId}})
             .ok();
    if (!ok || !db.commit()) {
        db.rollback();
        return makeError(ErrorCode::StorageFailure, message);
    }
    return from;
}

QList<CustomerNote> CustomerStore::notes(const QStringList& customerIds) const
{
    QList<CustomerNote> notes;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT n.id, n.author_id, COALESCE(a.display_name, ''), n.body,"
                                 " n.created_at, n.updated_at FROM customer_notes n LEFT JOIN"
                                 " accounts a ON a.id = n.author_id WHERE n.customer_id IN (") +
                  placeholders(customerIds.size()) +
                  QStringLiteral(") ORDER BY n.created_at DESC LIMIT 200"));
    for (const QString& id : customerIds)
        query.addBindValue(id);
    if (!query.exec())
        return notes;
    while (query.next())
        notes.append({query.value(0).toLongLong(), query.value(1).toString(),
                      query.value(2).toString(), query.value(3).toString(),
                      query.value(4).toLongLong(), query.value(5).toLongLong()});
    return notes;
}

std::optional<CustomerNote> CustomerStore::note(qint64 noteId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT n.id, n.author_id, COALESCE(a.display_name, ''), n.body,"
                                 " n.created_at, n.updated_at FROM customer_notes n LEFT JOIN"
                                 " accounts a ON a.id = n.author_id WHERE n.id = ?"));
    query.addBindValue(noteId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return CustomerNote{query.value(0).toLongLong(), query.value(1).toString(),
                        query.value(2).toString(),   query.value(3).toString(),
                        query.value(4).toLongLong(), query.value(5).toLongLong()};
}

Result<CustomerNote> CustomerStore::addNote(const QString& customerId, const QString& authorId,
                                            const QString& body)
{
    if (!exists(customerId))
        return makeError(ErrorCode::NotFound, QStringLiteral("no such customer"));
    const qint64 now = nowMs();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO customer_notes(customer_id, author_id, body,"
                                 " created_at, updated_at) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(canonical(customerId));
    query.addBindValue(authorId);
    query.addBindValue(body);
    query.addBindValue(now);
    query.addBindValue(now);
    if (!query.exec())
        return failure(query, QLatin1StringView("customer.note.failed"),
                       QStringLiteral("could not store the note"));
    const std::optional<CustomerNote> stored = note(query.lastInsertId().toLongLong());
    if (!stored)
        return makeError(ErrorCode::StorageFailure, QStringLiteral("could not store the note"));
    return *stored;
}

Result<CustomerNote> CustomerStore::editNote(qint64 noteId, const QString& authorId,
                                             const QString& body)
{
    const std::optional<CustomerNote> existing = note(noteId);
    if (!existing)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such note"));
    if (existing->authorId != authorId)
        return makeError(ErrorCode::Forbidden, QStringLiteral("only its author edits a note"));
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("UPDATE customer_notes SET body = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(body);
    query.addBindValue(nowMs());
    query.addBindValue(noteId);
    if (!query.exec())
        return failure(query, QLatin1StringView("customer.note.failed"),
                       QStringLiteral("could not store the note"));
    return note(noteId).value_or(*existing);
}

Result<bool> CustomerStore::recordOffer(const QString& customerId, const QString& code,
                                        const QString& status, const QString& agentId,
                                        const QString& interactionId)
{
    if (status != QLatin1StringView("offered") && status != QLatin1StringView("accepted") &&
        status != QLatin1StringView("declined"))
        return makeError(ErrorCode::InvalidParams,
                         QStringLiteral("outcome must be offered, accepted or declined"));
    QSqlQuery known(m_database.connection());
    known.prepare(QStringLiteral("SELECT 1 FROM offer_catalog WHERE code = ?"));
    known.addBindValue(code);
    if (!known.exec() || !known.next())
        return makeError(ErrorCode::NotFound, QStringLiteral("no such offer"));
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO customer_offers(customer_id, code, status, agent_id, interaction_id, at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(customer_id, code) DO UPDATE SET"
        " status = excluded.status, agent_id = excluded.agent_id,"
        " interaction_id = excluded.interaction_id, at = excluded.at"));
    query.addBindValue(canonical(customerId));
    query.addBindValue(code);
    query.addBindValue(status);
    query.addBindValue(agentId);
    query.addBindValue(orEmpty(interactionId));
    query.addBindValue(nowMs());
    if (!query.exec())
        return failure(query, QLatin1StringView("customer.offer.failed"),
                       QStringLiteral("could not store the offer"));
    return true;
}

Result<bool> CustomerStore::audit(const QString& actor, const QString& action,
                                  const QString& subject, const QJsonObject& detail)
{
    return m_audit.write(actor, action, subject, detail);
}

} // namespace qidong::hub
