#pragma once

#include "Agent.h"
#include "AgentState.h"
#include "Interaction.h"
#include "Queue.h"
#include "Result.h"

#include <QList>

namespace qidong::protocol {

// One agent on the floor as a supervisor sees them.
struct FloorAgent final
{
    Agent agent;
    AgentState state;
    bool connected = false;

    QJsonObject toJson() const;
    static Result<FloorAgent> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const FloorAgent&, const FloorAgent&) = default;
};

// Everything a desktop needs to draw itself after sign-in or a resync.
// `floor` is filled for supervisors and admins only.
struct SessionSnapshot final
{
    Agent agent;
    AgentState state;
    QList<Team> teams;
    QList<Queue> queues;
    QList<ReasonCode> reasonCodes;
    QList<Interaction> interactions;
    QList<FloorAgent> floor;

    QJsonObject toJson() const;
    static Result<SessionSnapshot> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const SessionSnapshot&, const SessionSnapshot&) = default;
};

} // namespace qidong::protocol
