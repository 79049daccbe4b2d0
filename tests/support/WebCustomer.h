#pragma once

#include "HubProcess.h"
#include "TestClient.h"
#include "protocol/Call.h"

namespace qidong::test {

// A customer page's socket (/customer/ws): start a conversation, then chat.
struct WebCustomer
{
    explicit WebCustomer(const HubProcess& hub);

    bool start(const QString& name, const QString& language = QStringLiteral("zh-CN"));
    // A voice call from the page instead: `ticket` is its media leg's.
    bool call(const QString& name);
    protocol::Response send(const QString& text, const QString& clientMsgId);

    TestClient socket;
    QString token;
    QString conversationId;
    protocol::MediaTicket ticket;
};

// agent.setState Ready; true if the hub agreed.
bool setReady(TestClient& agent);

// The interaction an interaction.offered event carries.
std::optional<protocol::Interaction> offeredIn(const std::optional<protocol::Event>& event);

} // namespace qidong::test
