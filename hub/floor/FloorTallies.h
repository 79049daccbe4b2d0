#pragma once

#include "protocol/Floor.h"

#include <QHash>

namespace qidong::hub {

class Database;
struct StoredInteraction;

// Today's (and this week's) counts behind the floor's figures: kept up to
// date from each stored interaction change, and read back from SQLite when
// the hub starts or the day turns, with the same definitions, so a restart
// shows the same figures. Counts follow interactions that entered a queue
// today; outbound calls count for the agent only.
class FloorTallies final
{
    Q_DISABLE_COPY_MOVE(FloorTallies)

public:
    struct Queue
    {
        int offered = 0;
        int answered = 0;
        int answeredInSla = 0;
        int abandoned = 0;
        qint64 answerWaitMs = 0;
        int handled = 0;
        qint64 handleMs = 0;
        protocol::NpsTally npsToday;
        protocol::NpsTally npsWeek;
        protocol::ConversionTally conversionToday;
        protocol::ConversionTally conversionWeek;
        friend bool operator==(const Queue&, const Queue&) = default;
    };

    struct Agent
    {
        int handled = 0;
        qint64 handleMs = 0;
        protocol::NpsTally npsToday;
        friend bool operator==(const Agent&, const Agent&) = default;
    };

    // What a change touched, for the floor to refresh.
    struct Touched
    {
        QString queueId;
        QString agentId;
    };

    explicit FloorTallies(Database& database);

    // Counts from `dayStart` (local midnight) and `weekStart` (Monday).
    void load(qint64 dayStartMs, qint64 weekStartMs);
    qint64 dayStartMs() const { return m_dayStart; }
    qint64 weekStartMs() const { return m_weekStart; }

    // Answers false when the change moves no count.
    bool record(const StoredInteraction& previous, const StoredInteraction& next);
    // A survey answer or an offer's outcome for this interaction arrived:
    // its queue's and agent's scores are read again.
    Touched rescore(const QString& interactionId);

    // Today by half hour up to now, for one queue or all ("").
    protocol::IntradayReport intraday(const QString& queueId, qint64 nowMs) const;

    Queue queue(const QString& queueId) const { return m_queues.value(queueId); }
    Agent agent(const QString& agentId) const { return m_agents.value(agentId); }
    const QHash<QString, Queue>& queues() const { return m_queues; }
    const QHash<QString, Agent>& agents() const { return m_agents; }

private:
    bool counts(const StoredInteraction& stored) const;
    void apply(const StoredInteraction& stored, int sign);
    void loadContacts();
    void loadScores(const QString& queueId, const QString& agentId);

    Database& m_database;
    qint64 m_dayStart = 0;
    qint64 m_weekStart = 0;
    QHash<QString, Queue> m_queues;
    QHash<QString, Agent> m_agents;
};

} // namespace qidong::hub
