#include "PhoneTrunk.h"

#include "PeerConnection.h"
#include "auth/SecretToken.h"
#include "customers/Masking.h"
#include "interactions/CustomerIds.h"
#include "interactions/InteractionDirectory.h"
#include "log/HubLog.h"
#include "media/VoiceCalls.h"
#include "protocol/FieldReader.h"
#include "protocol/Limits.h"
#include "protocol/Names.h"
#include "storage/AccountStore.h"

#include <QWebSocket>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

QString maskedNumber(const QString& number)
{
    return maskIdentity(QStringLiteral("phone"), number);
}

} // namespace

PhoneTrunk::PhoneTrunk(InteractionDirectory& interactions, const AccountStore& accounts,
                       VoiceCalls& calls, QObject* parent)
    : QObject(parent)
    , m_interactions(interactions)
    , m_accounts(accounts)
    , m_calls(calls)
{
    m_calls.addDialRoute([this](const Interaction& call) { return ring(call); });
    connect(&m_calls, &VoiceCalls::dialChanged, this,
            [this](const QString&, const QString& interactionId, const QString& state) {
                onDialChanged(interactionId, state);
            });
    connect(&m_interactions, &InteractionDirectory::customerFacingChanged, this,
            &PhoneTrunk::onCustomerFacingChanged);
}

PhoneTrunk::~PhoneTrunk()
{
    for (PeerConnection* peer : std::as_const(m_peers))
        peer->disconnect(this);
}

void PhoneTrunk::adopt(std::unique_ptr<QWebSocket> socket)
{
    auto* peer = new PeerConnection(
        std::move(socket),
        [this](PeerConnection& from, const Request& request) { handle(from, request); }, this);
    m_peers.append(peer);
    connect(peer, &PeerConnection::disconnected, this, &PhoneTrunk::onGone);
}

void PhoneTrunk::closeAll()
{
    for (PeerConnection* peer : std::as_const(m_peers))
        peer->close(int(QWebSocketProtocol::CloseCodeGoingAway),
                    QStringLiteral("the hub is shutting down"));
}

void PhoneTrunk::onGone(PeerConnection* peer)
{
    m_peers.removeOne(peer);
    peer->deleteLater();
    if (peer != m_trunk)
        return;
    m_trunk = nullptr;
    logWarning(lcWeb, QLatin1StringView("trunk.lost"),
               {{QStringLiteral("calls"), m_ringing.size()}});
    dropCalls();
}

void PhoneTrunk::dropCalls()
{
    // The far ends are gone with the trunk: each call ends as hung up by them.
    const QStringList calls = m_ringing.keys();
    m_ringing.clear();
    for (const QString& id : calls)
        (void)m_calls.hangUpDial(id);
}

bool PhoneTrunk::ring(const Interaction& call)
{
    const QString key = m_interactions.threadKeyOf(call.id);
    if (!m_trunk || !key.startsWith(kNumberKeyPrefix))
        return false;
    const QString number = key.mid(kNumberKeyPrefix.size());
    m_ringing.insert(call.id, number);
    m_trunk->sendEvent(Event{QString(event::TrunkCall),
                             std::nullopt,
                             {{QStringLiteral("id"), call.id},
                              {QStringLiteral("number"), number},
                              {QStringLiteral("language"), call.language}}});
    logInfo(lcWeb, QLatin1StringView("trunk.call"),
            {{QStringLiteral("interaction"), call.id},
             {QStringLiteral("number"), maskedNumber(number)}});
    return true;
}

Result<Interaction> PhoneTrunk::placeCall(const QString& agentId,
                                          const CallDialNumberParams& params)
{
    if (!m_trunk)
        return makeError(ErrorCode::InvalidTransition,
                         QStringLiteral("no phone line: the hub has no trunk connected"),
                         {{QStringLiteral("reason"), QStringLiteral("no-trunk")}});
    NewInteraction outbound;
    outbound.params.channel = Channel::Outbound;
    outbound.params.queueId = params.queueId.isEmpty() ? defaultQueueFor(agentId) : params.queueId;
    outbound.params.customer.displayName =
        params.displayName.isEmpty() ? maskedNumber(params.number) : params.displayName;
    outbound.params.customer.identityKind = QStringLiteral("phone");
    outbound.params.customer.identity = maskedNumber(params.number);
    outbound.params.customer.id = customerIdFor(QStringLiteral("phone"), params.number);
    outbound.rawIdentity = params.number;
    outbound.threadKey = numberKeyFor(params.number);
    const Result<Interaction> placed = m_interactions.startOutbound(agentId, outbound);
    if (!placed)
        return placed;
    const Result<bool> dialled = m_calls.dial(agentId, placed.value().id);
    if (!dialled) // the trunk went in between: the agent ends it (or dials again)
        return dialled.error();
    return m_interactions.find(placed.value().id).value_or(placed.value());
}

