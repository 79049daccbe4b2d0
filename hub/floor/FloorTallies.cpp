#include "FloorTallies.h"

#include "storage/Database.h"
#include "storage/InteractionStore.h"

#include <QSqlQuery>

#include <algorithm>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

// Survey answers of interactions that entered a queue since `since`, by
// the column given (queue or agent).
QString scoresSql(QLatin1StringView groupBy, bool oneKey)
{
    return QStringLiteral("SELECT i.") + groupBy +
           QStringLiteral(", COUNT(c.nps), COALESCE(SUM(c.nps >= 9), 0),"
                          " COALESCE(SUM(c.nps <= 6), 0) FROM interactions i"
                          " JOIN chat_conversations c ON c.interaction_id = i.id"
                          " WHERE i.created_at >= ? AND c.nps IS NOT NULL") +
           (oneKey ? QStringLiteral(" AND i.") + groupBy + QStringLiteral(" = ?") : QString()) +
           QStringLiteral(" GROUP BY 1");
}

QString conversionSql(bool oneQueue)
{
    return QStringLiteral("SELECT i.queue_id, COUNT(*), COALESCE(SUM(o.status = 'accepted'), 0)"
                          " FROM customer_offers o JOIN interactions i ON i.id = o.interaction_id"
                          " WHERE o.at >= ?") +
           (oneQueue ? QStringLiteral(" AND i.queue_id = ?") : QString()) +
           QStringLiteral(" GROUP BY 1");
}

template <typename Apply>
void eachRow(Database& database, const QString& sql, const QVariantList& binds, Apply apply)
{
    QSqlQuery query(database.connection());
    query.prepare(sql);
    for (const QVariant& bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return;
    while (query.next())
        apply(query);
}

NpsTally npsOf(const QSqlQuery& query)
{
    return NpsTally{query.value(1).toInt(), query.value(2).toInt(), query.value(3).toInt()};
}

} // namespace

FloorTallies::FloorTallies(Database& database)
    : m_database(database)
{}

void FloorTallies::load(qint64 dayStartMs, qint64 weekStartMs)
{
    m_dayStart = dayStartMs;
    m_weekStart = weekStartMs;
    m_queues.clear();
    m_agents.clear();
    loadContacts();
    loadScores({}, {});
}

void FloorTallies::loadContacts()
{
    eachRow(m_database,
            QStringLiteral(
                "SELECT queue_id, COUNT(*), COALESCE(SUM(answered_at > 0), 0),"
                " COALESCE(SUM(answered_at > 0 AND answered_at <= sla_deadline), 0),"
                " COALESCE(SUM(state = 'ended' AND answered_at = 0), 0),"
                " COALESCE(SUM(CASE WHEN answered_at > 0 THEN answered_at - created_at END), 0),"
                " COALESCE(SUM(wrapped_up_at > 0), 0),"
                " COALESCE(SUM(CASE WHEN wrapped_up_at > 0 THEN wrapped_up_at - answered_at END),"
                " 0) FROM interactions WHERE created_at >= ? AND channel <> 'outbound'"
                " GROUP BY queue_id"),
            {m_dayStart}, [this](const QSqlQuery& row) {
                Queue& queue = m_queues[row.value(0).toString()];
                queue.offered = row.value(1).toInt();
                queue.answered = row.value(2).toInt();
                queue.answeredInSla = row.value(3).toInt();
                queue.abandoned = row.value(4).toInt();
                queue.answerWaitMs = row.value(5).toLongLong();
                queue.handled = row.value(6).toInt();
                queue.handleMs = row.value(7).toLongLong();
            });
    eachRow(m_database,
            QStringLiteral("SELECT agent_id, COUNT(*), SUM(wrapped_up_at - answered_at)"
                           " FROM interactions WHERE created_at >= ? AND wrapped_up_at > 0"
                           " AND agent_id IS NOT NULL GROUP BY agent_id"),
            {m_dayStart}, [this](const QSqlQuery& row) {
                Agent& agent = m_agents[row.value(0).toString()];
                agent.handled = row.value(1).toInt();
                agent.handleMs = row.value(2).toLongLong();
            });
}

void FloorTallies::loadScores(const QString& queueId, const QString& agentId)
{
    const bool all = queueId.isEmpty() && agentId.isEmpty();
    if (all || !queueId.isEmpty()) {
        const QVariantList one = all ? QVariantList{} : QVariantList{queueId};
        if (!all) {
            Queue& queue = m_queues[queueId];
            queue.npsToday = queue.npsWeek = {};
            queue.conversionToday = queue.conversionWeek = {};
        }
        const auto nps = [&](qint64 since, NpsTally Queue::*into) {
            eachRow(m_database, scoresSql(QLatin1StringView("queue_id"), !all),
                    QVariantList{since} + one, [&](const QSqlQuery& row) {
                        m_queues[row.value(0).toString()].*into = npsOf(row);
                    });
        };
        nps(m_dayStart, &Queue::npsToday);
        nps(m_weekStart, &Queue::npsWeek);
        const auto conversion = [&](qint64 since, ConversionTally Queue::*into) {
            eachRow(m_database, conversionSql(!all), QVariantList{since} + one,
                    [&](const QSqlQuery& row) {
                        m_queues[row.value(0).toString()].*into =
                            ConversionTally{row.value(1).toInt(), row.value(2).toInt()};
                    });
        };
        conversion(m_dayStart, &Queue::conversionToday);
        conversion(m_weekStart, &Queue::conversionWeek);
    }
    if (all || !agentId.isEmpty()) {
        if (!all)
            m_agents[agentId].npsToday = {};
        eachRow(
            m_database, scoresSql(QLatin1StringView("agent_id"), !all),
            all ? QVariantList{m_dayStart} : QVariantList{m_dayStart, agentId},
            [&](const QSqlQuery& row) { m_agents[row.value(0).toString()].npsToday = npsOf(row); });
    }
}

