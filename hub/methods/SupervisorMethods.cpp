#include "SupervisorMethods.h"

#include "Clock.h"
#include "RequestParams.h"
#include "agents/AgentDirectory.h"
#include "floor/AlertMonitor.h"
#include "floor/FloorBoard.h"
#include "floor/FloorFeed.h"
#include "floor/FloorTallies.h"
#include "floor/LiveMonitors.h"
#include "interactions/InteractionDirectory.h"
#include "protocol/Floor.h"
#include "protocol/JsonList.h"
#include "protocol/Monitor.h"
#include "protocol/Names.h"
#include "protocol/Payloads.h"
#include "server/ClientConnection.h"
#include "server/MethodDispatcher.h"
#include "session/Session.h"
#include "session/SessionRegistry.h"
#include "storage/AccountStore.h"
#include "storage/AuditLog.h"

#include <QJsonArray>

#include <algorithm>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

QLatin1StringView key(const char* name)
{
    return QLatin1StringView(name);
}

QString actorOf(const ClientConnection& caller)
{
    return caller.session()->agentId();
}

// The changed thing under `name`, or the error.
template <typename T>
void answer(ClientConnection& caller, const Request& request, const Result<T>& result,
            const char* name)
{
    if (!result)
        caller.sendError(request.id, result.error());
    else
        caller.sendResult(request.id, {{QLatin1StringView(name), result.value().toJson()}});
}

} // namespace

SupervisorMethods::SupervisorMethods(Services services)
    : m_services(services)
{}

void SupervisorMethods::registerWith(MethodDispatcher& dispatcher)
{
    const MethodDispatcher::Access leads{true, {Role::Supervisor, Role::Admin}, false, false};
    const auto bind =
        [this](void (SupervisorMethods::*handler)(ClientConnection&, const Request&)) {
            return [this, handler](ClientConnection& caller, const Request& request) {
                (this->*handler)(caller, request);
            };
        };
    dispatcher.add(method::FloorSubscribe, leads, bind(&SupervisorMethods::subscribe));
    dispatcher.add(method::FloorUnsubscribe, leads,
                   [this](ClientConnection& caller, const Request& request) {
                       m_services.feed.unsubscribe(*caller.session());
                       caller.sendResult(request.id, {});
                   });
    dispatcher.add(method::FloorAgents, leads, bind(&SupervisorMethods::agentsPage));
    dispatcher.add(method::FloorIntraday, leads, bind(&SupervisorMethods::intraday));
    dispatcher.add(method::FloorWaiting, leads, bind(&SupervisorMethods::waiting));
    dispatcher.add(method::AgentForceState, leads, bind(&SupervisorMethods::forceState));
    dispatcher.add(method::AgentForceSignOut, leads, bind(&SupervisorMethods::forceSignOut));
    dispatcher.add(method::AgentAdjust, leads, bind(&SupervisorMethods::adjust));
    dispatcher.add(method::InteractionReassign, leads, bind(&SupervisorMethods::reassign));
    dispatcher.add(
        method::AlertList, leads, [this](ClientConnection& caller, const Request& request) {
            caller.sendResult(request.id,
                              {{QStringLiteral("alerts"), writeList(m_services.alerts.list())}});
        });
    dispatcher.add(method::AlertAcknowledge, leads, bind(&SupervisorMethods::acknowledgeAlert));
    dispatcher.add(method::AlertAssign, leads, bind(&SupervisorMethods::assignAlert));
    dispatcher.add(method::MonitorStart, leads,
                   [this](ClientConnection& caller, const Request& request) {
                       monitor(caller, request, true);
                   });
    dispatcher.add(method::MonitorMode, leads,
                   [this](ClientConnection& caller, const Request& request) {
                       monitor(caller, request, false);
                   });
    dispatcher.add(method::MonitorStop, leads, bind(&SupervisorMethods::stopMonitor));
    dispatcher.add(method::MonitorWhisper, leads, bind(&SupervisorMethods::whisper));
}

