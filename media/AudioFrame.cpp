#include "AudioFrame.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace qidong::media {

namespace {

constexpr double kFloorDb = -96.0;

double toDbfs(double linear)
{
    return linear <= 0.0 ? kFloorDb : std::max(kFloorDb, 20.0 * std::log10(linear / 32768.0));
}

} // namespace

double peakDbfs(Samples samples)
{
    int peak = 0;
    for (const auto sample : samples)
        peak = std::max(peak, std::abs(static_cast<int>(sample)));
    return toDbfs(peak);
}

double rmsDbfs(Samples samples)
{
    if (samples.empty())
        return kFloorDb;
    double energy = 0;
    for (const auto sample : samples)
        energy += static_cast<double>(sample) * sample;
    return toDbfs(std::sqrt(energy / static_cast<double>(samples.size())));
}

void accumulate(std::span<std::int32_t> sum, Samples from)
{
    const auto n = std::min(sum.size(), from.size());
    for (std::size_t i = 0; i < n; ++i)
        sum[i] += from[i];
}

void saturate(std::span<const std::int32_t> sum, std::span<std::int16_t> to)
{
    const auto n = std::min(sum.size(), to.size());
    for (std::size_t i = 0; i < n; ++i)
        to[i] = static_cast<std::int16_t>(std::clamp(sum[i], -32768, 32767));
}

} // namespace qidong::media
