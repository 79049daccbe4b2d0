#pragma once

#include "protocol/Message.h"

namespace qidong::hub {

class InteractionDirectory;
class MethodDispatcher;
class VoiceCalls;

// call.media (a ticket for the agent's media socket) and call.hold.
class CallMethods final
{
    Q_DISABLE_COPY_MOVE(CallMethods)

public:
    CallMethods(InteractionDirectory& interactions, VoiceCalls& calls);

    void registerWith(MethodDispatcher& dispatcher);

private:
    InteractionDirectory& m_interactions;
    VoiceCalls& m_calls;
};

} // namespace qidong::hub
