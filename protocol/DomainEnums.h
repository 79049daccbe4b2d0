#pragma once

#include <QString>

#include <optional>

namespace qidong::protocol {

enum class Role
{
    Agent,
    Supervisor,
    Admin,
};

// An agent's presence. Agents choose Ready, NotReady (with a reason) and
// Offline; Busy and AfterCallWork are set by the hub as work starts and ends.
enum class Presence
{
    Offline,
    Ready,
    NotReady,
    Busy,
    AfterCallWork,
};

enum class Channel
{
    Voice,
    Chat,
    Social,
    Email,
    Sms,
    Callback,
    Outbound, // a call the agent placed (keypad, click-to-dial)
};

// The channels whose interactions are phone calls: an agent takes one at a
// time and nothing else beside it.
constexpr bool isCallChannel(Channel channel)
{
    return channel == Channel::Voice || channel == Channel::Callback ||
           channel == Channel::Outbound;
}

enum class InteractionState
{
    Queued,
    Offered,
    Active,
    Held,
    WrapUp,
    Ended,
};

enum class ReasonKind
{
    NotReady,
    WrapUp,
};

QString roleName(Role role);
std::optional<Role> roleFromName(QStringView name);
QString presenceName(Presence presence);
std::optional<Presence> presenceFromName(QStringView name);
QString channelName(Channel channel);
std::optional<Channel> channelFromName(QStringView name);
QString interactionStateName(InteractionState state);
std::optional<InteractionState> interactionStateFromName(QStringView name);
QString reasonKindName(ReasonKind kind);
std::optional<ReasonKind> reasonKindFromName(QStringView name);

} // namespace qidong::protocol
