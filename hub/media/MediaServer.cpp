#include "MediaServer.h"

#include "log/HubLog.h"
#include "protocol/CloseCode.h"
#include "protocol/MediaFrame.h"

#include <QDateTime>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

// A frame is at most the header and one payload; a little slack lets a bad
// frame be refused and counted rather than the socket dropped.
constexpr qint64 kMaxMessage = 4096;
// About a second and a half of audio: a listener that cannot keep up loses
// frames instead of the hub buffering for it without end.
constexpr qint64 kMaxQueuedBytes = 64 * 1024;
constexpr qint64 kTickMs = 20;
// Further behind than this (the process was stopped, the machine swapped),
// the clock starts again from now instead of racing to catch up.
constexpr qint64 kMaxLagMs = 200;
// China's ringback: 450 Hz, one second on, four off (250 ticks).
constexpr std::uint64_t kRingPeriodTicks = 250;
constexpr std::uint64_t kRingOnTicks = 50;
constexpr std::uint64_t kMusicLoopTicks = 400; // HoldMusic's 8 s phrase

// Hold music and ringback, encoded once for the whole process: generating
// and encoding them every 20 ms on every media thread, heard or not, cost
// more than a dozen forwarded calls (perf).
struct PrecodedFeeds
{
    std::vector<QByteArray> music;    // one 8 s loop
    std::vector<QByteArray> ringback; // one second of tone
};

const PrecodedFeeds& precodedFeeds()
{
    static const PrecodedFeeds feeds = [] {
        PrecodedFeeds made;
        media::AudioFrame frame{};
        media::HoldMusic music;
        media::VoiceEncoder musicEncoder;
        for (std::uint64_t i = 0; i < kMusicLoopTicks; ++i) {
            music.fill(frame);
            made.music.push_back(musicEncoder.encode(frame));
        }
        media::ToneGenerator ring(450.0);
        media::VoiceEncoder ringEncoder;
        for (std::uint64_t i = 0; i < kRingOnTicks; ++i) {
            ring.fill(frame);
            made.ringback.push_back(ringEncoder.encode(frame));
        }
        return made;
    }();
    return feeds;
}

// How long a leg told Bye has to close by itself before the hub closes it.
constexpr std::chrono::milliseconds kByeGrace{300};

QString legKey(const QString& callId, const QString& party)
{
    return callId + u'\n' + party;
}

} // namespace

struct MediaServer::Connection
{
    QWebSocket* socket = nullptr;
    QString callId;
    QString party;
    std::uint64_t received = 0;
    std::uint64_t refused = 0;
    std::uint64_t dropped = 0; // not sent: the listener fell behind
};

MediaServer::MediaServer(QObject* parent)
    : QObject(parent)
    , m_clock(this) // a child, so it moves to the media thread with the server
{
    m_clock.setTimerType(Qt::PreciseTimer);
    m_clock.setInterval(5);
    connect(&m_clock, &QTimer::timeout, this, &MediaServer::onClock);
    (void)precodedFeeds(); // made now, not on the first call's clock tick
}

MediaServer::~MediaServer()
{
    stop();
    // No onClosed from a half-destroyed server: the sockets go first, quietly.
    for (auto it = m_bySocket.cbegin(); it != m_bySocket.cend(); ++it) {
        it.key()->disconnect(this);
        delete it.key();
        delete it.value();
    }
}

Result<QUrl> MediaServer::listen(const QHostAddress& address, quint16 port,
                                 const std::optional<QSslConfiguration>& tls)
{
    const auto mode = tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode;
    delete m_server; // a second try on other ports (MediaEngine::start)
    m_server = new QWebSocketServer(QStringLiteral("qidong-hub media"), mode, this);
    if (tls)
        m_server->setSslConfiguration(*tls);
    m_server->setHandshakeTimeout(std::chrono::milliseconds(10000));
    connect(m_server, &QWebSocketServer::newConnection, this, &MediaServer::onNewConnection);
    if (!m_server->listen(address, port))
        return makeError(ErrorCode::Internal, QStringLiteral("cannot listen for media on %1:%2: %3")
                                                  .arg(address.toString())
                                                  .arg(port)
                                                  .arg(m_server->errorString()));
    return m_server->serverUrl();
}

