#include "WebCustomer.h"

#include "protocol/Chat.h"
#include "protocol/Names.h"

namespace qidong::test {

using namespace qidong::protocol;

WebCustomer::WebCustomer(const HubProcess& hub)
    : socket(hub.customerSocketUrl())
{}

bool WebCustomer::start(const QString& name, const QString& language)
{
    if (!socket.open())
        return false;
    const Response started = socket.call(method::CustomerStart,
                                         {{QStringLiteral("name"), name},
                                          {QStringLiteral("phone"), QStringLiteral("13800138000")},
                                          {QStringLiteral("language"), language}});
    token = started.result.value(QLatin1StringView("token")).toString();
    conversationId = started.result.value(QLatin1StringView("conversationId")).toString();
    return !started.error && !token.isEmpty();
}

bool WebCustomer::call(const QString& name)
{
    if (!socket.open())
        return false;
    const Response started = socket.call(method::CustomerStart,
                                         {{QStringLiteral("name"), name},
                                          {QStringLiteral("phone"), QStringLiteral("13800138000")},
                                          {QStringLiteral("language"), QStringLiteral("zh-CN")},
                                          {QStringLiteral("channel"), QStringLiteral("voice")}});
    token = started.result.value(QLatin1StringView("token")).toString();
    conversationId = started.result.value(QLatin1StringView("conversationId")).toString();
    Result<MediaTicket> media =
        MediaTicket::fromJson(started.result.value(QLatin1StringView("media")).toObject());
    if (started.error || !media)
        return false;
    ticket = media.value();
    return true;
}

Response WebCustomer::send(const QString& text, const QString& clientMsgId)
{
    return socket.call(method::CustomerSend,
                       ChatSendParams{{}, clientMsgId, text, std::nullopt}.toJson());
}

bool setReady(TestClient& agent)
{
    return outcomeOf(
               agent.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())) ==
           QStringLiteral("ok");
}

std::optional<Interaction> offeredIn(const std::optional<Event>& event)
{
    if (!event)
        return std::nullopt;
    Result<InteractionOffer> offer = InteractionOffer::fromJson(event->data);
    if (!offer)
        return std::nullopt;
    return offer.value().interaction;
}

} // namespace qidong::test
