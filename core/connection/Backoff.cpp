#include "Backoff.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace qidong::core {

Backoff::Backoff(Policy policy, std::function<double()> random)
    : m_policy(policy)
    , m_random(random ? std::move(random) : std::function<double()>([] {
        return QRandomGenerator::global()->generateDouble();
    }))
{}

std::chrono::milliseconds Backoff::delayFor(int attempt) const
{
    const int exponent = std::clamp(attempt - 1, 0, 30);
    const double base =
        std::min(static_cast<double>(m_policy.initial.count()) * std::pow(2.0, exponent),
                 static_cast<double>(m_policy.cap.count()));
    const double jitter = std::clamp(m_policy.jitter, 0.0, 1.0);
    const double factor = 1.0 - jitter + 2.0 * jitter * m_random();
    const double delay = std::min(base * factor, static_cast<double>(m_policy.cap.count()));
    return std::chrono::milliseconds(static_cast<qint64>(std::max(delay, 0.0)));
}

} // namespace qidong::core
