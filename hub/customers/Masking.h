#pragma once

#include <QString>

namespace qidong::hub {

// Personal data as it may leave the hub: enough to recognise, not to use.
// 13800138000 -> 138****8000; li.na@example.com -> l***@example.com;
// 110101199003071234 -> 110***********1234; a handle stays as it is
// (it is public on its platform).
inline QString maskIdentity(const QString& kind, const QString& value)
{
    if ((kind == QLatin1StringView("phone") || kind == QLatin1StringView("nationalId")) &&
        value.size() >= 7)
        return value.left(3) + QString(value.size() - 7, u'*') + value.right(4);
    if (kind == QLatin1StringView("email")) {
        const qsizetype at = value.indexOf(u'@');
        if (at > 1)
            return value.left(1) + QStringLiteral("***") + value.mid(at);
    }
    return value;
}

// Whether a kind of identity is masked when it leaves the hub.
inline bool isMaskedKind(const QString& kind)
{
    return kind == QLatin1StringView("phone") || kind == QLatin1StringView("email") ||
           kind == QLatin1StringView("nationalId");
}

} // namespace qidong::hub
