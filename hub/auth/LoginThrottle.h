#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace qidong::hub {

// Slows password guessing. Each username and each peer address has its own
// count of failures, forgotten after a quiet window; past the limit, further attempts are refused
// for a lockout that doubles with every failure while locked (capped). A success clears the
// username's count. Time is passed in, so tests need no clock.
class LoginThrottle final
{
public:
    struct Policy
    {
        int failuresPerUser = 5;
        int failuresPerAddress = 20;
        qint64 windowMs = 15 * 60 * 1000;
        qint64 lockoutMs = 30 * 1000;
        qint64 maxLockoutMs = 15 * 60 * 1000;
    };

    explicit LoginThrottle(Policy policy);
    LoginThrottle();

    // How long the caller must wait, or nullopt when an attempt may proceed.
    std::optional<qint64> retryAfterMs(const QString& username, const QString& address,
                                       qint64 nowMs) const;
    // Counted when the attempt starts, so parallel guesses cannot slip
    // through before the first one fails.
    void recordAttempt(const QString& username, const QString& address, qint64 nowMs);
    void recordSuccess(const QString& username, const QString& address);

private:
    struct Counter
    {
        int failures = 0;
        qint64 lastFailureMs = 0;
        qint64 lockedUntilMs = 0;
    };

    void count(Counter& counter, int limit, qint64 nowMs) const;
    std::optional<qint64> remaining(const QHash<QString, Counter>& counters, const QString& key,
                                    qint64 nowMs) const;
    void prune(qint64 nowMs);

    Policy m_policy;
    QHash<QString, Counter> m_byUser;
    QHash<QString, Counter> m_byAddress;
};

} // namespace qidong::hub
