#pragma once

#include "protocol/Message.h"

namespace qidong::hub {

class ConsultCalls;
class InteractionDirectory;
class MethodDispatcher;
class VoiceCalls;

// call.media (a ticket for the agent's media socket), call.hold,
// call.record and consultations (call.consult, consultAnswer, consultEnd).
class CallMethods final
{
    Q_DISABLE_COPY_MOVE(CallMethods)

public:
    CallMethods(InteractionDirectory& interactions, VoiceCalls& calls, ConsultCalls& consults);

    void registerWith(MethodDispatcher& dispatcher);

private:
    InteractionDirectory& m_interactions;
    VoiceCalls& m_calls;
    ConsultCalls& m_consults;
};

} // namespace qidong::hub
