#include "core/credentials/CredentialStore.h"

#include <QSignalSpy>
#include <QUuid>
#include <QtTest/QTest>

using namespace qidong::core;

// Against a real Secret Service: tools/test runs the suite inside
// dbus-run-session with an unlocked gnome-keyring. The same source built
// with QIDONG_NO_KEYCHAIN runs with a D-Bus address that leads nowhere.
class tst_CredentialStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
#ifndef QIDONG_NO_KEYCHAIN
    void storesLoadsAndRemoves();
    void overwritesAndKeepsAccountsApart();
    void missingEntryLoadsEmpty();
#else
    void missingServiceGivesAClearError();
#endif
};

namespace {

QString uniqueAccount(const char* user)
{
    return CredentialStore::accountFor(QString::fromUtf8(user),
                                       QStringLiteral("ws://127.0.0.1:8470/") +
                                           QUuid::createUuid().toString(QUuid::Id128));
}

} // namespace

#ifndef QIDONG_NO_KEYCHAIN

void tst_CredentialStore::storesLoadsAndRemoves()
{
    CredentialStore store(QStringLiteral("qidong-tests"));
    QSignalSpy stored(&store, &CredentialStore::stored);
    QSignalSpy loaded(&store, &CredentialStore::loaded);
    QSignalSpy removed(&store, &CredentialStore::removed);
    QSignalSpy failed(&store, &CredentialStore::failed);
    const QString account = uniqueAccount("李娜");
    const QString token = QStringLiteral("bXk-refresh_token-43-characters-long-abcdef");

    // Queued back to back: the store runs them one after another.
    store.store(account, token);
    store.load(account);
    store.remove(account);
    store.load(account);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 15000);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(loaded.at(0).at(0).toString(), account);
    QCOMPARE(loaded.at(0).at(1).toString(), token);
    QCOMPARE(loaded.at(1).at(1).toString(), QString());
}

void tst_CredentialStore::overwritesAndKeepsAccountsApart()
{
    CredentialStore store(QStringLiteral("qidong-tests"));
    QSignalSpy loaded(&store, &CredentialStore::loaded);
    QSignalSpy failed(&store, &CredentialStore::failed);
    const QString lina = uniqueAccount("li.na");
    const QString wei = uniqueAccount("wang.wei");
    store.store(lina, QStringLiteral("first"));
    store.store(lina, QStringLiteral("second"));
    store.store(wei, QStringLiteral("other"));
    store.load(lina);
    store.load(wei);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 15000);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(loaded.at(0).at(1).toString(), QStringLiteral("second"));
    QCOMPARE(loaded.at(1).at(1).toString(), QStringLiteral("other"));
    store.remove(lina);
    store.remove(wei);
    QSignalSpy removed(&store, &CredentialStore::removed);
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 2, 15000);
}

void tst_CredentialStore::missingEntryLoadsEmpty()
{
    CredentialStore store(QStringLiteral("qidong-tests"));
    QSignalSpy loaded(&store, &CredentialStore::loaded);
    QSignalSpy removed(&store, &CredentialStore::removed);
    store.load(uniqueAccount("nobody"));
    store.remove(uniqueAccount("nobody")); // removing nothing is not an error
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 15000);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).at(1).toString(), QString());
}

#else

void tst_CredentialStore::missingServiceGivesAClearError()
{
    CredentialStore store(QStringLiteral("qidong-tests"));
    QSignalSpy failed(&store, &CredentialStore::failed);
    QSignalSpy stored(&store, &CredentialStore::stored);
    store.store(uniqueAccount("li.na"), QStringLiteral("token"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
    QCOMPARE(stored.size(), 0);
    const QString message = failed.at(0).at(2).toString();
    QCOMPARE(failed.at(0).at(1).value<CredentialStore::Problem>(),
             CredentialStore::Problem::Unavailable);
    QVERIFY2(message.startsWith(QStringLiteral("No keychain service is available")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("You can still sign in")), qPrintable(message));
}

#endif

QTEST_GUILESS_MAIN(tst_CredentialStore)
#include "tst_CredentialStore.moc"
