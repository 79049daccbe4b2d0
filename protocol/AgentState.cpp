#include "AgentState.h"

#include "FieldReader.h"

namespace qidong::protocol {

QJsonObject AgentState::toJson() const
{
    QJsonObject json{{QStringLiteral("presence"), presenceName(presence)},
                     {QStringLiteral("since"), sinceMs}};
    if (!reasonCode.isEmpty())
        json.insert(QStringLiteral("reason"), reasonCode);
    if (untilMs > 0)
        json.insert(QStringLiteral("until"), untilMs);
    if (next) {
        QJsonObject queued{{QStringLiteral("presence"), presenceName(next->presence)}};
        if (!next->reasonCode.isEmpty())
            queued.insert(QStringLiteral("reason"), next->reasonCode);
        json.insert(QStringLiteral("next"), queued);
    }
    return json;
}

Result<AgentState> AgentState::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    AgentState state;
    state.presence =
        reader.enumeration(QLatin1StringView("presence"), presenceFromName, Presence::Offline);
    state.reasonCode = reader.optionalString(QLatin1StringView("reason"), kMaxIdentifierLength)
                           .value_or(QString());
    state.sinceMs = reader.integer(QLatin1StringView("since"), 0, kMaxSafeInteger);
    state.untilMs =
        reader.optionalInteger(QLatin1StringView("until"), 0, kMaxSafeInteger).value_or(0);
    if (reader.ok() && state.presence == Presence::NotReady && state.reasonCode.isEmpty())
        reader.fail(QLatin1StringView("reason"), QStringLiteral("required for notReady"));
    if (const auto queued = reader.optionalObject(QLatin1StringView("next"))) {
        FieldReader nextReader(*queued, reader.pathOf(QLatin1StringView("next")));
        Next next;
        next.presence = nextReader.enumeration(QLatin1StringView("presence"), presenceFromName,
                                               Presence::Ready);
        next.reasonCode =
            nextReader.optionalString(QLatin1StringView("reason"), kMaxIdentifierLength)
                .value_or(QString());
        if (!nextReader.ok())
            reader.adopt(nextReader.error());
        state.next = next;
    }
    if (!reader.ok())
        return reader.error();
    return state;
}

} // namespace qidong::protocol
