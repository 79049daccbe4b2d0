#pragma once

#include "protocol/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace qidong::hub {

class Database;

struct SessionRecord final
{
    QString id;
    QString agentId;
    QByteArray tokenHash;
    QString refreshFamily;
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
};

enum class RefreshOutcome
{
    Valid,   // unused and unexpired: it has now been marked used
    Unknown, // never issued, or expired
    Reused,  // already used once: a copy is in someone else's hands
};

struct RefreshCheck final
{
    RefreshOutcome outcome = RefreshOutcome::Unknown;
    QString agentId;
    QString family;
};

// Sessions and refresh tokens. Only hashes of tokens are stored.
class SessionStore final
{
    Q_DISABLE_COPY_MOVE(SessionStore)

public:
    explicit SessionStore(Database& database);

    protocol::Result<bool> insertSession(const SessionRecord& record);
    std::optional<SessionRecord> findSession(const QByteArray& tokenHash, qint64 nowMs) const;
    protocol::Result<bool> deleteSession(const QString& sessionId);
    QList<SessionRecord> sessionsOf(const QString& agentId) const;

    protocol::Result<bool> insertRefreshToken(const QByteArray& tokenHash, const QString& agentId,
                                              const QString& family, qint64 expiresAtMs);
    // Looks up a refresh token and marks it used, in one transaction.
    RefreshCheck consumeRefreshToken(const QByteArray& tokenHash, qint64 nowMs);
    protocol::Result<bool> revokeFamily(const QString& family);

private:
    Database& m_database;
};

} // namespace qidong::hub
