#pragma once

#include "protocol/Message.h"

namespace qidong::hub {

class ConsultCalls;
class InteractionDirectory;
class MethodDispatcher;
class PhoneTrunk;
class CustomerStore;
class VoiceCalls;

// call.media (a ticket for the agent's media socket), call.hold,
// call.record, consultations (call.consult, consultAnswer, consultEnd) and
// dialling (call.dial, call.dialNumber, call.dialCustomer, call.hangUp).
class CallMethods final
{
    Q_DISABLE_COPY_MOVE(CallMethods)

public:
    CallMethods(InteractionDirectory& interactions, VoiceCalls& calls, ConsultCalls& consults,
                PhoneTrunk& trunk, const CustomerStore& customers);

    void registerWith(MethodDispatcher& dispatcher);

private:
    InteractionDirectory& m_interactions;
    VoiceCalls& m_calls;
    ConsultCalls& m_consults;
    PhoneTrunk& m_trunk;
    const CustomerStore& m_customers;
};

} // namespace qidong::hub
