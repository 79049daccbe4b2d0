#pragma once

#include "AudioFrame.h"

#include <QByteArray>

#include <deque>
#include <memory>

struct SpeexResamplerState_;

namespace qidong::media {

// Between a sound device's own format and qidong's 48 kHz mono 16-bit
// frames: channels are mixed down (or copied up), float or 16-bit samples,
// and the rate resampled with speexdsp when it differs. Most devices open
// at 48 kHz mono directly and this is then a plain copy.
class FormatConverter final
{
public:
    enum class Sample
    {
        Int16,
        Float,
    };
    struct DeviceFormat
    {
        int sampleRate = kSampleRate;
        int channels = 1;
        Sample sample = Sample::Int16;
        int bytesPerFrame() const { return channels * (sample == Sample::Int16 ? 2 : 4); }
        bool isNative() const
        {
            return sampleRate == kSampleRate && channels == 1 && sample == Sample::Int16;
        }
    };

    explicit FormatConverter(DeviceFormat device);
    ~FormatConverter();
    FormatConverter(const FormatConverter&) = delete;
    FormatConverter& operator=(const FormatConverter&) = delete;

    const DeviceFormat& device() const { return m_device; }

    // Captured bytes in; whole 20 ms frames out as they fill.
    void pushCaptured(const QByteArray& bytes);
    bool takeFrame(AudioFrame& frame);
    // Milliseconds of capture waiting to make a whole frame.
    int pendingMs() const;

    // A frame to play, in the device's format.
    QByteArray toDevice(const AudioFrame& frame);

private:
    DeviceFormat m_device;
    SpeexResamplerState_* m_in = nullptr;
    SpeexResamplerState_* m_out = nullptr;
    QByteArray m_partial;               // device bytes short of one sample frame
    std::deque<std::int16_t> m_mono48k; // converted, not yet a whole frame
};

} // namespace qidong::media
