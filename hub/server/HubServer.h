#pragma once

#include "ClientConnection.h"
#include "protocol/Result.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <optional>

class QWebSocketServer;

namespace qidong::hub {

class MethodDispatcher;
class SessionRegistry;

// The control endpoint: accepts WebSocket connections (ws://, or wss://
// with a certificate), creates a ClientConnection for each and, on
// shutdown, drains: tells every client, waits, then closes with 1001.
class HubServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubServer)

public:
    HubServer(MethodDispatcher& dispatcher, SessionRegistry& sessions,
              ClientConnection::Settings settings, QObject* parent = nullptr);
    ~HubServer() override;

    protocol::Result<QUrl> listen(const QHostAddress& address, quint16 port,
                                  const std::optional<QSslConfiguration>& tls);
    void drain(const QString& reason, std::chrono::milliseconds closesIn);
    qsizetype connectionCount() const { return m_connections.size(); }

Q_SIGNALS:
    void drained();

private:
    void onNewConnection();
    void onConnectionClosed(ClientConnection* connection);
    void closeAll();

    MethodDispatcher& m_dispatcher;
    SessionRegistry& m_sessions;
    ClientConnection::Settings m_settings;
    QWebSocketServer* m_server = nullptr;
    QList<ClientConnection*> m_connections;
    bool m_draining = false;
};

} // namespace qidong::hub
