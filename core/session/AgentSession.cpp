#include "AgentSession.h"

#include "core/CoreLog.h"
#include "core/connection/HubConnection.h"
#include "protocol/Names.h"
#include "protocol/Payloads.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace qidong::core {

using namespace qidong::protocol;

AgentSession::AgentSession(HubConnection& connection, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_notReadyReasons(ReasonKind::NotReady)
    , m_wrapUpCodes(ReasonKind::WrapUp)
{
    connect(&m_connection, &HubConnection::signedIn, this,
            [this](const SessionGrant& grant) { applySnapshot(grant.snapshot); });
    connect(&m_connection, &HubConnection::resynced, this, &AgentSession::applySnapshot);
    connect(&m_connection, &HubConnection::eventReceived, this, &AgentSession::onEvent);
    connect(&m_connection, &HubConnection::healthChanged, this, &AgentSession::onHealthChanged);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_interactions.tick(now);
        Q_EMIT clockTicked(now);
    });
}

AgentSession::~AgentSession() = default;

bool AgentSession::isSupervisor() const
{
    return m_agent.role == Role::Supervisor || m_agent.role == Role::Admin;
}

qint64 AgentSession::timeInStateMs(qint64 nowMs) const
{
    return m_signedIn ? std::max<qint64>(0, nowMs - m_state.sinceMs) : 0;
}

void AgentSession::requestState(Presence presence, const QString& reasonCode)
{
    const QJsonObject params = SetStateParams{presence, reasonCode}.toJson();
    m_connection.request(
        QString(method::AgentSetState), params, this,
        [this](const Response& response) {
            if (response.error) {
                qCInfo(lcCore) << "state change refused:" << response.error->message;
                Q_EMIT stateChangeFailed(*response.error);
                return;
            }
            Result<SetStateResult> result = SetStateResult::fromJson(response.result);
            if (result)
                setState(result.value().state);
        },
        HubConnection::Delivery::Reliable);
}

void AgentSession::setLanguage(const QString& language)
{
    m_language = language;
    m_interactions.setLanguage(language);
    m_notReadyReasons.setLanguage(language);
    m_wrapUpCodes.setLanguage(language);
}

void AgentSession::accept(const QString& interactionId)
{
    sendInteractionRequest(method::InteractionAccept, InteractionRef{interactionId}.toJson());
}

void AgentSession::reject(const QString& interactionId)
{
    sendInteractionRequest(method::InteractionReject, InteractionRef{interactionId}.toJson());
}

void AgentSession::end(const QString& interactionId)
{
    sendInteractionRequest(method::InteractionEnd, InteractionRef{interactionId}.toJson());
}

void AgentSession::wrapUp(const QString& interactionId, const QString& code)
{
    wrapUp(interactionId, WrapUpRecord{code, VocKind::None, {}, {}, false, false});
}

void AgentSession::wrapUp(const QString& interactionId, const WrapUpRecord& record)
{
    QJsonObject params = record.toJson();
    params.insert(QStringLiteral("id"), interactionId);
    sendInteractionRequest(method::InteractionWrapUp, params);
}

void AgentSession::requestHelp(const QString& kind, const QString& interactionId,
                               const QString& note)
{
    QJsonObject params{{QStringLiteral("kind"), kind}};
    if (!interactionId.isEmpty())
        params.insert(QStringLiteral("interactionId"), interactionId);
    if (!note.isEmpty())
        params.insert(QStringLiteral("note"), note);
    m_connection.request(
        QString(method::AgentRequestHelp), params, this,
        [this, kind](const Response& response) {
            if (response.error)
                Q_EMIT requestFailed(QString(method::AgentRequestHelp), *response.error);
            else
                Q_EMIT helpRequested(kind);
        },
        HubConnection::Delivery::Reliable);
}

void AgentSession::sendInteractionRequest(QLatin1StringView method, const QJsonObject& params)
{
    // Reliable: a click made during a reconnect is not lost. The hub refuses
    // a stale one (an offer that rang out meanwhile) with a typed error.
    m_connection.request(
        QString(method), params, this,
        [this, name = QString(method)](const Response& response) {
            if (response.error) {
                Q_EMIT requestFailed(name, *response.error);
                return;
            }
            Result<Interaction> interaction = Interaction::fromJson(
                response.result.value(QLatin1StringView("interaction")).toObject());
            if (interaction)
                onInteractionChanged(interaction.value());
        },
        HubConnection::Delivery::Reliable);
}