void SupervisorMethods::subscribe(ClientConnection& caller, const Request& request)
{
    // Pending changes go out first, so the snapshot that follows is newer
    // than every delta before it and older than every delta after.
    m_services.feed.flush();
    m_services.feed.subscribe(*caller.session());
    QString moreAfter;
    const FloorView view = m_services.board.view(kAgentsPerPage, &moreAfter);
    QJsonObject result{{QStringLiteral("view"), view.toJson()},
                       {QStringLiteral("alerts"), writeList(m_services.alerts.list().mid(0, 100))}};
    if (!moreAfter.isEmpty())
        result.insert(QStringLiteral("moreAfter"), moreAfter);
    caller.sendResult(request.id, result);
}

void SupervisorMethods::agentsPage(ClientConnection& caller, const Request& request)
{
    FieldReader reader(request.params);
    const QString after =
        reader.optionalString(key("after"), kMaxIdentifierLength).value_or(QString());
    const int limit =
        int(reader.optionalInteger(key("limit"), 1, kAgentsPerPage).value_or(kAgentsPerPage));
    if (!reader.ok()) {
        caller.sendError(request.id, reader.error());
        return;
    }
    QString moreAfter;
    const QList<FloorAgentRow> rows = m_services.board.agents(after, limit, &moreAfter);
    QJsonObject result{{QStringLiteral("agents"), writeList(rows)}};
    if (!moreAfter.isEmpty())
        result.insert(QStringLiteral("moreAfter"), moreAfter);
    caller.sendResult(request.id, result);
}

void SupervisorMethods::intraday(ClientConnection& caller, const Request& request)
{
    FieldReader reader(request.params);
    const QString queueId =
        reader.optionalString(key("queueId"), kMaxIdentifierLength).value_or(QString());
    if (reader.ok() && !queueId.isEmpty() && !m_services.accounts.findQueue(queueId))
        reader.fail(key("queueId"), QStringLiteral("no such queue"));
    if (!reader.ok()) {
        caller.sendError(request.id, reader.error());
        return;
    }
    caller.sendResult(request.id, m_services.tallies.intraday(queueId, nowMs()).toJson());
}

void SupervisorMethods::waiting(ClientConnection& caller, const Request& request)
{
    FieldReader reader(request.params);
    const QString queueId = reader.string(key("queueId"), kMaxIdentifierLength);
    if (reader.ok() && !m_services.accounts.findQueue(queueId))
        reader.fail(key("queueId"), QStringLiteral("no such queue"));
    if (!reader.ok()) {
        caller.sendError(request.id, reader.error());
        return;
    }
    // Longest waiting first, as the team lead would pick them.
    QList<Interaction> waiting;
    for (const Interaction& interaction : m_services.interactions.open()) {
        if (interaction.queueId == queueId && (interaction.state == InteractionState::Queued ||
                                               interaction.state == InteractionState::Offered))
            waiting.append(interaction);
    }
    std::sort(waiting.begin(), waiting.end(), [](const Interaction& a, const Interaction& b) {
        return a.createdAtMs < b.createdAtMs;
    });
    waiting = waiting.mid(0, kAgentsPerPage);
    caller.sendResult(request.id, {{QStringLiteral("interactions"), writeList(waiting)}});
}

void SupervisorMethods::forceState(ClientConnection& caller, const Request& request)
{
    const std::optional<ForceStateParams> params = readParams<ForceStateParams>(caller, request);
    if (!params || !checkTarget(caller, request, params->agentId))
        return;
    if (params->presence == Presence::Busy || params->presence == Presence::AfterCallWork) {
        caller.sendError(request.id,
                         makeError(ErrorCode::InvalidParams,
                                   QStringLiteral("presence: ready, notReady or offline"),
                                   {{QStringLiteral("field"), QStringLiteral("presence")}}));
        return;
    }
    if (!audited(caller, request, QStringLiteral("agent.forceState"), params->agentId,
                 {{QStringLiteral("presence"), presenceName(params->presence)},
                  {QStringLiteral("reason"), params->reasonCode},
                  {QStringLiteral("why"), params->why}}))
        return;
    const Result<SetStateResult> result = m_services.agents.requestState(
        params->agentId, SetStateParams{params->presence, params->reasonCode},
        QStringLiteral("supervisor"));
    if (!result) {
        caller.sendError(request.id, result.error());
        return;
    }
    caller.sendResult(request.id, result.value().toJson());
}