void MediaServer::admit(const QString& token, const Leg& leg, qint64 expiresAtMs)
{
    m_tokens.insert(token, leg);
    m_tokenExpiry.insert(token, expiresAtMs);
}

void MediaServer::addParty(const QString& callId, const QString& party, Listen listen, bool talks,
                           const QString& heardOnlyBy)
{
    auto& mixer = m_calls[callId];
    if (!mixer) {
        mixer = std::make_unique<CallMixer>(
            callId,
            [this, callId](const QString& to, const QByteArray& frame) {
                sendTo(callId, to, frame);
            },
            [this, callId](const QString& from, QChar key) { Q_EMIT dtmf(callId, from, key); });
    }
    mixer->addParty(party, listen, talks, heardOnlyBy);
    if (!m_clock.isActive()) {
        m_elapsed.start();
        m_nextTickMs = 0;
        m_clock.start();
    }
}

void MediaServer::setListen(const QString& callId, const QString& party, Listen listen)
{
    if (const auto call = m_calls.find(callId); call != m_calls.end())
        call->second->setListen(party, listen);
}

void MediaServer::setTalks(const QString& callId, const QString& party, bool talks)
{
    if (const auto call = m_calls.find(callId); call != m_calls.end())
        call->second->setTalks(party, talks);
}

void MediaServer::setHeardOnlyBy(const QString& callId, const QString& party,
                                 const QString& listener)
{
    if (const auto call = m_calls.find(callId); call != m_calls.end())
        call->second->setHeardOnlyBy(party, listener);
}

void MediaServer::removeParty(const QString& callId, const QString& party)
{
    const auto call = m_calls.find(callId);
    if (call == m_calls.end())
        return;
    call->second->removeParty(party);
    dropLeg(callId, party, QStringLiteral("left the call"));
}

void MediaServer::closeCall(const QString& callId)
{
    const auto call = m_calls.find(callId);
    if (call == m_calls.end())
        return;
    const std::unique_ptr<CallMixer> mixer = std::move(call->second);
    m_calls.erase(call);
    if (const auto recording = mixer->stopRecording())
        logInfo(lcMedia, QLatin1StringView("media.recording.closed"),
                {{QStringLiteral("call"), callId},
                 {QStringLiteral("path"), recording->path},
                 {QStringLiteral("seconds"), double(recording->frames) * 0.02},
                 {QStringLiteral("pausedSeconds"), double(recording->pausedFrames) * 0.02},
                 {QStringLiteral("unrecordable"), qint64(recording->unrecordable)}});
    for (const QString& party : mixer->parties())
        dropLeg(callId, party, QStringLiteral("the call ended"));
    logInfo(lcMedia, QLatin1StringView("media.call.closed"),
            {{QStringLiteral("call"), callId},
             {QStringLiteral("received"), qint64(mixer->stats().received)},
             {QStringLiteral("forwarded"), qint64(mixer->stats().forwarded)},
             {QStringLiteral("mixed"), qint64(mixer->stats().mixed)},
             {QStringLiteral("refused"), qint64(mixer->stats().refused)}});
    if (m_calls.empty())
        m_clock.stop();
}

void MediaServer::startRecording(const QString& callId, const QString& path)
{
    const auto call = m_calls.find(callId);
    if (call == m_calls.end())
        return;
    QString error;
    if (call->second->startRecording(path, &error))
        logInfo(lcMedia, QLatin1StringView("media.recording.started"),
                {{QStringLiteral("call"), callId}, {QStringLiteral("path"), path}});
    else
        logWarning(lcMedia, QLatin1StringView("media.recording.failed"),
                   {{QStringLiteral("call"), callId},
                    {QStringLiteral("path"), path},
                    {QStringLiteral("error"), error}});
}

