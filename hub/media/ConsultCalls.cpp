#include "ConsultCalls.h"

#include "VoiceCalls.h"
#include "agents/AgentDirectory.h"
#include "interactions/InteractionDirectory.h"
#include "log/HubLog.h"
#include "storage/AccountStore.h"

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

bool isOngoing(const Interaction& call)
{
    return call.state == InteractionState::Active || call.state == InteractionState::Held;
}

} // namespace

ConsultCalls::ConsultCalls(InteractionDirectory& interactions, AccountStore& accounts,
                           AgentDirectory& agents, VoiceCalls& calls,
                           std::chrono::milliseconds ringTimeout, QObject* parent)
    : QObject(parent)
    , m_interactions(interactions)
    , m_accounts(accounts)
    , m_agents(agents)
    , m_calls(calls)
    , m_ringTimeout(ringTimeout)
{
    connect(&m_interactions, &InteractionDirectory::customerFacingChanged, this,
            &ConsultCalls::onCallChanged);
}

ConsultCalls::~ConsultCalls() = default;

Result<Consultation> ConsultCalls::start(const QString& agentId, const CallConsultParams& params)
{
    const std::optional<Interaction> call = m_interactions.find(params.id);
    if (!call || call->agentId != agentId)
        return makeError(ErrorCode::NotFound, QStringLiteral("not your call"));
    // An inbound call, or a callback or outbound call once answered.
    const bool connected = call->channel == Channel::Voice ||
                           (isCallChannel(call->channel) && m_calls.isAnswered(call->id));
    if (!connected || !isOngoing(*call))
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("not an ongoing call"));
    if (m_open.contains(params.id))
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("a colleague is already on this call"));
    const std::optional<AccountRecord> colleague = m_accounts.findByUsername(params.agentUsername);
    if (!colleague || colleague->agent.role == Role::Admin)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such agent"),
                         {{QStringLiteral("field"), QStringLiteral("agent")}});
    const QString colleagueId = colleague->agent.id;
    if (colleagueId == agentId)
        return makeError(ErrorCode::InvalidParams, QStringLiteral("the call is already yours"),
                         {{QStringLiteral("field"), QStringLiteral("agent")}});
    // Free to talk: signed in, ready (or busy with chats only), on no call.
    bool onCall = m_interactions.isOnSideCall(colleagueId);
    for (const Interaction& theirs : m_interactions.ofAgent(colleagueId))
        onCall =
            onCall || (isCallChannel(theirs.channel) && theirs.state != InteractionState::WrapUp);
    const Presence presence = m_agents.stateOf(colleagueId).presence;
    if (onCall || !m_agents.isConnected(colleagueId) ||
        (presence != Presence::Ready && presence != Presence::Busy))
        return makeError(
            ErrorCode::InvalidTransition,
            QStringLiteral("%1 cannot take a call now").arg(colleague->agent.displayName),
            {{QStringLiteral("field"), QStringLiteral("agent")}});
    if (call->state == InteractionState::Active) {
        const Result<Interaction> held = m_interactions.hold(agentId, params.id, true);
        if (!held)
            return held.error();
    }
    const std::optional<Agent> holder = m_accounts.findById(agentId);
    Open& open = m_open[params.id];
    open.consultation = {params.id,     ConsultStage::Ringing,
                         agentId,       holder ? holder->displayName : agentId,
                         colleagueId,   colleague->agent.displayName,
                         call->customer};
    open.ringOut = std::make_unique<QTimer>();
    open.ringOut->setSingleShot(true);
    connect(open.ringOut.get(), &QTimer::timeout, this,
            [this, id = params.id] { finish(id, QStringLiteral("no-answer")); });
    open.ringOut->start(m_ringTimeout);
    m_interactions.setOnSideCall(colleagueId, true);
    m_calls.setConsult(params.id, VoiceCalls::Consult{colleagueId, ConsultStage::Ringing});
    logInfo(lcMedia, QLatin1StringView("consult.started"),
            {{QStringLiteral("interaction"), params.id},
             {QStringLiteral("from"), agentId},
             {QStringLiteral("to"), colleagueId}});
    const Consultation started = open.consultation;
    announce(started);
    return started;
}

Result<Consultation> ConsultCalls::answer(const QString& agentId, const QString& callId)
{
    const auto it = m_open.find(callId);
    if (it == m_open.end() || it->second.consultation.toAgentId != agentId)
        return makeError(ErrorCode::NotFound, QStringLiteral("nobody asks you about this call"));
    if (it->second.consultation.stage != ConsultStage::Ringing)
        return makeError(ErrorCode::InvalidTransition, QStringLiteral("already answered"));
    it->second.ringOut->stop();
    setStage(it->second, ConsultStage::Talking);
    return it->second.consultation;
}

