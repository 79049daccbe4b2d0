#include "HubConnection.h"

#include "core/CoreLog.h"
#include "protocol/CloseCode.h"
#include "protocol/Names.h"

#include <QWebSocket>

namespace qidong::core {

using namespace qidong::protocol;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Error notConnected(const QString& why)
{
    return makeError(ErrorCode::NotConnected, why);
}

} // namespace

HubConnection::HubConnection(Settings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_backoff(m_settings.backoff)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &HubConnection::open);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &HubConnection::onHeartbeat);
    m_timeoutSweep.setInterval(250);
    connect(&m_timeoutSweep, &QTimer::timeout, this, &HubConnection::sweepTimeouts);
}

HubConnection::~HubConnection()
{
    dropSocket();
}

void HubConnection::signIn(const QUrl& url, const QString& username, const QString& password)
{
    stop(Health::Offline, {});
    m_url = url;
    m_username = username;
    m_password = password;
    m_authMode = AuthMode::Password;
    setHealth(Health::Connecting);
    open();
}

void HubConnection::signInWithRefreshToken(const QUrl& url, const QString& refreshToken)
{
    stop(Health::Offline, {});
    m_url = url;
    m_refreshToken = refreshToken;
    m_authMode = AuthMode::Refresh;
    setHealth(Health::Connecting);
    open();
}

void HubConnection::signOut()
{
    m_refreshToken.clear();
    Q_EMIT refreshTokenChanged(QString());
    if (m_stage == Stage::Live) {
        // The hub answers and closes with 4005; Offline already says we are done.
        sendInternal(method::AuthLogout, {}, [](const Response&) {});
        m_reconnectTimer.stop();
        m_sessionToken.clear();
        failPending(false, notConnected(QStringLiteral("signed out")));
        setHealth(Health::Offline);
        QTimer::singleShot(3000, this, [this] {
            if (m_health == Health::Offline)
                dropSocket();
        });
        return;
    }
    stop(Health::Offline, {});
}

void HubConnection::reconnectNow()
{
    if (m_sessionToken.isEmpty() || m_health == Health::Offline || m_health == Health::AuthFailed)
        return;
    qCInfo(lcCore) << "reconnecting at once";
    m_reconnectTimer.stop();
    m_heartbeatTimer.stop();
    m_stage = Stage::Idle;
    dropSocket();
    failPending(true, notConnected(QStringLiteral("the link to the hub was reset")));
    m_attempt = 0;
    m_authMode = AuthMode::Resume;
    setHealth(Health::Reconnecting);
    open();
}

void HubConnection::request(const QString& method, const QJsonObject& params, QObject* context,
                            ReplyHandler handler, Delivery delivery)
{
    const qint64 id = m_nextId++;
    Pending pending{Request{id, method, params},
                    delivery,
                    context,
                    std::move(handler),
                    context != nullptr,
                    nowMs() + m_settings.reliableTimeout.count(),
                    false};
    auto [it, inserted] = m_pending.emplace(id, std::move(pending));
    Q_ASSERT(inserted);
    if (!m_timeoutSweep.isActive())
        m_timeoutSweep.start();
    if (m_stage == Stage::Live) {
        transmit(it->second);
    } else if (delivery == Delivery::Now) {
        // Answered on the next turn of the event loop, never from inside request().
        QMetaObject::invokeMethod(
            this,
            [this, id] {
                complete(id, makeErrorResponse(
                                 id, notConnected(QStringLiteral("not connected to the hub"))));
            },
            Qt::QueuedConnection);
    }
}

void HubConnection::open()
{
    dropSocket();
    m_socket = std::make_unique<QWebSocket>(m_settings.clientName);
    m_socket->setMaxAllowedIncomingMessageSize(kTransportFrameBytes);
    connect(m_socket.get(), &QWebSocket::connected, this, &HubConnection::onConnected);
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &HubConnection::onText);
    connect(m_socket.get(), &QWebSocket::disconnected, this, &HubConnection::onLinkLost);
    // Qt 6.4 names this signal error(); 6.5 renamed it errorOccurred().
    connect(m_socket.get(), qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this] {
                if (m_socket && m_socket->state() == QAbstractSocket::UnconnectedState)
                    onLinkLost();
            });
    m_stage = Stage::Opening;
    // Until hello tells the interval, a link silent for 30 s is stale.
    m_heartbeatIntervalMs = 15000;
    m_sinceLastFrame.start();
    m_heartbeatTimer.start(m_heartbeatIntervalMs);
    m_socket->open(m_url);
}

void HubConnection::onConnected()
{
    m_stage = Stage::Hello;
    m_sinceLastFrame.restart();
    sendHello();
}

void HubConnection::sendHello()
{
    sendInternal(method::Hello, HelloParams{{kProtocolVersion}, m_settings.clientName}.toJson(),
                 [this](const Response& response) {
                     Result<HelloResult> hello = response.error
                                                     ? Result<HelloResult>(*response.error)
                                                     : HelloResult::fromJson(response.result);
                     if (!hello) {
                         stop(Health::Offline, hello.error());
                         return;
                     }
                     m_heartbeatIntervalMs = hello.value().heartbeatIntervalMs;
                     m_heartbeatTimer.start(m_heartbeatIntervalMs);
                     m_stage = Stage::Authenticating;
                     authenticate();
                 });
}