void AgentSession::onInteractionChanged(const Interaction& interaction)
{
    if (m_offer && m_offer->interaction.id == interaction.id &&
        interaction.state != InteractionState::Offered)
        endOffer(interaction.id, interactionStateName(interaction.state));
    if (interaction.state == InteractionState::Ended ||
        (interaction.state == InteractionState::Queued && interaction.agentId != m_agent.id)) {
        m_interactions.remove(interaction.id);
        Q_EMIT interactionGone(interaction.id);
    } else {
        m_interactions.upsert(interaction);
        Q_EMIT interactionChanged(interaction);
    }
}

void AgentSession::endOffer(const QString& interactionId, const QString& reason)
{
    if (!m_offer || m_offer->interaction.id != interactionId)
        return;
    m_offer.reset();
    Q_EMIT offerEnded(interactionId, reason);
}

void AgentSession::applySnapshot(const SessionSnapshot& snapshot)
{
    m_agent = snapshot.agent;
    m_notReadyReasons.setReasonCodes(snapshot.reasonCodes);
    m_wrapUpCodes.setReasonCodes(snapshot.reasonCodes);
    m_queues = snapshot.queues;
    m_teams = snapshot.teams;
    m_interactions.setQueues(snapshot.queues);
    QSet<QString> gone;
    for (int row = 0; row < m_interactions.rowCount(); ++row)
        gone.insert(m_interactions.interactionAt(row)->id);
    m_interactions.replaceAll(snapshot.interactions);
    for (const Interaction& interaction : snapshot.interactions) {
        gone.remove(interaction.id);
        Q_EMIT interactionChanged(interaction);
    }
    for (const QString& id : std::as_const(gone))
        Q_EMIT interactionGone(id);
    // An offer still ringing is in the snapshot; one that is not has ended.
    if (m_offer) {
        const auto ringing = std::find_if(
            snapshot.interactions.cbegin(), snapshot.interactions.cend(),
            [this](const Interaction& i) {
                return i.id == m_offer->interaction.id && i.state == InteractionState::Offered;
            });
        if (ringing == snapshot.interactions.cend())
            endOffer(m_offer->interaction.id, QStringLiteral("resync"));
    }
    m_interactions.tick(QDateTime::currentMSecsSinceEpoch());
    setState(snapshot.state);
    if (!m_signedIn) {
        m_signedIn = true;
        m_clock.start();
        Q_EMIT signedInChanged(true);
    }
}

void AgentSession::onEvent(const Event& event)
{
    if (event.name == event::AgentStateChanged) {
        Result<StateChangedEvent> change = StateChangedEvent::fromJson(event.data);
        if (!change) {
            qCWarning(lcCore) << "malformed agent.stateChanged:" << change.error().message;
            return;
        }
        if (change.value().agentId == m_agent.id)
            setState(change.value().state);
    } else if (event.name == event::InteractionOffered) {
        Result<InteractionOffer> offer = InteractionOffer::fromJson(event.data);
        if (!offer) {
            qCWarning(lcCore) << "malformed interaction.offered:" << offer.error().message;
            return;
        }
        m_interactions.upsert(offer.value().interaction);
        m_offer = offer.value();
        Q_EMIT offerReceived(offer.value());
    } else if (event.name == event::InteractionUpdated) {
        Result<Interaction> interaction =
            Interaction::fromJson(event.data.value(QLatin1StringView("interaction")).toObject());
        if (interaction)
            onInteractionChanged(interaction.value());
    } else if (event.name == event::InteractionRevoked) {
        Result<InteractionRevoked> revoked = InteractionRevoked::fromJson(event.data);
        if (!revoked)
            return;
        m_interactions.remove(revoked.value().id);
        endOffer(revoked.value().id, revoked.value().reason);
        Q_EMIT interactionGone(revoked.value().id);
    } else if (event.name == event::MonitorNotice) {
        Result<MonitorNotice> notice = MonitorNotice::fromJson(event.data);
        if (!notice)
            return;
        const QString key = notice.value().interactionId + u'\n' + notice.value().supervisorId;
        if (notice.value().active)
            m_monitors.insert(key, notice.value());
        else
            m_monitors.remove(key);
        Q_EMIT monitoringChanged();
    }
}

void AgentSession::setState(const AgentState& state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(m_state);
}

void AgentSession::onHealthChanged()
{
    const HubConnection::Health health = m_connection.health();
    if (m_signedIn &&
        (health == HubConnection::Health::Offline || health == HubConnection::Health::AuthFailed)) {
        m_signedIn = false;
        m_clock.stop();
        m_monitors.clear(); // a new session hears afresh from the hub
        Q_EMIT signedInChanged(false);
        Q_EMIT monitoringChanged();
    }
}

} // namespace qidong::core
