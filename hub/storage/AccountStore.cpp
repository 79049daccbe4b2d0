#include "AccountStore.h"

#include "Database.h"
#include "log/HubLog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

const QString kAccountColumns =
    QStringLiteral("id, username, display_name, role, COALESCE(team_id, ''), skills, languages,"
                   " password_hash, capacity");

QString toJsonText(const QJsonArray& array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonArray fromJsonText(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QList<Skill> readSkills(const QString& text)
{
    QList<Skill> skills;
    for (const QJsonValue& skill : fromJsonText(text)) {
        Result<Skill> decoded = Skill::fromJson(skill.toObject());
        if (decoded)
            skills.append(decoded.value());
    }
    return skills;
}

AccountRecord readAccount(const QSqlQuery& query)
{
    AccountRecord record;
    Agent& agent = record.agent;
    agent.id = query.value(0).toString();
    agent.username = query.value(1).toString();
    agent.displayName = query.value(2).toString();
    agent.role = roleFromName(query.value(3).toString()).value_or(Role::Agent);
    agent.teamId = query.value(4).toString();
    agent.skills = readSkills(query.value(5).toString());
    for (const QJsonValue& language : fromJsonText(query.value(6).toString()))
        agent.languages.append(language.toString());
    record.passwordHash = query.value(7).toString();
    agent.capacity =
        capacityFromJson(QJsonDocument::fromJson(query.value(8).toString().toUtf8()).object());
    return record;
}

// Overrides are by local calendar day: they lapse at midnight by themselves.
QString today()
{
    return QDate::currentDate().toString(Qt::ISODate);
}

Error execFailure(const QSqlQuery& query)
{
    logWarning(lcStorage, QLatin1StringView("sql.failed"),
               {{QStringLiteral("error"), query.lastError().text()}});
    return makeError(ErrorCode::StorageFailure, query.lastError().text());
}

} // namespace

AccountStore::AccountStore(Database& database)
    : m_database(database)
{}

std::optional<AccountRecord> AccountStore::findByUsername(const QString& username) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT ") + kAccountColumns +
                  QStringLiteral(" FROM accounts WHERE username = ?"));
    query.addBindValue(username);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readAccount(query);
}

std::optional<Agent> AccountStore::findById(const QString& id) const
{
    for (const Agent& agent : agents()) {
        if (agent.id == id)
            return agent;
    }
    return std::nullopt;
}

QList<Agent> AccountStore::agents() const
{
    // Read on every routing decision: the clock is compared as a number,
    // since asking for the local date consults the time zone each time.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_agents && now < m_agentsUntilMs)
        return *m_agents;
    const QString day = today();
    m_agentsUntilMs = QDate::currentDate().addDays(1).startOfDay().toMSecsSinceEpoch();
    QList<Agent> result;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT accounts.id, username, display_name, role,"
                                 " COALESCE(team_id, ''), accounts.skills, languages,"
                                 " password_hash, accounts.capacity, o.skills, o.capacity"
                                 " FROM accounts LEFT JOIN"
                                 " agent_day_overrides o ON o.account_id = accounts.id"
                                 " AND o.day = ? ORDER BY accounts.id"));
    query.addBindValue(day);
    if (query.exec()) {
        while (query.next()) {
            Agent agent = readAccount(query).agent;
            if (!query.value(9).isNull())
                agent.skills = readSkills(query.value(9).toString());
            if (!query.value(10).isNull())
                agent.capacity = capacityFromJson(
                    QJsonDocument::fromJson(query.value(10).toString().toUtf8()).object());
            result.append(agent);
        }
    }
    m_agents = result;
    return result;
}