void HubConnection::authenticate()
{
    switch (m_authMode) {
    case AuthMode::Password:
        sendInternal(method::AuthLogin, LoginParams{m_username, m_password}.toJson(),
                     [this](const Response& response) { onGranted(response); });
        break;
    case AuthMode::Refresh:
        sendInternal(method::AuthRefresh, RefreshParams{m_refreshToken}.toJson(),
                     [this](const Response& response) { onGranted(response); });
        break;
    case AuthMode::Resume:
        sendInternal(method::SessionResume, ResumeParams{m_sessionToken, m_lastSeq}.toJson(),
                     [this](const Response& response) { onResumed(response); });
        break;
    }
}

void HubConnection::onGranted(const Response& response)
{
    m_password.clear();
    if (response.error) {
        if (response.error->code == ErrorCode::Draining) {
            stop(Health::Offline, *response.error);
            return;
        }
        if (m_authMode == AuthMode::Refresh) {
            m_refreshToken.clear();
            Q_EMIT refreshTokenChanged(QString());
        }
        stop(Health::AuthFailed, *response.error);
        return;
    }
    Result<SessionGrant> grant = SessionGrant::fromJson(response.result);
    if (!grant) {
        stop(Health::Offline, grant.error());
        return;
    }
    m_sessionToken = grant.value().sessionToken;
    m_refreshToken = grant.value().refreshToken;
    m_lastSeq = grant.value().seq;
    qCInfo(lcCore) << "signed in as" << grant.value().snapshot.agent.username;
    Q_EMIT refreshTokenChanged(m_refreshToken);
    Q_EMIT signedIn(grant.value());
    goLive();
}

void HubConnection::onResumed(const Response& response)
{
    if (response.error) {
        if (response.error->code == ErrorCode::SessionInvalid && !m_refreshToken.isEmpty()) {
            qCInfo(lcCore) << "session ended while away; signing in with the refresh token";
            m_sessionToken.clear();
            m_authMode = AuthMode::Refresh;
            authenticate();
            return;
        }
        if (response.error->code == ErrorCode::SessionInvalid) {
            stop(Health::AuthFailed, *response.error);
            return;
        }
        // Draining or a passing failure: try again later on a new link.
        m_socket->abort();
        return;
    }
    Result<ResumeResult> result = ResumeResult::fromJson(response.result);
    if (!result) {
        m_socket->abort();
        return;
    }
    qCInfo(lcCore) << "session resumed;"
                   << (result.value().mode == ResumeResult::Mode::Replay ? "replaying" : "resync")
                   << result.value().replayed << "events";
    if (result.value().mode == ResumeResult::Mode::Resync) {
        m_lastSeq = result.value().seq;
        Q_EMIT resynced(*result.value().snapshot);
    }
    goLive();
}

void HubConnection::goLive()
{
    m_stage = Stage::Live;
    m_attempt = 0;
    m_nextRetryAt = {};
    m_lastError = {};
    setHealth(Health::Connected);
    // Requests held while the link was down go out now, in the order asked.
    for (auto& [id, pending] : m_pending) {
        if (!pending.sent && m_stage == Stage::Live)
            transmit(pending);
    }
}

void HubConnection::onText(const QString& text)
{
    m_sinceLastFrame.restart();
    Result<Message, DecodeFailure> decoded = decodeMessage(text.toUtf8());
    if (!decoded) {
        qCWarning(lcCore) << "undecodable frame from the hub:" << decoded.error().error.message;
        return;
    }
    if (const auto* response = std::get_if<Response>(&decoded.value())) {
        if (!response->id) {
            qCWarning(lcCore) << "the hub refused a frame:" << response->error->message;
            return;
        }
        const auto internal = m_internal.find(*response->id);
        if (internal != m_internal.end()) {
            const ReplyHandler handler = std::move(internal->second);
            m_internal.erase(internal);
            handler(*response);
            return;
        }
        complete(*response->id, *response);
        return;
    }
    if (const auto* event = std::get_if<Event>(&decoded.value())) {
        if (event->seq) {
            if (*event->seq <= m_lastSeq)
                return; // already processed before the link dropped
            m_lastSeq = *event->seq;
        }
        if (event->name == event::HubDraining) {
            Result<DrainingNotice> notice = DrainingNotice::fromJson(event->data);
            if (notice) {
                m_minimumNextDelay = std::chrono::milliseconds(notice.value().reconnectAfterMs);
                Q_EMIT drainingAnnounced(notice.value());
            }
        }
        Q_EMIT eventReceived(*event);
    }
}

