#include "DemoCustomers.h"

#include "Clock.h"
#include "CustomerStore.h"
#include "VocCases.h"
#include "customers/Masking.h"
#include "log/HubLog.h"
#include "protocol/Chat.h"
#include "protocol/Interaction.h"
#include "storage/Database.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

QString u8(const char* text)
{
    return QString::fromUtf8(text);
}

constexpr qint64 kDay = 24LL * 3600 * 1000;

struct Offer
{
    const char* code;
    const char* zh;
    const char* en;
    const char* partner;
    const char* fits;
    const char* reasonZh;
    const char* reasonEn;
};

const Offer kOffers[] = {
    {"travel-insurance", "境外旅行保险（7天59元起）",
     "Travel insurance abroad (from 59 yuan / 7 days)", "安途保险 SafeTrip Insurance",
     "roaming 漫游", "咨询漫游往往意味着出行：意外、医疗和航班延误保障",
     "A roaming question usually means a trip: accident, medical and flight-delay cover"},
    {"car-hire", "目的地租车新客9折", "Car hire at the destination, 10% off", "行易租车 EasyDrive",
     "roaming 漫游", "出行客户常需要当地交通", "Travellers often need transport on arrival"},
    {"roaming-week-pass", "漫游7天流量包（日包的8折）", "7-day roaming pass (20% below day passes)",
     "", "roaming 漫游", "连续出行多天比逐日购买日包划算",
     "Cheaper than a day pass each day of a longer trip"},
    {"upgrade-5g", "升级5G畅享99元套餐", "Upgrade to 5G Smart 99", "", "plan 套餐 billing",
     "流量经常超出套餐", "Often over the plan's data"},
    {"shoe-care-kit", "鞋履护理套装（会员价39元）", "Shoe care kit (members 39 yuan)", "",
     "shoes 鞋 online-chat", "刚购买皮鞋或运动鞋", "Bought leather or sports shoes lately"},
    {"baggage-cover", "行李延误及丢失保障", "Delayed and lost baggage cover",
     "安途保险 SafeTrip Insurance", "baggage 行李 flight", "近期有行李问题或即将出行",
     "Had a baggage problem or flies soon"},
    {"lounge-pass", "机场贵宾厅通行证", "Airport lounge pass", "云端贵宾厅 SkyLounge",
     "flight 航班 airline", "常旅客", "Flies often"},
    {"card-instalment", "信用卡账单分期手续费8折", "Credit card instalments, 20% off the fee", "",
     "bank card 银行", "账单金额较大", "Large statements"},
};

const char* const kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                 "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗"};
const char* const kGiven[] = {"丽", "伟", "芳", "娜", "敏", "静",   "磊", "强", "洋",   "艳",
                              "杰", "娟", "涛", "明", "超", "秀英", "华", "慧", "建国", "晓燕"};
const char* const kEnglishFirst[] = {"Emma",   "Liam",  "Olivia", "Noah",  "Ava",   "James",
                                     "Sophia", "Lucas", "Mia",    "Ethan", "Chloe", "Daniel"};
const char* const kEnglishLast[] = {"Smith", "Brown",  "Taylor", "Wilson", "Chen",
                                    "Lee",   "Martin", "Walker", "Clark",  "Wright"};

struct Holding
{
    const char* kind;
    const char* zh;
    const char* en;
    const char* status;
    int amountYuan;
};

const Holding kHoldings[] = {
    {"subscription", "5G畅享59元套餐", "5G Smart 59 plan", "active", 59},
    {"subscription", "畅享39元套餐", "Smart 39 plan", "active", 39},
    {"product", "日本漫游日包", "Japan roaming day pass", "used", 25},
    {"order", "跑步鞋 42码", "Running shoes, EU 42", "delivered", 599},
    {"order", "真皮商务鞋 41码", "Leather business shoes, EU 41", "returned", 899},
    {"order", "航班 北京—东京 经济舱", "Flight Beijing–Tokyo, Economy", "flown", 2350},
    {"order", "航班 上海—伦敦 公务舱", "Flight Shanghai–London, Business", "booked", 18600},
    {"product", "借记卡（银联）", "Debit card (UnionPay)", "active", 0},
    {"product", "信用卡 金卡", "Credit card, Gold", "active", 0},
    {"subscription", "家庭宽带 500M", "Home broadband 500M", "active", 99},
};

struct Topic
{
    const char* queue;
    Channel channel;
    const char* code;
    VocKind voc;
    const char* category;
    const char* notesZh;
};

