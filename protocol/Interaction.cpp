#include "Interaction.h"

#include "FieldReader.h"

namespace qidong::protocol {

QJsonObject CustomerRef::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("identityKind"), identityKind},
            {QStringLiteral("identity"), identity}};
}

Result<CustomerRef> CustomerRef::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    CustomerRef customer;
    customer.id = reader.string(QLatin1StringView("id"), kMaxIdentifierLength);
    customer.displayName = reader.string(QLatin1StringView("displayName"), kMaxNameLength, 0);
    customer.identityKind = reader.string(QLatin1StringView("identityKind"), 16, 0);
    customer.identity = reader.string(QLatin1StringView("identity"), kMaxNameLength, 0);
    if (!reader.ok())
        return reader.error();
    return customer;
}

QJsonObject Interaction::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("channel"), channelName(channel)},
                     {QStringLiteral("queueId"), queueId},
                     {QStringLiteral("customer"), customer.toJson()},
                     {QStringLiteral("state"), interactionStateName(state)},
                     {QStringLiteral("priority"), priority},
                     {QStringLiteral("createdAt"), createdAtMs},
                     {QStringLiteral("slaDeadline"), slaDeadlineMs}};
    if (!agentId.isEmpty())
        json.insert(QStringLiteral("agentId"), agentId);
    if (!language.isEmpty())
        json.insert(QStringLiteral("language"), language);
    if (!visibility.isEmpty())
        json.insert(QStringLiteral("visibility"), visibility);
    if (!note.isEmpty())
        json.insert(QStringLiteral("note"), note);
    return json;
}

Result<Interaction> Interaction::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    Interaction interaction;
    interaction.id = reader.string(QLatin1StringView("id"), kMaxIdentifierLength);
    interaction.channel =
        reader.enumeration(QLatin1StringView("channel"), channelFromName, Channel::Chat);
    interaction.queueId = reader.string(QLatin1StringView("queueId"), kMaxIdentifierLength);
    const QJsonObject customer = reader.object(QLatin1StringView("customer"));
    if (reader.ok()) {
        Result<CustomerRef> ref =
            CustomerRef::fromJson(customer, reader.pathOf(QLatin1StringView("customer")));
        if (ref)
            interaction.customer = std::move(ref).value();
        else
            reader.adopt(ref.error());
    }
    interaction.state = reader.enumeration(QLatin1StringView("state"), interactionStateFromName,
                                           InteractionState::Queued);
    interaction.priority = static_cast<int>(reader.integer(QLatin1StringView("priority"), 0, 100));
    interaction.createdAtMs = reader.integer(QLatin1StringView("createdAt"), 0, kMaxSafeInteger);
    interaction.slaDeadlineMs =
        reader.integer(QLatin1StringView("slaDeadline"), 0, kMaxSafeInteger);
    interaction.agentId = reader.optionalString(QLatin1StringView("agentId"), kMaxIdentifierLength)
                              .value_or(QString());
    interaction.language =
        reader.optionalString(QLatin1StringView("language"), 16).value_or(QString());
    interaction.visibility =
        reader.optionalString(QLatin1StringView("visibility"), 16).value_or(QString());
    interaction.note =
        reader.optionalString(QLatin1StringView("note"), kMaxNoteLength).value_or(QString());
    if (!reader.ok())
        return reader.error();
    return interaction;
}

} // namespace qidong::protocol
