#include "FloorDesk.h"

#include "core/session/AgentSession.h"
#include "protocol/JsonList.h"
#include "protocol/Names.h"

#include <QDateTime>
#include <QJsonArray>

namespace qidong::core {

using namespace qidong::protocol;

FloorDesk::FloorDesk(HubConnection& connection, AgentSession& session, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_session(session)
{
    m_filter.setSourceModel(&m_roster);
    m_filter.setDynamicSortFilter(true);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_roster.tick(now);
        m_queues.tick(now);
    });
    connect(&m_connection, &HubConnection::eventReceived, this, &FloorDesk::onEvent);
    connect(&m_session, &AgentSession::signedInChanged, this, [this](bool signedIn) {
        if (signedIn && m_session.isSupervisor())
            subscribe();
        else if (!signedIn)
            setWatching(false);
    });
    // A resync means the hub lost its memory of this session's subscription.
    connect(&m_connection, &HubConnection::resynced, this, [this] {
        if (m_watching)
            subscribe();
    });
    if (m_session.isSignedIn() && m_session.isSupervisor())
        subscribe();
}

FloorDesk::~FloorDesk() = default;

void FloorDesk::subscribe()
{
    const quint64 generation = ++m_generation;
    m_connection.request(
        QString(method::FloorSubscribe), {}, this,
        [this, generation](const Response& response) {
            if (generation != m_generation)
                return;
            if (response.error) {
                setWatching(false);
                Q_EMIT failed(*response.error);
                return;
            }
            Result<FloorView> view =
                FloorView::fromJson(response.result.value(QLatin1StringView("view")).toObject());
            if (!view) {
                Q_EMIT failed(view.error());
                return;
            }
            m_dayStartedAt = view.value().dayStartedAt;
            applyLabels();
            m_queues.replaceAll(view.value().queues);
            m_roster.replaceAll(view.value().agents);
            QList<FloorAlert> alerts;
            for (const QJsonValue& value :
                 response.result.value(QLatin1StringView("alerts")).toArray()) {
                Result<FloorAlert> alert = FloorAlert::fromJson(value.toObject());
                if (alert)
                    alerts.append(alert.value());
            }
            m_alerts.replaceAll(alerts);
            nameAlerts();
            setWatching(true);
            const QString more = response.result.value(QLatin1StringView("moreAfter")).toString();
            if (!more.isEmpty())
                fetchMoreAgents(more, generation);
            Q_EMIT floorChanged();
        },
        HubConnection::Delivery::Reliable);
}

void FloorDesk::fetchMoreAgents(const QString& after, quint64 generation)
{
    m_connection.request(QString(method::FloorAgents), {{QStringLiteral("after"), after}}, this,
                         [this, generation](const Response& response) {
                             if (generation != m_generation || response.error)
                                 return;
                             QList<FloorAgentRow> rows;
                             for (const QJsonValue& value :
                                  response.result.value(QLatin1StringView("agents")).toArray()) {
                                 Result<FloorAgentRow> row =
                                     FloorAgentRow::fromJson(value.toObject());
                                 if (row)
                                     rows.append(row.value());
                             }
                             // Newer than any delta that came before it: applied like one.
                             m_roster.apply(rows);
                             nameAlerts();
                             const QString more =
                                 response.result.value(QLatin1StringView("moreAfter")).toString();
                             if (!more.isEmpty())
                                 fetchMoreAgents(more, generation);
                             Q_EMIT floorChanged();
                         });
}

void FloorDesk::onEvent(const Event& event)
{
    if (!m_watching)
        return;
    if (event.name == event::FloorAlert) {
        Result<FloorAlert> alert =
            FloorAlert::fromJson(event.data.value(QLatin1StringView("alert")).toObject());
        if (alert && m_alerts.upsert(alert.value()))
            Q_EMIT alertRaised(alert.value(), m_alerts.describe(alert.value()));
        return;
    }
    if (event.name != event::FloorDelta)
        return;
    Result<FloorDelta> delta = FloorDelta::fromJson(event.data);
    if (!delta)
        return;
    m_queues.apply(delta.value().queues);
    m_roster.apply(delta.value().agents);
    Q_EMIT floorChanged();
}

