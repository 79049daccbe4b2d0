#pragma once

#include <QByteArray>
#include <QString>

namespace qidong::hub {

// Bearer tokens: 256 random bits, base64url. Only their BLAKE2b digest is
// stored, so a copy of the database signs nobody in.
class SecretToken final
{
public:
    static QString generate();
    static QByteArray digest(const QString& token);
    static QString randomId(); // 128 random bits, hex, for ids that are not secrets
    // Compares in the same time whatever matches, so a secret cannot be
    // guessed byte by byte. An empty `expected` matches nothing.
    static bool matches(const QByteArray& given, const QByteArray& expected);
};

} // namespace qidong::hub
