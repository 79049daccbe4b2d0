#include "MediaStreams.h"

#include <algorithm>

namespace qidong::media {

using namespace qidong::protocol;

SendStream::SendStream(std::uint32_t stream)
    : m_stream(stream)
{}

QByteArray SendStream::audio(const AudioFrame& pcm)
{
    const QByteArray packet = m_encoder.encode(pcm);
    const std::uint32_t timestamp = m_timestamp;
    m_timestamp += kFrameSamples;
    if (packet.isEmpty())
        return {};
    return frame(MediaKind::Opus, timestamp, packet);
}

void SendStream::skip()
{
    m_timestamp += kFrameSamples;
    m_gap = true;
}

std::vector<QByteArray> SendStream::dtmf(QChar key, int durationMs)
{
    const std::optional<std::uint8_t> event = DtmfEvent::eventOf(key);
    if (!event)
        return {};
    DtmfEvent press;
    press.event = *event;
    press.duration = static_cast<std::uint16_t>(std::min(65535, durationMs * kSampleRate / 1000));
    // A press is known by its timestamp; two within one frame (a dialer,
    // not a finger) still get their own.
    std::uint32_t at = m_timestamp;
    if (m_pressed && std::int32_t(m_lastPress - at) >= 0)
        at = m_lastPress + 1;
    m_pressed = true;
    m_lastPress = at;
    std::vector<QByteArray> frames;
    const QByteArray start = DtmfEvent{press.event, false, press.volume, 0}.encode();
    frames.push_back(frame(MediaKind::Dtmf, at, start));
    press.end = true;
    for (int copy = 0; copy < 3; ++copy)
        frames.push_back(frame(MediaKind::Dtmf, at, press.encode()));
    return frames;
}

QByteArray SendStream::frame(MediaKind kind, std::uint32_t timestamp, const QByteArray& payload)
{
    MediaFrame out;
    out.kind = kind;
    out.stream = m_stream;
    out.sequence = m_sequence++;
    out.timestamp = timestamp;
    out.payload = payload;
    if (kind == MediaKind::Opus && m_gap) {
        out.flags = MediaFrame::kMarker;
        m_gap = false;
    }
    return out.encode();
}

void ReceiveStream::put(const MediaFrame& frame)
{
    if (frame.kind != MediaKind::Opus)
        return;
    if (m_hasStream && frame.stream != m_stream) {
        m_jitter.reset();
        ++m_streamChanges;
    }
    m_stream = frame.stream;
    m_hasStream = true;
    m_jitter.put(frame.sequence, frame.timestamp, frame.payload);
}

bool ReceiveStream::take(AudioFrame& pcm)
{
    QByteArray packet;
    switch (m_jitter.take(packet)) {
    case JitterBuffer::Outcome::Packet:
        if (m_decoder.decode(packet, pcm))
            return true;
        m_decoder.conceal(pcm);
        return true;
    case JitterBuffer::Outcome::Conceal:
        m_decoder.conceal(pcm);
        return true;
    case JitterBuffer::Outcome::Silence:
        break;
    }
    pcm.fill(0);
    return false;
}

} // namespace qidong::media
