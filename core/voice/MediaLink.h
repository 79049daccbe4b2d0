#pragma once

#include "core/connection/Backoff.h"
#include "protocol/MediaFrame.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace qidong::core {

// One call leg's media socket (docs/protocol.md §12): binary frames both
// ways, apart from the control connection so audio and signalling never
// queue behind each other. A socket that drops comes back by itself within
// about a second with the same ticket; the hub ending the leg, replacing
// it, or refusing the ticket stops it.
class MediaLink final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MediaLink)

public:
    struct Stats
    {
        std::uint64_t sent = 0;
        std::uint64_t received = 0;
        std::uint64_t malformed = 0; // frames from the hub that did not decode
        std::uint64_t reconnects = 0;
    };

    explicit MediaLink(QObject* parent = nullptr);
    ~MediaLink() override;

    // The ticket's socket URL (MediaTicket::socketUrl).
    void open(const QUrl& url);
    void close();
    bool isConnected() const { return m_connected; }
    // Dropped while the socket is down: late audio is worse than none.
    void send(const QByteArray& frame);
    const Stats& stats() const { return m_stats; }

Q_SIGNALS:
    void frameReceived(const qidong::protocol::MediaFrame& frame);
    void connected();
    void disconnected();
    // The hub refused the ticket (expired, or the leg is gone): ask the
    // control channel for a new one.
    void ticketRefused();
    // The hub closed the leg: the call ended or this party left it.
    void ended(const QString& reason);

private:
    void connectSocket();
    void onDisconnected();

    QWebSocket m_socket;
    QTimer m_retry;
    Backoff m_backoff;
    QUrl m_url;
    int m_attempt = 0;
    bool m_wanted = false;
    bool m_connected = false;
    Stats m_stats;
};

} // namespace qidong::core
