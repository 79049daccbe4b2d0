#pragma once

#include "AudioFrame.h"

#include <memory>

namespace webrtc {
class AudioProcessing;
}

namespace qidong::media {

// The microphone's clean-up before encoding: echo cancellation (the far
// end's voice coming back from the speakers), noise suppression and
// automatic gain, by webrtc-audio-processing. Each can be switched off in
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
    std::unique_ptr<webrtc::AudioProcessing> m_apm;
    Settings m_settings;
};

} // namespace qidong::media
