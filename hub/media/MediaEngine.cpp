#include "MediaEngine.h"

#include "MediaServer.h"
#include "auth/SecretToken.h"

#include <QDateTime>

#include <algorithm>

namespace qidong::hub {

using namespace qidong::protocol;

MediaEngine::MediaEngine(int threads, std::chrono::milliseconds ticketLifetime, QObject* parent)
    : QObject(parent)
    , m_ticketLifetime(ticketLifetime)
{
    const int count = std::clamp(threads, 1, kMaxMediaThreads);
    for (int i = 0; i < count; ++i) {
        Shard shard;
        shard.thread = std::make_unique<QThread>();
        // Named for ps/top and the benchmarks; "qidong-media" was the only one.
        shard.thread->setObjectName(count == 1 ? QStringLiteral("qidong-media")
                                               : QStringLiteral("qidong-media-%1").arg(i + 1));
        shard.server = new MediaServer;
        shard.server->moveToThread(shard.thread.get());
        connect(shard.thread.get(), &QThread::finished, shard.server, &QObject::deleteLater);
        connect(shard.server, &MediaServer::partyConnected, this, &MediaEngine::partyConnected);
        connect(shard.server, &MediaServer::partyDisconnected, this,
                &MediaEngine::partyDisconnected);
        connect(shard.server, &MediaServer::dtmf, this, &MediaEngine::dtmf);
        shard.thread->start(QThread::TimeCriticalPriority);
        m_shards.push_back(std::move(shard));
    }
}

MediaEngine::~MediaEngine()
{
    for (Shard& shard : m_shards) {
        QMetaObject::invokeMethod(
            shard.server, [server = shard.server] { server->stop(); },
            Qt::BlockingQueuedConnection);
        shard.thread->quit();
        shard.thread->wait();
    }
}

const MediaEngine::Shard& MediaEngine::shardOf(const QString& callId) const
{
    // Seed 0: the same call lands on the same thread for every leg.
    return m_shards[qHash(callId, 0) % m_shards.size()];
}

template <typename Work> void MediaEngine::onMediaThread(const QString& callId, Work work)
{
    MediaServer* server = shardOf(callId).server;
    QMetaObject::invokeMethod(
        server, [server, work = std::move(work)] { work(*server); }, Qt::QueuedConnection);
}

Result<QUrl> MediaEngine::start(const QHostAddress& address, quint16 port,
                                const std::optional<QSslConfiguration>& tls)
{
    // Startup only: the one place the control thread waits for the media threads.
    const auto listen = [&](Shard& shard, quint16 at) {
        Result<QUrl> url =
            makeError(ErrorCode::Internal, QStringLiteral("media thread did not start"));
        QMetaObject::invokeMethod(
            shard.server, [&, server = shard.server] { url = server->listen(address, at, tls); },
            Qt::BlockingQueuedConnection);
        if (url)
            shard.url = url.value();
        return url;
    };
    // Thread i on the first port + i, also when the system picks the first:
    // a restarted hub given that port finds every thread where it was.
    const int attempts = port == 0 ? 20 : 1;
    Result<QUrl> first = makeError(ErrorCode::Internal, QStringLiteral("no media port"));
    for (int attempt = 0; attempt < attempts; ++attempt) {
        first = listen(m_shards.front(), port);
        if (!first)
            return first;
        const quint16 base = quint16(first.value().port());
        bool all = true;
        for (std::size_t i = 1; i < m_shards.size() && all; ++i) {
            const Result<QUrl> next = listen(m_shards[i], quint16(base + i));
            if (!next && port != 0)
                return next;
            all = bool(next);
        }
        if (all)
            return first;
    }
    return makeError(ErrorCode::Internal,
                     QStringLiteral("no %1 consecutive free media ports").arg(m_shards.size()));
}

MediaTicket MediaEngine::issue(const QString& callId, const QString& party)
{
    MediaTicket ticket;
    ticket.url = shardOf(callId).url;
    ticket.url.setPath(QStringLiteral("/media"));
    ticket.token = SecretToken::generate();
    ticket.expiresAtMs = QDateTime::currentMSecsSinceEpoch() + m_ticketLifetime.count();
    onMediaThread(callId, [token = ticket.token, leg = MediaServer::Leg{callId, party},
                           expires = ticket.expiresAtMs](MediaServer& server) {
        server.admit(token, leg, expires);
    });
    return ticket;
}

void MediaEngine::addParty(const QString& callId, const QString& party, Listen listen, bool talks,
                           const QString& heardOnlyBy)
{
    onMediaThread(callId, [callId, party, listen, talks, heardOnlyBy](MediaServer& server) {
        server.addParty(callId, party, listen, talks, heardOnlyBy);
    });
}

void MediaEngine::setHeardOnlyBy(const QString& callId, const QString& party,
                                 const QString& listener)
{
    onMediaThread(callId, [callId, party, listener](MediaServer& server) {
        server.setHeardOnlyBy(callId, party, listener);
    });
}

void MediaEngine::setListen(const QString& callId, const QString& party, Listen listen)
{
    onMediaThread(callId, [callId, party, listen](MediaServer& server) {
        server.setListen(callId, party, listen);
    });
}

void MediaEngine::setTalks(const QString& callId, const QString& party, bool talks)
{
    onMediaThread(callId, [callId, party, talks](MediaServer& server) {
        server.setTalks(callId, party, talks);
    });
}

void MediaEngine::removeParty(const QString& callId, const QString& party)
{
    onMediaThread(callId,
                  [callId, party](MediaServer& server) { server.removeParty(callId, party); });
}

void MediaEngine::closeCall(const QString& callId)
{
    onMediaThread(callId, [callId](MediaServer& server) { server.closeCall(callId); });
}

void MediaEngine::startRecording(const QString& callId, const QString& path)
{
    onMediaThread(callId,
                  [callId, path](MediaServer& server) { server.startRecording(callId, path); });
}

void MediaEngine::pauseRecording(const QString& callId, bool paused)
{
    onMediaThread(callId,
                  [callId, paused](MediaServer& server) { server.pauseRecording(callId, paused); });
}

void MediaEngine::announce(const QString& callId, const QString& party,
                           std::shared_ptr<const std::vector<QByteArray>> packets)
{
    onMediaThread(callId, [callId, party, packets = std::move(packets)](MediaServer& server) {
        server.announce(callId, party, packets);
    });
}

} // namespace qidong::hub
