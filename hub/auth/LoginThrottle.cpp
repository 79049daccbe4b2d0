#include "LoginThrottle.h"

#include <algorithm>

namespace qidong::hub {

namespace {

QString userKey(const QString& username)
{
    return username.toCaseFolded();
}

} // namespace

LoginThrottle::LoginThrottle(Policy policy)
    : m_policy(policy)
{}

LoginThrottle::LoginThrottle()
    : LoginThrottle(Policy{})
{}

std::optional<qint64> LoginThrottle::remaining(const QHash<QString, Counter>& counters,
                                               const QString& key, qint64 nowMs) const
{
    const auto it = counters.constFind(key);
    if (it == counters.cend() || it->lockedUntilMs <= nowMs)
        return std::nullopt;
    return it->lockedUntilMs - nowMs;
}

std::optional<qint64> LoginThrottle::retryAfterMs(const QString& username, const QString& address,
                                                  qint64 nowMs) const
{
    const std::optional<qint64> user = remaining(m_byUser, userKey(username), nowMs);
    const std::optional<qint64> peer = remaining(m_byAddress, address, nowMs);
    if (user && peer)
        return std::max(*user, *peer);
    return user ? user : peer;
}

void LoginThrottle::count(Counter& counter, int limit, qint64 nowMs) const
{
    // The window runs from the last failure: guessing again right as a
    // lockout ends keeps doubling it instead of starting afresh.
    if (nowMs - counter.lastFailureMs > m_policy.windowMs && counter.lockedUntilMs <= nowMs)
        counter.failures = 0;
    counter.lastFailureMs = nowMs;
    ++counter.failures;
    if (counter.failures < limit)
        return;
    // The limit-th failure locks for lockoutMs; each one after doubles it.
    const int beyond = std::min(counter.failures - limit, 20);
    const qint64 lockout = std::min(m_policy.lockoutMs << beyond, m_policy.maxLockoutMs);
    counter.lockedUntilMs = nowMs + lockout;
}

void LoginThrottle::recordAttempt(const QString& username, const QString& address, qint64 nowMs)
{
    prune(nowMs);
    count(m_byUser[userKey(username)], m_policy.failuresPerUser, nowMs);
    count(m_byAddress[address], m_policy.failuresPerAddress, nowMs);
}

void LoginThrottle::recordSuccess(const QString& username, const QString& address)
{
    m_byUser.remove(userKey(username));
    auto it = m_byAddress.find(address);
    if (it != m_byAddress.end() && it->failures > 0 && it->lockedUntilMs == 0)
        --it->failures; // the successful attempt itself was counted
}

void LoginThrottle::prune(qint64 nowMs)
{
    // Bounded memory under a spray of usernames: forget counters that are
    // neither locked nor inside their window.
    const auto stale = [&](const Counter& counter) {
        return counter.lockedUntilMs <= nowMs && nowMs - counter.lastFailureMs > m_policy.windowMs;
    };
    if (m_byUser.size() > 10000)
        m_byUser.removeIf([&](const auto& it) { return stale(it.value()); });
    if (m_byAddress.size() > 10000)
        m_byAddress.removeIf([&](const auto& it) { return stale(it.value()); });
}

} // namespace qidong::hub