void SupervisorMethods::forceSignOut(ClientConnection& caller, const Request& request)
{
    const std::optional<ForceSignOutParams> params =
        readParams<ForceSignOutParams>(caller, request);
    if (!params || !checkTarget(caller, request, params->agentId))
        return;
    if (params->agentId == actorOf(caller)) {
        caller.sendError(request.id,
                         makeError(ErrorCode::InvalidParams,
                                   QStringLiteral("sign yourself out with auth.logout"),
                                   {{QStringLiteral("field"), QStringLiteral("agentId")}}));
        return;
    }
    if (!audited(caller, request, QStringLiteral("agent.forceSignOut"), params->agentId,
                 {{QStringLiteral("why"), params->why}}))
        return;
    int ended = 0;
    for (Session* session : m_services.sessions.sessions()) {
        if (session->agentId() != params->agentId)
            continue;
        m_services.sessions.end(*session, CloseCode::SignedOut,
                                QStringLiteral("signed out by a supervisor"));
        ++ended;
    }
    // Work they held goes back to the queue (the directory does that on Offline).
    m_services.agents.goOffline(params->agentId, QStringLiteral("supervisor"));
    caller.sendResult(request.id, {{QStringLiteral("sessionsEnded"), ended}});
}

void SupervisorMethods::adjust(ClientConnection& caller, const Request& request)
{
    const std::optional<AdjustAgentParams> params = readParams<AdjustAgentParams>(caller, request);
    if (!params || !checkTarget(caller, request, params->agentId))
        return;
    QJsonObject detail{{QStringLiteral("why"), params->why}};
    if (params->skills)
        detail.insert(QStringLiteral("skills"), writeList(*params->skills));
    if (params->capacity)
        detail.insert(QStringLiteral("capacity"), capacityToJson(*params->capacity));
    if (params->reset)
        detail.insert(QStringLiteral("reset"), true);
    if (!audited(caller, request, QStringLiteral("agent.adjust"), params->agentId, detail))
        return;
    Result<bool> changed =
        params->reset ? m_services.accounts.clearDayOverride(params->agentId)
                      : m_services.accounts.setDayOverride(
                            params->agentId, {params->skills, params->capacity}, actorOf(caller));
    if (changed && params->reset && (params->skills || params->capacity))
        changed = m_services.accounts.setDayOverride(
            params->agentId, {params->skills, params->capacity}, actorOf(caller));
    if (!changed) {
        caller.sendError(request.id, changed.error());
        return;
    }
    m_services.board.agentChanged(params->agentId);
    const std::optional<Agent> agent = m_services.accounts.findById(params->agentId);
    caller.sendResult(request.id, {{QStringLiteral("agent"), agent->toJson()}});
}

void SupervisorMethods::reassign(ClientConnection& caller, const Request& request)
{
    const std::optional<ReassignParams> params = readParams<ReassignParams>(caller, request);
    if (!params)
        return;
    const std::optional<Interaction> current = m_services.interactions.find(params->interactionId);
    if (!current) {
        caller.sendError(request.id,
                         makeError(ErrorCode::NotFound, QStringLiteral("no such open interaction"),
                                   {{QStringLiteral("field"), QStringLiteral("interactionId")}}));
        return;
    }
    if (!params->toAgentId.isEmpty() && !checkTarget(caller, request, params->toAgentId))
        return;
    if (!audited(caller, request, QStringLiteral("interaction.reassign"), params->interactionId,
                 {{QStringLiteral("fromQueue"), current->queueId},
                  {QStringLiteral("fromAgent"), current->agentId},
                  {QStringLiteral("toQueue"), params->toQueueId},
                  {QStringLiteral("toAgent"), params->toAgentId},
                  {QStringLiteral("why"), params->why}}))
        return;
    answer(caller, request,
           m_services.interactions.reassign(params->interactionId, params->toQueueId,
                                            params->toAgentId),
           "interaction");
}

