#include "LinkRelay.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

namespace qidong::app {

namespace {

// Links are short; anything longer is not one of ours.
constexpr qint64 kMaxMessage = 16 * 1024;
constexpr int kWaitMs = 2000;

} // namespace

QString LinkRelay::defaultName()
{
    // Per user (their home directory), so two people on one terminal server
    // each keep their own desktop.
    const QByteArray home = QDir::homePath().toUtf8();
    return QStringLiteral("qidong-desktop-") +
           QString::fromLatin1(
               QCryptographicHash::hash(home, QCryptographicHash::Sha256).toHex().left(16));
}

LinkRelay::LinkRelay(QString name, QObject* parent)
    : QObject(parent)
    , m_name(std::move(name))
{}

LinkRelay::~LinkRelay() = default;

bool LinkRelay::forward(const QStringList& links) const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(kWaitMs))
        return false;
    socket.write(links.join(u'\n').toUtf8() + "\n\n"); // an empty line ends it
    // Nothing left to write is not a failure (waitForBytesWritten says false).
    while (socket.bytesToWrite() > 0)
        if (!socket.waitForBytesWritten(kWaitMs))
            return false;
    // The running desktop answers once it has read them.
    return socket.waitForReadyRead(kWaitMs) && socket.readAll().startsWith("ok");
}

void LinkRelay::consume(QLocalSocket* socket)
{
    if (socket->bytesAvailable() > kMaxMessage) {
        socket->abort();
        return;
    }
    if (!socket->peek(kMaxMessage).endsWith("\n\n"))
        return; // more to come
    const QStringList links = QString::fromUtf8(socket->readAll()).split(u'\n', Qt::SkipEmptyParts);
    socket->write("ok\n");
    socket->flush();
    for (const QString& link : links)
        Q_EMIT linkReceived(link.trimmed());
}

bool LinkRelay::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // A desktop that crashed leaves its socket file behind.
    QLocalServer::removeServer(m_name);
    if (!m_server->listen(m_name))
        return false;
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] { consume(socket); });
            consume(socket); // what arrived before the connection was taken
        }
    });
    return true;
}

} // namespace qidong::app
