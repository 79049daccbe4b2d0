#include "ui/settings/SettingsDialog.h"
#include "ui/shell/Theme.h"

#include <QApplication>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest/QTest>

using namespace qidong::ui;

class tst_SettingsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void savesWhatWasChosenOnOk();
    void cancelKeepsEverything();
    void themesChangeThePalette();
    void microphoneMeterRunsWhileOpen();
    void voiceProcessingStagesAreSetApart();
    void settingsTheOrganisationLockedAreReadOnly();
};

namespace {

QComboBox* combo(QWidget& root, const char* name)
{
    for (QComboBox* box : root.findChildren<QComboBox*>()) {
        if (box->accessibleName() == QLatin1StringView(name))
            return box;
    }
    return nullptr;
}

void press(QDialog& dialog, QDialogButtonBox::StandardButton which)
{
    QTest::mouseClick(dialog.findChild<QDialogButtonBox*>()->button(which), Qt::LeftButton);
}

} // namespace

void tst_SettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QidongTests"));
    QSettings().clear();
}

void tst_SettingsDialog::savesWhatWasChosenOnOk()
{
    SettingsDialog dialog;
    QSignalSpy applied(&dialog, &SettingsDialog::settingsApplied);
    QComboBox* theme = combo(dialog, "Theme");
    QComboBox* language = combo(dialog, "Language");
    QComboBox* device = combo(dialog, "Ring on");
    QVERIFY(theme && language && device);
    QCOMPARE(device->itemText(0), QStringLiteral("Default output"));
    theme->setCurrentIndex(theme->findData(QStringLiteral("dark")));
    language->setCurrentIndex(language->findData(QStringLiteral("en")));
    dialog.findChild<QSlider*>()->setValue(35);
    press(dialog, QDialogButtonBox::Ok);
    QCOMPARE(applied.size(), 1);
    const QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
    QCOMPARE(settings.value(QStringLiteral("signIn/language")).toString(), QStringLiteral("en"));
    QCOMPARE(settings.value(QStringLiteral("audio/ringVolume")).toInt(), 35);
    QCOMPARE(settings.value(QStringLiteral("audio/ringDevice")).toByteArray(), QByteArray());

    // Opened again, it shows what was saved.
    SettingsDialog again;
    QCOMPARE(combo(again, "Theme")->currentData().toString(), QStringLiteral("dark"));
    QCOMPARE(again.findChild<QSlider*>()->value(), 35);
}

void tst_SettingsDialog::cancelKeepsEverything()
{
    QSettings().setValue(QStringLiteral("ui/theme"), QStringLiteral("light"));
    SettingsDialog dialog;
    QSignalSpy applied(&dialog, &SettingsDialog::settingsApplied);
    combo(dialog, "Theme")->setCurrentIndex(1);
    press(dialog, QDialogButtonBox::Cancel);
    QCOMPARE(applied.size(), 0);
    QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("light"));
}

void tst_SettingsDialog::themesChangeThePalette()
{
    Theme::apply(Theme::Kind::Dark);
    const QColor dark = QApplication::palette().color(QPalette::Window);
    QVERIFY(dark.lightness() < 80);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
    Theme::apply(Theme::Kind::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    QCOMPARE(Theme::fromName(Theme::name(Theme::Kind::Dark)), Theme::Kind::Dark);
    QCOMPARE(Theme::fromName(QStringLiteral("unknown")), Theme::Kind::Light);
}

void tst_SettingsDialog::microphoneMeterRunsWhileOpen()
{
    SettingsDialog dialog;
    QSignalSpy requested(&dialog, &SettingsDialog::inputMonitorRequested);
    QSignalSpy ended(&dialog, &SettingsDialog::inputMonitorEnded);
    QComboBox* microphone = combo(dialog, "Microphone");
    QVERIFY(microphone);
    microphone->setCurrentIndex(microphone->count() - 1); // closed: nothing to monitor
    QVERIFY(requested.isEmpty());
    bool sawLevel = false;
    QTimer::singleShot(100, &dialog, [&] {
        dialog.showInputLevel(-6.0);
        sawLevel = dialog.inputLevel()->value() == 54;
        dialog.showInputLevel(-200.0);
        sawLevel = sawLevel && dialog.inputLevel()->value() == 0;
        dialog.reject();
    });
    dialog.exec();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toByteArray(), microphone->currentData().toByteArray());
    QVERIFY(sawLevel);
    QCOMPARE(ended.size(), 1);
}

