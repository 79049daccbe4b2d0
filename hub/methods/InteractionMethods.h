#pragma once

#include "protocol/Message.h"

namespace qidong::hub {

class AccountStore;
class ClientConnection;
class InteractionDirectory;
class MethodDispatcher;

// interaction.accept / reject / end / wrapUp, and admin.createInteraction.
class InteractionMethods final
{
    Q_DISABLE_COPY_MOVE(InteractionMethods)

public:
    InteractionMethods(InteractionDirectory& interactions, const AccountStore& accounts);

    void registerWith(MethodDispatcher& dispatcher);

private:
    void create(ClientConnection& caller, const protocol::Request& request);

    InteractionDirectory& m_interactions;
    const AccountStore& m_accounts;
};

} // namespace qidong::hub
