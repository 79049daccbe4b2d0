#pragma once

#include "AudioFrame.h"

#include <QChar>

namespace qidong::media {

// A continuous sine (or the sum of two, for DTMF and ringback) written frame
// by frame with no phase jump between frames.
class ToneGenerator final
{
public:
    explicit ToneGenerator(double frequency, double secondFrequency = 0.0, double amplitude = 0.25);

    void fill(AudioFrame& frame);
    void fill(std::span<std::int16_t> samples);

private:
    double m_step[2];
    double m_phase[2] = {0.0, 0.0};
    double m_amplitude;
};

// The keypad's two frequencies (ITU-T Q.23); {0, 0} for other keys.
struct DtmfPair
{
    double low = 0;
    double high = 0;
};
DtmfPair dtmfFrequencies(QChar key);

// Music on hold, made here so it is license-clean: a slow arpeggio of soft
// bell-like notes over a pentatonic scale, looping every 8 s.
class HoldMusic final
{
public:
    void fill(AudioFrame& frame);

private:
    std::uint64_t m_sample = 0;
};

// The relative power of one frequency in a block (Goertzel): near 1 for a
// pure full-scale tone at that frequency, near 0 when it is absent. Tests
// and the DTMF detector use it.
double tonePower(Samples samples, double frequency);

} // namespace qidong::media
