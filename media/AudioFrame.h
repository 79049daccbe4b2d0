#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace qidong::media {

// Every stream inside qidong is mono 16-bit PCM at 48 kHz in 20 ms frames:
// Opus's native rate, what Qt Multimedia and browsers open without
// resampling on common hardware, and one frame per media packet.
inline constexpr int kSampleRate = 48000;
inline constexpr int kFrameMs = 20;
inline constexpr int kFrameSamples = kSampleRate * kFrameMs / 1000; // 960

using AudioFrame = std::array<std::int16_t, kFrameSamples>;
using Samples = std::span<const std::int16_t>;

// Peak level of a frame in dBFS (-96 for digital silence).
double peakDbfs(Samples samples);
// Root-mean-square level in dBFS.
double rmsDbfs(Samples samples);
// Adds `from` into a 32-bit accumulator; `saturate` writes it back clipped.
void accumulate(std::span<std::int32_t> sum, Samples from);
void saturate(std::span<const std::int32_t> sum, std::span<std::int16_t> to);

} // namespace qidong::media
