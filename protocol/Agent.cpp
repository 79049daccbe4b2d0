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
            {QStringLiteral("languages"), QJsonArray::fromStringList(languages)}};
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
    if (!reader.ok())
        return reader.error();
    return agent;
}

} // namespace qidong::protocol
