#pragma once

#include "protocol/Message.h"

namespace qidong::hub {

class ConsultCalls;
class InteractionDirectory;
class MethodDispatcher;
class PhoneTrunk;
class VoiceCalls;

// call.media (a ticket for the agent's media socket), call.hold,
// call.record, consultations (call.consult, consultAnswer, consultEnd) and
// dialling (call.dial, call.dialNumber, call.hangUp).
class CallMethods final
{
    Q_DISABLE_COPY_MOVE(CallMethods)

public:
    CallMethods(InteractionDirectory& interactions, VoiceCalls& calls, ConsultCalls& consults,
                PhoneTrunk& trunk);

    void registerWith(MethodDispatcher& dispatcher);

private:
    InteractionDirectory& m_interactions;
    VoiceCalls& m_calls;
    ConsultCalls& m_consults;
    PhoneTrunk& m_trunk;
};

} // namespace qidong::hub
