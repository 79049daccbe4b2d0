#include "auth/PasswordHasher.h"
#include "auth/SecretToken.h"

#include <QSet>
#include <QtTest/QTest>

using namespace qidong::hub;

class tst_Credentials final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(PasswordHasher::initialize()); }
    void hashesAreArgon2idAndSalted();
    void verifyAcceptsOnlyTheRightPassword();
    void verifyRejectsGarbageHashes_data();
    void verifyRejectsGarbageHashes();
    void tokensAreRandomAndDigestsStable();
};

void tst_Credentials::hashesAreArgon2idAndSalted()
{
    const QString first = PasswordHasher::hash(QStringLiteral("qidong-demo"));
    const QString second = PasswordHasher::hash(QStringLiteral("qidong-demo"));
    QVERIFY(first.startsWith(QStringLiteral("$argon2id$")));
    QVERIFY(!first.contains(QStringLiteral("qidong-demo")));
    QVERIFY(first != second);
}

void tst_Credentials::verifyAcceptsOnlyTheRightPassword()
{
    const QString hash = PasswordHasher::hash(QStringLiteral("密码-Passw0rd"));
    QVERIFY(PasswordHasher::verify(hash, QStringLiteral("密码-Passw0rd")));
    QVERIFY(!PasswordHasher::verify(hash, QStringLiteral("密码-passw0rd")));
    QVERIFY(!PasswordHasher::verify(hash, QString()));
    QVERIFY(!PasswordHasher::verify(PasswordHasher::decoyHash(), QString()));
}

void tst_Credentials::verifyRejectsGarbageHashes_data()
{
    QTest::addColumn<QString>("hash");
    QTest::newRow("empty") << QString();
    QTest::newRow("plaintext") << QStringLiteral("qidong-demo");
    QTest::newRow("truncated") << PasswordHasher::hash(QStringLiteral("qidong-demo")).left(40);
    QTest::newRow("oversized") << QString(1000, u'$');
}

void tst_Credentials::verifyRejectsGarbageHashes()
{
    QFETCH(QString, hash);
    QVERIFY(!PasswordHasher::verify(hash, QStringLiteral("qidong-demo")));
}

void tst_Credentials::tokensAreRandomAndDigestsStable()
{
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const QString token = SecretToken::generate();
        QCOMPARE(token.size(), 43); // 256 bits in unpadded base64url
        QVERIFY(!seen.contains(token));
        seen.insert(token);
    }
    const QString token = SecretToken::generate();
    QCOMPARE(SecretToken::digest(token).size(), 32);
    QCOMPARE(SecretToken::digest(token), SecretToken::digest(token));
    QVERIFY(SecretToken::digest(token) != SecretToken::digest(SecretToken::generate()));
    QCOMPARE(SecretToken::randomId().size(), 32);
}

QTEST_GUILESS_MAIN(tst_Credentials)
#include "tst_Credentials.moc"
