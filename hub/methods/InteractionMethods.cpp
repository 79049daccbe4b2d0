#include "InteractionMethods.h"

#include "RequestParams.h"
#include "interactions/InteractionDirectory.h"
#include "protocol/Names.h"
#include "protocol/Payloads.h"
#include "server/MethodDispatcher.h"
#include "session/Session.h"
#include "storage/AccountStore.h"

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

using Transition = Result<Interaction> (InteractionDirectory::*)(const QString&, const QString&);

void answer(ClientConnection& caller, qint64 id, const Result<Interaction>& result)
{
    if (!result) {
        caller.sendError(id, result.error());
        return;
    }
    caller.sendResult(id, {{QStringLiteral("interaction"), result.value().toJson()}});
}

} // namespace

InteractionMethods::InteractionMethods(InteractionDirectory& interactions,
                                       const AccountStore& accounts)
    : m_interactions(interactions)
    , m_accounts(accounts)
{}

void InteractionMethods::registerWith(MethodDispatcher& dispatcher)
{
    const MethodDispatcher::Access workers{true, {Role::Agent, Role::Supervisor}, false, false};
    const auto byReference = [this](Transition transition) {
        return [this, transition](ClientConnection& caller, const Request& request) {
            if (const auto params = readParams<InteractionRef>(caller, request))
                answer(caller, request.id,
                       (m_interactions.*transition)(caller.session()->agentId(), params->id));
        };
    };
    dispatcher.add(method::InteractionAccept, workers, byReference(&InteractionDirectory::accept));
    dispatcher.add(method::InteractionReject, workers, byReference(&InteractionDirectory::reject));
    dispatcher.add(method::InteractionEnd, workers, byReference(&InteractionDirectory::end));
    dispatcher.add(method::InteractionWrapUp, workers,
                   [this](ClientConnection& caller, const Request& request) {
                       if (const auto params = readParams<WrapUpParams>(caller, request))
                           answer(caller, request.id,
                                  m_interactions.wrapUp(caller.session()->agentId(), params->id,
                                                        params->record()));
                   });
    dispatcher.add(method::InteractionTransfer, workers,
                   [this](ClientConnection& caller, const Request& request) {
                       if (const auto params = readParams<TransferParams>(caller, request))
                           answer(caller, request.id,
                                  m_interactions.transfer(caller.session()->agentId(), *params));
                   });
    dispatcher.add(
        method::AdminCreateInteraction, {true, {Role::Admin}, true, false},
        [this](ClientConnection& caller, const Request& request) { create(caller, request); });
}

void InteractionMethods::create(ClientConnection& caller, const Request& request)
{
    const auto params = readParams<CreateInteractionParams>(caller, request);
    if (!params)
        return;
    QString agentId;
    if (!params->offerTo.isEmpty()) {
        const std::optional<AccountRecord> account = m_accounts.findByUsername(params->offerTo);
        if (!account) {
            caller.sendError(request.id,
                             makeError(ErrorCode::NotFound, QStringLiteral("no such agent"),
                                       {{QStringLiteral("field"), QStringLiteral("offerTo")}}));
            return;
        }
        agentId = account->agent.id;
    }
    Result<Interaction> created = m_interactions.create(NewInteraction{*params, {}, {}, {}, {}});
    if (!created || agentId.isEmpty()) {
        answer(caller, request.id, created);
        return;
    }
    // Created either way; an offer that cannot be made leaves it queued and says why.
    Result<Interaction> offered = m_interactions.offer(created.value().id, agentId);
    QJsonObject result{
        {QStringLiteral("interaction"), (offered ? offered.value() : created.value()).toJson()},
        {QStringLiteral("offered"), offered.ok()}};
    if (!offered)
        result.insert(QStringLiteral("offerError"), offered.error().toJson());
    caller.sendResult(request.id, result);
}

} // namespace qidong::hub
