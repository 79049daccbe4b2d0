#include "ClientConnection.h"

#include "MethodDispatcher.h"
#include "log/HubLog.h"
#include "protocol/Limits.h"
#include "protocol/Names.h"
#include "protocol/Payloads.h"
#include "session/Session.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QWebSocket>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

QString nextConnectionId()
{
    static quint64 counter = 0;
    return QStringLiteral("c%1").arg(++counter);
}

} // namespace

ClientConnection::ClientConnection(QWebSocket* socket, const MethodDispatcher& dispatcher,
                                   Settings settings, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_dispatcher(dispatcher)
    , m_settings(settings)
    , m_id(nextConnectionId())
{
    m_socket->setParent(this);
    m_socket->setMaxAllowedIncomingMessageSize(kTransportFrameBytes);
    m_socket->setMaxAllowedIncomingFrameSize(kTransportFrameBytes);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ClientConnection::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ClientConnection::onBinaryMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &ClientConnection::onDisconnected);

    m_sinceLastFrame.start();
    m_heartbeatCheck.setInterval(
        std::max(m_settings.heartbeatInterval / 4, std::chrono::milliseconds(20)));
    connect(&m_heartbeatCheck, &QTimer::timeout, this, &ClientConnection::checkHeartbeat);

    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        if (!m_helloDone)
            close(CloseCode::HelloTimeout, QStringLiteral("no hello"));
        else if (!m_session)
            close(CloseCode::AuthTimeout, QStringLiteral("not signed in in time"));
    });
    m_handshakeTimer.start(m_settings.helloTimeout);
    logInfo(lcServer, QLatin1StringView("connection.opened"),
            {{QStringLiteral("conn"), m_id}, {QStringLiteral("peer"), peerAddress()}});
}

ClientConnection::~ClientConnection() = default;

QString ClientConnection::peerAddress() const
{
    return m_socket->peerAddress().toString();
}

void ClientConnection::setSession(Session* session)
{
    m_session = session;
    if (m_session)
        m_handshakeTimer.stop();
}

void ClientConnection::onTextMessage(const QString& text)
{
    m_sinceLastFrame.restart();
    const QByteArray frame = text.toUtf8();
    Result<Message, DecodeFailure> decoded = decodeMessage(frame);
    if (!decoded) {
        logWarning(lcServer, QLatin1StringView("frame.rejected"),
                   {{QStringLiteral("conn"), m_id},
                    {QStringLiteral("code"), errorCodeName(decoded.error().error.code)},
                    {QStringLiteral("bytes"), frame.size()}});
        sendError(decoded.error().requestId, decoded.error().error);
        countInvalidFrame();
        return;
    }
    const auto* request = std::get_if<Request>(&decoded.value());
    if (!request) {
        sendError(std::nullopt, makeError(ErrorCode::InvalidMessage,
                                          QStringLiteral("clients send requests only")));
        countInvalidFrame();
        return;
    }
    if (request->method == method::Hello) {
        handleHello(*request);
        return;
    }
    if (!m_helloDone) {
        sendError(request->id,
                  makeError(ErrorCode::HelloRequired, QStringLiteral("send hello first")));
        return;
    }
    if (request->method == method::Ping) {
        sendResult(request->id, {{QStringLiteral("time"), QDateTime::currentMSecsSinceEpoch()}});
        return;
    }
    m_dispatcher.dispatch(*this, *request);
}

void ClientConnection::onBinaryMessage(const QByteArray& data)
{
    m_sinceLastFrame.restart();
    Q_UNUSED(data);
    sendError(std::nullopt,
              makeError(ErrorCode::InvalidMessage,
                        QStringLiteral("the control channel carries text frames only")));
    countInvalidFrame();
}

void ClientConnection::handleHello(const Request& request)
{
    if (m_helloDone) {
        sendError(request.id, makeError(ErrorCode::InvalidTransition,
                                        QStringLiteral("hello was already sent")));
        return;
    }
    Result<HelloParams> params = HelloParams::fromJson(request.params);
    if (!params) {
        sendError(request.id, params.error());
        return;
    }
    const std::optional<int> version = negotiateVersion(params.value().versions);
    if (!version) {
        QJsonArray supported;
        for (int v = kOldestProtocolVersion; v <= kProtocolVersion; ++v)
            supported.append(v);
        sendError(request.id, makeError(ErrorCode::UnsupportedVersion,
                                        QStringLiteral("no protocol version in common"),
                                        {{QStringLiteral("supported"), supported}}));
        close(CloseCode::UnsupportedVersion, QStringLiteral("no protocol version in common"));
        return;
    }
    m_helloDone = true;
    HelloResult result;
    result.version = *version;
    result.server = QStringLiteral("qidong-hub/") + QCoreApplication::applicationVersion();
    result.heartbeatIntervalMs = static_cast<int>(m_settings.heartbeatInterval.count());
    sendResult(request.id, result.toJson());
    m_heartbeatCheck.start();
    if (!m_session)
        m_handshakeTimer.start(m_settings.authTimeout);
    logInfo(lcServer, QLatin1StringView("connection.hello"),
            {{QStringLiteral("conn"), m_id},
             {QStringLiteral("client"), params.value().client},
             {QStringLiteral("version"), *version}});
}

void ClientConnection::checkHeartbeat()
{
    // Stale after two missed heartbeats (plus half an interval of slack for
    // a busy network): the desktop pings once per interval.
    const qint64 limit = m_settings.heartbeatInterval.count() * 5 / 2;
    if (m_sinceLastFrame.elapsed() > limit)
        close(CloseCode::HeartbeatTimeout, QStringLiteral("two heartbeats missed"));
}

void ClientConnection::countInvalidFrame()
{
    if (++m_invalidFrames >= m_settings.maxInvalidFrames)
        close(CloseCode::TooManyErrors, QStringLiteral("too many invalid frames"));
}

void ClientConnection::sendResult(qint64 id, const QJsonObject& result)
{
    send(makeResult(id, result));
}

void ClientConnection::sendError(std::optional<qint64> id, const Error& error)
{
    send(makeErrorResponse(id, error));
}

void ClientConnection::sendEvent(const Event& event)
{
    send(event);
}

void ClientConnection::send(const Message& message)
{
    if (m_closing)
        return;
    m_socket->sendTextMessage(QString::fromUtf8(encodeMessage(message)));
}

void ClientConnection::close(CloseCode code, const QString& reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_heartbeatCheck.stop();
    m_handshakeTimer.stop();
    logInfo(lcServer, QLatin1StringView("connection.closing"),
            {{QStringLiteral("conn"), m_id},
             {QStringLiteral("code"), static_cast<int>(code)},
             {QStringLiteral("why"), closeCodeName(code)}});
    m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
    // A peer that never answers the closing handshake must not hold the slot.
    QTimer::singleShot(2000, m_socket, [socket = m_socket] { socket->abort(); });
}

void ClientConnection::onDisconnected()
{
    m_heartbeatCheck.stop();
    m_handshakeTimer.stop();
    logInfo(lcServer, QLatin1StringView("connection.closed"),
            {{QStringLiteral("conn"), m_id},
             {QStringLiteral("closeCode"), static_cast<int>(m_socket->closeCode())}});
    Q_EMIT disconnected(this);
}

} // namespace qidong::hub