Result<bool> AccountStore::setDayOverride(const QString& agentId, const DayOverride& change,
                                          const QString& setBy)
{
    const QString day = today();
    // A second change the same day keeps what the first changed.
    QSqlQuery current(m_database.connection());
    current.prepare(QStringLiteral(
        "SELECT skills, capacity FROM agent_day_overrides WHERE account_id = ? AND day = ?"));
    current.addBindValue(agentId);
    current.addBindValue(day);
    QVariant skills;
    QVariant capacity;
    if (current.exec() && current.next()) {
        skills = current.value(0);
        capacity = current.value(1);
    }
    if (change.skills) {
        QJsonArray list;
        for (const Skill& skill : *change.skills)
            list.append(skill.toJson());
        skills = toJsonText(list);
    }
    if (change.capacity)
        capacity = QString::fromUtf8(
            QJsonDocument(capacityToJson(*change.capacity)).toJson(QJsonDocument::Compact));
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO agent_day_overrides(account_id, day,"
                                 " skills, capacity, set_by, at) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(agentId);
    query.addBindValue(day);
    query.addBindValue(skills);
    query.addBindValue(capacity);
    query.addBindValue(setBy);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec())
        return execFailure(query);
    m_agents.reset();
    return true;
}

Result<bool> AccountStore::clearDayOverride(const QString& agentId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM agent_day_overrides WHERE account_id = ?"));
    query.addBindValue(agentId);
    if (!query.exec())
        return execFailure(query);
    m_agents.reset();
    return true;
}

QList<Team> AccountStore::teams() const
{
    QList<Team> result;
    QSqlQuery query(m_database.connection());
    if (query.exec(QStringLiteral("SELECT id, name_zh, name_en FROM teams ORDER BY id"))) {
        while (query.next())
            result.append(Team{query.value(0).toString(),
                               {query.value(1).toString(), query.value(2).toString()}});
    }
    return result;
}

QList<Queue> AccountStore::queues() const
{
    if (m_queues)
        return *m_queues;
    QList<Queue> result;
    QSqlQuery query(m_database.connection());
    if (query.exec(QStringLiteral(
            "SELECT id, name_zh, name_en, channel, language, required_skills, priority,"
            " sla_seconds, sla_target_percent, acw_seconds, acw_mode, default_wrap_up,"
            " overflow_queue, overflow_after FROM queues ORDER BY priority DESC, id"))) {
        while (query.next()) {
            Queue queue;
            queue.id = query.value(0).toString();
            queue.name = {query.value(1).toString(), query.value(2).toString()};
            queue.channel = channelFromName(query.value(3).toString()).value_or(Channel::Voice);
            queue.language = query.value(4).toString();
            for (const QJsonValue& skill : fromJsonText(query.value(5).toString()))
                queue.requiredSkills.append(skill.toString());
            queue.priority = query.value(6).toInt();
            queue.slaSeconds = query.value(7).toInt();
            queue.slaTargetPercent = query.value(8).toInt();
            queue.afterCallWorkSeconds = query.value(9).toInt();
            queue.afterCallWorkMode = query.value(10).toString();
            queue.defaultWrapUpCode = query.value(11).toString();
            queue.overflowQueueId = query.value(12).toString();
            queue.overflowAfterSeconds = query.value(13).toInt();
            result.append(queue);
        }
    }
    m_queues = result;
    return result;
}

QList<ReasonCode> AccountStore::reasonCodes() const
{
    QList<ReasonCode> result;
    QSqlQuery query(m_database.connection());
    if (query.exec(QStringLiteral(
            "SELECT code, kind, label_zh, label_en FROM reason_codes ORDER BY kind, sort, code"))) {
        while (query.next()) {
            result.append(ReasonCode{
                query.value(0).toString(),
                reasonKindFromName(query.value(1).toString()).value_or(ReasonKind::NotReady),
                {query.value(2).toString(), query.value(3).toString()}});
        }
    }
    return result;
}

std::optional<Queue> AccountStore::findQueue(const QString& id) const
{
    for (const Queue& queue : queues()) {
        if (queue.id == id)
            return queue;
    }
    return std::nullopt;
}

bool AccountStore::hasReasonCode(ReasonKind kind, const QString& code) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT 1 FROM reason_codes WHERE kind = ? AND code = ?"));
    query.addBindValue(reasonKindName(kind));
    query.addBindValue(code);
    return query.exec() && query.next();
}

