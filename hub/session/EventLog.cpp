#include "EventLog.h"

#include <algorithm>

namespace qidong::hub {

EventLog::EventLog(int capacity)
    : m_capacity(std::max(capacity, 1))
{}

const protocol::Event& EventLog::append(const QString& name, const QJsonObject& data)
{
    m_events.push_back(protocol::Event{name, ++m_lastSeq, data});
    while (static_cast<int>(m_events.size()) > m_capacity) {
        m_evictedThrough = *m_events.front().seq;
        m_events.pop_front();
    }
    return m_events.back();
}

bool EventLog::covers(qint64 seq) const
{
    return !m_restored && seq >= m_evictedThrough && seq <= m_lastSeq;
}

QList<protocol::Event> EventLog::after(qint64 seq) const
{
    QList<protocol::Event> missed;
    for (const protocol::Event& event : m_events) {
        if (*event.seq > seq)
            missed.append(event);
    }
    return missed;
}

} // namespace qidong::hub