void SupervisorMethods::acknowledgeAlert(ClientConnection& caller, const Request& request)
{
    FieldReader reader(request.params);
    const qint64 id = reader.integer(key("id"), 1, kMaxSafeInteger);
    if (!reader.ok()) {
        caller.sendError(request.id, reader.error());
        return;
    }
    if (!audited(caller, request, QStringLiteral("alert.acknowledge"), QString::number(id), {}))
        return;
    answer(caller, request, m_services.alerts.acknowledge(id, actorOf(caller)), "alert");
}

void SupervisorMethods::assignAlert(ClientConnection& caller, const Request& request)
{
    FieldReader reader(request.params);
    const qint64 id = reader.integer(key("id"), 1, kMaxSafeInteger);
    const QString agentId = reader.string(key("agentId"), kMaxIdentifierLength);
    if (!reader.ok()) {
        caller.sendError(request.id, reader.error());
        return;
    }
    if (!checkTarget(caller, request, agentId))
        return;
    if (!audited(caller, request, QStringLiteral("alert.assign"), QString::number(id),
                 {{QStringLiteral("to"), agentId}}))
        return;
    answer(caller, request, m_services.alerts.assign(id, agentId), "alert");
}

void SupervisorMethods::monitor(ClientConnection& caller, const Request& request, bool start)
{
    const std::optional<MonitorParams> params = readParams<MonitorParams>(caller, request);
    if (!params)
        return;
    const std::optional<Interaction> current = m_services.interactions.find(params->interactionId);
    if (!audited(caller, request,
                 start ? QStringLiteral("monitor.start") : QStringLiteral("monitor.mode"),
                 params->interactionId,
                 {{QStringLiteral("mode"), monitorModeName(params->mode)},
                  {QStringLiteral("agent"), current ? current->agentId : QString()}}))
        return;
    const Result<Monitoring> monitoring =
        start ? m_services.monitors.start(actorOf(caller), *params)
              : m_services.monitors.setMode(actorOf(caller), *params);
    if (!monitoring)
        caller.sendError(request.id, monitoring.error());
    else
        caller.sendResult(request.id, monitoring.value().toJson());
}

void SupervisorMethods::stopMonitor(ClientConnection& caller, const Request& request)
{
    FieldReader reader(request.params);
    const QString interactionId = reader.string(key("interactionId"), kMaxIdentifierLength);
    if (!reader.ok()) {
        caller.sendError(request.id, reader.error());
        return;
    }
    if (!audited(caller, request, QStringLiteral("monitor.stop"), interactionId, {}))
        return;
    const Result<bool> stopped = m_services.monitors.stop(actorOf(caller), interactionId);
    if (!stopped)
        caller.sendError(request.id, stopped.error());
    else
        caller.sendResult(request.id, {});
}

void SupervisorMethods::whisper(ClientConnection& caller, const Request& request)
{
    const std::optional<WhisperParams> params = readParams<WhisperParams>(caller, request);
    if (!params)
        return;
    const Result<WhisperNote> note = m_services.monitors.whisper(actorOf(caller), *params);
    if (!note) {
        caller.sendError(request.id, note.error());
        return;
    }
    // The note is the record of the coaching: it is kept in the audit log,
    // never in the conversation.
    if (!audited(caller, request, QStringLiteral("monitor.whisper"), params->interactionId,
                 {{QStringLiteral("text"), params->text}}))
        return;
    m_services.monitors.deliver(note.value());
    answer(caller, request, note, "note");
}

bool SupervisorMethods::checkTarget(ClientConnection& caller, const Request& request,
                                    const QString& agentId)
{
    const std::optional<Agent> agent = m_services.accounts.findById(agentId);
    if (agent && agent->role != Role::Admin)
        return true;
    caller.sendError(request.id, makeError(ErrorCode::NotFound, QStringLiteral("no such agent"),
                                           {{QStringLiteral("field"), QStringLiteral("agentId")}}));
    return false;
}

bool SupervisorMethods::audited(ClientConnection& caller, const Request& request,
                                const QString& action, const QString& subject,
                                const QJsonObject& detail)
{
    const Result<bool> written = m_services.audit.write(actorOf(caller), action, subject, detail);
    if (written)
        return true;
    caller.sendError(request.id, written.error());
    return false;
}

} // namespace qidong::hub
