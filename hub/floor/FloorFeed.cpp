#include "FloorFeed.h"

#include "Clock.h"
#include "FloorBoard.h"
#include "protocol/Names.h"
#include "session/Session.h"
#include "session/SessionRegistry.h"

#include <QDate>
#include <QDateTime>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

// Rows per event: a delta of a whole large floor (the day turning) is cut
// into events well under the frame limit.
constexpr qsizetype kRowsPerEvent = 200;

} // namespace

FloorFeed::FloorFeed(FloorBoard& board, SessionRegistry& sessions,
                     std::chrono::milliseconds interval, QObject* parent)
    : QObject(parent)
    , m_board(board)
    , m_sessions(sessions)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(interval);
    connect(&m_flushTimer, &QTimer::timeout, this, &FloorFeed::flush);
    connect(&m_board, &FloorBoard::changesPending, this, [this] {
        if (!m_flushTimer.isActive())
            m_flushTimer.start();
    });
    m_nextDayMs =
        QDateTime::fromMSecsSinceEpoch(dayStartOf(nowMs())).addDays(1).toMSecsSinceEpoch();
    m_dayTimer.setInterval(std::chrono::seconds(30));
    connect(&m_dayTimer, &QTimer::timeout, this, &FloorFeed::checkDay);
    m_dayTimer.start();
}

void FloorFeed::flush()
{
    m_flushTimer.stop();
    if (!m_board.hasChanges())
        return;
    QList<Session*> targets;
    for (Session* session : m_sessions.sessions()) {
        if (session->watchesFloor())
            targets.append(session);
    }
    FloorDelta delta = m_board.takeDelta();
    if (targets.isEmpty())
        return;
    QList<QJsonObject> events;
    qsizetype from = 0;
    do {
        FloorDelta part;
        if (from == 0)
            part.queues = delta.queues;
        part.agents = delta.agents.mid(from, kRowsPerEvent);
        events.append(part.toJson());
        from += kRowsPerEvent;
    } while (from < delta.agents.size());
    for (Session* session : targets) {
        for (const QJsonObject& event : events)
            session->post(event::FloorDelta, event);
    }
}

void FloorFeed::postAlert(const FloorAlert& alert)
{
    const QJsonObject data{{QStringLiteral("alert"), alert.toJson()}};
    for (Session* session : m_sessions.sessions()) {
        if (session->watchesFloor())
            session->post(event::FloorAlert, data);
    }
}

qint64 FloorFeed::dayStartOf(qint64 ms)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(ms).date();
    return day.startOfDay().toMSecsSinceEpoch();
}

qint64 FloorFeed::weekStartOf(qint64 ms)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(ms).date();
    return day.addDays(1 - day.dayOfWeek()).startOfDay().toMSecsSinceEpoch();
}

void FloorFeed::checkDay()
{
    const qint64 now = nowMs();
    if (now < m_nextDayMs)
        return;
    m_board.restartDay(dayStartOf(now), weekStartOf(now));
    m_nextDayMs = QDateTime::fromMSecsSinceEpoch(dayStartOf(now)).addDays(1).toMSecsSinceEpoch();
}

} // namespace qidong::hub
