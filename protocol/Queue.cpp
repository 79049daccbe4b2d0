#include "Queue.h"

#include "FieldReader.h"

#include <QJsonArray>

namespace qidong::protocol {

namespace {

LocalizedText readText(FieldReader& reader, QLatin1StringView key)
{
    const QJsonObject json = reader.object(key);
    if (!reader.ok())
        return {};
    Result<LocalizedText> text = LocalizedText::fromJson(json, reader.pathOf(key));
    if (!text) {
        reader.adopt(text.error());
        return {};
    }
    return std::move(text).value();
}

} // namespace

QJsonObject Queue::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name.toJson()},
            {QStringLiteral("channel"), channelName(channel)},
            {QStringLiteral("language"), language},
            {QStringLiteral("requiredSkills"), QJsonArray::fromStringList(requiredSkills)},
            {QStringLiteral("priority"), priority},
            {QStringLiteral("slaSeconds"), slaSeconds},
            {QStringLiteral("slaTargetPercent"), slaTargetPercent},
            {QStringLiteral("afterCallWorkSeconds"), afterCallWorkSeconds},
            {QStringLiteral("afterCallWorkMode"), afterCallWorkMode},
            {QStringLiteral("defaultWrapUpCode"), defaultWrapUpCode},
            {QStringLiteral("overflowQueueId"), overflowQueueId},
            {QStringLiteral("overflowAfterSeconds"), overflowAfterSeconds}};
}

Result<Queue> Queue::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    Queue queue;
    queue.id = reader.string(QLatin1StringView("id"), kMaxIdentifierLength);
    queue.name = readText(reader, QLatin1StringView("name"));
    queue.channel =
        reader.enumeration(QLatin1StringView("channel"), channelFromName, Channel::Voice);
    queue.language = reader.string(QLatin1StringView("language"), 16);
    queue.requiredSkills = reader.stringList(QLatin1StringView("requiredSkills"), 50);
    queue.priority = static_cast<int>(reader.integer(QLatin1StringView("priority"), 0, 100));
    queue.slaSeconds =
        static_cast<int>(reader.integer(QLatin1StringView("slaSeconds"), 1, 86400 * 7));
    queue.slaTargetPercent =
        static_cast<int>(reader.integer(QLatin1StringView("slaTargetPercent"), 1, 100));
    // Optional: hubs before schema 3 did not send it.
    queue.afterCallWorkSeconds = static_cast<int>(
        reader.optionalInteger(QLatin1StringView("afterCallWorkSeconds"), 0, 3600).value_or(30));
    // Optional: hubs before schema 4 did not send them.
    queue.afterCallWorkMode =
        reader.optionalString(QLatin1StringView("afterCallWorkMode"), kMaxIdentifierLength)
            .value_or(QStringLiteral("mandatory"));
    queue.defaultWrapUpCode =
        reader.optionalString(QLatin1StringView("defaultWrapUpCode"), kMaxIdentifierLength)
            .value_or(QString());
    queue.overflowQueueId =
        reader.optionalString(QLatin1StringView("overflowQueueId"), kMaxIdentifierLength)
            .value_or(QString());
    queue.overflowAfterSeconds = static_cast<int>(
        reader.optionalInteger(QLatin1StringView("overflowAfterSeconds"), 0, 86400).value_or(0));
    if (!reader.ok())
        return reader.error();
    return queue;
}

QJsonObject Team::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name.toJson()}};
}

Result<Team> Team::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    Team team;
    team.id = reader.string(QLatin1StringView("id"), kMaxIdentifierLength);
    team.name = readText(reader, QLatin1StringView("name"));
    if (!reader.ok())
        return reader.error();
    return team;
}

QJsonObject ReasonCode::toJson() const
{
    return {{QStringLiteral("code"), code},
            {QStringLiteral("kind"), reasonKindName(kind)},
            {QStringLiteral("label"), label.toJson()}};
}

Result<ReasonCode> ReasonCode::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    ReasonCode reason;
    reason.code = reader.string(QLatin1StringView("code"), kMaxIdentifierLength);
    reason.kind =
        reader.enumeration(QLatin1StringView("kind"), reasonKindFromName, ReasonKind::NotReady);
    reason.label = readText(reader, QLatin1StringView("label"));
    if (!reader.ok())
        return reader.error();
    return reason;
}

} // namespace qidong::protocol
