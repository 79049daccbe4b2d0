#include "Session.h"

#include "server/ClientConnection.h"

namespace qidong::hub {

Session::Session(SessionRecord record, protocol::Role role, int replayCapacity)
    : m_record(std::move(record))
    , m_role(role)
    , m_events(replayCapacity)
{}

ClientConnection* Session::connection() const
{
    return m_connection.data();
}

void Session::setConnection(ClientConnection* connection)
{
    m_connection = connection;
}

void Session::post(const QString& name, const QJsonObject& data)
{
    const protocol::Event& event = m_events.append(name, data);
    if (m_connection)
        m_connection->sendEvent(event);
}

bool Session::isConnected() const
{
    return !m_connection.isNull();
}

void Session::notify(const QString& name, const QJsonObject& data)
{
    if (m_connection)
        m_connection->sendEvent(protocol::Event{name, std::nullopt, data});
}

} // namespace qidong::hub
