#include "TcpRelay.h"

#include <QTcpSocket>

namespace qidong::test {

TcpRelay::TcpRelay(const QUrl& target, QObject* parent)
    : QObject(parent)
    , m_target(target)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpRelay::onNewConnection);
    m_server.listen(QHostAddress::LocalHost, 0);
}

TcpRelay::~TcpRelay()
{
    dropAll();
}

QUrl TcpRelay::url() const
{
    QUrl url = m_target;
    url.setPort(m_server.serverPort());
    return url;
}

void TcpRelay::dropAll()
{
    const QList<QTcpSocket*> sockets = m_sockets;
    m_sockets.clear();
    for (QTcpSocket* socket : sockets) {
        socket->abort();
        socket->deleteLater();
    }
}

void TcpRelay::onNewConnection()
{
    while (QTcpSocket* client = m_server.nextPendingConnection()) {
        if (m_blocked) {
            client->abort();
            client->deleteLater();
            continue;
        }
        auto* upstream = new QTcpSocket(this);
        client->setParent(this);
        m_sockets << client << upstream;
        upstream->connectToHost(m_target.host(), static_cast<quint16>(m_target.port()));
        connect(client, &QTcpSocket::readyRead, upstream,
                [client, upstream] { upstream->write(client->readAll()); });
        connect(upstream, &QTcpSocket::readyRead, client,
                [client, upstream] { client->write(upstream->readAll()); });
        connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
        connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
    }
}

} // namespace qidong::test
