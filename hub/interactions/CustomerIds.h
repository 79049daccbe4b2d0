#pragma once

#include <QCryptographicHash>
#include <QString>

namespace qidong::hub {

// The same person writing from the same phone, email or social handle gets
// the same customer id on every channel and every visit, so their history
// follows them. (Linking different identities of one person is the
// customer store's job.) Nothing is derived for an anonymous web visitor.
// An identity as the customer store keys it: a phone's digits (without
// China's +86), an email or handle lower-cased.
inline QString normalizedIdentity(const QString& kind, const QString& identity)
{
    QString normalized = identity.trimmed().toLower();
    if (kind == QStringLiteral("phone")) {
        normalized.removeIf([](QChar c) { return !c.isDigit(); });
        if (normalized.startsWith(QStringLiteral("86")) && normalized.size() == 13)
            normalized = normalized.mid(2); // +86 138... and 138... are one number
    }
    return normalized;
}

inline QString customerIdFor(const QString& kind, const QString& identity)
{
    const QString normalized = normalizedIdentity(kind, identity);
    if (normalized.isEmpty())
        return {};
    const QByteArray digest =
        QCryptographicHash::hash((kind + u':' + normalized).toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("c-") + QString::fromLatin1(digest.toHex().left(16));
}

// The key under which an interaction keeps the number to ring the customer
// on (an outbound call, a web caller who gave their number): the phone
// trunk dials it (docs/protocol.md §13).
inline constexpr QLatin1StringView kNumberKeyPrefix{"tel:"};
inline QString numberKeyFor(const QString& number)
{
    return kNumberKeyPrefix + number;
}

} // namespace qidong::hub
