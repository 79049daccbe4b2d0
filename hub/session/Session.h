#pragma once

#include "EventLog.h"
#include "protocol/DomainEnums.h"
#include "storage/SessionStore.h"

#include <QPointer>

namespace qidong::hub {

class ClientConnection;

// One signed-in desktop: who it is, its numbered events and the connection
// it is attached to right now (none while the desktop reconnects).
class Session final
{
    Q_DISABLE_COPY_MOVE(Session)

public:
    Session(SessionRecord record, protocol::Role role, int replayCapacity);

    const QString& id() const { return m_record.id; }
    const QString& agentId() const { return m_record.agentId; }
    const QString& refreshFamily() const { return m_record.refreshFamily; }
    const QByteArray& tokenHash() const { return m_record.tokenHash; }
    qint64 expiresAtMs() const { return m_record.expiresAtMs; }
    protocol::Role role() const { return m_role; }
    bool seesFloor() const { return m_role != protocol::Role::Agent; }
    // Subscribed to floor.delta: the floor's rows replace other agents'
    // agent.stateChanged events, which it then no longer gets one by one.
    bool watchesFloor() const { return m_watchesFloor; }
    void setWatchesFloor(bool watches) { m_watchesFloor = watches; }

    EventLog& events() { return m_events; }
    ClientConnection* connection() const;
    void setConnection(ClientConnection* connection);

    // Numbers the event, keeps it for replay and delivers it if attached.
    void post(const QString& name, const QJsonObject& data);
    // A transient notice (typing): sent if connected, never replayed.
    void notify(const QString& name, const QJsonObject& data);
    bool isConnected() const;

private:
    SessionRecord m_record;
    protocol::Role m_role;
    bool m_watchesFloor = false;
    EventLog m_events;
    QPointer<ClientConnection> m_connection;
};

} // namespace qidong::hub
