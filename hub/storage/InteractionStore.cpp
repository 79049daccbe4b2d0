#include "InteractionStore.h"

#include "Database.h"
#include "log/HubLog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace qidong::hub {

using namespace qidong::protocol;

InteractionStore::InteractionStore(Database& database)
    : m_database(database)
{}

QList<StoredInteraction> InteractionStore::loadOpen() const
{
    QList<StoredInteraction> open;
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral(
            "SELECT id, channel, queue_id, customer, state, priority, created_at, sla_deadline,"
            " COALESCE(agent_id, ''), language, visibility, note, thread_key, ended_at,"
            " answered_at FROM interactions WHERE state <> 'ended' ORDER BY created_at")))
        return open;
    while (query.next()) {
        StoredInteraction stored;
        Interaction& interaction = stored.interaction;
        interaction.id = query.value(0).toString();
        interaction.channel = channelFromName(query.value(1).toString()).value_or(Channel::Chat);
        interaction.queueId = query.value(2).toString();
        Result<CustomerRef> customer = CustomerRef::fromJson(
            QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object());
        if (customer)
            interaction.customer = customer.value();
        interaction.state =
            interactionStateFromName(query.value(4).toString()).value_or(InteractionState::Queued);
        interaction.priority = query.value(5).toInt();
        interaction.createdAtMs = query.value(6).toLongLong();
        interaction.slaDeadlineMs = query.value(7).toLongLong();
        interaction.agentId = query.value(8).toString();
        interaction.language = query.value(9).toString();
        interaction.visibility = query.value(10).toString();
        interaction.note = query.value(11).toString();
        stored.threadKey = query.value(12).toString();
        stored.endedAtMs = query.value(13).toLongLong();
        stored.answeredAtMs = query.value(14).toLongLong();
        open.append(stored);
    }
    return open;
}

Result<bool> InteractionStore::save(const StoredInteraction& stored)
{
    const Interaction& interaction = stored.interaction;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO interactions(id, channel, queue_id, customer, state, priority, created_at,"
        " sla_deadline, agent_id, wrap_up_code, updated_at, language, visibility, note,"
        " thread_key, ended_at, wrap_up, answered_at, wrapped_up_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET state = excluded.state, agent_id = excluded.agent_id,"
        " channel = excluded.channel,"
        " queue_id = excluded.queue_id, priority = excluded.priority,"
        " wrap_up_code = excluded.wrap_up_code, updated_at = excluded.updated_at,"
        " note = excluded.note, ended_at = excluded.ended_at, wrap_up = excluded.wrap_up,"
        " answered_at = excluded.answered_at, wrapped_up_at = excluded.wrapped_up_at"));
    query.addBindValue(interaction.id);
    query.addBindValue(channelName(interaction.channel));
    query.addBindValue(interaction.queueId);
    query.addBindValue(QString::fromUtf8(
        QJsonDocument(interaction.customer.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(interactionStateName(interaction.state));
    query.addBindValue(interaction.priority);
    query.addBindValue(interaction.createdAtMs);
    query.addBindValue(interaction.slaDeadlineMs);
    query.addBindValue(interaction.agentId.isEmpty() ? QVariant() : QVariant(interaction.agentId));
    query.addBindValue(stored.wrapUp ? stored.wrapUp->code : QStringLiteral(""));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(orEmpty(interaction.language));
    query.addBindValue(orEmpty(interaction.visibility));
    query.addBindValue(orEmpty(interaction.note));
    query.addBindValue(orEmpty(stored.threadKey));
    query.addBindValue(stored.endedAtMs);
    query.addBindValue(
        stored.wrapUp ? QString::fromUtf8(
                            QJsonDocument(stored.wrapUp->toJson()).toJson(QJsonDocument::Compact))
                      : QStringLiteral("{}"));
    query.addBindValue(stored.answeredAtMs);
    query.addBindValue(stored.wrappedUpAtMs);
    if (!query.exec()) {
        logWarning(lcStorage, QLatin1StringView("interaction.save_failed"),
                   {{QStringLiteral("interaction"), interaction.id},
                    {QStringLiteral("error"), query.lastError().text()}});
        return makeError(ErrorCode::StorageFailure,
                         QStringLiteral("could not store the interaction"));
    }
    return true;
}

QList<PastInteraction> InteractionStore::historyOf(const QString& customerId, int limit) const
{
    QList<PastInteraction> history;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT i.id, i.channel, i.queue_id, i.created_at, i.ended_at, COALESCE(a.display_name,"
        " ''), i.wrap_up, c.csat, c.nps FROM interactions i LEFT JOIN accounts a ON a.id ="
        " i.agent_id LEFT JOIN chat_conversations c ON c.interaction_id = i.id"
        " WHERE json_extract(i.customer, '$.id') = ? AND i.state = 'ended'"
        " ORDER BY i.created_at DESC LIMIT ?"));
    query.addBindValue(customerId);
    query.addBindValue(limit);
    if (!query.exec())
        return history;
    while (query.next()) {
        PastInteraction past;
        past.id = query.value(0).toString();
        past.channel = channelFromName(query.value(1).toString()).value_or(Channel::Chat);
        past.queueId = query.value(2).toString();
        past.createdAtMs = query.value(3).toLongLong();
        past.endedAtMs = query.value(4).toLongLong();
        past.agentName = query.value(5).toString();
        Result<WrapUpRecord> record = WrapUpRecord::fromJson(
            QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object());
        if (record)
            past.wrapUp = record.value();
        past.csat = query.value(7).isNull() ? -1 : query.value(7).toInt();
        past.nps = query.value(8).isNull() ? -1 : query.value(8).toInt();
        history.append(past);
    }
    return history;
}

} // namespace qidong::hub
