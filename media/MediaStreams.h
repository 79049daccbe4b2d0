#pragma once

#include "AudioFrame.h"
#include "JitterBuffer.h"
#include "VoiceCodec.h"
#include "protocol/MediaFrame.h"

#include <QByteArray>
#include <QChar>

#include <vector>

namespace qidong::media {

// The sending half of a call leg: numbers and stamps 20 ms frames for the
// media socket (docs/protocol.md §12). The timestamp runs on through frames
// that are not sent (muted, silence), so the far end sees a gap as a gap.
class SendStream final
{
public:
    explicit SendStream(std::uint32_t stream);

    // A frame of speech, encoded; empty if the encoder failed.
    QByteArray audio(const AudioFrame& pcm);
    // A frame's worth of time that is not sent.
    void skip();
    // One key press as RFC 4733 sends it: a start event, then the end
    // event three times (it may be lost), all with the press's timestamp.
    std::vector<QByteArray> dtmf(QChar key, int durationMs = 100);

    std::uint32_t stream() const { return m_stream; }

private:
    QByteArray frame(protocol::MediaKind kind, std::uint32_t timestamp, const QByteArray& payload);

    VoiceEncoder m_encoder;
    std::uint32_t m_stream;
    std::uint32_t m_sequence = 0;
    std::uint32_t m_timestamp = 0;
    std::uint32_t m_lastPress = 0;
    bool m_pressed = false;
    bool m_gap = true;
};

// The receiving half: the jitter buffer and decoder for whatever stream
// the hub sends. A new stream id (the hub re-routed: hold music, a mix,
// a transfer) starts the buffer afresh.
class ReceiveStream final
{
public:
    // Audio frames only; DTMF is for whoever reads the socket.
    void put(const protocol::MediaFrame& frame);
    // Once per 20 ms: the next frame to play, concealment, or silence
    // (zeros). True if `pcm` holds sound worth playing.
    bool take(AudioFrame& pcm);

    int delayMs() const { return m_jitter.delayMs(); }
    // Counted over every stream this leg has received.
    JitterBuffer::Stats stats() const { return m_jitter.stats(); }
    std::uint64_t streamChanges() const { return m_streamChanges; }

private:
    JitterBuffer m_jitter;
    VoiceDecoder m_decoder;
    std::uint32_t m_stream = 0;
    bool m_hasStream = false;
    std::uint64_t m_streamChanges = 0;
};

} // namespace qidong::media
