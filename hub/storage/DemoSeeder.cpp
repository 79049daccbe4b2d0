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

struct DemoQueue
{
    const char* id;
    const char* zh;
    const char* en;
    Channel channel;
    const char* language;
    const char* skill;
    int priority;
    int slaSeconds;
    int slaTarget;
    int acwSeconds;
    const char* acwMode;
    const char* defaultCode;
    const char* overflowTo;
    int overflowAfter;
};

QList<Queue> demoQueues()
{
    // Wrap-up modes differ on purpose: voice needs a code, chat closes
    // itself after a short time, English care may skip it.
    const QList<DemoQueue> rows{
        {"cn-voice", "中文语音", "Chinese voice", Channel::Voice, "zh-CN", "billing", 50, 20, 80,
         30, "mandatory", "resolved", "", 0},
        {"roaming-vip", "国际漫游VIP", "Roaming VIP", Channel::Voice, "zh-CN", "roaming", 80, 10,
         90, 45, "mandatory", "roaming-inquiry", "cn-voice", 60},
        {"online-chat", "在线客服", "Online chat", Channel::Chat, "zh-CN", "retail", 40, 60, 80, 20,
         "timed", "resolved", "social-care", 90},
        {"social-care", "社交媒体客服", "Social care (Weibo/WeChat)", Channel::Social, "zh-CN",
         "social", 70, 900, 90, 60, "mandatory", "complaint-case", "", 0},
        {"cn-messaging", "短信与邮件", "SMS & email", Channel::Email, "zh-CN", "", 20, 14400, 80,
         60, "optional", "resolved", "", 0},
        {"en-care", "英文服务", "English care", Channel::Chat, "en", "english", 40, 60, 80, 20,
         "optional", "resolved", "", 0},
        {"en-voice", "英文语音", "English voice", Channel::Voice, "en", "english", 50, 20, 80, 30,
         "mandatory", "resolved", "", 0},
    };
    QList<Queue> queues;
    for (const DemoQueue& row : rows) {
        Queue queue;
        queue.id = s(row.id);
        queue.name = {s(row.zh), s(row.en)};
        queue.channel = row.channel;
        queue.language = s(row.language);
        if (*row.skill)
            queue.requiredSkills = {s(row.skill)};
        queue.priority = row.priority;
        queue.slaSeconds = row.slaSeconds;
        queue.slaTargetPercent = row.slaTarget;
        queue.afterCallWorkSeconds = row.acwSeconds;
        queue.afterCallWorkMode = s(row.acwMode);
        queue.defaultWrapUpCode = s(row.defaultCode);
        queue.overflowQueueId = s(row.overflowTo);
        queue.overflowAfterSeconds = row.overflowAfter;
        queues.append(queue);
    }
    return queues;
}

