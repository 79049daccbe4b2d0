#pragma once

#include "protocol/Result.h"

#include <QJsonObject>

namespace qidong::hub {

class Database;

// The audit log: who did what to whom, and why (reveals, merges, a team
// lead's actions on agents). Written before the action is answered.
class AuditLog final
{
    Q_DISABLE_COPY_MOVE(AuditLog)

public:
    explicit AuditLog(Database& database);

    protocol::Result<bool> write(const QString& actor, const QString& action,
                                 const QString& subject, const QJsonObject& detail = {});

private:
    Database& m_database;
};

} // namespace qidong::hub
