#pragma once

#include "AudioFrame.h"

#include <memory>

namespace webrtc {
class AudioProcessing;
}
struct SpeexResamplerState_;

namespace qidong::media {

// The microphone's clean-up before encoding: echo cancellation (the far
// end's voice coming back from the speakers), noise suppression and
// automatic gain, by webrtc-audio-processing, on 16 kHz speech. Each can be switched off in
// the settings; with all off, frames pass untouched.
class VoiceProcessor final
{
public:
    struct Settings
    {
        bool echoCancellation = true;
        bool noiseSuppression = true;
        bool gainControl = true;
        friend bool operator==(const Settings&, const Settings&) = default;
    };

    VoiceProcessor();
    ~VoiceProcessor();
    VoiceProcessor(const VoiceProcessor&) = delete;
    VoiceProcessor& operator=(const VoiceProcessor&) = delete;

    void configure(const Settings& settings);
    const Settings& settings() const { return m_settings; }
    bool isActive() const;

    // Each frame about to be played (the echo's source), once per 20 ms.
    void played(const AudioFrame& frame);
    // Each captured frame, in place. `delayMs`: how long ago the echo in it
    // was handed to the speaker (output plus input buffering).
    void captured(AudioFrame& frame, int delayMs);

private:
    struct FreeResampler
    {
        void operator()(SpeexResamplerState_* resampler) const;
    };
    using Resampler = std::unique_ptr<SpeexResamplerState_, FreeResampler>;

    std::unique_ptr<webrtc::AudioProcessing> m_apm;
    // The processing runs on wideband (16 kHz) speech, as G.722 "HD voice":
    // at 48 kHz the library splits every block into three bands and works
    // on each, a third of the desktop's audio CPU (bench_voice: 3.5 % of a
    // core with it, 3.0–3.2 % without). The agent's voice is band-limited
    // to 8 kHz when processing is on; off, it passes at full band.
    Resampler m_reverseDown;
    Resampler m_captureDown;
    Resampler m_captureUp;
    Settings m_settings;
};

} // namespace qidong::media
