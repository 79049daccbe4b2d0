#pragma once

#include <QtGlobal>

#include <algorithm>

namespace qidong::hub {

// A rate limit: up to `burst` at once, refilled at `perSecond`. Pure: the
// caller passes the time, so tests need no clock.
class TokenBucket final
{
public:
    TokenBucket(double burst, double perSecond)
        : m_burst(burst)
        , m_perSecond(perSecond)
        , m_tokens(burst)
    {}

    bool take(qint64 nowMs)
    {
        refill(nowMs);
        if (m_tokens < 1.0)
            return false;
        m_tokens -= 1.0;
        return true;
    }

    // How long until the next token.
    qint64 retryAfterMs(qint64 nowMs)
    {
        refill(nowMs);
        return m_tokens >= 1.0 ? 0 : qint64((1.0 - m_tokens) / m_perSecond * 1000.0) + 1;
    }

private:
    void refill(qint64 nowMs)
    {
        if (m_lastMs > 0 && nowMs > m_lastMs)
            m_tokens =
                std::min(m_burst, m_tokens + double(nowMs - m_lastMs) * m_perSecond / 1000.0);
        m_lastMs = std::max(m_lastMs, nowMs);
    }

    double m_burst;
    double m_perSecond;
    double m_tokens;
    qint64 m_lastMs = 0;
};

} // namespace qidong::hub
