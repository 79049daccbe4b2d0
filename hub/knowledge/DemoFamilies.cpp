#include "DemoFamilies.h"

namespace qidong::hub::demo {

using protocol::Audience;
using protocol::KnowledgeArticle;

namespace {

QString u8(const char* text)
{
    return QString::fromUtf8(text);
}

// The demo's articles were last revised on 2026-11-02.
constexpr qint64 kRevised = 1793577600000;

KnowledgeArticle make(QString id, const char* language, QString title, QStringList questions,
                      QString body, QStringList steps, QStringList tags, QStringList products)
{
    KnowledgeArticle article;
    article.id = std::move(id);
    article.language = QString::fromLatin1(language);
    article.audience = Audience::Customer;
    article.title = std::move(title);
    article.questions = std::move(questions);
    article.body = std::move(body);
    article.steps = std::move(steps);
    article.tags = std::move(tags);
    article.products = std::move(products);
    article.version = 1;
    article.updatedAtMs = kRevised;
    return article;
}

struct Destination
{
    const char* id;
    const char* zh;
    const char* en;
    int dayPass; // yuan per day
    int dailyGb;
    const char* operators;
    double localCall; // yuan per minute
    double callHome;
    double incoming;
    double sms;
};

const Destination kDestinations[] = {
    {"jp", "日本", "Japan", 25, 3, "NTT docomo, SoftBank, KDDI au", 0.99, 0.99, 0.99, 0.39},
    {"kr", "韩国", "South Korea", 25, 3, "SK Telecom, KT, LG U+", 0.99, 0.99, 0.99, 0.39},
    {"th", "泰国", "Thailand", 18, 3, "AIS, dtac, TrueMove H", 0.99, 0.99, 0.99, 0.39},
    {"sg", "新加坡", "Singapore", 25, 3, "Singtel, StarHub, M1", 0.99, 0.99, 0.99, 0.39},
    {"my", "马来西亚", "Malaysia", 18, 3, "Maxis, CelcomDigi, U Mobile", 0.99, 0.99, 0.99, 0.39},
    {"vn", "越南", "Vietnam", 18, 2, "Viettel, Vinaphone, MobiFone", 1.99, 1.99, 1.99, 0.39},
    {"us", "美国", "the United States", 30, 2, "AT&T, T-Mobile", 0.99, 0.99, 0.99, 0.39},
    {"ca", "加拿大", "Canada", 30, 2, "Rogers, Bell, Telus", 0.99, 0.99, 0.99, 0.39},
    {"gb", "英国", "the United Kingdom", 30, 2, "EE, Vodafone, O2, Three", 1.99, 1.99, 1.99, 0.59},
    {"fr", "法国", "France", 30, 2, "Orange, SFR, Bouygues Telecom", 1.99, 1.99, 1.99, 0.59},
    {"de", "德国", "Germany", 30, 2, "Telekom, Vodafone, O2", 1.99, 1.99, 1.99, 0.59},
    {"it", "意大利", "Italy", 30, 2, "TIM, Vodafone, WindTre", 1.99, 1.99, 1.99, 0.59},
    {"es", "西班牙", "Spain", 30, 2, "Movistar, Orange, Vodafone", 1.99, 1.99, 1.99, 0.59},
    {"ch", "瑞士", "Switzerland", 35, 2, "Swisscom, Sunrise, Salt", 2.99, 2.99, 2.99, 0.59},
    {"au", "澳大利亚", "Australia", 30, 2, "Telstra, Optus, Vodafone", 1.99, 1.99, 1.99, 0.59},
    {"nz", "新西兰", "New Zealand", 30, 2, "Spark, One NZ, 2degrees", 1.99, 1.99, 1.99, 0.59},
    {"ae", "阿联酋", "the United Arab Emirates", 35, 1, "Etisalat, du", 2.99, 2.99, 2.99, 0.59},
    {"eg", "埃及", "Egypt", 35, 1, "Vodafone Egypt, Orange Egypt, Etisalat", 2.99, 2.99, 2.99,
     0.59},
    {"ru", "俄罗斯", "Russia", 30, 2, "MTS, MegaFon, Beeline", 1.99, 1.99, 1.99, 0.59},
    {"hk", "中国香港", "Hong Kong, China", 18, 3, "CSL, 3HK, SmarTone, CMHK", 0.69, 0.69, 0.69,
     0.29},
};

QString money(double yuan)
{
    return QString::number(yuan, 'f', yuan == int(yuan) ? 0 : 2);
}

void addRoaming(QList<KnowledgeArticle>& out)
{
    const QStringList products{QStringLiteral("roaming"), QStringLiteral("telecom")};
    for (const Destination& d : kDestinations) {
        const QString id = QString::fromLatin1(d.id);
        const QString zh = u8(d.zh);
        const QString en = QString::fromLatin1(d.en);
        const QString enShort = en.startsWith(QLatin1StringView("the ")) ? en.mid(4) : en;
        const QString code = id.toUpper();
        const QString pass = QString::number(d.dayPass);
        const QString gb = QString::number(d.dailyGb);
        const QString ops = QString::fromLatin1(d.operators);

        out.append(
            make(QStringLiteral("roaming-rates-%1-zh").arg(id), "zh", zh + u8("漫游资费与流量日包"),
                 {u8("去%1旅游流量怎么收费").arg(zh), u8("%1漫游日包多少钱").arg(zh),
                  u8("在%1上网贵不贵，会不会产生高额流量费").arg(zh)},
                 u8("在%1使用国际漫游，建议出发前开通%1流量日包：%2元/天，每天%3GB高速流量，"
                    "用完后降速至128kbps，不再额外收费。未开通日包时按0.29元/MB计费，单日封顶%2元。"
                    "日包按当地时间的自然日计算，首次使用数据时开始计费；套餐到期前24小时会收到短信"
                    "提醒，"
                    "回复“Y”即可一键续订。")
                     .arg(zh, pass, gb),
                 {u8("发送短信“KTMY%1”到10086开通%2流量日包").arg(code, zh),
                  u8("也可以在营业厅App的「国际漫游」中选择%1并开通").arg(zh),
                  u8("落地后开机，等待手机自动注册当地网络")},
                 {u8("国际漫游"), u8("流量日包"), zh}, products));
        out.append(make(
            QStringLiteral("roaming-rates-%1-en").arg(id), "en",
            QStringLiteral("Roaming in %1: rates and the data day pass").arg(enShort),
            {QStringLiteral("How much does mobile data cost in %1?").arg(enShort),
             QStringLiteral("Is there a roaming day pass for %1?").arg(enShort),
             QStringLiteral("Will I get a huge data bill in %1?").arg(enShort)},
            QStringLiteral(
                "For %1 we recommend the %2 data day pass before you travel: %3 yuan a day with "
                "%4 GB of high-speed data, then 128 kbps with no extra charge. Without a pass, "
                "data costs 0.29 yuan per MB, capped at %3 yuan a day. A pass covers one calendar "
                "day in local time and starts when you first use data. We text you 24 hours "
                "before it ends; reply Y to renew with one click.")
                .arg(en, enShort, pass, gb),
            {QStringLiteral("Text KTMY%1 to 10086 to buy the %2 day pass").arg(code, enShort),
             QStringLiteral("Or open International Roaming in the service app and pick %1")
                 .arg(enShort),
             QStringLiteral("After landing, switch the phone on and let it register on a local "
                            "network")},
            {QStringLiteral("roaming"), QStringLiteral("day pass"), enShort}, products));

        out.append(make(
            QStringLiteral("roaming-nosignal-%1-zh").arg(id), "zh",
            u8("在%1手机没有信号或无法上网怎么办").arg(zh),
            {u8("到了%1手机没信号").arg(zh), u8("%1漫游连不上网络").arg(zh),
             u8("在%1显示无服务怎么办").arg(zh)},
            u8("%1当地可用的合作运营商有：%"
               "2。落地后如果没有信号或无法上网，请先确认已开通国际漫游和"
               "数据漫游开关，再尝试手动选择上述运营商的网络。接入点（APN）请设置为“cmnet”。"
               "重启手机或开关一次飞行模式通常可以恢复；仍无法使用时，可拨打+86 10086 免费求助。")
                .arg(zh, ops),
            {u8("打开「设置」-「移动网络」，确认“数据漫游”已开启"),
             u8("在「运营商」中关闭自动选择，手动选择%1").arg(ops),
             u8("检查APN为cmnet，然后开关一次飞行模式")},
            {u8("国际漫游"), u8("无信号"), zh}, products));
        out.append(make(
            QStringLiteral("roaming-nosignal-%1-en").arg(id), "en",
            QStringLiteral("No signal or no data while roaming in %1").arg(enShort),
            {QStringLiteral("My phone has no service in %1").arg(enShort),
             QStringLiteral("Mobile data does not work after landing in %1").arg(enShort)},
            QStringLiteral(
                "Our partner networks in %1 are %2. If you have no signal or no data after "
                "landing, check that international roaming and the data roaming switch are both "
                "on, then pick one of these networks by hand. The access point name (APN) "
                "should be cmnet. Restarting the phone or toggling airplane mode usually fixes "
                "it; if not, call +86 10086 free of charge.")
                .arg(en, ops),
            {QStringLiteral("Open Settings > Mobile network and turn on Data roaming"),
             QStringLiteral("Under Carrier, turn off automatic selection and choose %1").arg(ops),
             QStringLiteral("Check that the APN is cmnet, then toggle airplane mode")},
            {QStringLiteral("roaming"), QStringLiteral("no signal"), enShort}, products));

        out.append(make(
            QStringLiteral("roaming-calls-%1-zh").arg(id), "zh",
            u8("在%1打电话和发短信的资费").arg(zh),
            {u8("在%1打回国内多少钱一分钟").arg(zh), u8("%1漫游接电话收费吗").arg(zh)},
            u8("在%1漫游时：拨打当地电话%2元/分钟，拨回中国内地%3元/分钟，接听电话%4元/分钟，"
               "发送短信%5元/条，接收短信免费。拨回国内请加拨“+86”，例如+86 138 0000 0000。"
               "语音信箱留言按接听计费，出国前可发送“GBYYXX”到10086关闭语音信箱。")
                .arg(zh, money(d.localCall), money(d.callHome), money(d.incoming), money(d.sms)),
            {u8("拨打国内号码：+86 加手机号码"), u8("拨打当地号码：直接拨打当地号码")},
            {u8("国际漫游"), u8("通话资费"), zh}, products));
        out.append(make(
            QStringLiteral("roaming-calls-%1-en").arg(id), "en",
            QStringLiteral("Calls and texts while roaming in %1").arg(enShort),
            {QStringLiteral("How much is a call home from %1?").arg(enShort),
             QStringLiteral("Do I pay to answer calls in %1?").arg(enShort)},
            QStringLiteral(
                "While roaming in %1: local calls cost %2 yuan a minute, calls to mainland "
                "China %3 yuan a minute, answering a call %4 yuan a minute, and each text you send "
                "%5 yuan; texts you receive are free. To call home, dial +86 before the number. "
                "Voicemail is charged as an answered call; text GBYYXX to 10086 to switch it off "
                "before you travel.")
                .arg(en, money(d.localCall), money(d.callHome), money(d.incoming), money(d.sms)),
            {QStringLiteral("To call a Chinese number: +86 and the number"),
             QStringLiteral("To call a local number: dial it as locals do")},
            {QStringLiteral("roaming"), QStringLiteral("call rates"), enShort}, products));
    }
}

struct BankError
{
    const char* code;
    const char* zhCause;
    const char* enCause;
    const char* zhFix;
    const char* enFix;
};

const BankError kBankErrors[] = {
    {"E1001", "密码错误", "wrong password",
     "请重新输入登录密码；连续错误5次将锁定24小时，可通过“忘记密码”重置。",
     "Enter your sign-in password again; five wrong tries lock the account for 24 hours. Use "
     "Forgot password to reset it."},
    {"E1002", "账户已锁定", "account locked",
     "账户因多次密码错误已锁定，24小时后自动解锁，或通过人脸识别立即重置密码解锁。",
     "The account locked after repeated wrong passwords. It unlocks by itself after 24 hours, or "
     "at once when you reset the password with face verification."},
    {"E1021", "设备未绑定", "device not bound",
     "新手机首次登录需要绑定设备：输入短信验证码并完成人脸识别即可。",
     "A new phone must be bound on first sign-in: enter the text message code and complete face "
     "verification."},
    {"E1022", "设备绑定数量已达上限", "too many bound devices",
     "每个账户最多绑定3台设备，请在「安全中心」-「设备管理」解绑不用的设备后重试。",
     "An account can be bound to three devices. Unbind one you no longer use under Security "
     "centre > Devices and try again."},
    {"E1031", "短信验证码已过期", "text message code expired",
     "验证码5分钟内有效，请重新获取；如收不到短信，请确认预留手机号是否正确。",
     "Codes are valid for five minutes; request a new one. If no text arrives, check that the "
     "phone number on file is right."},
    {"E1032", "短信验证码错误", "wrong text message code",
     "请核对最新一条短信中的6位验证码，旧验证码在发送新验证码后失效。",
     "Use the six-digit code from the newest text; older codes stop working once a new one is "
     "sent."},
    {"E1041", "人脸识别失败", "face verification failed",
     "请在光线充足处正对摄像头，摘下帽子和口罩后重试；连续失败3次请到网点办理。",
     "Face the camera in good light without a hat or mask and try again; after three failures "
     "please visit a branch."},
    {"E2001", "余额不足", "insufficient balance", "转账金额加手续费超过可用余额，请调整金额。",
     "The amount plus the fee is more than the available balance; lower the amount."},
    {"E2002", "超出单笔转账限额", "over the single transfer limit",
     "手机银行单笔默认限额5万元，可在「安全中心」-「限额管理」提高，需完成人脸识别。",
     "The default single transfer limit is 50,000 yuan. Raise it under Security centre > Limits "
     "after face verification."},
    {"E2003", "超出当日累计限额", "over the daily transfer limit",
     "当日累计转账默认限额20万元，次日0点恢复，或在「限额管理」中调整。",
     "The default daily limit is 200,000 yuan; it resets at midnight or can be changed under "
     "Limits."},
    {"E2011", "收款账户名与账号不符", "payee name does not match the account",
     "请向收款人核对户名和账号，户名需与开户姓名完全一致。",
     "Check the payee's name and account number with them; the name must match the account "
     "exactly."},
    {"E2012", "收款行暂不可用", "payee bank unavailable",
     "对方银行系统维护中，资金未扣除，请稍后重试或改用其他收款账户。",
     "The payee's bank is under maintenance. Nothing was taken from your account; try later or "
     "use another account."},
    {"E2021", "交易存在风险已拦截", "payment blocked as risky",
     "系统识别到可能的诈骗风险，已暂停本次交易。请勿向陌生人转账；确认安全后可致电客服解除。",
     "We paused the payment because it looks like fraud. Never pay strangers; if you are sure it "
     "is safe, call us to release it."},
    {"E3001", "银行卡已冻结", "card frozen",
     "卡片已被冻结，如为本人操作可在App中「卡片管理」解冻，否则请致电客服。",
     "The card is frozen. If you froze it yourself, unfreeze it under Cards in the app; "
     "otherwise call us."},
    {"E3002", "银行卡已过期", "card expired", "请在App中申请换卡，新卡将邮寄到账单地址。",
     "Order a replacement in the app; the new card is posted to your billing address."},
    {"E3011", "境外交易未开通", "card not enabled abroad",
     "出境前请在「卡片管理」-「境外用卡」开通境外交易，并设置使用国家和时间。",
     "Before travelling, turn on use abroad under Cards > Use abroad and set the countries and "
     "dates."},
    {"E4001", "系统繁忙", "system busy", "服务暂时繁忙，请1分钟后重试，资金安全不受影响。",
     "The service is busy; try again in a minute. Your money is safe."},
    {"E4002", "App版本过低", "app version too old", "请到应用商店更新到最新版本后再登录。",
     "Update the app from your app store, then sign in again."},
    {"E4011", "网络连接超时", "network timeout",
     "请检查网络后重试；转账超时时请先查看交易记录，避免重复转账。",
     "Check your connection and try again. If a transfer timed out, look at your transactions "
     "first so you do not pay twice."},
    {"E4021", "手机号已变更需重新验证", "phone number changed",
     "预留手机号变更后需重新验证身份：携带身份证到网点或在App中完成人脸识别。",
     "After the phone number on file changes, verify your identity again at a branch with your "
     "ID or by face verification in the app."},
};

void addBankErrors(QList<KnowledgeArticle>& out)
{
    const QStringList products{QStringLiteral("bank-app")};
    for (const BankError& e : kBankErrors) {
        const QString code = QString::fromLatin1(e.code);
        out.append(
            make(QStringLiteral("bank-error-%1-zh").arg(code.toLower()), "zh",
                 u8("手机银行提示错误码%1：%2").arg(code, u8(e.zhCause)),
                 {u8("App提示%1是什么意思").arg(code), u8("手机银行显示%1").arg(u8(e.zhCause))},
                 u8("错误码%1表示%2。%3").arg(code, u8(e.zhCause), u8(e.zhFix)), {},
                 {u8("手机银行"), u8("错误码"), code}, products));
        out.append(
            make(QStringLiteral("bank-error-%1-en").arg(code.toLower()), "en",
                 QStringLiteral("Bank app error %1: %2").arg(code, QString::fromUtf8(e.enCause)),
                 {QStringLiteral("What does error %1 mean in the bank app?").arg(code),
                  QStringLiteral("The app says %1").arg(QString::fromUtf8(e.enCause))},
                 QStringLiteral("Error %1 means %2. %3")
                     .arg(code, QString::fromUtf8(e.enCause), QString::fromUtf8(e.enFix)),
                 {}, {QStringLiteral("bank app"), QStringLiteral("error code"), code}, products));
    }
}

struct ShoeType
{
    const char* id;
    const char* zh;
    const char* en;
    const char* zhFit;
    const char* enFit;
    const char* zhCare;
    const char* enCare;
};

const ShoeType kShoeTypes[] = {
    {"running", "跑步鞋", "Running shoes", "建议比平时大半码，脚尖留出约一指宽的空间。",
     "Choose half a size up and leave a finger's width at the toe.",
     "用软毛刷和清水清洁，避免机洗和暴晒，鞋垫取出单独晾干。",
     "Clean with a soft brush and water; no washing machine or direct sun; dry the insoles "
     "separately."},
    {"basketball", "篮球鞋", "Basketball shoes", "按平时尺码选择，包裹感较强，宽脚可选宽楦款。",
     "Take your usual size; they fit snugly, so wide feet should pick the wide version.",
     "每次打球后擦去鞋底灰尘，保持防滑性能。", "Wipe the soles after each game to keep the grip."},
    {"leather", "皮鞋", "Leather shoes", "真皮会随穿着略微变松，建议选择刚好合脚的尺码。",
     "Leather gives a little with wear, so choose a size that fits snugly at first.",
     "定期使用同色鞋油护理，淋湿后用报纸塞入鞋内阴干。",
     "Polish regularly with a matching cream; if they get wet, stuff them with paper and let them "
     "dry in the shade."},
    {"canvas", "帆布鞋", "Canvas shoes", "帆布鞋偏大，建议选小半码。",
     "They run large; choose half a size down.", "可手洗，洗后用白纸包裹鞋面晾干，防止发黄。",
     "Hand wash, then wrap the uppers in white paper while drying so they do not yellow."},
    {"kids", "童鞋", "Kids' shoes", "儿童脚长增长快，建议预留0.5至1厘米空间，每3个月复量一次。",
     "Children's feet grow fast: leave 0.5 to 1 cm and measure again every three months.",
     "魔术贴处定期清理毛絮，保持粘合力。",
     "Clear fluff from the hook-and-loop straps so they keep closing."},
    {"hiking", "登山鞋", "Hiking boots", "建议穿登山袜试穿，选择大半码，下坡时脚趾不顶鞋头。",
     "Try them on with hiking socks and choose half a size up so your toes do not hit the front "
     "downhill.",
     "使用后清除泥土，防水鞋面可定期喷防水剂。",
     "Remove mud after each hike and re-treat waterproof uppers now and then."},
    {"sandals", "凉鞋", "Sandals", "脚跟不超出鞋底边缘即可，绑带可调节。",
     "Your heel should not overhang the sole; the straps adjust.", "皮质凉鞋避免长时间泡水。",
     "Keep leather sandals out of long soaks."},
    {"snowboots", "雪地靴", "Snow boots", "内里绒毛较厚，建议选大一码。",
     "The lining is thick; choose one size up.", "使用专用清洁剂，不可机洗，自然阴干。",
     "Use a suede cleaner, never a washing machine, and let them dry naturally."},
    {"heels", "高跟鞋", "High heels", "按平时尺码，脚背较高者建议试穿后再购买。",
     "Take your usual size; with a high instep, try before you buy.",
     "鞋跟磨损时及时到修鞋店更换鞋跟贴片。",
     "Replace worn heel tips at a cobbler before the heel itself wears."},
    {"slippers", "拖鞋", "Slippers", "居家拖鞋可选大半码，更舒适。",
     "House slippers are comfier half a size up.", "EVA材质可直接水洗。",
     "EVA slippers can be rinsed with water."},
};

void addShoes(QList<KnowledgeArticle>& out)
{
    const QStringList products{QStringLiteral("shoes")};
    for (const ShoeType& t : kShoeTypes) {
        const QString id = QString::fromLatin1(t.id);
        out.append(make(QStringLiteral("shoes-fit-%1-zh").arg(id), "zh",
                        u8("%1怎么选尺码，怎么保养").arg(u8(t.zh)),
                        {u8("%1偏大还是偏小").arg(u8(t.zh)), u8("%1怎么清洗").arg(u8(t.zh))},
                        u8("尺码：%1保养：%2如需对照尺码表，请查看“尺码对照表”一文；"
                           "尺码不合适可在签收后7天内免费换码一次。")
                            .arg(u8(t.zhFit), u8(t.zhCare)),
                        {}, {u8(t.zh), u8("尺码"), u8("保养")}, products));
        out.append(make(
            QStringLiteral("shoes-fit-%1-en").arg(id), "en",
            QStringLiteral("%1: choosing a size and caring for them").arg(QString::fromUtf8(t.en)),
            {QStringLiteral("Do %1 run large or small?").arg(QString::fromUtf8(t.en).toLower()),
             QStringLiteral("How do I clean %1?").arg(QString::fromUtf8(t.en).toLower())},
            QStringLiteral("Fit: %1 Care: %2 See the size chart article for "
                           "conversions; if the size is wrong you can exchange it "
                           "once for free within 7 days of delivery.")
                .arg(QString::fromUtf8(t.enFit), QString::fromUtf8(t.enCare)),
            {}, {QString::fromUtf8(t.en).toLower(), QStringLiteral("size"), QStringLiteral("care")},
            products));
    }
}

struct Route
{
    const char* id;
    const char* zh;
    const char* en;
};

struct Cabin
{
    const char* id;
    const char* zh;
    const char* en;
};

const Route kRoutes[] = {
    {"domestic", "国内航线", "domestic flights"},
    {"asia", "亚洲国际航线", "international flights within Asia"},
    {"long", "洲际航线（美洲、欧洲、大洋洲）",
     "long-haul flights to the Americas, Europe and Oceania"},
};

const Cabin kCabins[] = {
    {"economy", "经济舱", "Economy"},
    {"premium", "超级经济舱", "Premium Economy"},
    {"business", "公务舱", "Business"},
    {"first", "头等舱", "First"},
};

void addBaggage(QList<KnowledgeArticle>& out)
{
    const QStringList products{QStringLiteral("airline")};
    // [route][cabin]: pieces (0 = by weight) and kilograms.
    const int pieces[3][4] = {{0, 0, 0, 0}, {1, 2, 2, 3}, {2, 2, 2, 3}};
    const int kilos[3][4] = {{20, 25, 30, 40}, {23, 23, 32, 32}, {23, 23, 32, 32}};
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 4; ++c) {
            const Route& route = kRoutes[r];
            const Cabin& cabin = kCabins[c];
            const QString id =
                QStringLiteral("baggage-allowance-%1-%2")
                    .arg(QString::fromLatin1(route.id), QString::fromLatin1(cabin.id));
            const QString zhAllowance =
                pieces[r][c] == 0 ? u8("免费托运行李额为%1公斤（计重制）").arg(kilos[r][c])
                                  : u8("可免费托运%1件，每件不超过%2公斤（计件制）")
                                        .arg(pieces[r][c])
                                        .arg(kilos[r][c]);
            const QString enAllowance =
                pieces[r][c] == 0
                    ? QStringLiteral("the free checked allowance is %1 kg in total (weight "
                                     "concept)")
                          .arg(kilos[r][c])
                    : QStringLiteral("you may check %1 piece(s) free, up to %2 kg each (piece "
                                     "concept)")
                          .arg(pieces[r][c])
                          .arg(kilos[r][c]);
            out.append(make(id + QStringLiteral("-zh"), "zh",
                            u8("%1%2免费托运行李额").arg(u8(route.zh), u8(cabin.zh)),
                            {u8("%1%2能托运几件行李").arg(u8(route.zh), u8(cabin.zh)),
                             u8("%1托运行李限重多少").arg(u8(cabin.zh))},
                            u8("乘坐%1%2，%3。单件行李三边之和不超过158厘米。"
                               "金卡会员可额外增加一件（或10公斤）。超出部分按逾重行李收费。")
                                .arg(u8(route.zh), u8(cabin.zh), zhAllowance),
                            {}, {u8("托运行李"), u8("行李额"), u8(cabin.zh)}, products));
            out.append(make(
                id + QStringLiteral("-en"), "en",
                QStringLiteral("Free checked baggage: %1 on %2")
                    .arg(QString::fromLatin1(cabin.en), QString::fromLatin1(route.en)),
                {QStringLiteral("How many bags can I check in %1?")
                     .arg(QString::fromLatin1(cabin.en)),
                 QStringLiteral("What is the %1 baggage weight limit?")
                     .arg(QString::fromLatin1(cabin.en))},
                QStringLiteral("In %1 on %2, %3. Each bag may measure up to 158 cm "
                               "(length + width + height). Gold members get one more "
                               "piece (or 10 kg). Anything over is charged as excess "
                               "baggage.")
                    .arg(QString::fromLatin1(cabin.en), QString::fromLatin1(route.en), enAllowance),
                {},
                {QStringLiteral("checked baggage"), QStringLiteral("allowance"),
                 QString::fromLatin1(cabin.en).toLower()},
                products));
        }
    }
}

