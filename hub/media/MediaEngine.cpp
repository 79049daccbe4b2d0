#include "MediaEngine.h"

#include "MediaServer.h"
#include "auth/SecretToken.h"

#include <QDateTime>

namespace qidong::hub {

using namespace qidong::protocol;

MediaEngine::MediaEngine(std::chrono::milliseconds ticketLifetime, QObject* parent)
    : QObject(parent)
    , m_ticketLifetime(ticketLifetime)
{
    m_thread.setObjectName(QStringLiteral("qidong-media"));
    m_server = new MediaServer;
    m_server->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    connect(m_server, &MediaServer::partyConnected, this, &MediaEngine::partyConnected);
    connect(m_server, &MediaServer::partyDisconnected, this, &MediaEngine::partyDisconnected);
    connect(m_server, &MediaServer::dtmf, this, &MediaEngine::dtmf);
    m_thread.start(QThread::TimeCriticalPriority);
}

MediaEngine::~MediaEngine()
{
    QMetaObject::invokeMethod(
        m_server, [server = m_server] { server->stop(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

template <typename Work> void MediaEngine::onMediaThread(Work work)
{
    QMetaObject::invokeMethod(m_server, std::move(work), Qt::QueuedConnection);
}

Result<QUrl> MediaEngine::start(const QHostAddress& address, quint16 port,
                                const std::optional<QSslConfiguration>& tls)
{
    // Startup only: the one place the control thread waits for the media thread.
    Result<QUrl> url = makeError(ErrorCode::Internal, QStringLiteral("media thread did not start"));
    QMetaObject::invokeMethod(
        m_server, [&, server = m_server] { url = server->listen(address, port, tls); },
        Qt::BlockingQueuedConnection);
    if (url)
        m_url = url.value();
    return url;
}

MediaTicket MediaEngine::issue(const QString& callId, const QString& party)
{
    MediaTicket ticket;
    ticket.url = m_url;
    ticket.url.setPath(QStringLiteral("/media"));
    ticket.token = SecretToken::generate();
    ticket.expiresAtMs = QDateTime::currentMSecsSinceEpoch() + m_ticketLifetime.count();
    onMediaThread([server = m_server, token = ticket.token, leg = MediaServer::Leg{callId, party},
                   expires = ticket.expiresAtMs] { server->admit(token, leg, expires); });
    return ticket;
}

void MediaEngine::addParty(const QString& callId, const QString& party, Listen listen, bool talks)
{
    onMediaThread([server = m_server, callId, party, listen, talks] {
        server->addParty(callId, party, listen, talks);
    });
}

void MediaEngine::setListen(const QString& callId, const QString& party, Listen listen)
{
    onMediaThread(
        [server = m_server, callId, party, listen] { server->setListen(callId, party, listen); });
}

void MediaEngine::setTalks(const QString& callId, const QString& party, bool talks)
{
    onMediaThread(
        [server = m_server, callId, party, talks] { server->setTalks(callId, party, talks); });
}

void MediaEngine::removeParty(const QString& callId, const QString& party)
{
    onMediaThread([server = m_server, callId, party] { server->removeParty(callId, party); });
}

void MediaEngine::closeCall(const QString& callId)
{
    onMediaThread([server = m_server, callId] { server->closeCall(callId); });
}

void MediaEngine::startRecording(const QString& callId, const QString& path)
{
    onMediaThread([server = m_server, callId, path] { server->startRecording(callId, path); });
}

void MediaEngine::pauseRecording(const QString& callId, bool paused)
{
    onMediaThread([server = m_server, callId, paused] { server->pauseRecording(callId, paused); });
}

void MediaEngine::announce(const QString& callId, const QString& party,
                           std::shared_ptr<const std::vector<QByteArray>> packets)
{
    onMediaThread([server = m_server, callId, party, packets = std::move(packets)] {
        server->announce(callId, party, packets);
    });
}

} // namespace qidong::hub
