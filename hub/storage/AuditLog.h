#pragma once

#include "protocol/Result.h"

#include <QJsonObject>

namespace qidong::hub {

class Database;

// The audit log: who did what to whom, and why (reveals, merges, a team
// lead's actions on agents, sign-in refusals). Written before the action is
// answered. Append-only and hash-chained: each entry stores the BLAKE2b
// hash of the entry before it and its own hash over that and its fields, so
// a changed, removed or reordered entry breaks the chain from there on
// (verify(); `qidong-hub --verify-audit`). SQLite triggers refuse UPDATE and
// DELETE; the chain catches someone who edits the file around them.
class AuditLog final
{
    Q_DISABLE_COPY_MOVE(AuditLog)

public:
    explicit AuditLog(Database& database);

    protocol::Result<bool> write(const QString& actor, const QString& action,
                                 const QString& subject, const QJsonObject& detail = {});

    // Chains entries written before the log was (schema 9), once, in order.
    // The number sealed.
    protocol::Result<int> sealUnchained();

    struct Verification
    {
        qint64 entries = 0;
        qint64 firstBrokenId = 0; // 0: the chain holds
        QString problem;
    };
    protocol::Result<Verification> verify() const;

private:
    QByteArray lastHash() const;

    Database& m_database;
};

} // namespace qidong::hub