QString PhoneTrunk::defaultQueueFor(const QString& agentId) const
{
    // The first voice queue the agent has every skill for, else any voice queue.
    const std::optional<Agent> agent = m_accounts.findById(agentId);
    QString anyVoice;
    for (const Queue& queue : m_accounts.queues()) {
        if (queue.channel != Channel::Voice)
            continue;
        if (anyVoice.isEmpty())
            anyVoice = queue.id;
        const bool skilled =
            agent && std::all_of(queue.requiredSkills.cbegin(), queue.requiredSkills.cend(),
                                 [&agent](const QString& skill) {
                                     return std::any_of(
                                         agent->skills.cbegin(), agent->skills.cend(),
                                         [&skill](const Skill& has) { return has.name == skill; });
                                 });
        if (skilled)
            return queue.id;
    }
    return anyVoice;
}

void PhoneTrunk::handle(PeerConnection& peer, const Request& request)
{
    const QString& method = request.method;
    if (method == method::Ping) {
        peer.sendResult(request.id, {});
        return;
    }
    if (method == method::TrunkRegister) {
        registerTrunk(peer, request);
        return;
    }
    if (&peer != m_trunk) {
        peer.sendError(request.id, makeError(ErrorCode::Unauthenticated,
                                             QStringLiteral("register the trunk first")));
        return;
    }
    FieldReader reader(request.params);
    const QString id = reader.string(QLatin1StringView("id"), kMaxIdentifierLength);
    if (!reader.ok()) {
        peer.sendError(request.id, reader.error());
        return;
    }
    if (!m_ringing.contains(id)) {
        peer.sendError(request.id,
                       makeError(ErrorCode::NotFound, QStringLiteral("no such call on the trunk")));
        return;
    }
    if (method == method::TrunkAnswer) {
        const Result<MediaTicket> ticket = m_calls.answerDial(id);
        if (!ticket)
            peer.sendError(request.id, ticket.error());
        else
            peer.sendResult(request.id, {{QStringLiteral("media"), ticket.value().toJson()}});
    } else if (method == method::TrunkReject || method == method::TrunkHangUp) {
        m_ringing.remove(id);
        const Result<bool> ended =
            method == method::TrunkReject ? m_calls.declineDial(id) : m_calls.hangUpDial(id);
        if (!ended)
            peer.sendError(request.id, ended.error());
        else
            peer.sendResult(request.id, {});
    } else {
        peer.sendError(request.id, makeError(ErrorCode::UnknownMethod,
                                             QStringLiteral("unknown method \"%1\"").arg(method)));
    }
}

void PhoneTrunk::registerTrunk(PeerConnection& peer, const Request& request)
{
    const QString token = request.params.value(QLatin1StringView("token")).toString();
    if (!SecretToken::matches(token.toUtf8(), m_token)) {
        logWarning(lcWeb, QLatin1StringView("trunk.refused"), {});
        peer.sendError(request.id,
                       makeError(ErrorCode::Unauthenticated, QStringLiteral("bad trunk token")));
        peer.close(int(QWebSocketProtocol::CloseCodePolicyViolated), QStringLiteral("bad token"));
        return;
    }
    if (m_trunk && m_trunk != &peer) {
        PeerConnection* old = m_trunk;
        m_trunk = nullptr;
        dropCalls(); // now, not when the old socket has closed
        old->close(int(QWebSocketProtocol::CloseCodeNormal), QStringLiteral("replaced"));
    }
    m_trunk = &peer;
    logInfo(lcWeb, QLatin1StringView("trunk.registered"), {});
    peer.sendResult(request.id, {});
}

void PhoneTrunk::onDialChanged(const QString& interactionId, const QString& state)
{
    if (!m_ringing.contains(interactionId))
        return;
    // The agent hung up, or nobody answered in time: the trunk clears the call.
    if (state == QLatin1StringView("hung-up") || state == QLatin1StringView("no-answer"))
        hangUp(interactionId, state);
    else if (state != QLatin1StringView("answered") && state != QLatin1StringView("ringing"))
        m_ringing.remove(interactionId); // the far end ended it
}

void PhoneTrunk::onCustomerFacingChanged(const Interaction& interaction)
{
    const bool over = interaction.state == InteractionState::WrapUp ||
                      interaction.state == InteractionState::Ended;
    if (over && m_ringing.contains(interaction.id))
        hangUp(interaction.id, QStringLiteral("ended"));
}

void PhoneTrunk::hangUp(const QString& interactionId, const QString& reason)
{
    m_ringing.remove(interactionId);
    if (m_trunk)
        m_trunk->sendEvent(
            Event{QString(event::TrunkHangUp),
                  std::nullopt,
                  {{QStringLiteral("id"), interactionId}, {QStringLiteral("reason"), reason}}});
}

} // namespace qidong::hub
