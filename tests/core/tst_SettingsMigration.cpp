#include "core/settings/SettingsMigration.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest/QTest>

using qidong::core::SettingsMigration;

// A package upgrade keeps the user's settings file; the new version finds
// it in the old layout and must carry every choice over, once.
class tst_SettingsMigration final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void anOldFileKeepsTheUsersChoices();
    void choicesAlreadyInTheNewLayoutWin();
    void aFreshInstallOnlyRecordsTheLayout();
    void runningAgainChangesNothing();
    void aNewerLayoutIsLeftAlone();
    void anUnwritableFileIsReported();

private:
    QString write(const QByteArray& text);
    QString fileText() const;
    QTemporaryDir m_dir;
    QString m_path;
};

void tst_SettingsMigration::init()
{
    m_path = m_dir.filePath(QStringLiteral("qidong-desktop.conf"));
    QFile::remove(m_path);
}

QString tst_SettingsMigration::write(const QByteArray& text)
{
    QFile file(m_path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(text);
    return m_path;
}

QString tst_SettingsMigration::fileText() const
{
    QFile file(m_path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void tst_SettingsMigration::anOldFileKeepsTheUsersChoices()
{
    // What 0.8 wrote: one switch for all voice processing, turned off.
    write("[audio]\nvoiceProcessing=false\nringVolume=35\n"
          "[signIn]\nhubUrl=ws://hub.example:8470\nusername=lina\n");
    QSettings user(m_path, QSettings::IniFormat);
    const SettingsMigration::Outcome outcome = SettingsMigration::run(user);
    QCOMPARE(outcome.from, 0);
    QCOMPARE(outcome.to, SettingsMigration::kCurrentVersion);
    QVERIFY(outcome.saved);
    QVERIFY(!outcome.newerThanThisVersion);
    QVERIFY(outcome.changedKeys.contains(QStringLiteral("audio/voiceProcessing")));

    // Read back from the file, as the next start would.
    const QSettings reread(m_path, QSettings::IniFormat);
    QCOMPARE(reread.value(QStringLiteral("settings/version")).toInt(),
             SettingsMigration::kCurrentVersion);
    QVERIFY(!reread.contains(QStringLiteral("audio/voiceProcessing")));
    for (const char* key :
         {"audio/echoCancellation", "audio/noiseSuppression", "audio/gainControl"}) {
        QVERIFY2(reread.contains(QLatin1StringView(key)), key);
        QCOMPARE(reread.value(QLatin1StringView(key)).toBool(), false);
    }
    QCOMPARE(reread.value(QStringLiteral("audio/ringVolume")).toInt(), 35);
    QCOMPARE(reread.value(QStringLiteral("signIn/username")).toString(), QStringLiteral("lina"));
    QCOMPARE(reread.value(QStringLiteral("signIn/hubUrl")).toString(),
             QStringLiteral("ws://hub.example:8470"));
}

void tst_SettingsMigration::choicesAlreadyInTheNewLayoutWin()
{
    write("[audio]\nvoiceProcessing=true\nnoiseSuppression=false\n");
    QSettings user(m_path, QSettings::IniFormat);
    SettingsMigration::run(user);
    const QSettings reread(m_path, QSettings::IniFormat);
    QCOMPARE(reread.value(QStringLiteral("audio/noiseSuppression")).toBool(), false);
    QCOMPARE(reread.value(QStringLiteral("audio/echoCancellation")).toBool(), true);
    QCOMPARE(reread.value(QStringLiteral("audio/gainControl")).toBool(), true);
}

void tst_SettingsMigration::aFreshInstallOnlyRecordsTheLayout()
{
    QSettings user(m_path, QSettings::IniFormat);
    const SettingsMigration::Outcome outcome = SettingsMigration::run(user);
    QVERIFY(outcome.changedKeys.isEmpty());
    const QSettings reread(m_path, QSettings::IniFormat);
    QCOMPARE(reread.allKeys(), QStringList{QStringLiteral("settings/version")});
}

void tst_SettingsMigration::runningAgainChangesNothing()
{
    write("[audio]\nvoiceProcessing=false\n");
    {
        QSettings user(m_path, QSettings::IniFormat);
        SettingsMigration::run(user);
    }
    const QString once = fileText();
    QSettings user(m_path, QSettings::IniFormat);
    const SettingsMigration::Outcome again = SettingsMigration::run(user);
    QCOMPARE(again.from, SettingsMigration::kCurrentVersion);
    QCOMPARE(again.to, SettingsMigration::kCurrentVersion);
    QVERIFY(again.changedKeys.isEmpty());
    user.sync();
    QCOMPARE(fileText(), once);
}

void tst_SettingsMigration::aNewerLayoutIsLeftAlone()
{
    // Written by a later version the user then downgraded from.
    write("[settings]\nversion=7\n[audio]\nvoiceProcessing=false\nsomethingNew=3\n");
    const QString before = fileText();
    QSettings user(m_path, QSettings::IniFormat);
    const SettingsMigration::Outcome outcome = SettingsMigration::run(user);
    QVERIFY(outcome.newerThanThisVersion);
    QCOMPARE(outcome.from, 7);
    QVERIFY(outcome.changedKeys.isEmpty());
    user.sync();
    QCOMPARE(fileText(), before);
}

void tst_SettingsMigration::anUnwritableFileIsReported()
{
    // A home the desktop cannot write to (even as root: the "directory" is
    // a file). The run says so; the next start tries again.
    QFile blocker(m_dir.filePath(QStringLiteral("not-a-directory")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QSettings user(blocker.fileName() + QStringLiteral("/qidong-desktop.conf"),
                   QSettings::IniFormat);
    const SettingsMigration::Outcome outcome = SettingsMigration::run(user);
    QVERIFY(!outcome.saved);
    QCOMPARE(outcome.to, SettingsMigration::kCurrentVersion);
}

QTEST_GUILESS_MAIN(tst_SettingsMigration)
#include "tst_SettingsMigration.moc"
