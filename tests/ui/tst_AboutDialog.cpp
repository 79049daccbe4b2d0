#include "ui/shell/AboutDialog.h"

#include <QApplication>
#include <QLabel>
#include <QTableWidget>
#include <QtTest/QTest>

// Help ▸ About tells the version --version prints and every third-party
// part the desktop links, with its license.
class tst_AboutDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheVersionAndTheLicenses()
    {
        QApplication::setApplicationVersion(QStringLiteral("0.1.0+abc1234"));
        qidong::ui::AboutDialog about;
        about.show();
        QVERIFY(QTest::qWaitForWindowExposed(&about));
        const auto* version = about.findChild<QLabel*>(QStringLiteral("aboutVersion"));
        QVERIFY(version->text().contains(QStringLiteral("0.1.0+abc1234")));
        QVERIFY(version->text().contains(QString::fromLatin1(qVersion())));
        QStringList rows;
        for (int row = 0; row < about.components()->rowCount(); ++row)
            rows.append(about.components()->item(row, 0)->text() + u'|' +
                        about.components()->item(row, 1)->text());
        for (const QString& expected :
             {QStringLiteral("QtKeychain|BSD-3-Clause"), QStringLiteral("Opus|BSD-3-Clause"),
              QStringLiteral("SpeexDSP|BSD-3-Clause"),
              QStringLiteral("WebRTC Audio Processing|BSD-3-Clause")})
            QVERIFY2(rows.contains(expected), qPrintable(rows.join(u'\n')));
        QVERIFY(rows.first().endsWith(QStringLiteral("|LGPL-3.0-only")));
    }
};

QTEST_MAIN(tst_AboutDialog)
#include "tst_AboutDialog.moc"
