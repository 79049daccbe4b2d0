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

QList<Interaction> InteractionStore::loadOpen() const
{
    QList<Interaction> open;
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral(
            "SELECT id, channel, queue_id, customer, state, priority, created_at, sla_deadline,"
            " COALESCE(agent_id, '') FROM interactions WHERE state <> 'ended' ORDER BY "
            "created_at")))
        return open;
    while (query.next()) {
        Interaction interaction;
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
        open.append(interaction);
    }
    return open;
}

Result<bool> InteractionStore::save(const Interaction& interaction, const QString& wrapUpCode)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO interactions(id, channel, queue_id, customer, state, priority, created_at,"
        " sla_deadline, agent_id, wrap_up_code, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)"
        " ON CONFLICT(id) DO UPDATE SET state = excluded.state, agent_id = excluded.agent_id,"
        " wrap_up_code = excluded.wrap_up_code, updated_at = excluded.updated_at"));
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
    query.addBindValue(wrapUpCode.isNull() ? QStringLiteral("") : wrapUpCode);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec()) {
        logWarning(lcStorage, QLatin1StringView("interaction.save_failed"),
                   {{QStringLiteral("interaction"), interaction.id},
                    {QStringLiteral("error"), query.lastError().text()}});
        return makeError(ErrorCode::StorageFailure,
                         QStringLiteral("could not store the interaction"));
    }
    return true;
}

} // namespace qidong::hub