struct Plan
{
    const char* id;
    const char* zh;
    const char* en;
    int fee;
    int dataGb;
    int minutes;
    bool fiveG;
};

const Plan kPlans[] = {
    {"basic19", "畅享19元基础套餐", "Basic 19", 19, 5, 100, false},
    {"smart39", "畅享39元套餐", "Smart 39", 39, 20, 200, false},
    {"smart59", "5G畅享59元套餐", "5G Smart 59", 59, 40, 300, true},
    {"smart99", "5G畅享99元套餐", "5G Smart 99", 99, 80, 500, true},
    {"smart129", "5G畅享129元套餐", "5G Smart 129", 129, 120, 800, true},
    {"family169", "5G全家享169元套餐", "5G Family 169", 169, 150, 1000, true},
    {"senior8", "爱心8元老人卡", "Senior 8", 8, 1, 100, false},
    {"student29", "校园29元套餐", "Campus 29", 29, 30, 100, false},
};

void addPlans(QList<KnowledgeArticle>& out)
{
    const QStringList products{QStringLiteral("plans"), QStringLiteral("telecom")};
    for (const Plan& p : kPlans) {
        const QString id = QString::fromLatin1(p.id);
        out.append(make(QStringLiteral("plan-%1-zh").arg(id), "zh", u8("%1介绍").arg(u8(p.zh)),
                        {u8("%1包含多少流量").arg(u8(p.zh)), u8("%1月租多少").arg(u8(p.zh))},
                        u8("%1月租%2元，包含国内通用流量%3GB、国内通话%4分钟%5。"
                           "套餐变更次月生效；超出流量按5元/GB计费。")
                            .arg(u8(p.zh))
                            .arg(p.fee)
                            .arg(p.dataGb)
                            .arg(p.minutes)
                            .arg(p.fiveG ? u8("，支持5G网络") : QString()),
                        {u8("发送“BG%1”到10086办理").arg(id.toUpper())},
                        {u8("套餐"), u8("流量"), p.fiveG ? u8("5G") : u8("4G")}, products));
        out.append(
            make(QStringLiteral("plan-%1-en").arg(id), "en",
                 QStringLiteral("The %1 plan").arg(QString::fromUtf8(p.en)),
                 {QStringLiteral("How much data does %1 include?").arg(QString::fromUtf8(p.en)),
                  QStringLiteral("What is the monthly fee of %1?").arg(QString::fromUtf8(p.en))},
                 QStringLiteral("%1 costs %2 yuan a month with %3 GB of national data and "
                                "%4 minutes of national calls%5. A plan change takes effect "
                                "next month; extra data costs 5 yuan per GB.")
                     .arg(QString::fromUtf8(p.en))
                     .arg(p.fee)
                     .arg(p.dataGb)
                     .arg(p.minutes)
                     .arg(p.fiveG ? QStringLiteral(" on the 5G network") : QString()),
                 {QStringLiteral("Text BG%1 to 10086 to switch").arg(id.toUpper())},
                 {QStringLiteral("plan"), QStringLiteral("data"),
                  p.fiveG ? QStringLiteral("5g") : QStringLiteral("4g")},
                 products));
    }
}

} // namespace

QList<KnowledgeArticle> familyArticles()
{
    QList<KnowledgeArticle> articles;
    addRoaming(articles);
    addBankErrors(articles);
    addShoes(articles);
    addBaggage(articles);
    addPlans(articles);
    return articles;
}

} // namespace qidong::hub::demo
