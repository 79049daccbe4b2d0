#pragma once

#include "Backoff.h"
#include "protocol/Message.h"
#include "protocol/Payloads.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>

class QWebSocket;

namespace qidong::core {

// The desktop's one control link to the hub. It signs in (password or
// refresh token), keeps the link alive with heartbeats, notices a stale link
// and reconnects with capped, jittered backoff, resumes the session with
// the last event seq it processed (replay, or resync with a snapshot), and
// delivers requests and events. Requests that must not be lost are held
// while the link is down and sent once it is back. Lives on the GUI thread;
// nothing in it blocks.
class HubConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubConnection)
    Q_PROPERTY(Health health READ health NOTIFY healthChanged)

public:
    enum class Health
    {
        Offline,      // not signed in (or given up); lastError() may say why
        Connecting,   // first sign-in in progress
        Connected,    // session live
        Reconnecting, // link lost; reconnectAttempt() and nextRetryAt() say when
        AuthFailed,   // the hub refused the credentials; lastError() says why
    };
    Q_ENUM(Health)

    enum class Delivery
    {
        Now,      // fails with not_connected if there is no link
        Reliable, // held while reconnecting and sent when the session is back
    };

    struct Settings
    {
        QString clientName = QStringLiteral("qidong-desktop");
        std::chrono::milliseconds requestTimeout{15000};
        // How long a reliable request may wait for the link before it fails.
        std::chrono::milliseconds reliableTimeout{std::chrono::minutes(10)};
        Backoff::Policy backoff;
    };

    using ReplyHandler = std::function<void(const protocol::Response&)>;

    explicit HubConnection(Settings settings, QObject* parent = nullptr);
    ~HubConnection() override;

    void signIn(const QUrl& url, const QString& username, const QString& password);
    void signInWithRefreshToken(const QUrl& url, const QString& refreshToken);
    // Signs out at the hub (if connected) and goes Offline.
    void signOut();
    // Drops the link and reconnects at once: for network changes and wake-up.
    void reconnectNow();

    // Sends a request; `handler` runs with the response unless `context` is
    // gone by then. Every request gets exactly one response (real, or a
    // client-side timeout / not_connected error).
    void request(const QString& method, const QJsonObject& params, QObject* context,
                 ReplyHandler handler, Delivery delivery = Delivery::Now);

    Health health() const { return m_health; }
    // The hub signed in to (its host is where media tickets point).
    QUrl url() const { return m_url; }
    int reconnectAttempt() const { return m_attempt; }
    QDateTime nextRetryAt() const { return m_nextRetryAt; }
    protocol::Error lastError() const { return m_lastError; }
    qint64 lastSeq() const { return m_lastSeq; }
    int pendingRequests() const { return static_cast<int>(m_pending.size()); }

Q_SIGNALS:
    void healthChanged(qidong::core::HubConnection::Health health);
    // A new session began (sign-in or refresh): replace all state with it.
    void signedIn(const qidong::protocol::SessionGrant& grant);
    // After a reconnect the hub could not replay: replace all state with it.
    void resynced(const qidong::protocol::SessionSnapshot& snapshot);
    void eventReceived(const qidong::protocol::Event& event);
    // The refresh token to remember (empty: forget it).
    void refreshTokenChanged(const QString& refreshToken);
    void drainingAnnounced(const qidong::protocol::DrainingNotice& notice);
    // Reconnecting: attempt `attempt` starts at `at` (for "Reconnecting in 4 s…").
    void reconnectScheduled(int attempt, const QDateTime& at);

private:
    enum class Stage
    {
        Idle,
        Opening,
        Hello,
        Authenticating,
        Live,
    };
    enum class AuthMode
    {
        Password,
        Refresh,
        Resume,
    };
    struct Pending
    {
        protocol::Request request;
        Delivery delivery = Delivery::Now;
        QPointer<QObject> context;
        ReplyHandler handler;
        bool hasContext = false;
        qint64 deadlineMs = 0;
        bool sent = false;
    };

    void open();
    void onConnected();
    void onText(const QString& text);
    void onLinkLost();
    void onHeartbeat();
    void sendHello();
    void authenticate();
    void onGranted(const protocol::Response& response);
    void onResumed(const protocol::Response& response);
    void goLive();
    void scheduleReconnect();
    void stop(Health health, const protocol::Error& error);
    void setHealth(Health health);
    void sendInternal(QLatin1StringView method, const QJsonObject& params, ReplyHandler handler);
    void transmit(Pending& pending);
    void complete(qint64 id, const protocol::Response& response);
    void failPending(bool keepReliable, const protocol::Error& error);
    void sweepTimeouts();
    void dropSocket();

    Settings m_settings;
    Backoff m_backoff;
    std::unique_ptr<QWebSocket> m_socket;
    QUrl m_url;
    Stage m_stage = Stage::Idle;
    AuthMode m_authMode = AuthMode::Password;
    Health m_health = Health::Offline;
    QString m_username;
    QString m_password; // held only until the hub answers the sign-in
    QString m_refreshToken;
    QString m_sessionToken;
    qint64 m_lastSeq = 0;
    qint64 m_nextId = 1;
    int m_attempt = 0;
    QDateTime m_nextRetryAt;
    std::chrono::milliseconds m_minimumNextDelay{0};
    protocol::Error m_lastError;
    std::map<qint64, Pending> m_pending; // ordered by id: the order of asking
    std::map<qint64, ReplyHandler> m_internal;
    QTimer m_reconnectTimer;
    QTimer m_heartbeatTimer;
    QTimer m_timeoutSweep;
    QElapsedTimer m_sinceLastFrame;
    int m_heartbeatIntervalMs = 15000;
};

} // namespace qidong::core
