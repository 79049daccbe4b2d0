#include "QueueAnnouncer.h"

#include "Clock.h"
#include "MediaEngine.h"
#include "VoiceCalls.h"
#include "interactions/InteractionDirectory.h"
#include "log/HubLog.h"
#include "media/OggOpus.h"

#include <QFile>

#include <map>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

// 300 ms between the sentences, 200 ms before the music comes back.
constexpr int kPauseFrames = 15;
constexpr int kTailFrames = 10;

// The packets of one shipped prompt, read once.
const std::vector<QByteArray>& prompt(const QString& name)
{
    static std::map<QString, std::vector<QByteArray>> cache;
    const auto found = cache.find(name);
    if (found != cache.end())
        return found->second;
    QFile file(QStringLiteral(":/qidong/announcements/%1.opus").arg(name));
    std::vector<QByteArray> packets;
    if (file.open(QIODevice::ReadOnly))
        packets = media::OggOpusReader::packets(file.readAll()).value_or(packets);
    if (packets.empty())
        logWarning(lcMedia, QLatin1StringView("announcement.missing"),
                   {{QStringLiteral("prompt"), name}});
    return cache.emplace(name, std::move(packets)).first->second;
}

} // namespace

QueueAnnouncer::QueueAnnouncer(InteractionDirectory& interactions, MediaEngine& media,
                               std::chrono::milliseconds firstAfter,
                               std::chrono::milliseconds every, QObject* parent)
    : QObject(parent)
    , m_interactions(interactions)
    , m_media(media)
    , m_firstAfter(firstAfter)
    , m_every(every)
{
    m_clock.setInterval(std::min<std::chrono::milliseconds>(std::chrono::seconds(1), firstAfter));
    connect(&m_clock, &QTimer::timeout, this, &QueueAnnouncer::check);
    m_clock.start();
}

QueueAnnouncer::~QueueAnnouncer() = default;

void QueueAnnouncer::onPositionChanged(const QString& interactionId, int position,
                                       qint64 estimatedWaitMs)
{
    Waiting& waiting = m_waiting[interactionId];
    if (waiting.sinceMs == 0)
        waiting.sinceMs = nowMs();
    waiting.position = position;
    waiting.estimatedWaitMs = estimatedWaitMs;
}

QueueAnnouncer::Packets QueueAnnouncer::announcement(const QString& language, int position,
                                                     qint64 estimatedWaitMs)
{
    const QString lang =
        language.startsWith(QStringLiteral("en")) ? QStringLiteral("en") : QStringLiteral("zh");
    QStringList names;
    if (estimatedWaitMs < 0) {
        names << QStringLiteral("no-agents");
    } else {
        const int ahead = std::max(0, position - 1);
        names << (ahead > 9 ? QStringLiteral("ahead-many") : QStringLiteral("ahead-%1").arg(ahead));
        const qint64 minutes = (estimatedWaitMs + 30000) / 60000;
        if (minutes > 5)
            names << QStringLiteral("wait-long");
        else if (minutes >= 1)
            names << QStringLiteral("wait-%1").arg(minutes);
    }
    auto packets = std::make_shared<std::vector<QByteArray>>();
    for (const QString& name : std::as_const(names)) {
        const std::vector<QByteArray>& spoken = prompt(lang + u'-' + name);
        if (spoken.empty())
            return {};
        if (!packets->empty())
            packets->insert(packets->end(), kPauseFrames, QByteArray());
        packets->insert(packets->end(), spoken.begin(), spoken.end());
    }
    packets->insert(packets->end(), kTailFrames, QByteArray());
    return packets;
}

void QueueAnnouncer::check()
{
    const qint64 now = nowMs();
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        const std::optional<Interaction> call = m_interactions.find(it.key());
        if (!call || call->channel != Channel::Voice || call->state != InteractionState::Queued) {
            it = m_waiting.erase(it);
            continue;
        }
        Waiting& waiting = it.value();
        const bool due = waiting.lastAnnouncedMs == 0
                             ? now - waiting.sinceMs >= m_firstAfter.count()
                             : now - waiting.lastAnnouncedMs >= m_every.count();
        if (due) {
            waiting.lastAnnouncedMs = now;
            if (Packets packets =
                    announcement(call->language, waiting.position, waiting.estimatedWaitMs)) {
                m_media.announce(call->id, QString(VoiceCalls::kCustomer), packets);
                logInfo(lcMedia, QLatin1StringView("queue.announced"),
                        {{QStringLiteral("interaction"), call->id},
                         {QStringLiteral("position"), waiting.position},
                         {QStringLiteral("estimatedWaitMs"), waiting.estimatedWaitMs},
                         {QStringLiteral("ms"), qint64(packets->size()) * 20}});
            }
        }
        ++it;
    }
}

} // namespace qidong::hub
