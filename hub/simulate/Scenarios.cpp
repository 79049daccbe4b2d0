#include "Scenarios.h"

namespace qidong::hub::simulate {

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

} // namespace

QList<Scenario> builtInScenarios()
{
    return {
        {s("weibo-roaming-complaint"),
         s("weibo"),
         s("public"),
         s("zh-CN"),
         s("@旅行的猫"),
         s("旅行的猫"),
         {s("@某某移动 在泰国三天，漫游扣了我八百多！开通的时候根本没说清楚资费，太坑了！"),
          s("我要的是退费，不是解释。"), s("好吧，私信发你手机号了，尽快处理。")}},
        {s("wechat-baggage"),
         s("wechat"),
         s("private"),
         s("zh-CN"),
         s("wx_lihua_88"),
         s("李华"),
         {s("你好，我昨天从成都飞上海的航班，行李到现在还没到，行李牌号 CA123456。"),
          s("里面有药，今天必须拿到，能送到家里吗？"), s("地址是浦东新区张江路 88 号，谢谢。")}},
        {s("sms-bank-app"),
         s("sms"),
         s("private"),
         s("zh-CN"),
         s("13912345678"),
         s("王先生"),
         {s("手机银行一直提示登录失败，验证码也收不到。"), s("换了手机号之后就这样了。")}},
        {s("email-shoes-return"),
         s("email"),
         s("private"),
         s("zh-CN"),
         s("zhao.min@example.cn"),
         s("赵敏"),
         {s("订单 20261120-7781 的跑鞋尺码偏小，想换大半码，请问怎么操作？"),
          s("好的，快递单号是 SF1234567890。")}},
        {s("weibo-praise"),
         s("weibo"),
         s("public"),
         s("zh-CN"),
         s("@上海小王"),
         s("上海小王"),
         {s("给客服小姐姐点赞，半夜帮我处理了漫游流量包，出国一路顺畅！")}},
        {s("wechat-en-roaming"),
         s("wechat"),
         s("private"),
         s("en"),
         s("wx_tom_travel"),
         s("Tom Baker"),
         {s("Hi, I land in Tokyo tomorrow. Do I need to turn on roaming before I fly?"),
          s("Is there a day pass for data?"), s("Great, please add the 7-day pass.")}},
        {s("email-en-baggage"),
         s("email"),
         s("private"),
         s("en"),
         s("s.taylor@example.com"),
         s("Sarah Taylor"),
         {s("My suitcase did not arrive on flight MU587 from Los Angeles. File reference "
            "PVGMU12345."),
          s("It is a dark blue hard case with a red ribbon on the handle.")}},
    };
}

} // namespace qidong::hub::simulate
