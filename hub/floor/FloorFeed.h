#pragma once

#include "protocol/Floor.h"
#include "session/Session.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace qidong::hub {

class FloorBoard;
class SessionRegistry;

// Sends the floor's changes to the sessions that subscribed, as numbered
// session events (`floor.delta`), so a desktop that reconnects gets the
// ones it missed by the usual replay. Changes are gathered for `interval`
// and each changed row goes out once per interval however often it moved.
// It also turns the day at local midnight.
class FloorFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FloorFeed)

public:
    FloorFeed(FloorBoard& board, SessionRegistry& sessions, std::chrono::milliseconds interval,
              QObject* parent = nullptr);

    void subscribe(Session& session) { session.setWatchesFloor(true); }
    void unsubscribe(Session& session) { session.setWatchesFloor(false); }
    // Sends what is pending now (tests, shutdown).
    void flush();
    // A new or changed alert, to every session watching the floor.
    void postAlert(const protocol::FloorAlert& alert);

    // Local midnight and Monday midnight of the day `ms` falls in.
    static qint64 dayStartOf(qint64 ms);
    static qint64 weekStartOf(qint64 ms);

private:
    void checkDay();

    FloorBoard& m_board;
    SessionRegistry& m_sessions;
    QTimer m_flushTimer;
    QTimer m_dayTimer;
    qint64 m_nextDayMs = 0;
};

} // namespace qidong::hub
