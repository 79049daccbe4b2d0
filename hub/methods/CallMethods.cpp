#include "CallMethods.h"

#include "RequestParams.h"
#include "interactions/InteractionDirectory.h"
#include "media/VoiceCalls.h"
#include "protocol/Call.h"
#include "protocol/Names.h"
#include "server/MethodDispatcher.h"
#include "session/Session.h"

namespace qidong::hub {

using namespace qidong::protocol;

CallMethods::CallMethods(InteractionDirectory& interactions, VoiceCalls& calls)
    : m_interactions(interactions)
    , m_calls(calls)
{}

void CallMethods::registerWith(MethodDispatcher& dispatcher)
{
    const MethodDispatcher::Access workers{true, {Role::Agent, Role::Supervisor}, false, false};
    dispatcher.add(method::CallMedia, workers,
                   [this](ClientConnection& caller, const Request& request) {
                       const auto params = readParams<CallMediaParams>(caller, request);
                       if (!params)
                           return;
                       const Result<MediaTicket> ticket =
                           m_calls.agentTicket(caller.session()->agentId(), params->id);
                       if (!ticket)
                           caller.sendError(request.id, ticket.error());
                       else
                           caller.sendResult(request.id, ticket.value().toJson());
                   });
    dispatcher.add(
        method::CallHold, workers, [this](ClientConnection& caller, const Request& request) {
            const auto params = readParams<CallHoldParams>(caller, request);
            if (!params)
                return;
            const Result<Interaction> held =
                m_interactions.hold(caller.session()->agentId(), params->id, params->held);
            if (!held)
                caller.sendError(request.id, held.error());
            else
                caller.sendResult(request.id,
                                  {{QStringLiteral("interaction"), held.value().toJson()}});
        });
    dispatcher.add(
        method::CallRecord, workers, [this](ClientConnection& caller, const Request& request) {
            const auto params = readParams<CallRecordParams>(caller, request);
            if (!params)
                return;
            const Result<bool> paused =
                m_calls.pauseRecording(caller.session()->agentId(), params->id, params->paused);
            if (!paused)
                caller.sendError(request.id, paused.error());
            else
                caller.sendResult(request.id, {{QStringLiteral("paused"), paused.value()}});
        });
}

} // namespace qidong::hub
