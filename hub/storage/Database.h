#pragma once

#include "protocol/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace qidong::hub {

// Qt binds a null QString as SQL NULL; NOT NULL text columns want ''.
inline QString orEmpty(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// The hub's SQLite file: WAL journal, foreign keys, full sync, and schema
// migrations recorded in a version table. Used from the hub's main thread only.
class Database final
{
    Q_DISABLE_COPY_MOVE(Database)

public:
    static protocol::Result<std::unique_ptr<Database>> open(const QString& path);
    ~Database();

    QSqlDatabase& connection() { return m_db; }
    int schemaVersion() const;
    QString path() const { return m_path; }
    // PRAGMA integrity_check == "ok".
    bool checkIntegrity();

private:
    Database(QSqlDatabase db, QString path, QString connectionName);
    protocol::Result<bool> migrate();

    QSqlDatabase m_db;
    QString m_path;
    QString m_connectionName;
};

} // namespace qidong::hub
