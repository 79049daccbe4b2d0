#pragma once

#include "models/InteractionListModel.h"
#include "models/ReasonCodeModel.h"
#include "protocol/Agent.h"
#include "protocol/AgentState.h"
#include "protocol/Message.h"
#include "protocol/Monitor.h"
#include "protocol/Payloads.h"
#include "protocol/SessionSnapshot.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace qidong::core {

class HubConnection;

// The signed-in person as the desktop knows them: who they are, their role,
// their state with reason and time in state, the state queued for when the
// current work ends, and their interactions. It is rebuilt from every
// snapshot (sign-in, resync) and kept current by events, and it owns the
// models the widgets show.
class AgentSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentSession)

public:
    explicit AgentSession(HubConnection& connection, QObject* parent = nullptr);
    ~AgentSession() override;

    bool isSignedIn() const { return m_signedIn; }
    const protocol::Agent& agent() const { return m_agent; }
    bool isSupervisor() const;
    const protocol::AgentState& state() const { return m_state; }
    // How long the agent has been in the current state, by the given clock.
    qint64 timeInStateMs(qint64 nowMs) const;

    // Asks the hub for a state. Held while reconnecting and sent once; the
    // answer (or the event) updates state(). Failures come as stateChangeFailed.
    void requestState(protocol::Presence presence, const QString& reasonCode = {});
    void setLanguage(const QString& language);

    // Work on interactions; the hub's answer and events update the list.
    // Failures come as requestFailed.
    void accept(const QString& interactionId);
    void reject(const QString& interactionId);
    void end(const QString& interactionId);
    void wrapUp(const QString& interactionId, const QString& code);
    void wrapUp(const QString& interactionId, const protocol::WrapUpRecord& record);
    // The "need help" ("help") and "abusive customer" ("abusive") buttons:
    // an alert for the team leads, about this interaction if one is given.
    void requestHelp(const QString& kind, const QString& interactionId, const QString& note = {});
    // The offer currently ringing for this agent, if any.
    std::optional<protocol::InteractionOffer> ringingOffer() const { return m_offer; }

    models::InteractionListModel& interactions() { return m_interactions; }
    const QList<protocol::Queue>& queues() const { return m_queues; }
    const QList<protocol::Team>& teams() const { return m_teams; }
    QString language() const { return m_language; }
    // Team leads monitoring this agent's interactions now, as the hub tells
    // (only where the organisation's policy tells agents).
    QList<protocol::MonitorNotice> monitoredBy() const { return m_monitors.values(); }
    models::ReasonCodeModel& notReadyReasons() { return m_notReadyReasons; }
    models::ReasonCodeModel& wrapUpCodes() { return m_wrapUpCodes; }

Q_SIGNALS:
    void signedInChanged(bool signedIn);
    void stateChanged(const qidong::protocol::AgentState& state);
    void stateChangeFailed(const qidong::protocol::Error& error);
    void offerReceived(const qidong::protocol::InteractionOffer& offer);
    // The ringing offer is over: accepted, rejected, rung out, or taken back.
    void offerEnded(const QString& interactionId, const QString& reason);
    void requestFailed(const QString& method, const qidong::protocol::Error& error);
    // The team leads were told (agent.requestHelp answered).
    void helpRequested(const QString& kind);
    // An interaction of this agent is new or changed, or no longer theirs.
    void interactionChanged(const qidong::protocol::Interaction& interaction);
    void interactionGone(const QString& interactionId);
    void monitoringChanged();
    // Once a second while signed in, for time-in-state and queue clocks.
    void clockTicked(qint64 nowMs);

private:
    void applySnapshot(const protocol::SessionSnapshot& snapshot);
    void onEvent(const protocol::Event& event);
    void setState(const protocol::AgentState& state);
    void onHealthChanged();
    void sendInteractionRequest(QLatin1StringView method, const QJsonObject& params);
    void onInteractionChanged(const protocol::Interaction& interaction);
    void endOffer(const QString& interactionId, const QString& reason);

    HubConnection& m_connection;
    bool m_signedIn = false;
    protocol::Agent m_agent;
    protocol::AgentState m_state;
    models::InteractionListModel m_interactions;
    models::ReasonCodeModel m_notReadyReasons;
    models::ReasonCodeModel m_wrapUpCodes;
    QTimer m_clock;
    std::optional<protocol::InteractionOffer> m_offer;
    QList<protocol::Queue> m_queues;
    QList<protocol::Team> m_teams;
    QString m_language = QStringLiteral("zh-CN");
    QHash<QString, protocol::MonitorNotice> m_monitors; // by interaction and team lead
};

} // namespace qidong::core
