#include "Migrations.h"

namespace qidong::hub {

const QList<Migration>& schemaMigrations()
{
    static const QList<Migration> migrations = {
        {1,
         {
             QStringLiteral("CREATE TABLE teams ("
                            " id TEXT PRIMARY KEY,"
                            " name_zh TEXT NOT NULL,"
                            " name_en TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE accounts ("
                            " id TEXT PRIMARY KEY,"
                            " username TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                            " display_name TEXT NOT NULL,"
                            " role TEXT NOT NULL CHECK (role IN ('agent','supervisor','admin')),"
                            " team_id TEXT REFERENCES teams(id),"
                            " skills TEXT NOT NULL DEFAULT '[]',"
                            " languages TEXT NOT NULL DEFAULT '[]',"
                            " password_hash TEXT NOT NULL,"
                            " created_at INTEGER NOT NULL)"),
             QStringLiteral(
                 "CREATE TABLE agent_states ("
                 " account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,"
                 " presence TEXT NOT NULL,"
                 " reason TEXT NOT NULL DEFAULT '',"
                 " since INTEGER NOT NULL,"
                 " next_presence TEXT,"
                 " next_reason TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE TABLE queues ("
                            " id TEXT PRIMARY KEY,"
                            " name_zh TEXT NOT NULL,"
                            " name_en TEXT NOT NULL,"
                            " channel TEXT NOT NULL,"
                            " language TEXT NOT NULL,"
                            " required_skills TEXT NOT NULL DEFAULT '[]',"
                            " priority INTEGER NOT NULL DEFAULT 0,"
                            " sla_seconds INTEGER NOT NULL,"
                            " sla_target_percent INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE reason_codes ("
                            " code TEXT NOT NULL,"
                            " kind TEXT NOT NULL CHECK (kind IN ('notReady','wrapUp')),"
                            " label_zh TEXT NOT NULL,"
                            " label_en TEXT NOT NULL,"
                            " sort INTEGER NOT NULL DEFAULT 0,"
                            " PRIMARY KEY (kind, code))"),
             QStringLiteral("CREATE TABLE sessions ("
                            " id TEXT PRIMARY KEY,"
                            " account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                            " token_hash BLOB NOT NULL UNIQUE,"
                            " refresh_family TEXT NOT NULL,"
                            " created_at INTEGER NOT NULL,"
                            " expires_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE refresh_tokens ("
                            " token_hash BLOB PRIMARY KEY,"
                            " account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                            " family TEXT NOT NULL,"
                            " used INTEGER NOT NULL DEFAULT 0,"
                            " expires_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX refresh_tokens_family ON refresh_tokens(family)"),
             QStringLiteral("CREATE TABLE audit_log ("
                            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " ts INTEGER NOT NULL,"
                            " actor TEXT NOT NULL,"
                            " action TEXT NOT NULL,"
                            " subject TEXT NOT NULL DEFAULT '',"
                            " detail TEXT NOT NULL DEFAULT '{}')"),
         }},
        {2,
         {
             QStringLiteral("CREATE TABLE interactions ("
                            " id TEXT PRIMARY KEY,"
                            " channel TEXT NOT NULL,"
                            " queue_id TEXT NOT NULL REFERENCES queues(id),"
                            " customer TEXT NOT NULL,"
                            " state TEXT NOT NULL,"
                            " priority INTEGER NOT NULL,"
                            " created_at INTEGER NOT NULL,"
                            " sla_deadline INTEGER NOT NULL,"
                            " agent_id TEXT REFERENCES accounts(id),"
                            " wrap_up_code TEXT NOT NULL DEFAULT '',"
                            " updated_at INTEGER NOT NULL)"),
             QStringLiteral(
                 "CREATE INDEX interactions_open ON interactions(state) WHERE state <> 'ended'"),
             // RONA needs a reason to put an agent who let an offer ring out.
             QStringLiteral(
                 "INSERT OR IGNORE INTO reason_codes(code, kind, label_zh, label_en, sort)"
                 " SELECT 'missed', 'notReady', '未接（超时）', 'Missed offer', 99"
                 " WHERE EXISTS (SELECT 1 FROM reason_codes)"),
         }},
        {3,
         {
             QStringLiteral(
                 "ALTER TABLE queues ADD COLUMN acw_seconds INTEGER NOT NULL DEFAULT 30"),
             QStringLiteral("ALTER TABLE agent_states ADD COLUMN until INTEGER NOT NULL DEFAULT 0"),
         }},
    };
    return migrations;
}

} // namespace qidong::hub
