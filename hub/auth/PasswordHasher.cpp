#include "PasswordHasher.h"

#include "SecretToken.h"

#include <sodium.h>

namespace qidong::hub {

bool PasswordHasher::initialize()
{
    return sodium_init() >= 0;
}

QString PasswordHasher::hash(const QString& password)
{
    const QByteArray utf8 = password.toUtf8();
    char encoded[crypto_pwhash_STRBYTES] = {};
    if (crypto_pwhash_str(encoded, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return QString::fromLatin1(encoded);
}

bool PasswordHasher::verify(const QString& encodedHash, const QString& password)
{
    const QByteArray stored = encodedHash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    if (stored.isEmpty() || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

QString PasswordHasher::decoyHash()
{
    return hash(SecretToken::generate());
}

} // namespace qidong::hub
