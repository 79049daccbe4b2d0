#pragma once

#include "AudioFrame.h"

#include <QByteArray>

#include <memory>

struct OpusEncoder;
struct OpusDecoder;

namespace qidong::media {

// Opus for speech: 48 kHz mono, 20 ms frames, VBR around 24 kb/s (wideband
// and better), in-band FEC on so a single lost packet can be rebuilt from
// the next one.
class VoiceEncoder final
{
public:
    struct Settings
    {
        int bitrate = 24000;
        // 0..10; the hub lowers it for recordings it encodes in bulk.
        int complexity = 5;
        int expectedLossPercent = 5;
    };

    VoiceEncoder();
    explicit VoiceEncoder(Settings settings);
    ~VoiceEncoder();
    VoiceEncoder(const VoiceEncoder&) = delete;
    VoiceEncoder& operator=(const VoiceEncoder&) = delete;

    // One 20 ms frame in, one packet out (empty if libopus failed).
    QByteArray encode(const AudioFrame& frame);

private:
    struct Free
    {
        void operator()(OpusEncoder* encoder) const;
    };
    std::unique_ptr<OpusEncoder, Free> m_encoder;
};

class VoiceDecoder final
{
public:
    VoiceDecoder();
    ~VoiceDecoder();
    VoiceDecoder(const VoiceDecoder&) = delete;
    VoiceDecoder& operator=(const VoiceDecoder&) = delete;

    // False for a packet libopus refuses; `frame` is then concealment.
    bool decode(const QByteArray& packet, AudioFrame& frame);
    // Packet loss concealment: the decoder's best guess at the missing frame.
    void conceal(AudioFrame& frame);
    // Rebuilds the frame before `next` from its in-band FEC data.
    bool recover(const QByteArray& next, AudioFrame& frame);

private:
    struct Free
    {
        void operator()(OpusDecoder* decoder) const;
    };
    std::unique_ptr<OpusDecoder, Free> m_decoder;
};

} // namespace qidong::media
