#include "PeerConnection.h"
#include "Clock.h"

#include "log/HubLog.h"
#include "protocol/Limits.h"

#include <QWebSocket>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

// Attachments travel inline: a frame may hold 128 KiB of base64'd file.
constexpr qsizetype kCustomerTransportBytes = 1024 * 1024;
constexpr int kMaxRejectedFrames = 200;
// A peer that says nothing for this long is gone (pages and the trunk ping
// every 20 s).
constexpr std::chrono::minutes kIdleLimit{2};

} // namespace

PeerConnection::PeerConnection(std::unique_ptr<QWebSocket> socket, Handler handler, QObject* parent)
    : QObject(parent)
    , m_socket(std::move(socket))
    , m_handler(std::move(handler))
{
    m_socket->setMaxAllowedIncomingMessageSize(kCustomerTransportBytes);
    m_socket->setMaxAllowedIncomingFrameSize(kCustomerTransportBytes);
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &PeerConnection::onTextMessage);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, [this] {
        reject(std::nullopt, makeError(ErrorCode::InvalidMessage,
                                       QStringLiteral("this socket carries text frames only")));
    });
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        m_idle.stop();
        Q_EMIT disconnected(this);
    });
    m_idle.setSingleShot(true);
    m_idle.setInterval(kIdleLimit);
    connect(&m_idle, &QTimer::timeout, this,
            [this] { close(int(QWebSocketProtocol::CloseCodeGoingAway), QStringLiteral("idle")); });
    m_idle.start();
}

PeerConnection::~PeerConnection() = default;

bool PeerConnection::takeTypingToken()
{
    return m_typing.take(nowMs());
}

void PeerConnection::onTextMessage(const QString& text)
{
    m_idle.start();
    const qint64 now = nowMs();
    const bool throttled = !m_frames.take(now);
    const QByteArray frame = text.toUtf8();
    Result<Message, DecodeFailure> decoded = decodeMessage(frame);
    if (!decoded) {
        reject(decoded.error().requestId, decoded.error().error);
        return;
    }
    const auto* request = std::get_if<Request>(&decoded.value());
    if (!request) {
        reject(std::nullopt,
               makeError(ErrorCode::InvalidMessage, QStringLiteral("send requests only")));
        return;
    }
    // Answered with the request's id, so the page can retry that message.
    if (throttled) {
        reject(request->id,
               makeError(ErrorCode::Throttled, QStringLiteral("too many messages; slow down"),
                         {{QStringLiteral("retryAfterMs"), m_frames.retryAfterMs(now)}}));
        return;
    }
    m_handler(*this, *request);
}

void PeerConnection::reject(std::optional<qint64> id, const Error& error)
{
    sendError(id, error);
    if (++m_rejected == 1 || m_rejected % 50 == 0)
        logWarning(lcWeb, QLatin1StringView("web.frame_rejected"),
                   {{QStringLiteral("path"), m_socket->requestUrl().path()},
                    {QStringLiteral("conversation"), m_interactionId},
                    {QStringLiteral("code"), errorCodeName(error.code)},
                    {QStringLiteral("count"), m_rejected}});
    if (m_rejected >= kMaxRejectedFrames)
        close(int(QWebSocketProtocol::CloseCodePolicyViolated),
              QStringLiteral("too many rejected messages"));
}

void PeerConnection::sendResult(qint64 id, const QJsonObject& result)
{
    if (!m_closing)
        m_socket->sendTextMessage(QString::fromUtf8(encodeMessage(makeResult(id, result))));
}

void PeerConnection::sendError(std::optional<qint64> id, const Error& error)
{
    if (!m_closing)
        m_socket->sendTextMessage(QString::fromUtf8(encodeMessage(makeErrorResponse(id, error))));
}

void PeerConnection::sendEvent(const Event& event)
{
    if (!m_closing)
        m_socket->sendTextMessage(QString::fromUtf8(encodeMessage(event)));
}

void PeerConnection::close(int code, const QString& reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
    QTimer::singleShot(2000, m_socket.get(), [socket = m_socket.get()] { socket->abort(); });
}

} // namespace qidong::hub
