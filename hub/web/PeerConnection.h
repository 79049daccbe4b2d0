#pragma once

#include "TokenBucket.h"
#include "protocol/Error.h"
#include "protocol/Message.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class QWebSocket;

namespace qidong::hub {

// One WebSocket on the web port (a customer page, the phone trunk): the
// same envelope as the agent protocol (requests, responses, events) without
// hello or sign-in. Untrusted: frames are size-checked and decoded field by
// field, and the peer is rate limited (a flood gets `throttled` errors, then
// the socket is closed). Requests go to the handler its owner gives.
class PeerConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeerConnection)

public:
    using Handler = std::function<void(PeerConnection&, const protocol::Request&)>;
    PeerConnection(std::unique_ptr<QWebSocket> socket, Handler handler, QObject* parent = nullptr);
    ~PeerConnection() override;

    QString interactionId() const { return m_interactionId; }
    QString customerName() const { return m_customerName; }
    void bind(const QString& interactionId, const QString& customerName)
    {
        m_interactionId = interactionId;
        m_customerName = customerName;
    }
    bool takeTypingToken();

    void sendResult(qint64 id, const QJsonObject& result);
    void sendError(std::optional<qint64> id, const protocol::Error& error);
    void sendEvent(const protocol::Event& event);
    void close(int code, const QString& reason);

Q_SIGNALS:
    void disconnected(qidong::hub::PeerConnection* connection);

private:
    void onTextMessage(const QString& text);
    void reject(std::optional<qint64> id, const protocol::Error& error);

    std::unique_ptr<QWebSocket> m_socket;
    Handler m_handler;
    QString m_interactionId;
    QString m_customerName;
    TokenBucket m_frames{30, 10};
    TokenBucket m_typing{5, 2};
    int m_rejected = 0;
    bool m_closing = false;
    QTimer m_idle;
};

} // namespace qidong::hub
