#pragma once

#include "core/connection/HubConnection.h"
#include "models/AlertListModel.h"
#include "models/FloorRosterFilter.h"
#include "models/FloorRosterModel.h"
#include "models/QueueBoardModel.h"
#include "protocol/Floor.h"
#include "protocol/Interaction.h"

#include <QObject>
#include <QTimer>

namespace qidong::core {

class AgentSession;

// A team lead's view of the floor: subscribes when a supervisor signs in
// (and again after a resync, which a hub restart causes), pages in the
// rest of a large roster, keeps the queue and roster models current from
// floor.delta events, and carries the team lead's actions to the hub.
// The hub decides who may do this; a refused action comes back as failed().
class FloorDesk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FloorDesk)

public:
    FloorDesk(HubConnection& connection, AgentSession& session, QObject* parent = nullptr);
    ~FloorDesk() override;

    bool isWatching() const { return m_watching; }
    models::FloorRosterModel& roster() { return m_roster; }
    models::FloorRosterFilter& rosterFilter() { return m_filter; }
    models::QueueBoardModel& queues() { return m_queues; }
    models::AlertListModel& alerts() { return m_alerts; }
    void acknowledgeAlert(qint64 id);
    void assignAlert(qint64 id, const QString& agentId);
    qint64 dayStartedAt() const { return m_dayStartedAt; }

    void forceState(const QString& agentId, protocol::Presence presence, const QString& reason,
                    const QString& why);
    void forceSignOut(const QString& agentId, const QString& why);
    void adjust(const protocol::AdjustAgentParams& params);
    void reassign(const QString& interactionId, const QString& toQueueId, const QString& toAgentId,
                  const QString& why);
    // Interactions waiting in a queue (queued or ringing), for the drill-down.
    void fetchWaiting(const QString& queueId);
    void fetchIntraday(const QString& queueId);

Q_SIGNALS:
    void watchingChanged(bool watching);
    // A delta was applied (alerts and charts look again).
    void floorChanged();
    // A new alert arrived (tray notifications).
    void alertRaised(const qidong::protocol::FloorAlert& alert, const QString& text);
    void actionDone(const QString& method, const QString& subject);
    void waitingReady(const QString& queueId, const QList<qidong::protocol::Interaction>& waiting);
    void intradayReady(const qidong::protocol::IntradayReport& report);
    void failed(const qidong::protocol::Error& error);

private:
    void subscribe();
    void fetchMoreAgents(const QString& after, quint64 generation);
    void onEvent(const protocol::Event& event);
    void act(QLatin1StringView method, const QJsonObject& params, const QString& subject);
    void setWatching(bool watching);
    void applyLabels();
    void nameAlerts();

    HubConnection& m_connection;
    AgentSession& m_session;
    models::FloorRosterModel m_roster;
    models::FloorRosterFilter m_filter;
    models::QueueBoardModel m_queues;
    models::AlertListModel m_alerts;
    QTimer m_clock;
    bool m_watching = false;
    quint64 m_generation = 0; // answers to an older subscription are dropped
    qint64 m_dayStartedAt = 0;
};

} // namespace qidong::core