void HubConnection::onLinkLost()
{
    if (m_stage == Stage::Idle || !m_socket)
        return;
    m_stage = Stage::Idle;
    m_heartbeatTimer.stop();
    const quint16 closeCode = static_cast<quint16>(m_socket->closeCode());
    const QString why =
        m_socket->closeReason().isEmpty() ? m_socket->errorString() : m_socket->closeReason();
    dropSocket();
    if (m_health == Health::Offline || m_health == Health::AuthFailed)
        return; // we ended it
    qCInfo(lcCore) << "link lost:" << closeCode << why;
    if (m_health == Health::Connecting) {
        stop(Health::Offline,
             notConnected(
                 QStringLiteral("cannot reach the hub at %1: %2").arg(m_url.toString(), why)));
        return;
    }
    if (!closeCodeAllowsResume(closeCode)) {
        const auto code = static_cast<CloseCode>(closeCode);
        stop(code == CloseCode::SignedOut ? Health::AuthFailed : Health::Offline,
             makeError(ErrorCode::SessionInvalid, closeCodeName(code) + QStringLiteral(": ") + why,
                       {{QStringLiteral("closeCode"), closeCode}}));
        return;
    }
    failPending(true, notConnected(QStringLiteral("the link to the hub was lost")));
    scheduleReconnect();
}

void HubConnection::scheduleReconnect()
{
    ++m_attempt;
    m_authMode = m_sessionToken.isEmpty() ? AuthMode::Refresh : AuthMode::Resume;
    const std::chrono::milliseconds delay =
        std::max(m_backoff.delayFor(m_attempt), m_minimumNextDelay);
    m_minimumNextDelay = std::chrono::milliseconds(0);
    m_nextRetryAt = QDateTime::currentDateTimeUtc().addMSecs(delay.count());
    m_reconnectTimer.start(delay);
    setHealth(Health::Reconnecting);
    Q_EMIT reconnectScheduled(m_attempt, m_nextRetryAt);
}

void HubConnection::onHeartbeat()
{
    // Stale after two silent intervals: the hub answers every ping, so
    // silence means the link is dead even if TCP has not noticed (sleep,
    // a changed network).
    if (m_sinceLastFrame.elapsed() > 2LL * m_heartbeatIntervalMs) {
        qCInfo(lcCore) << "link is stale";
        if (m_socket)
            m_socket->abort();
        onLinkLost();
        return;
    }
    if (m_stage == Stage::Authenticating || m_stage == Stage::Live)
        sendInternal(method::Ping, {}, [](const Response&) {});
}

void HubConnection::stop(Health health, const Error& error)
{
    m_reconnectTimer.stop();
    m_heartbeatTimer.stop();
    m_stage = Stage::Idle;
    m_lastError = error;
    m_password.clear();
    m_sessionToken.clear();
    m_attempt = 0;
    m_nextRetryAt = {};
    dropSocket();
    failPending(false, error.message.isEmpty() ? notConnected(QStringLiteral("not connected"))
                                               : notConnected(error.message));
    setHealth(health);
}

void HubConnection::setHealth(Health health)
{
    if (m_health == health)
        return;
    m_health = health;
    Q_EMIT healthChanged(health);
}

void HubConnection::sendInternal(QLatin1StringView method, const QJsonObject& params,
                                 ReplyHandler handler)
{
    if (!m_socket)
        return;
    const qint64 id = m_nextId++;
    m_internal.emplace(id, std::move(handler));
    m_socket->sendTextMessage(
        QString::fromUtf8(encodeMessage(Request{id, QString(method), params})));
}

void HubConnection::transmit(Pending& pending)
{
    pending.sent = true;
    pending.deadlineMs = nowMs() + m_settings.requestTimeout.count();
    m_socket->sendTextMessage(QString::fromUtf8(encodeMessage(pending.request)));
}

void HubConnection::complete(qint64 id, const Response& response)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it->second);
    m_pending.erase(it);
    if (m_pending.empty())
        m_timeoutSweep.stop();
    if (pending.handler && (!pending.hasContext || pending.context))
        pending.handler(response);
}

void HubConnection::failPending(bool keepReliable, const Error& error)
{
    std::vector<qint64> failed;
    for (auto& [id, pending] : m_pending) {
        if (keepReliable && pending.delivery == Delivery::Reliable) {
            // Sent but unanswered: the answer was lost with the link, so it
            // goes again. Reliable methods are idempotent (a state change is;
            // messages carry a client id).
            pending.sent = false;
            pending.deadlineMs = nowMs() + m_settings.reliableTimeout.count();
        } else {
            failed.push_back(id);
        }
    }
    for (qint64 id : failed)
        complete(id, makeErrorResponse(id, error));
}

void HubConnection::sweepTimeouts()
{
    const qint64 now = nowMs();
    std::vector<qint64> expired;
    for (const auto& [id, pending] : m_pending) {
        if (pending.deadlineMs <= now)
            expired.push_back(id);
    }
    for (qint64 id : expired)
        complete(
            id, makeErrorResponse(id, makeError(ErrorCode::Timeout,
                                                QStringLiteral("no answer from the hub in time"))));
}

void HubConnection::dropSocket()
{
    m_internal.clear();
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket.release()->deleteLater();
}

} // namespace qidong::core