void FloorDesk::forceState(const QString& agentId, Presence presence, const QString& reason,
                           const QString& why)
{
    act(method::AgentForceState, ForceStateParams{agentId, presence, reason, why}.toJson(),
        agentId);
}

void FloorDesk::forceSignOut(const QString& agentId, const QString& why)
{
    act(method::AgentForceSignOut, ForceSignOutParams{agentId, why}.toJson(), agentId);
}

void FloorDesk::adjust(const AdjustAgentParams& params)
{
    act(method::AgentAdjust, params.toJson(), params.agentId);
}

void FloorDesk::reassign(const QString& interactionId, const QString& toQueueId,
                         const QString& toAgentId, const QString& why)
{
    act(method::InteractionReassign,
        ReassignParams{interactionId, toQueueId, toAgentId, why}.toJson(), interactionId);
}

void FloorDesk::acknowledgeAlert(qint64 id)
{
    act(method::AlertAcknowledge, {{QStringLiteral("id"), id}}, QString::number(id));
}

void FloorDesk::assignAlert(qint64 id, const QString& agentId)
{
    act(method::AlertAssign, {{QStringLiteral("id"), id}, {QStringLiteral("agentId"), agentId}},
        QString::number(id));
}

void FloorDesk::nameAlerts()
{
    QHash<QString, QString> agents;
    for (int row = 0; row < m_roster.rowCount(); ++row) {
        const FloorAgentRow* agent = m_roster.rowAt(row);
        agents.insert(agent->agentId, agent->displayName);
    }
    QHash<QString, QString> queues;
    for (const Queue& queue : m_session.queues())
        queues.insert(queue.id, queue.name.forLanguage(m_session.language()));
    m_alerts.setNames(agents, queues);
}

void FloorDesk::fetchWaiting(const QString& queueId)
{
    m_connection.request(
        QString(method::FloorWaiting), {{QStringLiteral("queueId"), queueId}}, this,
        [this, queueId](const Response& response) {
            if (response.error) {
                Q_EMIT failed(*response.error);
                return;
            }
            QList<Interaction> waiting;
            for (const QJsonValue& value :
                 response.result.value(QLatin1StringView("interactions")).toArray()) {
                Result<Interaction> one = Interaction::fromJson(value.toObject());
                if (one)
                    waiting.append(one.value());
            }
            Q_EMIT waitingReady(queueId, waiting);
        });
}

void FloorDesk::fetchIntraday(const QString& queueId)
{
    QJsonObject params;
    if (!queueId.isEmpty())
        params.insert(QStringLiteral("queueId"), queueId);
    m_connection.request(
        QString(method::FloorIntraday), params, this, [this](const Response& response) {
            if (response.error) {
                Q_EMIT failed(*response.error);
                return;
            }
            Result<IntradayReport> report = IntradayReport::fromJson(response.result);
            if (report)
                Q_EMIT intradayReady(report.value());
        });
}

void FloorDesk::act(QLatin1StringView method, const QJsonObject& params, const QString& subject)
{
    const QString name(method);
    m_connection.request(name, params, this, [this, name, subject](const Response& response) {
        if (response.error)
            Q_EMIT failed(*response.error);
        else
            Q_EMIT actionDone(name, subject);
    });
}

void FloorDesk::setWatching(bool watching)
{
    if (watching)
        m_clock.start();
    else
        m_clock.stop();
    if (m_watching == watching)
        return;
    m_watching = watching;
    Q_EMIT watchingChanged(watching);
}

void FloorDesk::applyLabels()
{
    const QString language = m_session.language();
    m_roster.setTeams(m_session.teams(), language);
    m_queues.setQueues(m_session.queues(), language);
    QHash<QString, QString> labels;
    models::ReasonCodeModel& reasons = m_session.notReadyReasons();
    for (int row = 0; row < reasons.rowCount(); ++row)
        labels.insert(reasons.codeAt(row), reasons.labelOf(reasons.codeAt(row)));
    m_roster.setReasonLabels(labels);
}

} // namespace qidong::core