void MediaServer::pauseRecording(const QString& callId, bool paused)
{
    if (const auto call = m_calls.find(callId); call != m_calls.end())
        call->second->setRecordingPaused(paused);
}

void MediaServer::announce(const QString& callId, const QString& party,
                           std::shared_ptr<const std::vector<QByteArray>> packets)
{
    if (const auto call = m_calls.find(callId); call != m_calls.end())
        call->second->announce(party, std::move(packets));
}

void MediaServer::stop()
{
    m_clock.stop();
    // The hub is going, not the calls: the legs come back with new tickets
    // from the next hub (MediaLink reconnects, is refused, asks again).
    for (Connection* connection : std::as_const(m_byLeg))
        connection->socket->close(QWebSocketProtocol::CloseCodeGoingAway,
                                  QStringLiteral("the hub is stopping"));
    m_byLeg.clear();
    const QList<QString> calls = [this] {
        QList<QString> ids;
        for (const auto& [id, mixer] : m_calls)
            ids.append(id);
        return ids;
    }();
    for (const QString& id : calls)
        closeCall(id);
    if (m_server)
        m_server->close();
}

void MediaServer::dropLeg(const QString& callId, const QString& party, const QString& why)
{
    revokeTokens(callId, party);
    Connection* connection = m_byLeg.take(legKey(callId, party));
    if (!connection)
        return;
    // Bye first, the close a moment later: the leg stops sending in between,
    // so the close frame is not lost to a reset (MediaKind::Bye).
    MediaFrame bye;
    bye.kind = MediaKind::Bye;
    bye.payload = why.toUtf8();
    QWebSocket* socket = connection->socket;
    socket->sendBinaryMessage(bye.encode());
    QTimer::singleShot(kByeGrace, socket, [socket, why] {
        socket->close(QWebSocketProtocol::CloseCode(CloseCode::MediaLegEnded), why);
    });
}

void MediaServer::revokeTokens(const QString& callId, const QString& party)
{
    for (auto it = m_tokens.begin(); it != m_tokens.end();) {
        if (it->callId == callId && it->party == party) {
            m_tokenExpiry.remove(it.key());
            it = m_tokens.erase(it);
        } else {
            ++it;
        }
    }
}

void MediaServer::onNewConnection()
{
    while (QWebSocket* socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        socket->setMaxAllowedIncomingMessageSize(kMaxMessage);
        socket->setMaxAllowedIncomingFrameSize(kMaxMessage);
        connect(socket, &QWebSocket::disconnected, this, [this, socket] { onClosed(socket); });
        const QString token =
            QUrlQuery(socket->requestUrl()).queryItemValue(QStringLiteral("token"));
        const auto leg = m_tokens.constFind(token);
        const auto expiry = m_tokenExpiry.constFind(token);
        const bool expired =
            expiry != m_tokenExpiry.cend() && *expiry < QDateTime::currentMSecsSinceEpoch();
        const bool known = !token.isEmpty() && leg != m_tokens.cend() && !expired &&
                           m_calls.count(leg->callId) > 0 &&
                           m_calls.at(leg->callId)->hasParty(leg->party);
        if (!known) {
            logWarning(lcMedia, QLatin1StringView("media.refused"),
                       {{QStringLiteral("peer"), socket->peerAddress().toString()},
                        {QStringLiteral("why"), token.isEmpty() ? QStringLiteral("no token")
                                                : expired       ? QStringLiteral("expired")
                                                                : QStringLiteral("unknown")}});
            socket->close(QWebSocketProtocol::CloseCode(CloseCode::MediaTokenInvalid),
                          QStringLiteral("ask the hub for a new media token"));
            continue;
        }
        m_tokenExpiry.remove(token); // used: lasts as long as the leg
        auto* connection = new Connection{socket, leg->callId, leg->party};
        m_bySocket.insert(socket, connection);
        if (Connection* replaced = m_byLeg.value(legKey(leg->callId, leg->party))) {
            replaced->socket->close(QWebSocketProtocol::CloseCode(CloseCode::SessionReplaced),
                                    QStringLiteral("this leg reconnected elsewhere"));
        }
        m_byLeg.insert(legKey(leg->callId, leg->party), connection);
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, socket](const QByteArray& bytes) { onBinary(socket, bytes); });
        connect(socket, &QWebSocket::textMessageReceived, this, [this, socket] {
            if (Connection* open = m_bySocket.value(socket))
                ++open->refused;
        });
        logInfo(lcMedia, QLatin1StringView("media.leg.connected"),
                {{QStringLiteral("call"), leg->callId}, {QStringLiteral("party"), leg->party}});
        Q_EMIT partyConnected(leg->callId, leg->party);
    }
}

