#include "HubServer.h"

#include "MethodDispatcher.h"
#include "log/HubLog.h"
#include "protocol/Names.h"
#include "protocol/Payloads.h"
#include "session/SessionRegistry.h"

#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace qidong::hub {

using namespace qidong::protocol;

HubServer::HubServer(MethodDispatcher& dispatcher, SessionRegistry& sessions,
                     ClientConnection::Settings settings, QObject* parent)
    : QObject(parent)
    , m_dispatcher(dispatcher)
    , m_sessions(sessions)
    , m_settings(settings)
{}

HubServer::~HubServer()
{
    // Connections detach from their sessions before the registry goes.
    for (ClientConnection* connection : std::as_const(m_connections))
        m_sessions.detach(*connection);
}

Result<QUrl> HubServer::listen(const QHostAddress& address, quint16 port,
                               const std::optional<QSslConfiguration>& tls)
{
    const auto mode = tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode;
    m_server = new QWebSocketServer(QStringLiteral("qidong-hub"), mode, this);
    if (tls)
        m_server->setSslConfiguration(*tls);
    // Reading the handshake must not take forever either.
    m_server->setHandshakeTimeout(std::chrono::milliseconds(10000));
    connect(m_server, &QWebSocketServer::newConnection, this, &HubServer::onNewConnection);
    connect(m_server, &QWebSocketServer::acceptError, this, [](QAbstractSocket::SocketError error) {
        logWarning(lcServer, QLatin1StringView("accept.failed"),
                   {{QStringLiteral("error"), static_cast<int>(error)}});
    });
    connect(m_server, &QWebSocketServer::sslErrors, this, [](const QList<QSslError>& errors) {
        for (const QSslError& error : errors)
            logWarning(lcServer, QLatin1StringView("tls.error"),
                       {{QStringLiteral("error"), error.errorString()}});
    });
    if (!m_server->listen(address, port))
        return makeError(ErrorCode::Internal, QStringLiteral("cannot listen on %1:%2: %3")
                                                  .arg(address.toString())
                                                  .arg(port)
                                                  .arg(m_server->errorString()));
    QUrl url = m_server->serverUrl();
    return url;
}

void HubServer::onNewConnection()
{
    while (QWebSocket* socket = m_server->nextPendingConnection()) {
        auto* connection = new ClientConnection(socket, m_dispatcher, m_settings, this);
        connect(connection, &ClientConnection::disconnected, this, &HubServer::onConnectionClosed);
        m_connections.append(connection);
        if (m_draining)
            connection->close(CloseCode::GoingAway, QStringLiteral("the hub is shutting down"));
    }
}

void HubServer::onConnectionClosed(ClientConnection* connection)
{
    m_sessions.detach(*connection);
    m_connections.removeOne(connection);
    connection->deleteLater();
    if (m_draining && m_connections.isEmpty())
        Q_EMIT drained();
}

void HubServer::drain(const QString& reason, std::chrono::milliseconds closesIn)
{
    if (m_draining)
        return;
    m_draining = true;
    m_dispatcher.setDraining(true);
    if (m_server)
        m_server->pauseAccepting();
    const DrainingNotice notice{reason, static_cast<int>(closesIn.count()),
                                static_cast<int>(closesIn.count()) + 1000};
    const Event event{QString(event::HubDraining), std::nullopt, notice.toJson()};
    for (ClientConnection* connection : std::as_const(m_connections))
        connection->sendEvent(event);
    logInfo(lcServer, QLatin1StringView("hub.draining"),
            {{QStringLiteral("reason"), reason},
             {QStringLiteral("connections"), m_connections.size()},
             {QStringLiteral("closesInMs"), static_cast<qint64>(closesIn.count())}});
    QTimer::singleShot(closesIn, this, &HubServer::closeAll);
}

void HubServer::closeAll()
{
    if (m_server)
        m_server->close();
    if (m_connections.isEmpty()) {
        Q_EMIT drained();
        return;
    }
    for (ClientConnection* connection : std::as_const(m_connections))
        connection->close(CloseCode::GoingAway, QStringLiteral("the hub is shutting down"));
    // Clients that do not finish the closing handshake are not waited for.
    QTimer::singleShot(3000, this, [this] {
        if (!m_connections.isEmpty())
            Q_EMIT drained();
    });
}

} // namespace qidong::hub
