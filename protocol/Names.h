#pragma once

#include <QLatin1StringView>

// Method and event names of protocol v1; docs/protocol.md describes each.
namespace qidong::protocol::method {
inline constexpr QLatin1StringView Hello("hello");
inline constexpr QLatin1StringView Ping("ping");
inline constexpr QLatin1StringView AuthLogin("auth.login");
inline constexpr QLatin1StringView AuthRefresh("auth.refresh");
inline constexpr QLatin1StringView AuthLogout("auth.logout");
inline constexpr QLatin1StringView SessionResume("session.resume");
inline constexpr QLatin1StringView SessionSnapshot("session.snapshot");
inline constexpr QLatin1StringView AgentSetState("agent.setState");
inline constexpr QLatin1StringView FloorAgents("floor.agents");
inline constexpr QLatin1StringView InteractionAccept("interaction.accept");
inline constexpr QLatin1StringView InteractionReject("interaction.reject");
inline constexpr QLatin1StringView InteractionEnd("interaction.end");
inline constexpr QLatin1StringView InteractionWrapUp("interaction.wrapUp");
inline constexpr QLatin1StringView AdminCreateInteraction("admin.createInteraction");
} // namespace qidong::protocol::method

namespace qidong::protocol::event {
inline constexpr QLatin1StringView AgentStateChanged("agent.stateChanged");
inline constexpr QLatin1StringView HubDraining("hub.draining");
inline constexpr QLatin1StringView InteractionOffered("interaction.offered");
inline constexpr QLatin1StringView InteractionUpdated("interaction.updated");
inline constexpr QLatin1StringView InteractionRevoked("interaction.revoked");
} // namespace qidong::protocol::event
