#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>
#include <vector>

namespace qidong::hub {

class InteractionDirectory;
class MediaEngine;

// Tells callers waiting in a voice queue where they stand: a spoken
// announcement in their language ("two callers ahead of you; about three
// minutes"), interrupting the music a few seconds after they join and then
// every so often while they wait. A long or unknown wait also mentions the
// page's "Call me back" option. The speech is shipped as Opus prompts
// (tools/make-prompts) and forwarded as they are, never re-encoded.
class QueueAnnouncer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueAnnouncer)

public:
    using Packets = std::shared_ptr<const std::vector<QByteArray>>;

    QueueAnnouncer(InteractionDirectory& interactions, MediaEngine& media,
                   std::chrono::milliseconds firstAfter, std::chrono::milliseconds every,
                   QObject* parent = nullptr);
    ~QueueAnnouncer() override;

    // From routing: where a waiting interaction now stands.
    void onPositionChanged(const QString& interactionId, int position, qint64 estimatedWaitMs);

    // The announcement for this standing ("zh" or "en"), or nothing if the
    // prompts are missing from the build.
    static Packets announcement(const QString& language, int position, qint64 estimatedWaitMs);

private:
    struct Waiting
    {
        int position = 0;
        qint64 estimatedWaitMs = 0;
        qint64 sinceMs = 0;
        qint64 lastAnnouncedMs = 0;
    };

    void check();

    InteractionDirectory& m_interactions;
    MediaEngine& m_media;
    std::chrono::milliseconds m_firstAfter;
    std::chrono::milliseconds m_every;
    QHash<QString, Waiting> m_waiting;
    QTimer m_clock;
};

} // namespace qidong::hub
