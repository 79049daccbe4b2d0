#pragma once

#include <QByteArray>
#include <QString>

namespace qidong::hub {

// argon2id through libsodium, in libsodium's self-describing string form
// ("$argon2id$v=19$m=...,t=...,p=1$salt$hash"). Hashing costs ~64 MiB and
// tens of milliseconds by design: call verify() off the event loop thread.
class PasswordHasher final
{
public:
    // Initialises libsodium; safe to call more than once. False if it cannot.
    static bool initialize();
    static QString hash(const QString& password);
    static bool verify(const QString& encodedHash, const QString& password);
    // A valid hash of a random password, verified when the username is
    // unknown so both paths take the same time.
    static QString decoyHash();
};

} // namespace qidong::hub
