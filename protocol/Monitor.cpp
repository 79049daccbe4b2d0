#include "Monitor.h"

#include "EnumNames.h"
#include "FieldReader.h"
#include "JsonList.h"
#include "Limits.h"

namespace qidong::protocol {

namespace {

QLatin1StringView key(const char* name)
{
    return QLatin1StringView(name);
}

constexpr std::array kMonitorModes = {
    std::pair{MonitorMode::Listen, "listen"},
    std::pair{MonitorMode::Whisper, "whisper"},
    std::pair{MonitorMode::Barge, "barge"},
};

// A chat's transcript as a team lead joins: the newest, as chat.history
// pages would give them.
constexpr int kMaxTranscript = 200;

} // namespace

QString monitorModeName(MonitorMode mode)
{
    return enumnames::nameOf(kMonitorModes, mode);
}

std::optional<MonitorMode> monitorModeFromName(QStringView name)
{
    return enumnames::valueOf(kMonitorModes, name);
}

QJsonObject MonitorParams::toJson() const
{
    return {{QStringLiteral("interactionId"), interactionId},
            {QStringLiteral("mode"), monitorModeName(mode)}};
}

Result<MonitorParams> MonitorParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    MonitorParams params;
    params.interactionId = reader.string(key("interactionId"), kMaxIdentifierLength);
    params.mode = reader.enumeration(key("mode"), monitorModeFromName, MonitorMode::Listen);
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject WhisperParams::toJson() const
{
    return {{QStringLiteral("interactionId"), interactionId}, {QStringLiteral("text"), text}};
}

Result<WhisperParams> WhisperParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    WhisperParams params;
    params.interactionId = reader.string(key("interactionId"), kMaxIdentifierLength);
    params.text = reader.string(key("text"), kMaxChatTextLength);
    if (reader.ok() && params.text.trimmed().isEmpty())
        reader.fail(key("text"), QStringLiteral("empty"));
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject MonitoredAgent::toJson() const
{
    return {{QStringLiteral("agentId"), agentId},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("holder"), holder}};
}

Result<MonitoredAgent> MonitoredAgent::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    MonitoredAgent agent;
    agent.agentId = reader.string(key("agentId"), kMaxIdentifierLength);
    agent.displayName = reader.string(key("displayName"), kMaxNameLength, 0);
    agent.holder = reader.boolean(key("holder"));
    if (!reader.ok())
        return reader.error();
    return agent;
}

QJsonObject Monitoring::toJson() const
{
    QJsonObject json{{QStringLiteral("interaction"), interaction.toJson()},
                     {QStringLiteral("mode"), monitorModeName(mode)},
                     {QStringLiteral("agents"), writeList(agents)},
                     {QStringLiteral("agentNotified"), agentNotified},
                     {QStringLiteral("active"), active}};
    if (ticket)
        json.insert(QStringLiteral("ticket"), ticket->toJson());
    if (!transcript.isEmpty())
        json.insert(QStringLiteral("transcript"), writeList(transcript));
    if (!endReason.isEmpty())
        json.insert(QStringLiteral("endReason"), endReason);
    return json;
}

Result<Monitoring> Monitoring::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    Monitoring monitoring;
    monitoring.interaction = readObject<Interaction>(reader, key("interaction"));
    monitoring.mode = reader.enumeration(key("mode"), monitorModeFromName, MonitorMode::Listen);
    monitoring.agents = readList<MonitoredAgent>(reader, key("agents"), 20);
    monitoring.agentNotified = reader.optionalBoolean(key("agentNotified")).value_or(false);
    monitoring.active = reader.boolean(key("active"));
    if (reader.ok() && json.contains(QLatin1StringView("ticket")))
        monitoring.ticket = readObject<MediaTicket>(reader, key("ticket"));
    if (reader.ok() && json.contains(QLatin1StringView("transcript")))
        monitoring.transcript = readList<ChatMessage>(reader, key("transcript"), kMaxTranscript);
    monitoring.endReason =
        reader.optionalString(key("endReason"), kMaxIdentifierLength).value_or(QString());
    if (!reader.ok())
        return reader.error();
    return monitoring;
}

QJsonObject MonitorNotice::toJson() const
{
    return {{QStringLiteral("interactionId"), interactionId},
            {QStringLiteral("supervisorId"), supervisorId},
            {QStringLiteral("supervisorName"), supervisorName},
            {QStringLiteral("mode"), monitorModeName(mode)},
            {QStringLiteral("active"), active}};
}

Result<MonitorNotice> MonitorNotice::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    MonitorNotice notice;
    notice.interactionId = reader.string(key("interactionId"), kMaxIdentifierLength);
    notice.supervisorId = reader.string(key("supervisorId"), kMaxIdentifierLength);
    notice.supervisorName = reader.string(key("supervisorName"), kMaxNameLength, 0);
    notice.mode = reader.enumeration(key("mode"), monitorModeFromName, MonitorMode::Listen);
    notice.active = reader.boolean(key("active"));
    if (!reader.ok())
        return reader.error();
    return notice;
}

QJsonObject WhisperNote::toJson() const
{
    return {{QStringLiteral("interactionId"), interactionId},
            {QStringLiteral("supervisorId"), supervisorId},
            {QStringLiteral("supervisorName"), supervisorName},
            {QStringLiteral("text"), text},
            {QStringLiteral("sentAtMs"), sentAtMs}};
}

Result<WhisperNote> WhisperNote::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    WhisperNote note;
    note.interactionId = reader.string(key("interactionId"), kMaxIdentifierLength);
    note.supervisorId = reader.string(key("supervisorId"), kMaxIdentifierLength);
    note.supervisorName = reader.string(key("supervisorName"), kMaxNameLength, 0);
    note.text = reader.string(key("text"), kMaxChatTextLength);
    note.sentAtMs = reader.integer(key("sentAtMs"), 0, kMaxSafeInteger);
    if (!reader.ok())
        return reader.error();
    return note;
}

} // namespace qidong::protocol
