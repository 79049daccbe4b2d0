#include "VoiceProcessor.h"

#include <speex/speex_resampler.h>
#include <webrtc/modules/audio_processing/include/audio_processing.h>
#include <webrtc/modules/interface/module_common_types.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace qidong::media {

namespace {

constexpr int kProcessingRate = 16000;
constexpr int kProcessingSamples = kProcessingRate * kFrameMs / 1000; // 320
// The processing library works in 10 ms blocks.
constexpr int kBlockSamples = kProcessingRate / 100;
// speexdsp's VoIP quality, as FormatConverter.
constexpr int kResamplerQuality = 5;

using Wideband = std::array<std::int16_t, kProcessingSamples>;

void toBlock(webrtc::AudioFrame& block, const std::int16_t* samples)
{
    block.UpdateFrame(0, 0, samples, kBlockSamples, kProcessingRate,
                      webrtc::AudioFrame::kNormalSpeech, webrtc::AudioFrame::kVadUnknown, 1);
}

SpeexResamplerState_* makeResampler(int from, int to)
{
    int error = 0;
    return speex_resampler_init(1, spx_uint32_t(from), spx_uint32_t(to), kResamplerQuality, &error);
}

// Whole frames in, whole frames out: 960 ↔ 320 samples (the resampler
// keeps its filter state between calls, so the edges join).
void resample(SpeexResamplerState_* resampler, const std::int16_t* in, spx_uint32_t inCount,
              std::int16_t* out, spx_uint32_t outCount)
{
    spx_uint32_t consumed = inCount;
    spx_uint32_t produced = outCount;
    speex_resampler_process_int(resampler, 0, in, &consumed, out, &produced);
    std::fill(out + produced, out + outCount, std::int16_t(0));
}

} // namespace

void VoiceProcessor::FreeResampler::operator()(SpeexResamplerState_* resampler) const
{
    speex_resampler_destroy(resampler);
}

VoiceProcessor::VoiceProcessor()
    : m_reverseDown(makeResampler(kSampleRate, kProcessingRate))
    , m_captureDown(makeResampler(kSampleRate, kProcessingRate))
    , m_captureUp(makeResampler(kProcessingRate, kSampleRate))
{
    // The resamplers' filter delay counts as latency from the first frame.
    speex_resampler_skip_zeros(m_reverseDown.get());
    speex_resampler_skip_zeros(m_captureDown.get());
    speex_resampler_skip_zeros(m_captureUp.get());
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
    Wideband wide{};
    resample(m_reverseDown.get(), frame.data(), kFrameSamples, wide.data(), kProcessingSamples);
    webrtc::AudioFrame block;
    for (int offset = 0; offset < kProcessingSamples; offset += kBlockSamples) {
        toBlock(block, wide.data() + offset);
        m_apm->ProcessReverseStream(&block);
    }
}

void VoiceProcessor::captured(AudioFrame& frame, int delayMs)
{
    if (!isActive())
        return;
    Wideband wide{};
    resample(m_captureDown.get(), frame.data(), kFrameSamples, wide.data(), kProcessingSamples);
    webrtc::AudioFrame block;
    for (int offset = 0; offset < kProcessingSamples; offset += kBlockSamples) {
        toBlock(block, wide.data() + offset);
        m_apm->set_stream_delay_ms(std::clamp(delayMs, 0, 500));
        if (m_apm->ProcessStream(&block) == webrtc::AudioProcessing::kNoError)
            std::memcpy(wide.data() + offset, block.data_, kBlockSamples * sizeof(std::int16_t));
    }
    resample(m_captureUp.get(), wide.data(), kProcessingSamples, frame.data(), kFrameSamples);
}

} // namespace qidong::media
