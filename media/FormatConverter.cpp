#include "FormatConverter.h"

#include <speex/speex_resampler.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace qidong::media {

namespace {

// Quality 5 of 10: speexdsp's VoIP setting, a fraction of a percent of a core.
constexpr int kQuality = 5;

std::int16_t clip(double value)
{
    return static_cast<std::int16_t>(std::clamp(std::lround(value), -32768L, 32767L));
}

} // namespace

FormatConverter::FormatConverter(DeviceFormat device)
    : m_device(device)
{
    m_device.channels = std::max(1, m_device.channels);
    if (m_device.sampleRate != kSampleRate && m_device.sampleRate > 0) {
        int error = 0;
        m_in = speex_resampler_init(1, spx_uint32_t(m_device.sampleRate), kSampleRate, kQuality,
                                    &error);
        m_out = speex_resampler_init(1, kSampleRate, spx_uint32_t(m_device.sampleRate), kQuality,
                                     &error);
    }
}

FormatConverter::~FormatConverter()
{
    if (m_in)
        speex_resampler_destroy(m_in);
    if (m_out)
        speex_resampler_destroy(m_out);
}

void FormatConverter::pushCaptured(const QByteArray& bytes)
{
    m_partial.append(bytes);
    const int frameBytes = m_device.bytesPerFrame();
    const qsizetype frames = m_partial.size() / frameBytes;
    if (frames == 0)
        return;
    std::vector<std::int16_t> mono(std::size_t(frames), 0);
    const char* data = m_partial.constData();
    for (qsizetype i = 0; i < frames; ++i) {
        double sum = 0;
        for (int c = 0; c < m_device.channels; ++c) {
            if (m_device.sample == Sample::Int16) {
                std::int16_t value;
                std::memcpy(&value, data + i * frameBytes + c * 2, 2);
                sum += value;
            } else {
                float value;
                std::memcpy(&value, data + i * frameBytes + c * 4, 4);
                sum += double(value) * 32767.0;
            }
        }
        mono[std::size_t(i)] = clip(sum / m_device.channels);
    }
    m_partial.remove(0, frames * frameBytes);
    if (!m_in) {
        m_mono48k.insert(m_mono48k.end(), mono.begin(), mono.end());
        return;
    }
    std::vector<std::int16_t> resampled(
        mono.size() * kSampleRate / std::size_t(m_device.sampleRate) + 64);
    spx_uint32_t inLength = spx_uint32_t(mono.size());
    spx_uint32_t outLength = spx_uint32_t(resampled.size());
    speex_resampler_process_int(m_in, 0, mono.data(), &inLength, resampled.data(), &outLength);
    m_mono48k.insert(m_mono48k.end(), resampled.begin(), resampled.begin() + outLength);
}

bool FormatConverter::takeFrame(AudioFrame& frame)
{
    if (m_mono48k.size() < std::size_t(kFrameSamples))
        return false;
    std::copy_n(m_mono48k.begin(), kFrameSamples, frame.begin());
    m_mono48k.erase(m_mono48k.begin(), m_mono48k.begin() + kFrameSamples);
    return true;
}

int FormatConverter::pendingMs() const
{
    return int(m_mono48k.size() * 1000 / kSampleRate);
}

QByteArray FormatConverter::toDevice(const AudioFrame& frame)
{
    if (m_device.isNative())
        return QByteArray(reinterpret_cast<const char*>(frame.data()),
                          qsizetype(sizeof(std::int16_t) * frame.size()));
    std::vector<std::int16_t> mono(frame.begin(), frame.end());
    if (m_out) {
        std::vector<std::int16_t> resampled(
            frame.size() * std::size_t(m_device.sampleRate) / kSampleRate + 64);
        spx_uint32_t inLength = spx_uint32_t(frame.size());
        spx_uint32_t outLength = spx_uint32_t(resampled.size());
        speex_resampler_process_int(m_out, 0, frame.data(), &inLength, resampled.data(),
                                    &outLength);
        resampled.resize(outLength);
        mono = std::move(resampled);
    }
    QByteArray bytes;
    bytes.resize(qsizetype(mono.size()) * m_device.bytesPerFrame());
    char* out = bytes.data();
    for (const std::int16_t value : mono) {
        for (int c = 0; c < m_device.channels; ++c) {
            if (m_device.sample == Sample::Int16) {
                std::memcpy(out, &value, 2);
                out += 2;
            } else {
                const float sample = float(value) / 32768.0f;
                std::memcpy(out, &sample, 4);
                out += 4;
            }
        }
    }
    return bytes;
}

} // namespace qidong::media
