#pragma once

#include "protocol/Message.h"

#include <deque>

namespace qidong::hub {

// A session's numbered events, the newest `capacity` of them kept for replay
// after a reconnect. A log restored after a hub restart covers nothing: its
// events died with the old process, so any resume gets a resync.
class EventLog final
{
public:
    explicit EventLog(int capacity);

    const protocol::Event& append(const QString& name, const QJsonObject& data);
    qint64 lastSeq() const { return m_lastSeq; }
    // True when every event after `seq` is still held (or there are none).
    bool covers(qint64 seq) const;
    // The held events after `seq`, oldest first. Only meaningful when covers(seq).
    QList<protocol::Event> after(qint64 seq) const;
    void markRestored() { m_restored = true; }
    qsizetype size() const { return static_cast<qsizetype>(m_events.size()); }

private:
    int m_capacity;
    qint64 m_lastSeq = 0;
    qint64 m_evictedThrough = 0; // the highest seq no longer held
    bool m_restored = false;
    std::deque<protocol::Event> m_events;
};

} // namespace qidong::hub
