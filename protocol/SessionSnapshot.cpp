#include "SessionSnapshot.h"

#include "FieldReader.h"
#include "JsonList.h"

namespace qidong::protocol {

QJsonObject SessionSnapshot::toJson() const
{
    QJsonObject json{{QStringLiteral("agent"), agent.toJson()},
                     {QStringLiteral("state"), state.toJson()},
                     {QStringLiteral("teams"), writeList(teams)},
                     {QStringLiteral("queues"), writeList(queues)},
                     {QStringLiteral("reasonCodes"), writeList(reasonCodes)},
                     {QStringLiteral("interactions"), writeList(interactions)}};
    return json;
}

Result<SessionSnapshot> SessionSnapshot::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    SessionSnapshot snapshot;
    snapshot.agent = readObject<Agent>(reader, QLatin1StringView("agent"));
    snapshot.state = readObject<AgentState>(reader, QLatin1StringView("state"));
    snapshot.teams = readList<Team>(reader, QLatin1StringView("teams"));
    snapshot.queues = readList<Queue>(reader, QLatin1StringView("queues"));
    snapshot.reasonCodes = readList<ReasonCode>(reader, QLatin1StringView("reasonCodes"));
    snapshot.interactions = readList<Interaction>(reader, QLatin1StringView("interactions"), 10000);
    if (!reader.ok())
        return reader.error();
    return snapshot;
}

} // namespace qidong::protocol