Result<Consultation> ConsultCalls::end(const QString& agentId, const CallConsultEndParams& params)
{
    const auto it = m_open.find(params.id);
    if (it == m_open.end() || (it->second.consultation.fromAgentId != agentId &&
                               it->second.consultation.toAgentId != agentId))
        return makeError(ErrorCode::NotFound, QStringLiteral("no consultation on this call"));
    Open& open = it->second;
    const Consultation now = open.consultation;
    const bool isHolder = now.fromAgentId == agentId;
    const bool answered = now.stage != ConsultStage::Ringing;
    ConsultAction action = params.action;
    if (!isHolder && action != ConsultAction::Leave)
        return makeError(ErrorCode::Forbidden, QStringLiteral("only the call's holder decides"),
                         {{QStringLiteral("field"), QStringLiteral("action")}});
    // The holder leaving a conference leaves the call to the other two.
    if (isHolder && action == ConsultAction::Leave)
        action = answered ? ConsultAction::Transfer : ConsultAction::Return;
    if ((action == ConsultAction::Transfer || action == ConsultAction::Conference) && !answered)
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("%1 has not answered yet").arg(now.toName));

    switch (action) {
    case ConsultAction::Leave:
        return finish(params.id, answered ? QStringLiteral("left") : QStringLiteral("declined"));
    case ConsultAction::Return: {
        const Consultation ended = finish(params.id, QStringLiteral("returned"));
        const std::optional<Interaction> call = m_interactions.find(params.id);
        if (call && call->state == InteractionState::Held)
            (void)m_interactions.hold(agentId, params.id, false);
        return ended;
    }
    case ConsultAction::Conference: {
        if (now.stage == ConsultStage::Conference)
            return now;
        setStage(open, ConsultStage::Conference);
        const std::optional<Interaction> call = m_interactions.find(params.id);
        if (call && call->state == InteractionState::Held) {
            const Result<Interaction> resumed = m_interactions.hold(agentId, params.id, false);
            if (!resumed)
                return resumed.error();
        }
        return m_open.at(params.id).consultation;
    }
    case ConsultAction::Transfer: {
        // The holder hears how it ended before the call leaves them; the
        // colleague has the call before they hear the consultation ended.
        Consultation told = now;
        told.stage = ConsultStage::Ended;
        told.outcome = QStringLiteral("transferred");
        Q_EMIT changed(now.fromAgentId, told);
        const Result<Interaction> handed =
            m_interactions.handOver(agentId, params.id, now.toAgentId);
        if (!handed) {
            announce(now);
            return handed.error();
        }
        return finish(params.id, told.outcome, Tell::ColleagueOnly);
    }
    }
    return makeError(ErrorCode::Internal, QStringLiteral("unhandled consult action"));
}

void ConsultCalls::setStage(Open& open, ConsultStage stage)
{
    open.consultation.stage = stage;
    m_calls.setConsult(open.consultation.id,
                       VoiceCalls::Consult{open.consultation.toAgentId, stage});
    logInfo(lcMedia, QLatin1StringView("consult.changed"),
            {{QStringLiteral("interaction"), open.consultation.id},
             {QStringLiteral("stage"), consultStageName(stage)}});
    announce(open.consultation);
}

Consultation ConsultCalls::finish(const QString& callId, const QString& outcome, Tell tell)
{
    const auto it = m_open.find(callId);
    if (it == m_open.end())
        return {};
    Consultation ended = it->second.consultation;
    m_open.erase(it);
    ended.stage = ConsultStage::Ended;
    ended.outcome = outcome;
    m_calls.setConsult(callId, std::nullopt);
    m_interactions.setOnSideCall(ended.toAgentId, false);
    logInfo(lcMedia, QLatin1StringView("consult.ended"),
            {{QStringLiteral("interaction"), callId}, {QStringLiteral("outcome"), outcome}});
    if (tell == Tell::Both)
        announce(ended);
    else
        Q_EMIT changed(ended.toAgentId, ended);
    return ended;
}

void ConsultCalls::onCallChanged(const Interaction& call)
{
    const auto it = m_open.find(call.id);
    if (it == m_open.end())
        return;
    const Consultation& now = it->second.consultation;
    // Ended, sent back to a queue, or transferred elsewhere: the colleague
    // has nothing left to talk about.
    if (!isOngoing(call) || (call.agentId != now.fromAgentId && call.agentId != now.toAgentId))
        finish(call.id, QStringLiteral("call-ended"));
}

void ConsultCalls::announce(const Consultation& consultation)
{
    Q_EMIT changed(consultation.fromAgentId, consultation);
    Q_EMIT changed(consultation.toAgentId, consultation);
}

} // namespace qidong::hub
