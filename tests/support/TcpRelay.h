#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace qidong::test {

// A loopback TCP relay between a client and a server, which a test can cut:
// dropAll() aborts every relayed connection (a network drop), and while
// blocked new connections are refused, as a dead network would.
class TcpRelay final : public QObject
{
    Q_OBJECT

public:
    explicit TcpRelay(const QUrl& target, QObject* parent = nullptr);
    ~TcpRelay() override;

    // The target URL with the relay's port.
    QUrl url() const;
    void dropAll();
    void setBlocked(bool blocked) { m_blocked = blocked; }

private:
    void onNewConnection();

    QUrl m_target;
    QTcpServer m_server;
    QList<QTcpSocket*> m_sockets;
    bool m_blocked = false;
};

} // namespace qidong::test
