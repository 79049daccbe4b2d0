#include "Agent.h"

#include "FieldReader.h"
#include "JsonList.h"

#include <QJsonArray>

namespace qidong::protocol {

QJsonObject Skill::toJson() const
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("level"), level}};
}

Result<Skill> Skill::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    Skill skill;
    skill.name = reader.string(QLatin1StringView("name"), kMaxIdentifierLength);
    skill.level = static_cast<int>(reader.integer(QLatin1StringView("level"), 1, 10));
    if (!reader.ok())
        return reader.error();
    return skill;
}

QJsonObject Agent::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("username"), username},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("role"), roleName(role)},
            {QStringLiteral("teamId"), teamId},
            {QStringLiteral("skills"), writeList(skills)},
            {QStringLiteral("languages"), QJsonArray::fromStringList(languages)},
            {QStringLiteral("capacity"), capacityToJson(capacity)}};
}

int Agent::capacityFor(Channel channel) const
{
    return capacity.value(channel, isCallChannel(channel) ? 1 : 3);
}

QJsonObject capacityToJson(const QHash<Channel, int>& capacity)
{
    QJsonObject json;
    for (auto it = capacity.cbegin(); it != capacity.cend(); ++it)
        json.insert(channelName(it.key()), it.value());
    return json;
}

QHash<Channel, int> capacityFromJson(const QJsonObject& json)
{
    QHash<Channel, int> capacity;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const std::optional<Channel> channel = channelFromName(it.key());
        const std::optional<qint64> count = toBoundedInteger(it.value(), 0, 20);
        if (channel && count)
            capacity.insert(*channel, static_cast<int>(*count));
    }
    return capacity;
}

Result<Agent> Agent::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    Agent agent;
    agent.id = reader.string(QLatin1StringView("id"), kMaxIdentifierLength);
    agent.username = reader.string(QLatin1StringView("username"), kMaxIdentifierLength);
    agent.displayName = reader.string(QLatin1StringView("displayName"));
    agent.role = reader.enumeration(QLatin1StringView("role"), roleFromName, Role::Agent);
    agent.teamId = reader.optionalString(QLatin1StringView("teamId"), kMaxIdentifierLength)
                       .value_or(QString());
    agent.skills = readList<Skill>(reader, QLatin1StringView("skills"), 100);
    agent.languages = reader.stringList(QLatin1StringView("languages"), 20, 16);
    if (const std::optional<QJsonObject> capacity =
            reader.optionalObject(QLatin1StringView("capacity")))
        agent.capacity = capacityFromJson(*capacity);
    if (!reader.ok())
        return reader.error();
    return agent;
}

} // namespace qidong::protocol
