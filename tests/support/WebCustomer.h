#pragma once

#include "HubProcess.h"
#include "TestClient.h"

namespace qidong::test {

// A customer page's socket (/customer/ws): start a conversation, then chat.
struct WebCustomer
{
    explicit WebCustomer(const HubProcess& hub);

    bool start(const QString& name, const QString& language = QStringLiteral("zh-CN"));
    protocol::Response send(const QString& text, const QString& clientMsgId);

    TestClient socket;
    QString token;
    QString conversationId;
};

// agent.setState Ready; true if the hub agreed.
bool setReady(TestClient& agent);

// The interaction an interaction.offered event carries.
std::optional<protocol::Interaction> offeredIn(const std::optional<protocol::Event>& event);

} // namespace qidong::test