bool FloorTallies::record(const StoredInteraction& previous, const StoredInteraction& next)
{
    // What the stored row adds to its queue's and agent's counts, exactly as
    // load() reads it: take away the old row's share, add the new one's
    // (an interaction moved to another queue takes its counts along).
    const bool before = counts(previous);
    const bool after = counts(next);
    if (!before && !after)
        return false;
    if (before)
        apply(previous, -1);
    if (after)
        apply(next, +1);
    return true;
}

bool FloorTallies::counts(const StoredInteraction& stored) const
{
    return !stored.interaction.id.isEmpty() && stored.interaction.createdAtMs >= m_dayStart;
}

void FloorTallies::apply(const StoredInteraction& stored, int sign)
{
    const Interaction& interaction = stored.interaction;
    const bool answered = stored.answeredAtMs > 0;
    const bool wrapped = stored.wrappedUpAtMs > 0;
    const qint64 handle = wrapped ? stored.wrappedUpAtMs - stored.answeredAtMs : 0;
    if (interaction.channel != Channel::Outbound) {
        Queue& queue = m_queues[interaction.queueId];
        queue.offered += sign;
        if (answered) {
            queue.answered += sign;
            queue.answerWaitMs += sign * (stored.answeredAtMs - interaction.createdAtMs);
            if (stored.answeredAtMs <= interaction.slaDeadlineMs)
                queue.answeredInSla += sign;
        }
        if (interaction.state == InteractionState::Ended && !answered)
            queue.abandoned += sign;
        if (wrapped) {
            queue.handled += sign;
            queue.handleMs += sign * handle;
        }
    }
    if (wrapped && !interaction.agentId.isEmpty()) {
        Agent& agent = m_agents[interaction.agentId];
        agent.handled += sign;
        agent.handleMs += sign * handle;
    }
}

IntradayReport FloorTallies::intraday(const QString& queueId, qint64 nowMs) const
{
    constexpr qint64 kSlotMs = 30 * 60 * 1000;
    IntradayReport report;
    report.queueId = queueId;
    const qint64 slots = std::clamp<qint64>((nowMs - m_dayStart) / kSlotMs + 1, 1, 48);
    for (qint64 i = 0; i < slots; ++i)
        report.slots.append(IntradaySlot{m_dayStart + i * kSlotMs, 0, 0, 0, 0, {}});
    QVariantList binds{m_dayStart, m_dayStart, m_dayStart + slots * kSlotMs};
    if (!queueId.isEmpty())
        binds.append(queueId);
    eachRow(
        m_database,
        QStringLiteral("SELECT (i.created_at - ?) / 1800000, COUNT(*),"
                       " COALESCE(SUM(i.answered_at > 0), 0),"
                       " COALESCE(SUM(i.answered_at > 0 AND i.answered_at <= i.sla_deadline), 0),"
                       " COALESCE(SUM(i.state = 'ended' AND i.answered_at = 0), 0),"
                       " COUNT(c.nps), COALESCE(SUM(c.nps >= 9), 0), COALESCE(SUM(c.nps <= 6), 0)"
                       " FROM interactions i LEFT JOIN chat_conversations c"
                       " ON c.interaction_id = i.id WHERE i.created_at >= ? AND i.created_at < ?"
                       " AND i.channel <> 'outbound'") +
            (queueId.isEmpty() ? QString() : QStringLiteral(" AND i.queue_id = ?")) +
            QStringLiteral(" GROUP BY 1"),
        binds, [&](const QSqlQuery& row) {
            const qint64 index = row.value(0).toLongLong();
            if (index < 0 || index >= report.slots.size())
                return;
            IntradaySlot& slot = report.slots[index];
            slot.offered = row.value(1).toInt();
            slot.answered = row.value(2).toInt();
            slot.answeredInSla = row.value(3).toInt();
            slot.abandoned = row.value(4).toInt();
            slot.nps = NpsTally{row.value(5).toInt(), row.value(6).toInt(), row.value(7).toInt()};
        });
    return report;
}

FloorTallies::Touched FloorTallies::rescore(const QString& interactionId)
{
    Touched touched;
    eachRow(
        m_database,
        QStringLiteral("SELECT queue_id, COALESCE(agent_id, '') FROM interactions WHERE id = ?"),
        {interactionId}, [&](const QSqlQuery& row) {
            touched.queueId = row.value(0).toString();
            touched.agentId = row.value(1).toString();
        });
    if (!touched.queueId.isEmpty())
        loadScores(touched.queueId, touched.agentId);
    return touched;
}

} // namespace qidong::hub
