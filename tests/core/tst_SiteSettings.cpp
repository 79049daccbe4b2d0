#include "core/settings/SiteSettings.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QTest>

using qidong::core::SiteSettings;

// Settings IT puts on a machine for every user: defaults a user may change,
// and locked keys (the hub address) a user's own value cannot override.
class tst_SiteSettings final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { QSettings().clear(); }
    void siteValuesAreDefaultsTheUserMayChange();
    void lockedKeysIgnoreTheUsersValue();
    void noSiteFileChangesNothing();
    void aLockedKeyCannotBeStored();

private:
    QString writeSite(const QByteArray& text);
    QTemporaryDir m_dir;
};

void tst_SiteSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QidongTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sitesettings"));
}

QString tst_SiteSettings::writeSite(const QByteArray& text)
{
    const QString path = m_dir.filePath(QStringLiteral("qidong-desktop.conf"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(text);
    return path;
}

void tst_SiteSettings::siteValuesAreDefaultsTheUserMayChange()
{
    const SiteSettings site(writeSite("[signIn]\nhubUrl=wss://hub.corp.example:8470\n"
                                      "[audio]\nringVolume=60\n"));
    QCOMPARE(site.value(QStringLiteral("signIn/hubUrl")).toString(),
             QStringLiteral("wss://hub.corp.example:8470"));
    QCOMPARE(site.value(QStringLiteral("audio/ringVolume")).toInt(), 60);
    QVERIFY(!site.isLocked(QStringLiteral("signIn/hubUrl")));
    QSettings().setValue(QStringLiteral("audio/ringVolume"), 90);
    QCOMPARE(site.value(QStringLiteral("audio/ringVolume")).toInt(), 90);
    QCOMPARE(site.value(QStringLiteral("ui/theme"), QStringLiteral("light")).toString(),
             QStringLiteral("light"));
}

void tst_SiteSettings::lockedKeysIgnoreTheUsersValue()
{
    const SiteSettings site(writeSite("[signIn]\nhubUrl=wss://hub.corp.example:8470\n"
                                      "[locked]\nkeys=signIn/hubUrl, audio/voiceProcessing\n"));
    QSettings().setValue(QStringLiteral("signIn/hubUrl"), QStringLiteral("ws://elsewhere:1"));
    QVERIFY(site.isLocked(QStringLiteral("signIn/hubUrl")));
    QCOMPARE(site.value(QStringLiteral("signIn/hubUrl")).toString(),
             QStringLiteral("wss://hub.corp.example:8470"));
    // Listed but not set by the site: nothing to lock to.
    QVERIFY(!site.isLocked(QStringLiteral("audio/voiceProcessing")));
    QVERIFY(!site.isLocked(QStringLiteral("signIn/username")));
}

void tst_SiteSettings::noSiteFileChangesNothing()
{
    const SiteSettings site(m_dir.filePath(QStringLiteral("absent.conf")));
    QSettings().setValue(QStringLiteral("signIn/hubUrl"), QStringLiteral("ws://mine:8470"));
    QCOMPARE(site.value(QStringLiteral("signIn/hubUrl")).toString(),
             QStringLiteral("ws://mine:8470"));
    QVERIFY(!site.isLocked(QStringLiteral("signIn/hubUrl")));
    // The default location when none is named: the system scope.
    qunsetenv("QIDONG_SITE_SETTINGS");
    QVERIFY(SiteSettings().path().endsWith(QStringLiteral("tst_sitesettings.ini")) ||
            SiteSettings().path().endsWith(QStringLiteral("tst_sitesettings.conf")));
}

void tst_SiteSettings::aLockedKeyCannotBeStored()
{
    SiteSettings site(writeSite("[ui]\ntheme=dark\n[locked]\nkeys=ui/theme\n"));
    QVERIFY(!site.setValue(QStringLiteral("ui/theme"), QStringLiteral("light")));
    QVERIFY(!QSettings().contains(QStringLiteral("ui/theme")));
    QCOMPARE(site.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
    QVERIFY(site.setValue(QStringLiteral("audio/ringVolume"), 40));
    QCOMPARE(QSettings().value(QStringLiteral("audio/ringVolume")).toInt(), 40);
}

QTEST_GUILESS_MAIN(tst_SiteSettings)
#include "tst_SiteSettings.moc"
