#include "CallMixer.h"

#include <algorithm>

namespace qidong::hub {

using namespace qidong::protocol;
using namespace qidong::media;

namespace {

// A listener's mix (a conference, later a supervisor's): encoded once per
// listener every 20 ms, which is what limits a media thread. Complexity 3
// costs about half of the default 5 for speech that is heard live once.
const VoiceEncoder::Settings kMixEncoder{24000, 3, 5};

enum class Route
{
    Nothing, // nobody it hears talks
    Forward, // exactly one talker: packets pass through untouched
    Mixed,   // two or more: decoded, summed, encoded for this listener
    Music,
    Ringback,
};

} // namespace

struct CallMixer::Leg
{
    QString party;
    Listen listen = Listen::Mix;
    bool talks = true;
    QString heardOnlyBy;

    // Incoming: played out once per tick when someone needs it mixed.
    JitterBuffer jitter;
    VoiceDecoder decoder;
    AudioFrame pcm{};
    bool hasAudio = false;
    QByteArray tickPacket; // what its jitter buffer gave this tick, for the recording
    bool decodeNeeded = false;
    std::uint32_t lastDtmfTimestamp = 0;
    bool dtmfSeen = false;

    // Outgoing: a new stream id whenever the route changes, so the
    // listener's jitter buffer starts afresh instead of seeing a jump.
    Route route = Route::Nothing;
    std::vector<Leg*> sources;
    std::uint32_t stream = 0;
    std::uint32_t sequence = 0;
    std::uint32_t timestamp = 0;
    bool gap = true;
    std::unique_ptr<VoiceEncoder> encoder;

