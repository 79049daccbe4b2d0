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

// The control thread's handle on the media thread: starts it, issues
// tickets for call legs and tells the mixers who hears whom. Every call
// is queued to the media thread and returns at once; what happens there
// comes back as signals on this thread.
class MediaEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MediaEngine)

public:
    explicit MediaEngine(std::chrono::milliseconds ticketLifetime = std::chrono::seconds(60),
                         QObject* parent = nullptr);
    ~MediaEngine() override;

    protocol::Result<QUrl> start(const QHostAddress& address, quint16 port,
                                 const std::optional<QSslConfiguration>& tls);
    QUrl url() const { return m_url; }

    // A ticket for `party` of `callId` (the party must have been added).
    protocol::MediaTicket issue(const QString& callId, const QString& party);
    void addParty(const QString& callId, const QString& party, Listen listen, bool talks);
    void setListen(const QString& callId, const QString& party, Listen listen);
    void setTalks(const QString& callId, const QString& party, bool talks);
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
    template <typename Work> void onMediaThread(Work work);

    std::chrono::milliseconds m_ticketLifetime;
    QThread m_thread;
    MediaServer* m_server = nullptr; // lives on m_thread
    QUrl m_url;
};

} // namespace qidong::hub
