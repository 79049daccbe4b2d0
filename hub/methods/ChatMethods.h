#pragma once

#include "protocol/Message.h"

namespace qidong::hub {

class AccountStore;
class AgentDirectory;
class ChatService;
class ClientConnection;
class MethodDispatcher;

// chat.send / typing / history / read / attachment, canned.list and
// directory.list (who and where a chat can be transferred to).
class ChatMethods final
{
    Q_DISABLE_COPY_MOVE(ChatMethods)

public:
    ChatMethods(ChatService& chat, const AccountStore& accounts, const AgentDirectory& agents);

    void registerWith(MethodDispatcher& dispatcher);

private:
    void directory(ClientConnection& caller, const protocol::Request& request);

    ChatService& m_chat;
    const AccountStore& m_accounts;
    const AgentDirectory& m_agents;
};

} // namespace qidong::hub
