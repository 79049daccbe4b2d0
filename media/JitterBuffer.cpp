#include "JitterBuffer.h"

#include "AudioFrame.h"
#include "protocol/MediaFrame.h"

#include <speex/speex_jitter.h>

#include <algorithm>
#include <limits>

namespace qidong::media {

namespace {

// After this many missing frames in a row the talker has stopped (or the
// link is down): play silence instead of stretching concealment further.
constexpr int kMissingBeforeSilence = 8;
// Clock drift: when for this many ticks at least kSurplusFrames packets sat
// waiting beyond the one played, the sender runs fast (or a burst came in
// after a stall); skipping one frame brings the delay back down.
constexpr int kSurplusWindow = 50;
constexpr int kSurplusFrames = 2;
// More than this waiting at once (a player that started late, a link that
// stalled and then delivered everything) is cut back at once: late audio
// is worse than a skip.
constexpr int kMostWaiting = 8;

bool newer(std::uint32_t a, std::uint32_t b)
{
    return static_cast<std::int32_t>(a - b) > 0;
}

} // namespace

JitterBuffer::JitterBuffer()
    : m_buffer(jitter_buffer_init(kFrameSamples))
{
    // A frame of margin: speexdsp discards packets that arrive later than
    // this behind the playout point instead of holding them.
    spx_int32_t margin = kFrameSamples;
    jitter_buffer_ctl(m_buffer, JITTER_BUFFER_SET_MARGIN, &margin);
}

JitterBuffer::~JitterBuffer()
{
    jitter_buffer_destroy(m_buffer);
}

void JitterBuffer::put(std::uint32_t sequence, std::uint32_t timestamp, const QByteArray& payload)
{
    if (payload.isEmpty() || payload.size() > protocol::MediaFrame::kMaxPayload)
        return;
    if (!m_started || newer(timestamp, m_newestTimestamp))
        m_newestTimestamp = timestamp;
    m_started = true;
    ++m_stats.received;
    JitterBufferPacket packet{};
    packet.data = const_cast<char*>(payload.constData()); // copied by speexdsp
    packet.len = static_cast<spx_uint32_t>(payload.size());
    packet.timestamp = timestamp;
    packet.span = kFrameSamples;
    packet.sequence = static_cast<spx_uint16_t>(sequence);
    jitter_buffer_put(m_buffer, &packet);
}

JitterBuffer::Outcome JitterBuffer::take(QByteArray& payload)
{
    if (!m_started)
        return Outcome::Silence;
    char bytes[protocol::MediaFrame::kMaxPayload];
    JitterBufferPacket packet{};
    packet.data = bytes;
    packet.len = sizeof bytes;
    spx_int32_t offset = 0;
    const auto result = jitter_buffer_get(m_buffer, &packet, kFrameSamples, &offset);
    Outcome outcome = Outcome::Silence;
    if (result == JITTER_BUFFER_OK) {
        payload = QByteArray(bytes, static_cast<qsizetype>(packet.len));
        m_missingRun = 0;
        ++m_stats.played;
        outcome = Outcome::Packet;
        shedSurplus();
    } else {
        jitter_buffer_update_delay(m_buffer, &packet, nullptr);
        if (++m_missingRun <= kMissingBeforeSilence) {
            ++m_stats.concealed;
            outcome = Outcome::Conceal;
        }
    }
    jitter_buffer_tick(m_buffer);
    return outcome;
}

void JitterBuffer::shedSurplus()
{
    spx_int32_t waiting = 0;
    jitter_buffer_ctl(m_buffer, JITTER_BUFFER_GET_AVALIABLE_COUNT, &waiting);
    if (waiting > kMostWaiting) {
        char bytes[protocol::MediaFrame::kMaxPayload];
        for (; waiting > kSurplusFrames; --waiting) {
            JitterBufferPacket skipped{};
            skipped.data = bytes;
            skipped.len = sizeof bytes;
            spx_int32_t offset = 0;
            if (jitter_buffer_get(m_buffer, &skipped, kFrameSamples, &offset) != JITTER_BUFFER_OK)
                break;
            ++m_skipped;
        }
        m_surplusTicks = 0;
        m_leastWaiting = std::numeric_limits<int>::max();
        return;
    }
    m_leastWaiting = std::min(m_leastWaiting, static_cast<int>(waiting));
    if (++m_surplusTicks < kSurplusWindow)
        return;
    const bool surplus = m_leastWaiting >= kSurplusFrames;
    m_surplusTicks = 0;
    m_leastWaiting = std::numeric_limits<int>::max();
    if (!surplus)
        return;
    char bytes[protocol::MediaFrame::kMaxPayload];
    JitterBufferPacket skipped{};
    skipped.data = bytes;
    skipped.len = sizeof bytes;
    spx_int32_t offset = 0;
    if (jitter_buffer_get(m_buffer, &skipped, kFrameSamples, &offset) == JITTER_BUFFER_OK)
        ++m_skipped;
}

void JitterBuffer::reset()
{
    jitter_buffer_reset(m_buffer);
    m_started = false;
    m_missingRun = 0;
    m_surplusTicks = 0;
    m_leastWaiting = std::numeric_limits<int>::max();
}

JitterBuffer::Stats JitterBuffer::stats() const
{
    auto stats = m_stats;
    spx_int32_t waiting = 0;
    jitter_buffer_ctl(m_buffer, JITTER_BUFFER_GET_AVALIABLE_COUNT, &waiting);
    const auto accounted = stats.played + m_skipped + static_cast<std::uint64_t>(waiting);
    stats.skipped = m_skipped;
    stats.dropped = stats.received > accounted ? stats.received - accounted : 0;
    return stats;
}

int JitterBuffer::delayMs() const
{
    if (!m_started)
        return 0;
    const auto playing = static_cast<std::uint32_t>(jitter_buffer_get_pointer_timestamp(m_buffer));
    const auto behind = static_cast<std::int32_t>(m_newestTimestamp - playing);
    return behind > 0 ? behind * 1000 / kSampleRate : 0;
}

} // namespace qidong::media
