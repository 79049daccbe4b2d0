#include "AgentSession.h"

#include "core/CoreLog.h"
#include "core/connection/HubConnection.h"
#include "protocol/Names.h"
#include "protocol/Payloads.h"

#include <QDateTime>

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
    m_interactions.setLanguage(language);
    m_notReadyReasons.setLanguage(language);
    m_wrapUpCodes.setLanguage(language);
}

void AgentSession::applySnapshot(const SessionSnapshot& snapshot)
{
    m_agent = snapshot.agent;
    m_notReadyReasons.setReasonCodes(snapshot.reasonCodes);
    m_wrapUpCodes.setReasonCodes(snapshot.reasonCodes);
    m_interactions.setQueues(snapshot.queues);
    m_interactions.replaceAll(snapshot.interactions);
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
        Q_EMIT signedInChanged(false);
    }
}

} // namespace qidong::core