const Topic kTopics[] = {
    {"roaming-vip", Channel::Voice, "roaming-inquiry", VocKind::None, "roaming",
     "咨询日本漫游日包"},
    {"cn-voice", Channel::Voice, "resolved", VocKind::None, "billing", "解释本月账单"},
    {"cn-voice", Channel::Voice, "complaint-case", VocKind::Complaint, "billing",
     "投诉增值业务被误订"},
    {"online-chat", Channel::Chat, "resolved", VocKind::None, "delivery", "查询订单物流"},
    {"online-chat", Channel::Chat, "complaint-case", VocKind::Complaint, "quality",
     "鞋底开胶，要求退货"},
    {"social-care", Channel::Social, "complaint-case", VocKind::Complaint, "baggage",
     "微博投诉行李延误"},
    {"social-care", Channel::Social, "resolved", VocKind::Praise, "app", "表扬客服响应快"},
    {"cn-messaging", Channel::Sms, "resolved", VocKind::None, "app", "手机银行登录问题"},
    {"cn-messaging", Channel::Email, "suggestion", VocKind::Suggestion, "app",
     "建议App增加指纹登录"},
    {"online-chat", Channel::Chat, "offer-accepted", VocKind::None, "roaming", "接受旅行保险推荐"},
};

template <typename T, std::size_t N> const T& pick(QRandomGenerator& random, const T (&items)[N])
{
    return items[random.bounded(int(N))];
}

bool exec(QSqlQuery& query)
{
    if (query.exec())
        return true;
    logWarning(lcStorage, QLatin1StringView("customer.demo.failed"),
               {{QStringLiteral("error"), query.lastError().text()}});
    return false;
}

