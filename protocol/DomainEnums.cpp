#include "DomainEnums.h"
#include "EnumNames.h"

#include <array>
#include <utility>

namespace qidong::protocol {

namespace {

using enumnames::nameOf;
using enumnames::valueOf;

constexpr std::array kRoles = {
    std::pair{Role::Agent, "agent"},
    std::pair{Role::Supervisor, "supervisor"},
    std::pair{Role::Admin, "admin"},
};

constexpr std::array kPresences = {
    std::pair{Presence::Offline, "offline"},
    std::pair{Presence::Ready, "ready"},
    std::pair{Presence::NotReady, "notReady"},
    std::pair{Presence::Busy, "busy"},
    std::pair{Presence::AfterCallWork, "afterCallWork"},
};

constexpr std::array kChannels = {
    std::pair{Channel::Voice, "voice"},       std::pair{Channel::Chat, "chat"},
    std::pair{Channel::Social, "social"},     std::pair{Channel::Email, "email"},
    std::pair{Channel::Sms, "sms"},           std::pair{Channel::Callback, "callback"},
    std::pair{Channel::Outbound, "outbound"},
};

constexpr std::array kInteractionStates = {
    std::pair{InteractionState::Queued, "queued"}, std::pair{InteractionState::Offered, "offered"},
    std::pair{InteractionState::Active, "active"}, std::pair{InteractionState::Held, "held"},
    std::pair{InteractionState::WrapUp, "wrapUp"}, std::pair{InteractionState::Ended, "ended"},
};

constexpr std::array kReasonKinds = {
    std::pair{ReasonKind::NotReady, "notReady"},
    std::pair{ReasonKind::WrapUp, "wrapUp"},
};

} // namespace

QString roleName(Role role)
{
    return nameOf(kRoles, role);
}
std::optional<Role> roleFromName(QStringView name)
{
    return valueOf(kRoles, name);
}
QString presenceName(Presence presence)
{
    return nameOf(kPresences, presence);
}
std::optional<Presence> presenceFromName(QStringView name)
{
    return valueOf(kPresences, name);
}
QString channelName(Channel channel)
{
    return nameOf(kChannels, channel);
}
std::optional<Channel> channelFromName(QStringView name)
{
    return valueOf(kChannels, name);
}
QString interactionStateName(InteractionState state)
{
    return nameOf(kInteractionStates, state);
}
std::optional<InteractionState> interactionStateFromName(QStringView name)
{
    return valueOf(kInteractionStates, name);
}
QString reasonKindName(ReasonKind kind)
{
    return nameOf(kReasonKinds, kind);
}
std::optional<ReasonKind> reasonKindFromName(QStringView name)
{
    return valueOf(kReasonKinds, name);
}

} // namespace qidong::protocol
