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
        {4,
         {
             // Routing: per-channel capacity, wrap-up modes, overflow.
             QStringLiteral("ALTER TABLE accounts ADD COLUMN capacity TEXT NOT NULL DEFAULT '{}'"),
             QStringLiteral(
                 "ALTER TABLE queues ADD COLUMN acw_mode TEXT NOT NULL DEFAULT 'mandatory'"),
             QStringLiteral(
                 "ALTER TABLE queues ADD COLUMN default_wrap_up TEXT NOT NULL DEFAULT ''"),
             QStringLiteral(
                 "ALTER TABLE queues ADD COLUMN overflow_queue TEXT NOT NULL DEFAULT ''"),
             QStringLiteral(
                 "ALTER TABLE queues ADD COLUMN overflow_after INTEGER NOT NULL DEFAULT 0"),
             // Interactions: what chat and social need, and the wrap-up record.
             QStringLiteral(
                 "ALTER TABLE interactions ADD COLUMN language TEXT NOT NULL DEFAULT ''"),
             QStringLiteral(
                 "ALTER TABLE interactions ADD COLUMN visibility TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE interactions ADD COLUMN note TEXT NOT NULL DEFAULT ''"),
             QStringLiteral(
                 "ALTER TABLE interactions ADD COLUMN wrap_up TEXT NOT NULL DEFAULT '{}'"),
             QStringLiteral(
                 "ALTER TABLE interactions ADD COLUMN ended_at INTEGER NOT NULL DEFAULT 0"),
             // A thread on an outside channel (Weibo, WeChat, SMS, email).
             QStringLiteral(
                 "ALTER TABLE interactions ADD COLUMN thread_key TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("CREATE INDEX interactions_thread ON interactions(thread_key)"
                            " WHERE thread_key <> ''"),
             QStringLiteral("CREATE TABLE chat_messages ("
                            " interaction_id TEXT NOT NULL REFERENCES interactions(id),"
                            " seq INTEGER NOT NULL,"
                            " sender TEXT NOT NULL,"
                            " sender_name TEXT NOT NULL,"
                            " client_msg_id TEXT NOT NULL,"
                            " body TEXT NOT NULL,"
                            " attachment TEXT NOT NULL DEFAULT '',"
                            " sent_at INTEGER NOT NULL,"
                            " PRIMARY KEY (interaction_id, seq))"),
             // Exactly once: a sender's retry of the same message finds the first.
             QStringLiteral(
                 "CREATE UNIQUE INDEX chat_messages_client ON chat_messages(interaction_id,"
                 " sender, client_msg_id) WHERE client_msg_id <> ''"),
             QStringLiteral("CREATE TABLE chat_attachments ("
                            " id TEXT PRIMARY KEY,"
                            " interaction_id TEXT NOT NULL REFERENCES interactions(id),"
                            " name TEXT NOT NULL,"
                            " mime_type TEXT NOT NULL,"
                            " data BLOB NOT NULL)"),
             QStringLiteral("CREATE TABLE chat_conversations ("
                            " interaction_id TEXT PRIMARY KEY REFERENCES interactions(id),"
                            " visitor_hash BLOB UNIQUE,"
                            " customer_delivered INTEGER NOT NULL DEFAULT 0,"
                            " agent_delivered INTEGER NOT NULL DEFAULT 0,"
                            " customer_read INTEGER NOT NULL DEFAULT 0,"
                            " agent_read INTEGER NOT NULL DEFAULT 0,"
                            " ended_by TEXT NOT NULL DEFAULT '',"
                            " csat INTEGER,"
                            " nps INTEGER,"
                            " rating_comment TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE TABLE canned_responses ("
                            " id TEXT PRIMARY KEY,"
                            " team_id TEXT NOT NULL DEFAULT '',"
                            " shortcut TEXT NOT NULL,"
                            " title TEXT NOT NULL,"
                            " body TEXT NOT NULL,"
                            " language TEXT NOT NULL DEFAULT '')"),
         }},
        {5,
         {
             // Knowledge base: the articles, and two full-text indexes over
             // them (hub/knowledge/SearchTerms.h says which query uses which).
             QStringLiteral("CREATE TABLE kb_articles ("
                            " doc INTEGER PRIMARY KEY,"
                            " id TEXT NOT NULL UNIQUE,"
                            " title TEXT NOT NULL,"
                            " questions TEXT NOT NULL DEFAULT '',"
                            " tags TEXT NOT NULL DEFAULT '',"
                            " body TEXT NOT NULL,"
                            " steps TEXT NOT NULL DEFAULT '',"
                            " products TEXT NOT NULL DEFAULT '',"
                            " language TEXT NOT NULL CHECK (language IN ('zh','en')),"
                            " audience TEXT NOT NULL CHECK (audience IN ('agent','customer')),"
                            " version INTEGER NOT NULL DEFAULT 1,"
                            " updated_at INTEGER NOT NULL,"
                            " views INTEGER NOT NULL DEFAULT 0,"
                            " helpful INTEGER NOT NULL DEFAULT 0,"
                            " not_helpful INTEGER NOT NULL DEFAULT 0)"),
             // Chinese of three or more characters, as substrings.
             QStringLiteral("CREATE VIRTUAL TABLE kb_trigram USING fts5(title, questions, tags,"
                            " body, content='kb_articles', content_rowid='doc',"
                            " tokenize='trigram')"),
             // English words by stem, and Chinese as bigrams (any length).
             // Prefix indexes: as-you-type asks for "ro"*, "roa"*.
             QStringLiteral("CREATE VIRTUAL TABLE kb_words USING fts5(title, questions, tags,"
                            " body, content='', prefix='2 3',"
                            " tokenize='porter unicode61 remove_diacritics 2')"),
             // How many articles hold each term: rare terms decide a ranking.
             QStringLiteral("CREATE VIRTUAL TABLE kb_words_terms USING fts5vocab(kb_words, 'row')"),
             // What filters read, narrow so that filtering does not load bodies.
             QStringLiteral(
                 "CREATE TABLE kb_facets ("
                 " doc INTEGER PRIMARY KEY REFERENCES kb_articles(doc) ON DELETE CASCADE,"
                 " language TEXT NOT NULL,"
                 " audience TEXT NOT NULL,"
                 " products TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE TABLE kb_views ("
                            " doc INTEGER NOT NULL REFERENCES kb_articles(doc) ON DELETE CASCADE,"
                            " viewer TEXT NOT NULL,"
                            " interaction_id TEXT NOT NULL DEFAULT '',"
                            " ts INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX kb_views_doc ON kb_views(doc)"),
             QStringLiteral("CREATE TABLE kb_feedback ("
                            " doc INTEGER NOT NULL REFERENCES kb_articles(doc) ON DELETE CASCADE,"
                            " reader TEXT NOT NULL,"
                            " helpful INTEGER NOT NULL,"
                            " interaction_id TEXT NOT NULL DEFAULT '',"
                            " comment TEXT NOT NULL DEFAULT '',"
                            " ts INTEGER NOT NULL,"
                            " PRIMARY KEY (doc, reader))"),
         }},
        {6,
         {
             // Customers: one record per person, found by any identity.
             QStringLiteral("CREATE TABLE customers ("
                            " id TEXT PRIMARY KEY,"
                            " display_name TEXT NOT NULL,"
                            " segment TEXT NOT NULL DEFAULT 'standard',"
                            " value_score INTEGER NOT NULL DEFAULT 0,"
                            " language TEXT NOT NULL DEFAULT '',"
                            " preferred_channel TEXT NOT NULL DEFAULT '',"
                            " consent_marketing INTEGER NOT NULL DEFAULT 0,"
                            " consent_recording INTEGER NOT NULL DEFAULT 1,"
                            " national_id TEXT NOT NULL DEFAULT '',"
                            " created_at INTEGER NOT NULL,"
                            " merged_into TEXT NOT NULL DEFAULT '')"),
             // value: normalized (digits of a phone, lower-case email/handle).
             QStringLiteral("CREATE TABLE customer_identities ("
                            " kind TEXT NOT NULL,"
                            " value TEXT NOT NULL,"
                            " customer_id TEXT NOT NULL REFERENCES customers(id),"
                            " added_at INTEGER NOT NULL,"
                            " PRIMARY KEY (kind, value))"),
             QStringLiteral(
                 "CREATE INDEX customer_identities_customer ON customer_identities(customer_id)"),
             QStringLiteral("CREATE INDEX customers_merged ON customers(merged_into)"
                            " WHERE merged_into <> ''"),
             QStringLiteral("CREATE TABLE customer_merges ("
                            " id INTEGER PRIMARY KEY,"
                            " from_id TEXT NOT NULL,"
                            " into_id TEXT NOT NULL,"
                            " actor TEXT NOT NULL,"
                            " at INTEGER NOT NULL,"
                            " identities TEXT NOT NULL DEFAULT '[]',"
                            " undone_at INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE TABLE customer_notes ("
                            " id INTEGER PRIMARY KEY,"
                            " customer_id TEXT NOT NULL REFERENCES customers(id),"
                            " author_id TEXT NOT NULL,"
                            " body TEXT NOT NULL,"
                            " created_at INTEGER NOT NULL,"
                            " updated_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX customer_notes_customer ON customer_notes(customer_id)"),
             QStringLiteral(
                 "CREATE TABLE customer_holdings ("
                 " id TEXT PRIMARY KEY,"
                 " customer_id TEXT NOT NULL REFERENCES customers(id),"
                 " kind TEXT NOT NULL CHECK (kind IN ('order','product','subscription')),"
                 " title TEXT NOT NULL,"
                 " status TEXT NOT NULL DEFAULT '',"
                 " amount_cents INTEGER NOT NULL DEFAULT 0,"
                 " at INTEGER NOT NULL)"),
             QStringLiteral(
                 "CREATE INDEX customer_holdings_customer ON customer_holdings(customer_id)"),
             // Next-best offers, ours and partners' (value chain), by what a
             // customer holds or asked about.
             QStringLiteral("CREATE TABLE offer_catalog ("
                            " code TEXT PRIMARY KEY,"
                            " title_zh TEXT NOT NULL,"
                            " title_en TEXT NOT NULL,"
                            " partner TEXT NOT NULL DEFAULT '',"
                            " fits TEXT NOT NULL,"
                            " reason_zh TEXT NOT NULL,"
                            " reason_en TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE customer_offers ("
                            " customer_id TEXT NOT NULL REFERENCES customers(id),"
                            " code TEXT NOT NULL REFERENCES offer_catalog(code),"
                            " status TEXT NOT NULL CHECK (status IN"
                            "  ('offered','accepted','declined')),"
                            " agent_id TEXT NOT NULL DEFAULT '',"
                            " interaction_id TEXT NOT NULL DEFAULT '',"
                            " at INTEGER NOT NULL,"
                            " PRIMARY KEY (customer_id, code))"),
             QStringLiteral("CREATE TABLE voc_cases ("
                            " id TEXT PRIMARY KEY,"
                            " customer_id TEXT NOT NULL,"
                            " interaction_id TEXT NOT NULL DEFAULT '',"
                            " kind TEXT NOT NULL,"
                            " category TEXT NOT NULL DEFAULT '',"
                            " department TEXT NOT NULL,"
                            " status TEXT NOT NULL DEFAULT 'open',"
                            " summary TEXT NOT NULL DEFAULT '',"
                            " resolution TEXT NOT NULL DEFAULT '',"
                            " created_at INTEGER NOT NULL,"
                            " updated_at INTEGER NOT NULL,"
                            " closed_loop_at INTEGER NOT NULL DEFAULT 0,"
                            " closed_loop_channel TEXT NOT NULL DEFAULT '')"),
             QStringLiteral("CREATE INDEX voc_cases_customer ON voc_cases(customer_id)"),
             // What a channel gateway delivers to a customer outside a chat
             // (the outcome of a case, over their preferred channel).
             QStringLiteral("CREATE TABLE customer_notifications ("
                            " id INTEGER PRIMARY KEY,"
                            " customer_id TEXT NOT NULL,"
                            " channel TEXT NOT NULL,"
                            " address TEXT NOT NULL,"
                            " body TEXT NOT NULL,"
                            " created_at INTEGER NOT NULL,"
                            " fetched_at INTEGER NOT NULL DEFAULT 0)"),
             // A customer's timeline reads interactions by customer id.
             QStringLiteral("CREATE INDEX interactions_customer ON"
                            " interactions(json_extract(customer, '$.id'), created_at)"),
         }},
        {7,
         {
             // The live floor: when an interaction was first answered and
             // wrapped up (service level, speed of answer, handle time).
             QStringLiteral(
                 "ALTER TABLE interactions ADD COLUMN answered_at INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral(
                 "ALTER TABLE interactions ADD COLUMN wrapped_up_at INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("CREATE INDEX interactions_created ON interactions(created_at)"),
             // A team lead's change to an agent's skills or capacity for one day.
             QStringLiteral("CREATE TABLE agent_day_overrides ("
                            " account_id TEXT PRIMARY KEY REFERENCES accounts(id),"
                            " day TEXT NOT NULL,"
                            " skills TEXT,"
                            " capacity TEXT,"
                            " set_by TEXT NOT NULL,"
                            " at INTEGER NOT NULL)"),
         }},
        {8,
         {
             // Quality review: a team lead's scorecard on an ended interaction.
             QStringLiteral("CREATE TABLE qa_reviews ("
                            " interaction_id TEXT PRIMARY KEY REFERENCES interactions(id),"
                            " reviewer_id TEXT NOT NULL REFERENCES accounts(id),"
                            " scores TEXT NOT NULL,"
                            " percent INTEGER NOT NULL,"
                            " comment TEXT NOT NULL DEFAULT '',"
                            " reviewed_at INTEGER NOT NULL)"),
             QStringLiteral(
                 "CREATE INDEX interactions_agent ON interactions(agent_id, created_at)"),
         }},
        {9,
         {
             // The audit log becomes a hash chain (AuditLog): each entry
             // carries the hash of the one before and its own. Rows written
             // before this have none until AuditLog seals them, once; after
             // that no row changes and none is deleted.
             QStringLiteral("ALTER TABLE audit_log ADD COLUMN prev_hash BLOB"),
             QStringLiteral("ALTER TABLE audit_log ADD COLUMN hash BLOB"),
             QStringLiteral("CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log"
                            " WHEN OLD.hash IS NOT NULL"
                            " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
             QStringLiteral("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
                            " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
         }},
    };
    return migrations;
}

} // namespace qidong::hub