    // An announcement playing instead of the music, and how far it got.
    std::shared_ptr<const std::vector<QByteArray>> announcement;
    std::size_t announced = 0;
};

CallMixer::CallMixer(QString callId, Send send, Dtmf dtmf)
    : m_callId(std::move(callId))
    , m_send(std::move(send))
    , m_dtmf(std::move(dtmf))
{}

CallMixer::~CallMixer() = default;

void CallMixer::addParty(const QString& party, Listen listen, bool talks,
                         const QString& heardOnlyBy)
{
    auto& leg = m_legs[party];
    if (!leg)
        leg = std::make_unique<Leg>();
    leg->party = party;
    leg->listen = listen;
    leg->talks = talks;
    leg->heardOnlyBy = heardOnlyBy;
    changed();
}

void CallMixer::removeParty(const QString& party)
{
    if (m_legs.erase(party) > 0)
        changed();
}

bool CallMixer::hasParty(const QString& party) const
{
    return m_legs.find(party) != m_legs.end();
}

void CallMixer::announce(const QString& party,
                         std::shared_ptr<const std::vector<QByteArray>> packets)
{
    Leg* leg = find(party);
    if (!leg || leg->listen != Listen::Music || !packets || packets->empty())
        return;
    leg->announcement = std::move(packets);
    leg->announced = 0;
}

void CallMixer::setListen(const QString& party, Listen listen)
{
    if (Leg* leg = find(party); leg && leg->listen != listen) {
        leg->announcement.reset();
        leg->listen = listen;
        changed();
    }
}

void CallMixer::setTalks(const QString& party, bool talks)
{
    if (Leg* leg = find(party); leg && leg->talks != talks) {
        leg->talks = talks;
        // What it said while silenced must not come out afterwards.
        leg->jitter.reset();
        changed();
    }
}

void CallMixer::setHeardOnlyBy(const QString& party, const QString& listener)
{
    if (Leg* leg = find(party); leg && leg->heardOnlyBy != listener) {
        leg->heardOnlyBy = listener;
        changed();
    }
}

std::vector<QString> CallMixer::parties() const
{
    std::vector<QString> names;
    names.reserve(m_legs.size());
    for (const auto& [party, leg] : m_legs)
        names.push_back(party);
    return names;
}

std::optional<Listen> CallMixer::listenOf(const QString& party) const
{
    const auto it = m_legs.find(party);
    if (it == m_legs.end())
        return std::nullopt;
    return it->second->listen;
}

CallMixer::Leg* CallMixer::find(const QString& party)
{
    const auto it = m_legs.find(party);
    return it == m_legs.end() ? nullptr : it->second.get();
}

void CallMixer::changed()
{
    for (auto& [party, leg] : m_legs) {
        Route route = Route::Nothing;
        std::vector<Leg*> sources;
        if (leg->listen == Listen::Music) {
            route = Route::Music;
        } else if (leg->listen == Listen::Ringback) {
            route = Route::Ringback;
        } else {
            for (auto& [other, talker] : m_legs)
                if (talker.get() != leg.get() && talker->talks &&
                    (talker->heardOnlyBy.isEmpty() || talker->heardOnlyBy == party))
                    sources.push_back(talker.get());
            route = sources.empty()       ? Route::Nothing
                    : sources.size() == 1 ? Route::Forward
                                          : Route::Mixed;
        }
        if (route != leg->route || sources != leg->sources) {
            leg->route = route;
            leg->sources = std::move(sources);
            leg->stream = ++m_nextStream;
            leg->sequence = 0;
            leg->gap = true;
            if (route != Route::Mixed)
                leg->encoder.reset();
        }
    }
    for (auto& [party, leg] : m_legs)
        leg->decodeNeeded = false;
    for (auto& [party, leg] : m_legs)
        if (leg->route == Route::Mixed)
            for (Leg* source : leg->sources)
                source->decodeNeeded = true;
}

bool CallMixer::receive(const QString& party, const QByteArray& bytes)
{
    Leg* from = find(party);
    Result<MediaFrame> decoded = MediaFrame::decode(bytes);
    if (!from || !decoded) {
        ++m_stats.refused;
        return false;
    }
    const MediaFrame& frame = decoded.value();
    if (frame.kind == MediaKind::Bye) { // the hub's to say, not a leg's
        ++m_stats.refused;
        return false;
    }
    ++m_stats.received;
    if (frame.kind == MediaKind::Dtmf) {
        const Result<DtmfEvent> event = DtmfEvent::decode(frame.payload);
        if (!event) {
            ++m_stats.refused;
            return false;
        }
        // RFC 4733 repeats the end packet; one key press is reported once.
        if (event.value().end && (!from->dtmfSeen || from->lastDtmfTimestamp != frame.timestamp)) {
            from->dtmfSeen = true;
            from->lastDtmfTimestamp = frame.timestamp;
            if (m_dtmf)
                m_dtmf(party, DtmfEvent::keyOf(event.value().event));
        }
        return true;
    }
    if (!from->talks)
        return true; // muted or on hold: heard by nobody
    from->jitter.put(frame.sequence, frame.timestamp, frame.payload);
    for (auto& [other, leg] : m_legs) {
        if (leg->route == Route::Forward && leg->sources.front() == from) {
            send(*leg, leg->stream, frame.sequence, frame.timestamp, MediaKind::Opus,
                 frame.flags | (leg->gap ? MediaFrame::kMarker : 0), frame.payload);
            leg->gap = false;
            ++m_stats.forwarded;
        }
    }
    return true;
}

void CallMixer::tick(const SharedFeeds& feeds)
{
    // Every talker's buffer moves on each tick, heard through a mix or not,
    // so a mix that starts later starts at the present.
    for (auto& [party, leg] : m_legs) {
        leg->hasAudio = false;
        leg->tickPacket.clear();
        if (!leg->talks)
            continue;
        QByteArray packet;
        const JitterBuffer::Outcome outcome = leg->jitter.take(packet);
        if (outcome == JitterBuffer::Outcome::Packet)
            leg->tickPacket = packet;
        if (!leg->decodeNeeded)
            continue;
        if (outcome == JitterBuffer::Outcome::Packet) {
            leg->decoder.decode(packet, leg->pcm);
            leg->hasAudio = true;
        } else if (outcome == JitterBuffer::Outcome::Conceal) {
            leg->decoder.conceal(leg->pcm);
            leg->hasAudio = true;
        }
    }
    if (m_recorder.isOpen())
        record();
    for (auto& [party, leg] : m_legs) {
        switch (leg->route) {
        case Route::Music:
            if (leg->announcement && leg->announced < leg->announcement->size()) {
                sendGenerated(*leg, leg->announcement->at(leg->announced++));
                if (leg->announced == leg->announcement->size())
                    leg->announcement.reset();
                break;
            }
            sendGenerated(*leg, feeds.music);
            break;
        case Route::Ringback:
            sendGenerated(*leg, feeds.ringback);
            break;
        case Route::Mixed: {
            std::array<std::int32_t, kFrameSamples> sum{};
            bool any = false;
            for (const Leg* source : leg->sources) {
                if (!source->hasAudio)
                    continue;
                accumulate(sum, source->pcm);
                any = true;
            }
            if (!any) {
                sendGenerated(*leg, {});
                break;
            }
            AudioFrame mixed{};
            saturate(sum, mixed);
            if (!leg->encoder)
                leg->encoder = std::make_unique<VoiceEncoder>(kMixEncoder);
            sendGenerated(*leg, leg->encoder->encode(mixed));
            ++m_stats.mixed;
            break;
        }
        case Route::Forward:
        case Route::Nothing:
            break;
        }
    }
}

void CallMixer::record()
{
    // The customer on the left, the agents on the right, as their packets
    // came: a recorded call costs no decoding or encoding. Only when two
    // agents talk at once (a conference) are they decoded, summed and
    // encoded into the right channel.
    QByteArray left;
    QByteArray right;
    if (!m_recording.paused) {
        std::vector<Leg*> agents;
        for (auto& [party, leg] : m_legs) {
            if (!leg->talks || leg->tickPacket.isEmpty() || !leg->heardOnlyBy.isEmpty())
                continue;
            if (party == QLatin1StringView("customer"))
                left = leg->tickPacket;
            else
                agents.push_back(leg.get());
        }
        if (agents.size() == 1) {
            right = agents.front()->tickPacket;
        } else if (agents.size() > 1) {
            std::array<std::int32_t, kFrameSamples> sum{};
            for (Leg* agent : agents) {
                if (!agent->hasAudio) { // not decoded for a listener this tick
                    agent->decoder.decode(agent->tickPacket, agent->pcm);
                    agent->hasAudio = true;
                }
                accumulate(sum, agent->pcm);
            }
            AudioFrame mixed{};
            saturate(sum, mixed);
            right = m_recorder.encode(mixed);
        }
    }
    if (!m_recorder.writePackets(left, right))
        ++m_recording.unrecordable;
    ++m_recording.frames;
    if (m_recording.paused)
        ++m_recording.pausedFrames;
}

bool CallMixer::startRecording(const QString& path, QString* error)
{
    if (m_recorder.isOpen())
        return true;
    if (!m_recorder.open(path, m_callId, 24000, media::OggOpusWriter::Layout::TwoParties)) {
        if (error)
            *error = m_recorder.error();
        return false;
    }
    m_recording = Recording{path, 0, 0, 0, false};
    return true;
}

void CallMixer::setRecordingPaused(bool paused)
{
    m_recording.paused = paused;
}

std::optional<CallMixer::Recording> CallMixer::stopRecording()
{
    if (!m_recorder.isOpen())
        return std::nullopt;
    m_recorder.close();
    return m_recording;
}

void CallMixer::sendGenerated(Leg& to, const QByteArray& payload)
{
    // The clock runs through silence, so the listener sees a gap as a gap.
    const std::uint32_t timestamp = to.timestamp;
    to.timestamp += kFrameSamples;
    if (payload.isEmpty()) {
        to.gap = true;
        return;
    }
    send(to, to.stream, to.sequence++, timestamp, MediaKind::Opus, to.gap ? MediaFrame::kMarker : 0,
         payload);
    to.gap = false;
}

void CallMixer::send(Leg& to, std::uint32_t stream, std::uint32_t sequence, std::uint32_t timestamp,
                     MediaKind kind, std::uint16_t flags, const QByteArray& payload)
{
    MediaFrame frame;
    frame.kind = kind;
    frame.flags = flags;
    frame.stream = stream;
    frame.sequence = sequence;
    frame.timestamp = timestamp;
    frame.payload = payload;
    m_send(to.party, frame.encode());
}

} // namespace qidong::hub
