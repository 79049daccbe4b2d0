#pragma once

#include <QByteArray>

#include <cstdint>
#include <limits>

struct JitterBuffer_;

namespace qidong::media {

// Adaptive playout buffer for one incoming stream (speexdsp's jitter
// buffer underneath: it tracks the arrival delay distribution and keeps the
// delay that loses no more than a few percent of packets to lateness, so
// it grows with jitter and shrinks, by skipping, when the sender's clock
// runs fast). Call `take` once per 20 ms playout tick.
class JitterBuffer final
{
public:
    enum class Outcome
    {
        Packet,  // play this packet
        Conceal, // a packet is missing: run loss concealment
        Silence, // nothing to play (not started, or the talker stopped)
    };

    struct Stats
    {
        std::uint64_t received = 0;
        std::uint64_t played = 0;
        std::uint64_t concealed = 0;
        std::uint64_t dropped = 0; // too late or duplicate
        std::uint64_t skipped = 0; // played over to catch up with a fast sender
    };

    JitterBuffer();
    ~JitterBuffer();
    JitterBuffer(const JitterBuffer&) = delete;
    JitterBuffer& operator=(const JitterBuffer&) = delete;

    void put(std::uint32_t sequence, std::uint32_t timestamp, const QByteArray& payload);
    Outcome take(QByteArray& payload);
    // Forget everything (a new call leg, or the far end restarted its stream).
    void reset();

    // How far playout runs behind the newest packet received, in ms.
    int delayMs() const;
    Stats stats() const;

private:
    void shedSurplus();

    JitterBuffer_* m_buffer = nullptr;
    std::uint64_t m_skipped = 0;
    int m_surplusTicks = 0;
    int m_leastWaiting = std::numeric_limits<int>::max();
    Stats m_stats;
    bool m_started = false;
    int m_missingRun = 0;
    std::uint32_t m_newestTimestamp = 0;
};

} // namespace qidong::media
