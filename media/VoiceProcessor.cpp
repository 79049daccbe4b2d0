#include "VoiceProcessor.h"

#include <webrtc/modules/audio_processing/include/audio_processing.h>
#include <webrtc/modules/interface/module_common_types.h>

#include <algorithm>
#include <cstring>

namespace qidong::media {

namespace {

// The processing library works in 10 ms blocks.
constexpr int kBlockSamples = kSampleRate / 100;

void toBlock(webrtc::AudioFrame& block, const std::int16_t* samples)
{
    block.UpdateFrame(0, 0, samples, kBlockSamples, kSampleRate, webrtc::AudioFrame::kNormalSpeech,
                      webrtc::AudioFrame::kVadUnknown, 1);
}

} // namespace

VoiceProcessor::VoiceProcessor()
{
    webrtc::Config config;
    // The desktop cannot know its true output-to-input delay; let the
    // canceller find it, and give it the longer filter for laptop speakers.
    config.Set<webrtc::DelayAgnostic>(new webrtc::DelayAgnostic(true));
    config.Set<webrtc::ExtendedFilter>(new webrtc::ExtendedFilter(true));
    // The "experimental" AGC (on by default) steers an analog microphone
    // gain we never hand it, yet runs a pitch-based voice detector on every
    // block: a third of the processing's cost (perf). The digital AGC below
    // does the levelling.
    config.Set<webrtc::ExperimentalAgc>(new webrtc::ExperimentalAgc(false));
    m_apm.reset(webrtc::AudioProcessing::Create(config));
    m_apm->high_pass_filter()->Enable(true);
    m_apm->echo_cancellation()->set_suppression_level(webrtc::EchoCancellation::kHighSuppression);
    m_apm->noise_suppression()->set_level(webrtc::NoiseSuppression::kHigh);
    m_apm->gain_control()->set_mode(webrtc::GainControl::kAdaptiveDigital);
    m_apm->gain_control()->set_target_level_dbfs(6);
    m_apm->gain_control()->set_compression_gain_db(9);
    m_apm->gain_control()->enable_limiter(true);
    configure(m_settings);
}

VoiceProcessor::~VoiceProcessor() = default;

void VoiceProcessor::configure(const Settings& settings)
{
    m_settings = settings;
    m_apm->echo_cancellation()->Enable(settings.echoCancellation);
    m_apm->noise_suppression()->Enable(settings.noiseSuppression);
    m_apm->gain_control()->Enable(settings.gainControl);
}

bool VoiceProcessor::isActive() const
{
    return m_settings.echoCancellation || m_settings.noiseSuppression || m_settings.gainControl;
}

void VoiceProcessor::played(const AudioFrame& frame)
{
    if (!m_settings.echoCancellation)
        return;
    webrtc::AudioFrame block;
    for (int offset = 0; offset < kFrameSamples; offset += kBlockSamples) {
        toBlock(block, frame.data() + offset);
        m_apm->ProcessReverseStream(&block);
    }
}

void VoiceProcessor::captured(AudioFrame& frame, int delayMs)
{
    if (!isActive())
        return;
    webrtc::AudioFrame block;
    for (int offset = 0; offset < kFrameSamples; offset += kBlockSamples) {
        toBlock(block, frame.data() + offset);
        m_apm->set_stream_delay_ms(std::clamp(delayMs, 0, 500));
        if (m_apm->ProcessStream(&block) == webrtc::AudioProcessing::kNoError)
            std::memcpy(frame.data() + offset, block.data_, kBlockSamples * sizeof(std::int16_t));
    }
}

} // namespace qidong::media
