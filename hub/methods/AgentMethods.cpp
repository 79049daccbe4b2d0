#include "AgentMethods.h"

#include "RequestParams.h"
#include "SnapshotBuilder.h"
#include "agents/AgentDirectory.h"
#include "floor/AlertMonitor.h"
#include "protocol/FieldReader.h"
#include "protocol/Floor.h"
#include "protocol/JsonList.h"
#include "protocol/Names.h"
#include "protocol/Payloads.h"
#include "server/ClientConnection.h"
#include "server/MethodDispatcher.h"
#include "session/Session.h"

namespace qidong::hub {

using namespace qidong::protocol;

AgentMethods::AgentMethods(AgentDirectory& directory, const SnapshotBuilder& snapshots,
                           AlertMonitor& alerts)
    : m_directory(directory)
    , m_snapshots(snapshots)
    , m_alerts(alerts)
{}

void AgentMethods::registerWith(MethodDispatcher& dispatcher)
{
    dispatcher.add(
        method::AgentSetState, {true, {Role::Agent, Role::Supervisor}, false},
        [this](ClientConnection& caller, const Request& request) { setState(caller, request); });
    dispatcher.add(
        method::AgentRequestHelp, {true, {Role::Agent, Role::Supervisor}, false},
        [this](ClientConnection& caller, const Request& request) { requestHelp(caller, request); });
    dispatcher.add(
        method::SessionSnapshot, {true, {}, false},
        [this](ClientConnection& caller, const Request& request) { snapshot(caller, request); });
}

void AgentMethods::setState(ClientConnection& caller, const Request& request)
{
    const std::optional<SetStateParams> params = readParams<SetStateParams>(caller, request);
    if (!params)
        return;
    Result<SetStateResult> result =
        m_directory.requestState(caller.session()->agentId(), *params, QStringLiteral("agent"));
    if (!result) {
        caller.sendError(request.id, result.error());
        return;
    }
    caller.sendResult(request.id, result.value().toJson());
}

void AgentMethods::snapshot(ClientConnection& caller, const Request& request)
{
    Session& session = *caller.session();
    caller.sendResult(request.id,
                      {{QStringLiteral("seq"), session.events().lastSeq()},
                       {QStringLiteral("snapshot"), m_snapshots.build(session).toJson()}});
}

void AgentMethods::requestHelp(ClientConnection& caller, const Request& request)
{
    FieldReader reader(request.params);
    const QString kind = reader.string(QLatin1StringView("kind"), kMaxIdentifierLength);
    const QString interactionId =
        reader.optionalString(QLatin1StringView("interactionId"), kMaxIdentifierLength)
            .value_or(QString());
    const QString note =
        reader.optionalString(QLatin1StringView("note"), kMaxNoteLength).value_or(QString());
    if (!reader.ok()) {
        caller.sendError(request.id, reader.error());
        return;
    }
    const Result<FloorAlert> raised =
        m_alerts.requestHelp(caller.session()->agentId(), kind, interactionId, note);
    if (!raised) {
        caller.sendError(request.id, raised.error());
        return;
    }
    caller.sendResult(request.id, {{QStringLiteral("alert"), raised.value().toJson()}});
}

} // namespace qidong::hub