// One ended contact, stored as the hub stores any interaction.
bool insertContact(QSqlDatabase& db, QRandomGenerator& random, const QString& customerId,
                   const QString& name, const QString& language, qint64 at, int serial)
{
    const Topic& topic = pick(random, kTopics);
    const QString id = QStringLiteral("h-%1-%2").arg(customerId.right(8)).arg(serial);
    CustomerRef ref{customerId, name, QStringLiteral("phone"), QString()};
    WrapUpRecord record;
    record.code = QString::fromLatin1(topic.code);
    record.voc = topic.voc;
    record.vocCategory = QString::fromLatin1(topic.category);
    record.notes = u8(topic.notesZh);
    const QString agent = QStringLiteral("u100%1").arg(1 + random.bounded(8));
    // Most are answered within the minute the queue allows, some later.
    const qint64 answered = at + (3 + random.bounded(75)) * 1000LL;
    const qint64 ended = answered + (2 + random.bounded(15)) * 60000LL;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO interactions(id, channel, queue_id, customer, state, priority, created_at,"
        " sla_deadline, agent_id, wrap_up_code, updated_at, language, wrap_up, ended_at,"
        " answered_at, wrapped_up_at) VALUES (?, ?, ?, ?, 'ended', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?)"));
    query.addBindValue(id);
    query.addBindValue(channelName(topic.channel));
    query.addBindValue(QString::fromLatin1(topic.queue));
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(ref.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(at);
    query.addBindValue(at + 60000);
    query.addBindValue(agent);
    query.addBindValue(record.code);
    query.addBindValue(ended);
    query.addBindValue(language);
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(ended);
    query.addBindValue(answered);
    query.addBindValue(ended + (10 + random.bounded(50)) * 1000LL);
    if (!exec(query))
        return false;
    // Chats and social threads end with a survey; most answer it.
    if ((topic.channel == Channel::Chat || topic.channel == Channel::Social) &&
        random.bounded(10) < 7) {
        const int nps = topic.voc == VocKind::Complaint ? random.bounded(7) : 6 + random.bounded(5);
        QSqlQuery survey(db);
        survey.prepare(QStringLiteral("INSERT INTO chat_conversations(interaction_id, csat, nps)"
                                      " VALUES (?, ?, ?)"));
        survey.addBindValue(id);
        survey.addBindValue(std::clamp(nps / 2, 1, 5));
        survey.addBindValue(nps);
        if (!exec(survey))
            return false;
    }
    if (topic.voc == VocKind::Complaint || topic.voc == VocKind::Suggestion) {
        // Older cases are resolved (some with the loop closed), newer open.
        const bool old = nowMs() - at > 20 * kDay;
        const bool closed = old && random.bounded(2) == 0;
        QSqlQuery voc(db);
        voc.prepare(QStringLiteral(
            "INSERT INTO voc_cases(id, customer_id, interaction_id, kind, category, department,"
            " status, summary, resolution, created_at, updated_at, closed_loop_at,"
            " closed_loop_channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        voc.addBindValue(QString(QStringLiteral("case-") + id.mid(2)));
        voc.addBindValue(customerId);
        voc.addBindValue(id);
        voc.addBindValue(vocKindName(topic.voc));
        voc.addBindValue(record.vocCategory);
        voc.addBindValue(VocCases::departmentFor(record.vocCategory));
        voc.addBindValue(closed ? QStringLiteral("closed")
                         : old  ? QStringLiteral("resolved")
                                : QStringLiteral("open"));
        voc.addBindValue(record.notes);
        voc.addBindValue(old ? u8("已核实并处理，费用已退回/商品已更换。") : QStringLiteral(""));
        voc.addBindValue(ended);
        voc.addBindValue(ended);
        voc.addBindValue(closed ? ended + 3 * kDay : 0);
        voc.addBindValue(closed ? QStringLiteral("sms") : QStringLiteral(""));
        if (!exec(voc))
            return false;
    }
    return true;
}

// A time in the last half year at an hour this customer tends to get in touch.
qint64 contactTime(QRandomGenerator& random, int favouriteDaypart)
{
    const qint64 dayStart = (nowMs() / kDay - 1 - random.bounded(180)) * kDay - 8 * 3600000LL;
    const int daypart = random.bounded(10) < 7 ? favouriteDaypart : random.bounded(4);
    return dayStart + (daypart * 6 + random.bounded(6)) * 3600000LL + random.bounded(3600) * 1000LL;
}

} // namespace

Result<bool> DemoCustomers::seedCatalog(Database& database)
{
    QSqlQuery query(database.connection());
    for (const Offer& offer : kOffers) {
        query.prepare(QStringLiteral(
            "INSERT OR IGNORE INTO offer_catalog(code, title_zh, title_en, partner, fits,"
            " reason_zh, reason_en) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(QString::fromLatin1(offer.code));
        query.addBindValue(u8(offer.zh));
        query.addBindValue(u8(offer.en));
        query.addBindValue(u8(offer.partner));
        query.addBindValue(u8(offer.fits));
        query.addBindValue(u8(offer.reasonZh));
        query.addBindValue(u8(offer.reasonEn));
        if (!exec(query))
            return makeError(ErrorCode::StorageFailure, QStringLiteral("could not seed offers"));
    }
    return true;
}

Result<int> DemoCustomers::seedIfEmpty(Database& database, CustomerStore& store, int count,
                                       quint32 seed)
{
    QSqlQuery existing(database.connection());
    if (existing.exec(QStringLiteral("SELECT COUNT(*) FROM customers")) && existing.next() &&
        existing.value(0).toInt() > 0)
        return 0;
    QSqlDatabase& db = database.connection();
    if (!db.transaction())
        return makeError(ErrorCode::StorageFailure, QStringLiteral("could not seed customers"));
    QRandomGenerator random(seed);
    const auto fail = [&db] {
        db.rollback();
        return makeError(ErrorCode::StorageFailure, QStringLiteral("could not seed customers"));
    };
    for (int n = 0; n < count; ++n) {
        const bool english = n > 0 && random.bounded(10) < 2;
        CustomerStore::NewCustomer customer;
        const QString phone = n == 0 ? QStringLiteral("13800138000")
                                     : QStringLiteral("13%1").arg(100000000 + n * 7919 % 899999999);
        customer.id = QStringLiteral("c-demo-%1").arg(n, 5, 10, QLatin1Char('0'));
        customer.displayName =
            n == 0 ? u8("王丽")
            : english
                ? QStringLiteral("%1 %2").arg(QString::fromLatin1(pick(random, kEnglishFirst)),
                                              QString::fromLatin1(pick(random, kEnglishLast)))
                : u8(pick(random, kSurnames)) + u8(pick(random, kGiven));
        const int tier = random.bounded(100);
        customer.segment = tier < 5    ? QStringLiteral("platinum")
                           : tier < 20 ? QStringLiteral("gold")
                           : tier < 45 ? QStringLiteral("silver")
                                       : QStringLiteral("standard");
        customer.valueScore = std::min(100, tier + random.bounded(20));
        customer.language = english ? QStringLiteral("en") : QStringLiteral("zh-CN");
        const char* const channels[] = {"voice", "chat", "wechat", "sms", "email", "weibo"};
        customer.preferredChannel =
            n == 0 ? QStringLiteral("wechat") : QString::fromLatin1(pick(random, channels));
        customer.consentMarketing = random.bounded(3) > 0;
        customer.nationalId = QStringLiteral("110101%1%2")
                                  .arg(1960 + random.bounded(45))
                                  .arg(random.bounded(1000000, 9999999), 8, 10, QLatin1Char('0'));
        customer.createdAtMs = nowMs() - (200 + random.bounded(2000)) * kDay;
        customer.identities = {{QStringLiteral("phone"), phone}};
        if (n == 0 || random.bounded(2) == 0)
            customer.identities.append(
                {QStringLiteral("email"),
                 QStringLiteral("customer%1@example.com").arg(n, 5, 10, QLatin1Char('0'))});
        if (n == 0 || random.bounded(10) < 4)
            customer.identities.append({QStringLiteral("wechat"),
                                        n == 0 ? QStringLiteral("wangli_travel")
                                               : QStringLiteral("wx_%1").arg(n * 31337 % 1000003)});
        if (n == 0 || random.bounded(10) < 2)
            customer.identities.append(
                {QStringLiteral("weibo"),
                 n == 0 ? QStringLiteral("@丽丽爱旅行") : QStringLiteral("@weibo_user_%1").arg(n)});
        if (!store.insert(customer))
            return fail();

        const int holdings = 1 + random.bounded(4);
        for (int h = 0; h < holdings; ++h) {
            const Holding& holding = pick(random, kHoldings);
            QSqlQuery query(db);
            query.prepare(QStringLiteral("INSERT INTO customer_holdings(id, customer_id, kind,"
                                         " title, status, amount_cents, at) VALUES (?, ?, ?, ?,"
                                         " ?, ?, ?)"));
            query.addBindValue(QStringLiteral("o-%1-%2").arg(n).arg(h));
            query.addBindValue(customer.id);
            query.addBindValue(QString::fromLatin1(holding.kind));
            query.addBindValue(english ? u8(holding.en) : u8(holding.zh));
            query.addBindValue(QString::fromLatin1(holding.status));
            query.addBindValue(qint64(holding.amountYuan) * 100);
            query.addBindValue(nowMs() - random.bounded(365) * kDay);
            if (!exec(query))
                return fail();
        }
        const int favourite = random.bounded(4);
        const int contacts = n == 0 ? 12 : random.bounded(9);
        for (int c = 0; c < contacts; ++c) {
            if (!insertContact(db, random, customer.id, customer.displayName, customer.language,
                               contactTime(random, favourite), c))
                return fail();
        }
        if (random.bounded(3) == 0 || n == 0) {
            const Offer& offer = n == 0 ? kOffers[0] : pick(random, kOffers);
            const char* const outcomes[] = {"offered", "accepted", "declined"};
            QSqlQuery query(db);
            query.prepare(QStringLiteral("INSERT OR IGNORE INTO customer_offers(customer_id, code,"
                                         " status, agent_id, at) VALUES (?, ?, ?, 'u1001', ?)"));
            query.addBindValue(customer.id);
            query.addBindValue(QString::fromLatin1(offer.code));
            query.addBindValue(QString::fromLatin1(n == 0 ? "accepted" : pick(random, outcomes)));
            query.addBindValue(nowMs() - random.bounded(90) * kDay);
            if (!exec(query))
                return fail();
        }
    }
    if (!db.commit())
        return fail();
    logInfo(lcStorage, QLatin1StringView("customer.demo.seeded"),
            {{QStringLiteral("customers"), count}});
    return count;
}

Result<int> DemoCustomers::addHistory(Database& database, const QString& customerId, int entries,
                                      quint32 seed)
{
    QSqlDatabase& db = database.connection();
    if (!db.transaction())
        return makeError(ErrorCode::StorageFailure, QStringLiteral("could not add history"));
    QRandomGenerator random(seed);
    for (int i = 0; i < entries; ++i) {
        if (!insertContact(db, random, customerId, QStringLiteral("bench"), QStringLiteral("zh-CN"),
                           contactTime(random, random.bounded(4)), 100000 + i)) {
            db.rollback();
            return makeError(ErrorCode::StorageFailure, QStringLiteral("could not add history"));
        }
    }
    if (!db.commit())
        return makeError(ErrorCode::StorageFailure, QStringLiteral("could not add history"));
    return entries;
}

} // namespace qidong::hub
