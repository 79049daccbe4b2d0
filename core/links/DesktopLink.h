#pragma once

#include "protocol/Result.h"

#include <QString>
#include <QUrl>

namespace qidong::core {

// A link a web page or another program hands the desktop (the desktop entry
// declares it the handler of both schemes): click-to-dial from a CRM.
//   tel:+86 138-0013-8000          dial the number
//   qidong:dial?number=13800138000 the same
//   qidong:call?customer=c-42      call a known customer (the number stays
//                                  in the hub)
//   qidong:customer?id=c-42        open the customer's 360, no call
//   qidong:customer?phone=138…     the same, found by a phone number,
//   qidong:customer?email=a@b.cn   an e-mail address or a WeChat id
//   qidong:customer?wechat=wx-…    (customer.lookup)
// Anything else is refused with a reason; nothing is dialled from a link
// that does not parse.
struct DesktopLink final
{
    enum class Action
    {
        Dial,
        CallCustomer,
        OpenCustomer,
    };
    Action action = Action::Dial;
    QString number;     // Dial: digits, with + * # kept
    QString customerId; // CallCustomer, OpenCustomer by id
    // OpenCustomer by what the CRM knows: "phone", "email" or "wechat".
    QString identityKind;
    QString identity;

    static protocol::Result<DesktopLink> parse(const QUrl& url);
    static bool looksLikeLink(const QString& argument);
};

} // namespace qidong::core
