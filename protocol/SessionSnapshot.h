#pragma once

#include "Agent.h"
#include "AgentState.h"
#include "Interaction.h"
#include "Queue.h"
#include "Result.h"

#include <QList>

namespace qidong::protocol {

// Everything a desktop needs to draw itself after sign-in or a resync.
// The floor a supervisor watches is a subscription of its own (Floor.h).
struct SessionSnapshot final
{
    Agent agent;
    AgentState state;
    QList<Team> teams;
    QList<Queue> queues;
    QList<ReasonCode> reasonCodes;
    QList<Interaction> interactions;

    QJsonObject toJson() const;
    static Result<SessionSnapshot> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const SessionSnapshot&, const SessionSnapshot&) = default;
};

} // namespace qidong::protocol
