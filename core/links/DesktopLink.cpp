#include "DesktopLink.h"

#include "protocol/Limits.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace qidong::core {

using namespace qidong::protocol;

namespace {

Error refused(const QString& why)
{
    return makeError(ErrorCode::InvalidParams, why);
}

// What people write around phone numbers (spaces, dashes, dots,
// parentheses, RFC 3966 visual separators) goes; digits and + * # stay.
Result<QString> phoneNumber(const QString& written)
{
    QString number;
    for (const QChar c : written) {
        if (c.isDigit() && c.unicode() < 128)
            number += c;
        else if (c == u'+' && number.isEmpty())
            number += c;
        else if (c == u'*' || c == u'#')
            number += c;
        else if (c != u' ' && c != u'-' && c != u'.' && c != u'(' && c != u')')
            return refused(QStringLiteral("not a phone number: \"%1\"").arg(written));
    }
    const qsizetype digits = number.count(QRegularExpression(QStringLiteral("[0-9]")));
    if (digits < 3 || number.size() > 32)
        return refused(QStringLiteral("not a phone number: \"%1\"").arg(written));
    return number;
}

} // namespace

bool DesktopLink::looksLikeLink(const QString& argument)
{
    return argument.startsWith(QStringLiteral("tel:"), Qt::CaseInsensitive) ||
           argument.startsWith(QStringLiteral("qidong:"), Qt::CaseInsensitive);
}

Result<DesktopLink> DesktopLink::parse(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    DesktopLink link;
    if (scheme == QStringLiteral("tel")) {
        // tel:+86-138-0013-8000;ext=12: parameters after ';' are not dialled.
        const QString written = url.path(QUrl::FullyDecoded).section(u';', 0, 0);
        Result<QString> number = phoneNumber(written);
        if (!number)
            return number.error();
        link.number = number.value();
        return link;
    }
    if (scheme != QStringLiteral("qidong"))
        return refused(QStringLiteral("not a Qidong link: %1").arg(url.scheme()));
    const QUrlQuery query(url);
    const QString what = url.path(QUrl::FullyDecoded).remove(u'/');
    if (what == QStringLiteral("dial")) {
        Result<QString> number =
            phoneNumber(query.queryItemValue(QStringLiteral("number"), QUrl::FullyDecoded));
        if (!number)
            return number.error();
        link.number = number.value();
        return link;
    }
    if (what == QStringLiteral("call")) {
        link.action = Action::CallCustomer;
        link.customerId = query.queryItemValue(QStringLiteral("customer"), QUrl::FullyDecoded);
        if (link.customerId.isEmpty() || link.customerId.size() > kMaxIdentifierLength)
            return refused(QStringLiteral("qidong:call needs ?customer=<id>"));
        return link;
    }
    if (what == QStringLiteral("customer")) {
        link.action = Action::OpenCustomer;
        // Exactly one way to name the customer: two could disagree.
        const QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyDecoded);
        if (items.size() != 1)
            return refused(QStringLiteral("qidong:customer needs one of ?id=, ?phone=, ?email= or"
                                          " ?wechat="));
        const auto& [name, value] = items.first();
        if (value.isEmpty() || value.size() > kMaxIdentifierLength)
            return refused(QStringLiteral("qidong:customer?%1= is empty or too long").arg(name));
        if (name == QStringLiteral("id")) {
            link.customerId = value;
        } else if (name == QStringLiteral("phone")) {
            Result<QString> number = phoneNumber(value);
            if (!number)
                return number.error();
            link.identityKind = name;
            link.identity = number.value();
        } else if (name == QStringLiteral("email") || name == QStringLiteral("wechat")) {
            link.identityKind = name;
            link.identity = value;
        } else {
            return refused(QStringLiteral("qidong:customer does not know ?%1=").arg(name));
        }
        return link;
    }
    return refused(QStringLiteral("unknown Qidong link: qidong:%1").arg(what));
}

} // namespace qidong::core
