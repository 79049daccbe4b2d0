#include "CallMethods.h"

#include "RequestParams.h"
#include "customers/CustomerStore.h"
#include "interactions/InteractionDirectory.h"
#include "media/ConsultCalls.h"
#include "media/VoiceCalls.h"
#include "protocol/Call.h"
#include "protocol/Customer.h"
#include "protocol/FieldReader.h"
#include "protocol/Names.h"
#include "server/MethodDispatcher.h"
#include "session/Session.h"
#include "web/PhoneTrunk.h"

namespace qidong::hub {

using namespace qidong::protocol;

CallMethods::CallMethods(InteractionDirectory& interactions, VoiceCalls& calls,
                         ConsultCalls& consults, PhoneTrunk& trunk, const CustomerStore& customers)
    : m_interactions(interactions)
    , m_calls(calls)
    , m_consults(consults)
    , m_trunk(trunk)
    , m_customers(customers)
{}

namespace {

void answer(ClientConnection& caller, const Request& request, const Result<Consultation>& result)
{
    if (!result)
        caller.sendError(request.id, result.error());
    else
        caller.sendResult(request.id, {{QStringLiteral("consultation"), result.value().toJson()}});
}

} // namespace

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
    dispatcher.add(
        method::CallDial, workers, [this](ClientConnection& caller, const Request& request) {
            const auto params = readParams<CallMediaParams>(caller, request);
            if (!params)
                return;
            const Result<bool> dialled = m_calls.dial(caller.session()->agentId(), params->id);
            if (!dialled)
                caller.sendError(request.id, dialled.error());
            else
                caller.sendResult(request.id,
                                  {{QStringLiteral("state"), QStringLiteral("ringing")}});
        });
    dispatcher.add(
        method::CallDialNumber, workers, [this](ClientConnection& caller, const Request& request) {
            const auto params = readParams<CallDialNumberParams>(caller, request);
            if (!params)
                return;
            const Result<Interaction> placed =
                m_trunk.placeCall(caller.session()->agentId(), *params);
            if (!placed)
                caller.sendError(request.id, placed.error());
            else
                caller.sendResult(request.id,
                                  {{QStringLiteral("interaction"), placed.value().toJson()}});
        });
    // The customer's number stays in the hub: the desktop names the customer,
    // the trunk gets the number.
    dispatcher.add(
        method::CallDialCustomer, workers,
        [this](ClientConnection& caller, const Request& request) {
            FieldReader reader(request.params);
            const QString customerId =
                reader.string(QLatin1StringView("customerId"), kMaxIdentifierLength);
            const QString queueId =
                reader.optionalString(QLatin1StringView("queueId"), kMaxIdentifierLength)
                    .value_or(QString());
            if (!reader.ok()) {
                caller.sendError(request.id, reader.error());
                return;
            }
            const QString id = m_customers.canonical(customerId);
            const std::optional<QString> number = m_customers.rawField(id, QStringLiteral("phone"));
            const std::optional<CustomerProfile> profile = m_customers.profile(id);
            if (!number || !profile) {
                caller.sendError(
                    request.id,
                    makeError(ErrorCode::NotFound,
                              QStringLiteral("no phone number for this customer"),
                              {{QStringLiteral("reason"), QStringLiteral("no-number")}}));
                return;
            }
            CallDialNumberParams params;
            params.number = CallDialNumberParams::normalizedNumber(*number).value_or(*number);
            params.queueId = queueId;
            params.displayName = profile->displayName;
            const Result<Interaction> placed =
                m_trunk.placeCall(caller.session()->agentId(), params);
            if (!placed)
                caller.sendError(request.id, placed.error());
            else
                caller.sendResult(request.id,
                                  {{QStringLiteral("interaction"), placed.value().toJson()}});
        });
    dispatcher.add(
        method::CallHangUp, workers, [this](ClientConnection& caller, const Request& request) {
            const auto params = readParams<CallMediaParams>(caller, request);
            if (!params)
                return;
            const Result<bool> ended = m_calls.hangUpDial(params->id, caller.session()->agentId());
            if (!ended)
                caller.sendError(request.id, ended.error());
            else
                caller.sendResult(request.id, {});
        });
    dispatcher.add(
        method::CallConsult, workers, [this](ClientConnection& caller, const Request& request) {
            if (const auto params = readParams<CallConsultParams>(caller, request))
                answer(caller, request, m_consults.start(caller.session()->agentId(), *params));
        });
    dispatcher.add(method::CallConsultAnswer, workers,
                   [this](ClientConnection& caller, const Request& request) {
                       if (const auto params = readParams<CallMediaParams>(caller, request))
                           answer(caller, request,
                                  m_consults.answer(caller.session()->agentId(), params->id));
                   });
    dispatcher.add(
        method::CallConsultEnd, workers, [this](ClientConnection& caller, const Request& request) {
            if (const auto params = readParams<CallConsultEndParams>(caller, request))
                answer(caller, request, m_consults.end(caller.session()->agentId(), *params));
        });
}

} // namespace qidong::hub
