#include "DemoSeeder.h"

#include "AccountStore.h"
#include "Database.h"
#include "auth/PasswordHasher.h"
#include "log/HubLog.h"

#include <QtConcurrent/QtConcurrentMap>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

struct DemoAccount
{
    const char* id;
    const char* username;
    const char* displayName;
    Role role;
    const char* team;
    QList<Skill> skills;
    QStringList languages;
};

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

QList<Team> demoTeams()
{
    return {
        {s("voice-cn"), {s("中文语音一组"), s("Chinese Voice Team")}},
        {s("digital"), {s("在线与社交组"), s("Digital & Social Team")}},
        {s("en-care"), {s("英文服务组"), s("English Care Team")}},
    };
}

QList<Queue> demoQueues()
{
    const QString zh = s("zh-CN");
    return {
        {s("cn-voice"),
         {s("中文语音"), s("Chinese voice")},
         Channel::Voice,
         zh,
         {s("billing")},
         50,
         20,
         80,
         30},
        {s("roaming-vip"),
         {s("国际漫游VIP"), s("Roaming VIP")},
         Channel::Voice,
         zh,
         {s("roaming")},
         80,
         10,
         90,
         45},
        {s("online-chat"),
         {s("在线客服"), s("Online chat")},
         Channel::Chat,
         zh,
         {s("retail")},
         40,
         60,
         80,
         20},
        {s("social-care"),
         {s("社交媒体客服"), s("Social care (Weibo/WeChat)")},
         Channel::Social,
         zh,
         {s("social")},
         70,
         900,
         90,
         60},
        {s("en-care"),
         {s("英文服务"), s("English care")},
         Channel::Chat,
         s("en"),
         {s("english")},
         40,
         60,
         80,
         20},
    };
}

QList<DemoAccount> demoAccounts()
{
    const QStringList zh{s("zh-CN")};
    const QStringList zhEn{s("zh-CN"), s("en")};
    const QStringList enZh{s("en"), s("zh-CN")};
    return {
        {"u1001",
         "li.na",
         "李娜",
         Role::Agent,
         "voice-cn",
         {{s("roaming"), 8}, {s("billing"), 6}},
         zh},
        {"u1002",
         "wang.wei",
         "王伟",
         Role::Agent,
         "voice-cn",
         {{s("complaints"), 7}, {s("billing"), 5}},
         zh},
        {"u1003",
         "zhang.min",
         "张敏",
         Role::Agent,
         "voice-cn",
         {{s("retail"), 6}, {s("roaming"), 4}, {s("billing"), 4}},
         zhEn},
        {"u1004",
         "liu.yang",
         "刘洋",
         Role::Agent,
         "digital",
         {{s("social"), 8}, {s("complaints"), 6}},
         zh},
        {"u1005",
         "chen.jing",
         "陈静",
         Role::Agent,
         "digital",
         {{s("banking-app"), 7}, {s("retail"), 5}},
         zh},
        {"u1006",
         "zhao.lei",
         "赵磊",
         Role::Agent,
         "digital",
         {{s("social"), 6}, {s("baggage"), 5}, {s("english"), 4}},
         zhEn},
        {"u1007",
         "amy.lin",
         "Amy Lin 林爱美",
         Role::Agent,
         "en-care",
         {{s("english"), 9}, {s("baggage"), 7}},
         enZh},
        {"u1008",
         "david.wu",
         "David Wu 吴大伟",
         Role::Agent,
         "en-care",
         {{s("english"), 8}, {s("roaming"), 6}, {s("banking-app"), 5}},
         {s("en")}},
        {"u2001",
         "zhou.hui",
         "周慧",
         Role::Supervisor,
         "voice-cn",
         {{s("complaints"), 9}, {s("roaming"), 7}, {s("billing"), 7}},
         zhEn},
        {"u9001", "admin", "系统管理员 Administrator", Role::Admin, "", {}, zhEn},
    };
}

QList<ReasonCode> demoReasons()
{
    const auto notReady = [](const char* code, const char* zh, const char* en) {
        return ReasonCode{s(code), ReasonKind::NotReady, {s(zh), s(en)}};
    };
    const auto wrapUp = [](const char* code, const char* zh, const char* en) {
        return ReasonCode{s(code), ReasonKind::WrapUp, {s(zh), s(en)}};
    };
    return {
        notReady("break", "小休", "Break"),
        notReady("lunch", "午餐", "Lunch"),
        notReady("training", "培训", "Training"),
        notReady("meeting", "会议", "Meeting"),
        notReady("coaching", "辅导", "Coaching"),
        notReady("acw-overflow", "话后处理超时", "After-call work overflow"),
        notReady("missed", "未接（超时）", "Missed offer"),
        wrapUp("resolved", "问题已解决", "Resolved on first contact"),
        wrapUp("roaming-inquiry", "国际漫游咨询", "Roaming inquiry"),
        wrapUp("offer-accepted", "接受推荐（含合作伙伴）", "Offer accepted (incl. partner)"),
        wrapUp("offer-declined", "拒绝推荐", "Offer declined"),
        wrapUp("complaint-case", "投诉已建单", "Complaint: case opened"),
        wrapUp("suggestion", "客户建议", "Customer suggestion"),
        wrapUp("baggage-claim", "行李查询", "Baggage claim"),
        wrapUp("callback-scheduled", "已预约回电", "Callback scheduled"),
    };
}

} // namespace

Result<bool> DemoSeeder::seedIfEmpty(Database& database, AccountStore& accounts)
{
    if (accounts.accountCount() > 0)
        return true;

    const QList<DemoAccount> people = demoAccounts();
    // Each account gets its own salted argon2id hash; two cores make it quick.
    const QStringList hashes = QtConcurrent::blockingMapped<QStringList>(
        people, [](const DemoAccount&) { return PasswordHasher::hash(s(kDemoPassword)); });

    QSqlDatabase& db = database.connection();
    if (!db.transaction())
        return makeError(ErrorCode::StorageFailure, QStringLiteral("cannot begin demo seeding"));
    const auto failed = [&db](const Error& error) {
        db.rollback();
        return error;
    };
    for (const Team& team : demoTeams()) {
        if (Result<bool> added = accounts.addTeam(team); !added)
            return failed(added.error());
    }
    for (qsizetype i = 0; i < people.size(); ++i) {
        const DemoAccount& person = people.at(i);
        Agent agent{s(person.id),   s(person.username), s(person.displayName), person.role,
                    s(person.team), person.skills,      person.languages};
        if (Result<bool> added = accounts.addAccount(agent, hashes.at(i)); !added)
            return failed(added.error());
    }
    for (const Queue& queue : demoQueues()) {
        if (Result<bool> added = accounts.addQueue(queue); !added)
            return failed(added.error());
    }
    int sort = 0;
    for (const ReasonCode& reason : demoReasons()) {
        if (Result<bool> added = accounts.addReasonCode(reason, ++sort); !added)
            return failed(added.error());
    }
    if (!db.commit())
        return failed(
            makeError(ErrorCode::StorageFailure, QStringLiteral("cannot commit demo data")));
    logInfo(lcStorage, QLatin1StringView("demo.seeded"),
            {{QStringLiteral("accounts"), people.size()}});
    return true;
}

} // namespace qidong::hub
