#include "QueueBoardModel.h"

#include <QDateTime>

#include <algorithm>

namespace qidong::models {

using namespace qidong::protocol;

QueueBoardModel::QueueBoardModel(QObject* parent)
    : QAbstractListModel(parent)
    , m_nowMs(QDateTime::currentMSecsSinceEpoch())
{}

QueueBoardModel::~QueueBoardModel() = default;

int QueueBoardModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant QueueBoardModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FloorQueue& row = m_rows[static_cast<size_t>(index.row())];
    const auto nps = [](const NpsTally& tally) {
        return tally.responses > 0 ? QVariant(tally.score()) : QVariant();
    };
    const auto conversion = [](const ConversionTally& tally) {
        return tally.offered > 0 ? QVariant(tally.percent()) : QVariant();
    };
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return m_names.value(row.queueId, row.queueId);
    case QueueIdRole:
        return row.queueId;
    case WaitingRole:
        return row.waiting;
    case LongestWaitMsRole:
        return row.oldestWaitingSince > 0 ? std::max<qint64>(m_nowMs - row.oldestWaitingSince, 0)
                                          : qint64(0);
    case ServiceLevelRole:
        return row.serviceLevelPercent();
    case AsaSecondsRole:
        return row.asaSeconds();
    case AhtSecondsRole:
        return row.ahtSeconds();
    case OfferedRole:
        return row.offered;
    case AnsweredRole:
        return row.answered;
    case AbandonedRole:
        return row.abandoned;
    case AgentsReadyRole:
        return row.ready;
    case AgentsBusyRole:
        return row.busy;
    case AgentsAcwRole:
        return row.afterCallWork;
    case AgentsNotReadyRole:
        return row.notReady;
    case NpsTodayRole:
        return nps(row.npsToday);
    case NpsWeekRole:
        return nps(row.npsWeek);
    case ConversionTodayRole:
        return conversion(row.conversionToday);
    case ConversionWeekRole:
        return conversion(row.conversionWeek);
    case LevelRole:
        return QVariant::fromValue(levelOf(row));
    default:
        return {};
    }
}

void QueueBoardModel::setQueues(const QList<Queue>& queues, const QString& language)
{
    m_queues.clear();
    m_names.clear();
    for (const Queue& queue : queues) {
        m_queues.insert(queue.id, queue);
        m_names.insert(queue.id, queue.name.forLanguage(language));
    }
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1));
}

void QueueBoardModel::replaceAll(const QList<FloorQueue>& rows)
{
    beginResetModel();
    m_rows.assign(rows.cbegin(), rows.cend());
    m_rowById.clear();
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_rowById.insert(m_rows[i].queueId, static_cast<int>(i));
    endResetModel();
}

void QueueBoardModel::apply(const QList<FloorQueue>& rows)
{
    // One signal over the span of changed rows: a delta usually touches many.
    int first = -1;
    int last = -1;
    for (const FloorQueue& row : rows) {
        const int at = m_rowById.value(row.queueId, -1);
        if (at >= 0) {
            m_rows[static_cast<size_t>(at)] = row;
            first = first < 0 ? at : std::min(first, at);
            last = std::max(last, at);
            continue;
        }
        const int end = static_cast<int>(m_rows.size());
        beginInsertRows({}, end, end);
        m_rowById.insert(row.queueId, end);
        m_rows.push_back(row);
        endInsertRows();
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first), index(last));
}

void QueueBoardModel::tick(qint64 nowMs)
{
    m_nowMs = nowMs;
    // Only a queue with someone waiting has a clock that moves.
    int first = -1;
    int last = -1;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].oldestWaitingSince > 0) {
            first = first < 0 ? int(i) : first;
            last = int(i);
        }
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first), index(last), {LongestWaitMsRole, LevelRole});
}

QueueBoardModel::Thresholds QueueBoardModel::defaultsFor(const Queue& queue)
{
    return {queue.slaSeconds, queue.slaSeconds * 2, queue.slaTargetPercent,
            std::max(queue.slaTargetPercent - 10, 0)};
}

QueueBoardModel::Thresholds QueueBoardModel::thresholds(const QString& queueId) const
{
    if (const auto it = m_thresholds.constFind(queueId); it != m_thresholds.cend())
        return *it;
    const auto queue = m_queues.constFind(queueId);
    return queue == m_queues.cend() ? Thresholds{} : defaultsFor(*queue);
}

void QueueBoardModel::setThresholds(const QString& queueId, const Thresholds& thresholds)
{
    m_thresholds.insert(queueId, thresholds);
    const int at = rowOf(queueId);
    if (at >= 0)
        Q_EMIT dataChanged(index(at), index(at), {LevelRole});
}

int QueueBoardModel::rowOf(const QString& queueId) const
{
    return m_rowById.value(queueId, -1);
}

const FloorQueue* QueueBoardModel::rowAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_rows.size()))
        return nullptr;
    return &m_rows[static_cast<size_t>(row)];
}

QueueBoardModel::Level QueueBoardModel::levelOf(const FloorQueue& row) const
{
    const Thresholds limits = thresholds(row.queueId);
    const qint64 waitedSeconds =
        row.oldestWaitingSince > 0 ? (m_nowMs - row.oldestWaitingSince) / 1000 : 0;
    const int service = row.serviceLevelPercent();
    const auto over = [&](qint64 value, int limit) { return limit > 0 && value >= limit; };
    const auto under = [&](int value, int limit) { return value >= 0 && value < limit; };
    if (over(waitedSeconds, limits.waitAlarmSeconds) || under(service, limits.serviceAlarmPercent))
        return Level::Alarm;
    if (over(waitedSeconds, limits.waitWarnSeconds) || under(service, limits.serviceWarnPercent))
        return Level::Warning;
    return Level::Normal;
}

} // namespace qidong::models
