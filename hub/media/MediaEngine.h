#pragma once

#include "CallMixer.h"
#include "protocol/Call.h"
#include "protocol/Result.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QThread>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace qidong::hub {

class MediaServer;

// The control thread's handle on the media threads: starts them, issues
// tickets for call legs and tells the mixers who hears whom. Calls are
// spread over `threads` media threads (one per core by default), each its
// own MediaServer on its own port; a call lives on one of them, chosen by
// its id, and its tickets name that thread's port. Every call is queued to
// its thread and returns at once; what happens there comes back as
// signals on this thread.
class MediaEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MediaEngine)

public:
    static constexpr int kMaxMediaThreads = 16;

    explicit MediaEngine(int threads = 1,
                         std::chrono::milliseconds ticketLifetime = std::chrono::seconds(60),
                         QObject* parent = nullptr);
    ~MediaEngine() override;

    // Thread i listens on `port` + i (`port` 0: any free ports).
    protocol::Result<QUrl> start(const QHostAddress& address, quint16 port,
                                 const std::optional<QSslConfiguration>& tls);
    // The first thread's address (each call's tickets name its own).
    QUrl url() const { return m_shards.front().url; }
    int threadCount() const { return int(m_shards.size()); }

    // A ticket for `party` of `callId` (the party must have been added).
    protocol::MediaTicket issue(const QString& callId, const QString& party);
    void addParty(const QString& callId, const QString& party, Listen listen, bool talks,
                  const QString& heardOnlyBy = {});
    void setListen(const QString& callId, const QString& party, Listen listen);
    void setTalks(const QString& callId, const QString& party, bool talks);
    void setHeardOnlyBy(const QString& callId, const QString& party, const QString& listener);
    void removeParty(const QString& callId, const QString& party);
    void closeCall(const QString& callId);
    void startRecording(const QString& callId, const QString& path);
    void pauseRecording(const QString& callId, bool paused);
    // Opus packets played to `party` in place of its music (CallMixer).
    void announce(const QString& callId, const QString& party,
                  std::shared_ptr<const std::vector<QByteArray>> packets);

Q_SIGNALS:
    void partyConnected(const QString& callId, const QString& party);
    void partyDisconnected(const QString& callId, const QString& party);
    void dtmf(const QString& callId, const QString& party, QChar key);

private:
    struct Shard
    {
        std::unique_ptr<QThread> thread;
        MediaServer* server = nullptr; // lives on `thread`
        QUrl url;
    };
    const Shard& shardOf(const QString& callId) const;
    template <typename Work> void onMediaThread(const QString& callId, Work work);

    std::chrono::milliseconds m_ticketLifetime;
    std::vector<Shard> m_shards;
};

} // namespace qidong::hub
