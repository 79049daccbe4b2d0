#pragma once

#include "CallMixer.h"
#include "media/Tones.h"
#include "media/VoiceCodec.h"
#include "protocol/Result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <map>
#include <memory>
#include <optional>

class QWebSocket;
class QWebSocketServer;

namespace qidong::hub {

// The media endpoint, living on its own thread so audio never waits behind
// signalling (and signalling never behind audio): a WebSocket server for
// call legs, a mixer per call and the 20 ms clock that drives them. Only
// MediaEngine talks to it, through queued calls; everything here runs on
// the media thread.
class MediaServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MediaServer)

public:
    struct Leg
    {
        QString callId;
        QString party;
    };

    explicit MediaServer(QObject* parent = nullptr);
    ~MediaServer() override;

    protocol::Result<QUrl> listen(const QHostAddress& address, quint16 port,
                                  const std::optional<QSslConfiguration>& tls);

    // A token lets one socket join as `party` of `callId`; unused, it
    // expires at `expiresAtMs` (steady clock); used, it lasts as long as
    // the leg, so a dropped socket can come straight back.
    void admit(const QString& token, const Leg& leg, qint64 expiresAtMs);
    void addParty(const QString& callId, const QString& party, Listen listen, bool talks,
                  const QString& heardOnlyBy);
    void setListen(const QString& callId, const QString& party, Listen listen);
    void setTalks(const QString& callId, const QString& party, bool talks);
    void setHeardOnlyBy(const QString& callId, const QString& party, const QString& listener);
    void removeParty(const QString& callId, const QString& party);
    void closeCall(const QString& callId);
    void startRecording(const QString& callId, const QString& path);
    void pauseRecording(const QString& callId, bool paused);
    void announce(const QString& callId, const QString& party,
                  std::shared_ptr<const std::vector<QByteArray>> packets);
    void stop();

    qsizetype callCount() const { return qsizetype(m_calls.size()); }

Q_SIGNALS:
    void partyConnected(const QString& callId, const QString& party);
    void partyDisconnected(const QString& callId, const QString& party);
    void dtmf(const QString& callId, const QString& party, QChar key);

private:
    struct Connection;

    void onNewConnection();
    void onBinary(QWebSocket* socket, const QByteArray& bytes);
    void onClosed(QWebSocket* socket);
    void dropLeg(const QString& callId, const QString& party, const QString& why);
    void revokeTokens(const QString& callId, const QString& party);
    void onClock();
    void tickAll();
    void sendTo(const QString& callId, const QString& party, const QByteArray& frame);

    QWebSocketServer* m_server = nullptr;
    std::map<QString, std::unique_ptr<CallMixer>> m_calls;
    QHash<QString, Leg> m_tokens;         // token -> leg
    QHash<QString, qint64> m_tokenExpiry; // unused tokens only
    QHash<QWebSocket*, Connection*> m_bySocket;
    QHash<QString, Connection*> m_byLeg; // "call\nparty" -> its socket

    QTimer m_clock;
    QElapsedTimer m_elapsed;
    qint64 m_nextTickMs = 0;

    std::uint64_t m_ticks = 0;
};

} // namespace qidong::hub