namespace {

QCheckBox* checkBox(QWidget& root, const QString& text)
{
    for (QCheckBox* box : root.findChildren<QCheckBox*>()) {
        if (box->text().remove(u'&') == text)
            return box;
    }
    return nullptr;
}

} // namespace

void tst_SettingsDialog::voiceProcessingStagesAreSetApart()
{
    QSettings().clear();
    SettingsDialog dialog;
    QCheckBox* echo = checkBox(dialog, QStringLiteral("Echo cancellation"));
    QCheckBox* noise = checkBox(dialog, QStringLiteral("Noise suppression"));
    QCheckBox* gain = checkBox(dialog, QStringLiteral("Automatic gain"));
    QVERIFY(echo && noise && gain);
    QVERIFY(echo->isChecked() && noise->isChecked() && gain->isChecked());
    gain->setChecked(false);
    press(dialog, QDialogButtonBox::Ok);
    const QSettings settings;
    QCOMPARE(settings.value(QStringLiteral("audio/echoCancellation")).toBool(), true);
    QCOMPARE(settings.value(QStringLiteral("audio/noiseSuppression")).toBool(), true);
    QCOMPARE(settings.value(QStringLiteral("audio/gainControl")).toBool(), false);
    SettingsDialog again;
    QVERIFY(!checkBox(again, QStringLiteral("Automatic gain"))->isChecked());
}

void tst_SettingsDialog::settingsTheOrganisationLockedAreReadOnly()
{
    QSettings().clear();
    QTemporaryDir dir;
    const QString site = dir.filePath(QStringLiteral("site.conf"));
    {
        QSettings file(site, QSettings::IniFormat);
        file.setValue(QStringLiteral("audio/ringVolume"), 90);
        file.setValue(QStringLiteral("audio/echoCancellation"), true);
        file.setValue(QStringLiteral("ui/theme"), QStringLiteral("dark"));
        file.setValue(QStringLiteral("locked/keys"),
                      QStringLiteral("audio/ringVolume, audio/echoCancellation"));
    }
    qputenv("QIDONG_SITE_SETTINGS", site.toLocal8Bit());
    // The user had turned echo cancellation off before IT locked it on.
    QSettings().setValue(QStringLiteral("audio/echoCancellation"), false);

    SettingsDialog dialog;
    auto* volume = dialog.findChild<QSlider*>();
    QCheckBox* echo = checkBox(dialog, QStringLiteral("Echo cancellation"));
    QComboBox* theme = combo(dialog, "Theme");
    QVERIFY(!volume->isEnabled());
    QCOMPARE(volume->value(), 90);
    QCOMPARE(volume->toolTip(), QStringLiteral("Set by your organisation"));
    QVERIFY(!echo->isEnabled());
    QVERIFY(echo->isChecked());
    // Not locked: the site's value is only the default.
    QVERIFY(theme->isEnabled());
    QCOMPARE(theme->currentData().toString(), QStringLiteral("dark"));
    theme->setCurrentIndex(theme->findData(QStringLiteral("light")));
    press(dialog, QDialogButtonBox::Ok);

    const QSettings settings;
    QVERIFY(!settings.contains(QStringLiteral("audio/ringVolume")));
    QCOMPARE(settings.value(QStringLiteral("audio/echoCancellation")).toBool(), false);
    QCOMPARE(settings.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("light"));
    qunsetenv("QIDONG_SITE_SETTINGS");
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_SettingsDialog.moc"