QList<CannedResponse> demoCannedResponses()
{
    const auto canned = [](const char* id, const char* shortcut, const char* title,
                           const char* body, const char* language) {
        return CannedResponse{s(id), s(shortcut), s(title), s(body), s(language)};
    };
    return {
        canned("cr-hello-zh", "hello", "问候",
               "{customer.name}您好，我是{agent.name}，很高兴为您服务。", "zh-CN"),
        canned("cr-wait-zh", "wait", "请稍候", "请您稍等，我马上为您查询。", "zh-CN"),
        canned("cr-roaming-zh", "roaming", "漫游开通",
               "国际漫游可在App“我的-"
               "漫游”中一键开通，出境前开通即可；如需流量包，我可以为您推荐目的地套餐。",
               "zh-CN"),
        canned("cr-sorry-zh", "sorry", "致歉",
               "非常抱歉给您带来不便，{customer.name}，我会把您的问题记录并跟进到底。", "zh-CN"),
        canned("cr-bye-zh", "bye", "结束语",
               "感谢您的耐心，请问还有其他可以帮您的吗？祝您生活愉快！", "zh-CN"),
        canned("cr-hello-en", "hello", "Greeting",
               "Hello {customer.name}, this is {agent.name}. How can I help you today?", "en"),
        canned("cr-wait-en", "wait", "Please wait", "Thanks for waiting, I'm checking that now.",
               "en"),
        canned("cr-baggage-en", "baggage", "Baggage claim",
               "I'm sorry your bag didn't arrive. Could you share your file reference and "
               "flight number? I'll trace it right away.",
               "en"),
        canned("cr-bye-en", "bye", "Closing",
               "Is there anything else I can help you with, {customer.name}? Have a great day!",
               "en"),
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
         {{s("roaming"), 8}, {s("billing"), 6}, {s("retail"), 5}, {s("social"), 4}},
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
        Agent agent;
        agent.id = s(person.id);
        agent.username = s(person.username);
        agent.displayName = s(person.displayName);
        agent.role = person.role;
        agent.teamId = s(person.team);
        agent.skills = person.skills;
        agent.languages = person.languages;
        // One call, or up to three chats or social threads, or five emails.
        agent.capacity = {{Channel::Voice, 1},  {Channel::Callback, 1}, {Channel::Chat, 3},
                          {Channel::Social, 3}, {Channel::Sms, 3},      {Channel::Email, 5}};
        if (Result<bool> added = accounts.addAccount(agent, hashes.at(i)); !added)
            return failed(added.error());
    }
    for (const Queue& queue : demoQueues()) {
        if (Result<bool> added = accounts.addQueue(queue); !added)
            return failed(added.error());
    }
    for (const CannedResponse& canned : demoCannedResponses()) {
        if (Result<bool> added = accounts.addCannedResponse(canned, {}); !added)
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

Result<bool> DemoSeeder::seedFloor(Database& database, AccountStore& accounts, int agents,
                                   int queues)
{
    if (accounts.findByUsername(QStringLiteral("floor.00001")))
        return true;
    const QString hash = PasswordHasher::hash(s(kDemoPassword));
    const QStringList teams{QStringLiteral("voice-cn"), QStringLiteral("digital"),
                            QStringLiteral("en-care")};
    QSqlDatabase& db = database.connection();
    if (!db.transaction())
        return makeError(ErrorCode::StorageFailure, QStringLiteral("cannot begin floor seeding"));
    const auto failed = [&db](const Error& error) {
        db.rollback();
        return error;
    };
    const auto skill = [](int n) { return QStringLiteral("skill-%1").arg(n % 10); };
    for (int i = 1; i <= agents; ++i) {
        Agent agent;
        agent.id = QStringLiteral("f%1").arg(i, 5, 10, QLatin1Char('0'));
        agent.username = QStringLiteral("floor.%1").arg(i, 5, 10, QLatin1Char('0'));
        agent.displayName = QStringLiteral("坐席%1").arg(i);
        agent.teamId = teams.at(i % teams.size());
        agent.skills = {{skill(i), 5}, {skill(i + 3), 3}, {skill(i + 7), 7}};
        agent.languages = {QStringLiteral("zh-CN")};
        if (Result<bool> added = accounts.addAccount(agent, hash); !added)
            return failed(added.error());
    }
    for (int i = 1; i <= std::max(agents / 40, 1); ++i) {
        Agent lead;
        lead.id = QStringLiteral("l%1").arg(i, 3, 10, QLatin1Char('0'));
        lead.username = QStringLiteral("lead.%1").arg(i, 3, 10, QLatin1Char('0'));
        lead.displayName = QStringLiteral("组长%1").arg(i);
        lead.role = Role::Supervisor;
        lead.teamId = teams.at(i % teams.size());
        lead.languages = {QStringLiteral("zh-CN")};
        if (Result<bool> added = accounts.addAccount(lead, hash); !added)
            return failed(added.error());
    }
    for (int i = 1; i <= queues; ++i) {
        Queue queue;
        queue.id = QStringLiteral("fq%1").arg(i, 2, 10, QLatin1Char('0'));
        queue.name = {QStringLiteral("队列%1").arg(i), QStringLiteral("Queue %1").arg(i)};
        queue.channel = i % 2 == 0 ? Channel::Voice : Channel::Chat;
        queue.language = QStringLiteral("zh-CN");
        queue.requiredSkills = {skill(i)};
        queue.priority = 40;
        queue.slaSeconds = 20;
        queue.slaTargetPercent = 80;
        if (Result<bool> added = accounts.addQueue(queue); !added)
            return failed(added.error());
    }
    if (!db.commit())
        return failed(
            makeError(ErrorCode::StorageFailure, QStringLiteral("cannot commit the floor")));
    logInfo(lcStorage, QLatin1StringView("demo.floor_seeded"),
            {{QStringLiteral("agents"), agents}, {QStringLiteral("queues"), queues}});
    return true;
}

} // namespace qidong::hub
