#include "VoiceCodec.h"

#include <opus.h>

namespace qidong::media {

namespace {

constexpr int kMaxPacket = 1275; // the largest Opus frame (RFC 6716 §3.4)

} // namespace

void VoiceEncoder::Free::operator()(OpusEncoder* encoder) const
{
    opus_encoder_destroy(encoder);
}

VoiceEncoder::VoiceEncoder()
    : VoiceEncoder(Settings{})
{}

VoiceEncoder::VoiceEncoder(Settings settings)
{
    int error = OPUS_OK;
    m_encoder.reset(opus_encoder_create(kSampleRate, 1, OPUS_APPLICATION_VOIP, &error));
    if (error != OPUS_OK || !m_encoder) {
        m_encoder.reset();
        return;
    }
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_BITRATE(settings.bitrate));
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_COMPLEXITY(settings.complexity));
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_INBAND_FEC(1));
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_PACKET_LOSS_PERC(settings.expectedLossPercent));
    opus_encoder_ctl(m_encoder.get(), OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
}

VoiceEncoder::~VoiceEncoder() = default;

QByteArray VoiceEncoder::encode(const AudioFrame& frame)
{
    if (!m_encoder)
        return {};
    QByteArray packet(kMaxPacket, Qt::Uninitialized);
    const auto bytes = opus_encode(m_encoder.get(), frame.data(), kFrameSamples,
                                   reinterpret_cast<unsigned char*>(packet.data()), kMaxPacket);
    if (bytes <= 0)
        return {};
    packet.truncate(bytes);
    return packet;
}

void VoiceDecoder::Free::operator()(OpusDecoder* decoder) const
{
    opus_decoder_destroy(decoder);
}

VoiceDecoder::VoiceDecoder()
{
    int error = OPUS_OK;
    m_decoder.reset(opus_decoder_create(kSampleRate, 1, &error));
    if (error != OPUS_OK)
        m_decoder.reset();
}

VoiceDecoder::~VoiceDecoder() = default;

bool VoiceDecoder::decode(const QByteArray& packet, AudioFrame& frame)
{
    const auto samples =
        m_decoder
            ? opus_decode(m_decoder.get(),
                          reinterpret_cast<const unsigned char*>(packet.constData()),
                          static_cast<opus_int32>(packet.size()), frame.data(), kFrameSamples, 0)
            : OPUS_INVALID_STATE;
    if (samples == kFrameSamples)
        return true;
    conceal(frame);
    return false;
}

void VoiceDecoder::conceal(AudioFrame& frame)
{
    if (!m_decoder ||
        opus_decode(m_decoder.get(), nullptr, 0, frame.data(), kFrameSamples, 0) != kFrameSamples)
        frame.fill(0);
}

bool VoiceDecoder::recover(const QByteArray& next, AudioFrame& frame)
{
    if (m_decoder &&
        opus_decode(m_decoder.get(), reinterpret_cast<const unsigned char*>(next.constData()),
                    static_cast<opus_int32>(next.size()), frame.data(), kFrameSamples,
                    1) == kFrameSamples)
        return true;
    conceal(frame);
    return false;
}

} // namespace qidong::media
