#pragma once

#include "protocol/Floor.h"
#include "protocol/Queue.h"

#include <QAbstractListModel>
#include <QHash>

#include <vector>

namespace qidong::models {

// The floor's queues, one row each, for the tiles a team lead watches:
// figures as the hub counts them, and whether each is within its
// thresholds. Thresholds start from the queue's own SLA and can be set
// per queue (warn and alarm for the longest wait and service level).
class QueueBoardModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueBoardModel)

public:
    enum Role
    {
        QueueIdRole = Qt::UserRole + 1,
        NameRole,
        WaitingRole,
        LongestWaitMsRole,
        ServiceLevelRole, // percent, -1 when nothing counted yet
        AsaSecondsRole,   // -1 when nothing answered
        AhtSecondsRole,   // -1 when nothing handled
        OfferedRole,
        AnsweredRole,
        AbandonedRole,
        AgentsReadyRole,
        AgentsBusyRole,
        AgentsAcwRole,
        AgentsNotReadyRole,
        NpsTodayRole, // QVariant() when nobody answered
        NpsWeekRole,
        ConversionTodayRole, // percent or QVariant()
        ConversionWeekRole,
        LevelRole, // Level: the worst of the thresholds
    };
    Q_ENUM(Role)

    enum class Level
    {
        Normal,
        Warning,
        Alarm,
    };
    Q_ENUM(Level)

    struct Thresholds
    {
        int waitWarnSeconds = 0; // longest wait
        int waitAlarmSeconds = 0;
        int serviceWarnPercent = 0; // below it
        int serviceAlarmPercent = 0;
        friend bool operator==(const Thresholds&, const Thresholds&) = default;
    };

    explicit QueueBoardModel(QObject* parent = nullptr);
    ~QueueBoardModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    void setQueues(const QList<protocol::Queue>& queues, const QString& language);
    void replaceAll(const QList<protocol::FloorQueue>& rows);
    void apply(const QList<protocol::FloorQueue>& rows);
    void tick(qint64 nowMs);

    // From the queue's SLA unless set: warn at the SLA, alarm at twice it;
    // service level warns below target, alarms 10 points below.
    Thresholds thresholds(const QString& queueId) const;
    void setThresholds(const QString& queueId, const Thresholds& thresholds);
    static Thresholds defaultsFor(const protocol::Queue& queue);

    int rowOf(const QString& queueId) const;
    const protocol::FloorQueue* rowAt(int row) const;

private:
    Level levelOf(const protocol::FloorQueue& row) const;

    std::vector<protocol::FloorQueue> m_rows;
    QHash<QString, int> m_rowById;
    QHash<QString, protocol::Queue> m_queues;
    QHash<QString, QString> m_names;
    QHash<QString, Thresholds> m_thresholds;
    qint64 m_nowMs = 0;
};

} // namespace qidong::models
