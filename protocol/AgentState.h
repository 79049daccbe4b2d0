#pragma once

#include "DomainEnums.h"
#include "Result.h"

#include <QJsonObject>

#include <optional>

namespace qidong::protocol {

// Presence with its reason and when it began, plus the state queued to
// follow when the agent is busy: {"presence":"busy","since":...,"next":{...}}.
struct AgentState final
{
    struct Next final
    {
        Presence presence = Presence::Ready;
        QString reasonCode;
        friend bool operator==(const Next&, const Next&) = default;
    };

    Presence presence = Presence::Offline;
    QString reasonCode; // set for NotReady, empty otherwise
    qint64 sinceMs = 0; // epoch milliseconds
    std::optional<Next> next;
    qint64 untilMs = 0; // AfterCallWork: when wrap-up time runs out (0: no limit)

    QJsonObject toJson() const;
    static Result<AgentState> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const AgentState&, const AgentState&) = default;
};

} // namespace qidong::protocol
