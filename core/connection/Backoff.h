#pragma once

#include <chrono>
#include <functional>

namespace qidong::core {

// Capped exponential backoff with jitter: attempt 1 waits about `initial`,
// each later attempt twice as long, never more than `cap`; every delay is
// spread by ±jitter so a floor of desktops does not reconnect in lockstep
// after a hub restart.
class Backoff final
{
public:
    struct Policy
    {
        std::chrono::milliseconds initial{500};
        std::chrono::milliseconds cap{30000};
        double jitter = 0.3; // 0 .. 1
    };

    // `random` returns a value in [0, 1); tests pass a fixed one.
    explicit Backoff(Policy policy, std::function<double()> random = {});

    std::chrono::milliseconds delayFor(int attempt) const;

private:
    Policy m_policy;
    std::function<double()> m_random;
};

} // namespace qidong::core