int AccountStore::accountCount() const
{
    QSqlQuery query(m_database.connection());
    if (query.exec(QStringLiteral("SELECT COUNT(*) FROM accounts")) && query.next())
        return query.value(0).toInt();
    return 0;
}

Result<bool> AccountStore::addTeam(const Team& team)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO teams(id, name_zh, name_en) VALUES (?, ?, ?)"));
    query.addBindValue(team.id);
    query.addBindValue(team.name.zh);
    query.addBindValue(team.name.en);
    if (!query.exec())
        return execFailure(query);
    return true;
}

Result<bool> AccountStore::addAccount(const Agent& agent, const QString& passwordHash)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO accounts(id, username, display_name, role, team_id, skills, languages,"
        " password_hash, created_at, capacity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QJsonArray skills;
    for (const Skill& skill : agent.skills)
        skills.append(skill.toJson());
    query.addBindValue(agent.id);
    query.addBindValue(agent.username);
    query.addBindValue(orEmpty(agent.displayName));
    query.addBindValue(roleName(agent.role));
    query.addBindValue(agent.teamId.isEmpty() ? QVariant() : QVariant(agent.teamId));
    query.addBindValue(toJsonText(skills));
    query.addBindValue(toJsonText(QJsonArray::fromStringList(agent.languages)));
    query.addBindValue(passwordHash);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(QString::fromUtf8(
        QJsonDocument(capacityToJson(agent.capacity)).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        return execFailure(query);
    m_agents.reset();
    return true;
}

Result<bool> AccountStore::addQueue(const Queue& queue)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO queues(id, name_zh, name_en, channel, language, required_skills, priority,"
        " sla_seconds, sla_target_percent, acw_seconds, acw_mode, default_wrap_up,"
        " overflow_queue, overflow_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(queue.id);
    query.addBindValue(queue.name.zh);
    query.addBindValue(queue.name.en);
    query.addBindValue(channelName(queue.channel));
    query.addBindValue(orEmpty(queue.language));
    query.addBindValue(toJsonText(QJsonArray::fromStringList(queue.requiredSkills)));
    query.addBindValue(queue.priority);
    query.addBindValue(queue.slaSeconds);
    query.addBindValue(queue.slaTargetPercent);
    query.addBindValue(queue.afterCallWorkSeconds);
    query.addBindValue(orEmpty(queue.afterCallWorkMode));
    query.addBindValue(orEmpty(queue.defaultWrapUpCode));
    query.addBindValue(orEmpty(queue.overflowQueueId));
    query.addBindValue(queue.overflowAfterSeconds);
    if (!query.exec())
        return execFailure(query);
    m_queues.reset();
    return true;
}

Result<bool> AccountStore::addReasonCode(const ReasonCode& reason, int sort)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO reason_codes(code, kind, label_zh, label_en, sort) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(reason.code);
    query.addBindValue(reasonKindName(reason.kind));
    query.addBindValue(reason.label.zh);
    query.addBindValue(reason.label.en);
    query.addBindValue(sort);
    if (!query.exec())
        return execFailure(query);
    return true;
}

QList<CannedResponse> AccountStore::cannedResponses(const QString& teamId) const
{
    QList<CannedResponse> result;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, shortcut, title, body, language FROM canned_responses"
                                 " WHERE team_id = '' OR team_id = ? ORDER BY shortcut"));
    query.addBindValue(orEmpty(teamId));
    if (query.exec()) {
        while (query.next())
            result.append({query.value(0).toString(), query.value(1).toString(),
                           query.value(2).toString(), query.value(3).toString(),
                           query.value(4).toString()});
    }
    return result;
}

Result<bool> AccountStore::addCannedResponse(const CannedResponse& canned, const QString& teamId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO canned_responses(id, team_id, shortcut, title, body,"
                                 " language) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(canned.id);
    query.addBindValue(orEmpty(teamId));
    query.addBindValue(canned.shortcut);
    query.addBindValue(canned.title);
    query.addBindValue(canned.body);
    query.addBindValue(orEmpty(canned.language));
    if (!query.exec())
        return execFailure(query);
    return true;
}

} // namespace qidong::hub
