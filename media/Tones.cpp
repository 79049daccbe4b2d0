#include "Tones.h"

#include <cmath>
#include <numbers>

namespace qidong::media {

namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;

} // namespace

ToneGenerator::ToneGenerator(double frequency, double secondFrequency, double amplitude)
    : m_step{kTwoPi * frequency / kSampleRate, kTwoPi * secondFrequency / kSampleRate}
    , m_amplitude(amplitude)
{}

void ToneGenerator::fill(AudioFrame& frame)
{
    fill(std::span<std::int16_t>(frame));
}

void ToneGenerator::fill(std::span<std::int16_t> samples)
{
    const bool dual = m_step[1] > 0.0;
    const double scale = 32767.0 * m_amplitude / (dual ? 2.0 : 1.0);
    for (auto& sample : samples) {
        double value = std::sin(m_phase[0]);
        if (dual)
            value += std::sin(m_phase[1]);
        sample = static_cast<std::int16_t>(std::lround(value * scale));
        for (int i = 0; i < 2; ++i) {
            m_phase[i] += m_step[i];
            if (m_phase[i] >= kTwoPi)
                m_phase[i] -= kTwoPi;
        }
    }
}

DtmfPair dtmfFrequencies(QChar key)
{
    static constexpr double kLow[] = {697, 770, 852, 941};
    static constexpr double kHigh[] = {1209, 1336, 1477, 1633};
    static constexpr char16_t kLayout[4][4] = {
        {u'1', u'2', u'3', u'A'},
        {u'4', u'5', u'6', u'B'},
        {u'7', u'8', u'9', u'C'},
        {u'*', u'0', u'#', u'D'},
    };
    const auto upper = key.toUpper();
    for (int row = 0; row < 4; ++row) {
        for (int column = 0; column < 4; ++column) {
            if (upper == QChar(kLayout[row][column]))
                return {kLow[row], kHigh[column]};
        }
    }
    return {};
}

void HoldMusic::fill(AudioFrame& frame)
{
    // A major pentatonic phrase (Hz); each note 0.5 s with a bell envelope.
    static constexpr double kNotes[] = {523.25, 659.25, 783.99, 880.00, 783.99, 659.25,
                                        587.33, 659.25, 523.25, 587.33, 659.25, 783.99,
                                        659.25, 587.33, 523.25, 392.00};
    constexpr std::uint64_t kNoteSamples = kSampleRate / 2;
    constexpr std::uint64_t kLoop = std::size(kNotes) * kNoteSamples;
    for (auto& sample : frame) {
        const auto position = m_sample % kLoop;
        const auto note = kNotes[position / kNoteSamples];
        const double t = static_cast<double>(position % kNoteSamples) / kSampleRate;
        const double envelope = std::exp(-4.0 * t) * std::min(1.0, t * 200.0);
        const double value =
            std::sin(kTwoPi * note * t) * 0.7 + std::sin(kTwoPi * note * 2 * t) * 0.2;
        sample = static_cast<std::int16_t>(std::lround(value * envelope * 0.2 * 32767.0));
        ++m_sample;
    }
}

double tonePower(Samples samples, double frequency)
{
    if (samples.empty())
        return 0.0;
    const double coefficient = 2.0 * std::cos(kTwoPi * frequency / kSampleRate);
    double previous = 0.0;
    double beforePrevious = 0.0;
    for (const auto sample : samples) {
        const double current = sample / 32768.0 + coefficient * previous - beforePrevious;
        beforePrevious = previous;
        previous = current;
    }
    const double power = previous * previous + beforePrevious * beforePrevious -
                         coefficient * previous * beforePrevious;
    // A full-scale sine of N samples gives (N/2)^2.
    const double n = static_cast<double>(samples.size());
    return power / (n * n / 4.0);
}

} // namespace qidong::media
