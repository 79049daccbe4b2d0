#include "SessionSnapshot.h"

#include "FieldReader.h"
#include "JsonList.h"

namespace qidong::protocol {

namespace {

template <typename T> T readNested(FieldReader& reader, QLatin1StringView key)
{
    const QJsonObject json = reader.object(key);
    if (!reader.ok())
        return {};
    Result<T> value = T::fromJson(json, reader.pathOf(key));
    if (!value) {
        reader.adopt(value.error());
        return {};
    }
    return std::move(value).value();
}

} // namespace

QJsonObject FloorAgent::toJson() const
{
    return {{QStringLiteral("agent"), agent.toJson()},
            {QStringLiteral("state"), state.toJson()},
            {QStringLiteral("connected"), connected}};
}

Result<FloorAgent> FloorAgent::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    FloorAgent entry;
    entry.agent = readNested<Agent>(reader, QLatin1StringView("agent"));
    entry.state = readNested<AgentState>(reader, QLatin1StringView("state"));
    entry.connected = reader.boolean(QLatin1StringView("connected"));
    if (!reader.ok())
        return reader.error();
    return entry;
}

QJsonObject SessionSnapshot::toJson() const
{
    QJsonObject json{{QStringLiteral("agent"), agent.toJson()},
                     {QStringLiteral("state"), state.toJson()},
                     {QStringLiteral("teams"), writeList(teams)},
                     {QStringLiteral("queues"), writeList(queues)},
                     {QStringLiteral("reasonCodes"), writeList(reasonCodes)},
                     {QStringLiteral("interactions"), writeList(interactions)}};
    if (!floor.isEmpty())
        json.insert(QStringLiteral("floor"), writeList(floor));
    return json;
}

Result<SessionSnapshot> SessionSnapshot::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    SessionSnapshot snapshot;
    snapshot.agent = readNested<Agent>(reader, QLatin1StringView("agent"));
    snapshot.state = readNested<AgentState>(reader, QLatin1StringView("state"));
    snapshot.teams = readList<Team>(reader, QLatin1StringView("teams"));
    snapshot.queues = readList<Queue>(reader, QLatin1StringView("queues"));
    snapshot.reasonCodes = readList<ReasonCode>(reader, QLatin1StringView("reasonCodes"));
    snapshot.interactions = readList<Interaction>(reader, QLatin1StringView("interactions"), 10000);
    if (reader.ok() && json.contains(QLatin1StringView("floor")))
        snapshot.floor = readList<FloorAgent>(reader, QLatin1StringView("floor"), 100000);
    if (!reader.ok())
        return reader.error();
    return snapshot;
}

} // namespace qidong::protocol
