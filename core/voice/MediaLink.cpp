#include "core/voice/MediaLink.h"

#include "protocol/CloseCode.h"

namespace qidong::core {

using namespace qidong::protocol;

MediaLink::MediaLink(QObject* parent)
    : QObject(parent)
    // Children, so a MediaLink moved to an audio thread takes them along.
    , m_socket(QString(), QWebSocketProtocol::VersionLatest, this)
    , m_retry(this)
    , m_backoff({std::chrono::milliseconds(100), std::chrono::milliseconds(1000), 0.2})
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &MediaLink::connectSocket);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_connected = true;
        m_attempt = 0;
        Q_EMIT connected();
    });
    connect(&m_socket, &QWebSocket::disconnected, this, &MediaLink::onDisconnected);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray& bytes) {
        Result<MediaFrame> frame = MediaFrame::decode(bytes);
        if (!frame) {
            ++m_stats.malformed;
            return;
        }
        if (frame.value().kind == MediaKind::Bye) {
            // The hub ended this leg: stop sending now, before its close
            // frame, and do not come back.
            m_wanted = false;
            m_retry.stop();
            m_socket.close();
            Q_EMIT ended(QString::fromUtf8(frame.value().payload));
            return;
        }
        ++m_stats.received;
        Q_EMIT frameReceived(frame.value());
    });
}

MediaLink::~MediaLink()
{
    m_wanted = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

void MediaLink::open(const QUrl& url)
{
    m_url = url;
    m_wanted = true;
    m_attempt = 0;
    if (m_socket.state() != QAbstractSocket::UnconnectedState) {
        m_socket.abort(); // reconnects with the new URL from onDisconnected
        return;
    }
    connectSocket();
}

void MediaLink::close()
{
    m_wanted = false;
    m_retry.stop();
    m_socket.close();
}

void MediaLink::send(const QByteArray& frame)
{
    if (!m_connected || frame.isEmpty())
        return;
    m_socket.sendBinaryMessage(frame);
    ++m_stats.sent;
}

void MediaLink::connectSocket()
{
    if (!m_wanted)
        return;
    m_socket.open(m_url);
}

void MediaLink::onDisconnected()
{
    const bool wasConnected = m_connected;
    m_connected = false;
    const auto code = static_cast<quint16>(m_socket.closeCode());
    const QString reason = m_socket.closeReason();
    if (wasConnected)
        Q_EMIT disconnected();
    if (!m_wanted)
        return;
    if (code == quint16(CloseCode::MediaTokenInvalid)) {
        m_wanted = false;
        Q_EMIT ticketRefused();
        return;
    }
    // Anything else, a dropped connection included (Qt reports it as 1000
    // since no close frame came), is worth another try on the same ticket.
    if (code == quint16(CloseCode::MediaLegEnded) || code == quint16(CloseCode::SessionReplaced)) {
        m_wanted = false;
        Q_EMIT ended(reason);
        return;
    }
    ++m_stats.reconnects;
    m_retry.start(m_backoff.delayFor(++m_attempt));
}

} // namespace qidong::core
