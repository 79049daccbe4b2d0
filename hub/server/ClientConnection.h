#pragma once

#include "protocol/CloseCode.h"
#include "protocol/Message.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

class QWebSocket;

namespace qidong::hub {

class MethodDispatcher;
class Session;

// One control WebSocket: decodes frames, negotiates the protocol version,
// watches the heartbeat and hands requests to the dispatcher. Every reply
// and event leaves through here.
class ClientConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientConnection)

public:
    struct Settings
    {
        std::chrono::milliseconds heartbeatInterval{15000};
        std::chrono::milliseconds helloTimeout{10000};
        std::chrono::milliseconds authTimeout{120000};
        int maxInvalidFrames = 32;
    };

    ClientConnection(QWebSocket* socket, const MethodDispatcher& dispatcher, Settings settings,
                     QObject* parent = nullptr);
    ~ClientConnection() override;

    QString peerAddress() const;
    QString id() const { return m_id; }
    Session* session() const { return m_session; }
    void setSession(Session* session);

    void sendResult(qint64 id, const QJsonObject& result);
    void sendError(std::optional<qint64> id, const protocol::Error& error);
    void sendEvent(const protocol::Event& event);
    void close(protocol::CloseCode code, const QString& reason);

Q_SIGNALS:
    void disconnected(qidong::hub::ClientConnection* connection);

private:
    void onTextMessage(const QString& text);
    void onBinaryMessage(const QByteArray& data);
    void onDisconnected();
    void handleHello(const protocol::Request& request);
    void checkHeartbeat();
    void countInvalidFrame();
    void send(const protocol::Message& message);

    QWebSocket* m_socket;
    const MethodDispatcher& m_dispatcher;
    Settings m_settings;
    QString m_id;
    Session* m_session = nullptr;
    bool m_helloDone = false;
    bool m_closing = false;
    int m_invalidFrames = 0;
    QElapsedTimer m_sinceLastFrame;
    QTimer m_heartbeatCheck;
    QTimer m_handshakeTimer;
};

} // namespace qidong::hub