void MediaServer::onBinary(QWebSocket* socket, const QByteArray& bytes)
{
    Connection* connection = m_bySocket.value(socket);
    if (!connection)
        return;
    const auto call = m_calls.find(connection->callId);
    if (call == m_calls.end())
        return;
    if (call->second->receive(connection->party, bytes))
        ++connection->received;
    else
        ++connection->refused;
}

void MediaServer::onClosed(QWebSocket* socket)
{
    socket->deleteLater();
    Connection* connection = m_bySocket.take(socket);
    if (!connection)
        return;
    const QString key = legKey(connection->callId, connection->party);
    const bool current = m_byLeg.value(key) == connection;
    if (current)
        m_byLeg.remove(key);
    logInfo(lcMedia, QLatin1StringView("media.leg.closed"),
            {{QStringLiteral("call"), connection->callId},
             {QStringLiteral("party"), connection->party},
             {QStringLiteral("received"), qint64(connection->received)},
             {QStringLiteral("refused"), qint64(connection->refused)},
             {QStringLiteral("dropped"), qint64(connection->dropped)},
             {QStringLiteral("closeCode"), int(socket->closeCode())}});
    if (current)
        Q_EMIT partyDisconnected(connection->callId, connection->party);
    delete connection;
}

void MediaServer::onClock()
{
    const qint64 now = m_elapsed.elapsed();
    if (now - m_nextTickMs > kMaxLagMs) {
        logWarning(lcMedia, QLatin1StringView("media.clock.lagged"),
                   {{QStringLiteral("behindMs"), now - m_nextTickMs}});
        m_nextTickMs = now;
    }
    while (now >= m_nextTickMs) {
        tickAll();
        m_nextTickMs += kTickMs;
    }
}

void MediaServer::tickAll()
{
    SharedFeeds feeds;
    const PrecodedFeeds& precoded = precodedFeeds();
    feeds.music = precoded.music[m_ticks % kMusicLoopTicks];
    if (const std::uint64_t ring = m_ticks % kRingPeriodTicks; ring < kRingOnTicks)
        feeds.ringback = precoded.ringback[ring];
    ++m_ticks;
    for (const auto& [id, mixer] : m_calls)
        mixer->tick(feeds);
    if (m_ticks % 50 == 0) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (auto it = m_tokenExpiry.begin(); it != m_tokenExpiry.end();) {
            if (*it < now) {
                m_tokens.remove(it.key());
                it = m_tokenExpiry.erase(it);
            } else {
                ++it;
            }
        }
    }
}

void MediaServer::sendTo(const QString& callId, const QString& party, const QByteArray& frame)
{
    Connection* connection = m_byLeg.value(legKey(callId, party));
    if (!connection)
        return;
    if (connection->socket->bytesToWrite() > kMaxQueuedBytes) {
        ++connection->dropped;
        return;
    }
    connection->socket->sendBinaryMessage(frame);
}

} // namespace qidong::hub
