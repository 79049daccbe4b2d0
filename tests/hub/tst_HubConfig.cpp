#include "HubConfig.h"
#include "HubOptions.h"

#include <QCommandLineParser>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace qidong::hub;

namespace {

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run hub(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(QIDONG_HUB_EXECUTABLE), arguments);
    Run run;
    if (!process.waitForFinished(20000))
        return run;
    run.code = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

// The hub's configuration file and `--check-config`, as the packaged
// service uses them: keys are the command-line options, the command line
// wins, mistakes name their line, and the check finds what a start would
// trip over without starting anything.
class tst_HubConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileBecomesArgumentsBeforeTheCommandLine();
    void mistakesNameTheirLine();
    void thePackagedFileIsValid();
    void checkConfigFindsProblemsWithoutStarting();
};

void tst_HubConfig::fileBecomesArgumentsBeforeTheCommandLine()
{
    QTemporaryDir dir;
    const QString path = write(dir, QStringLiteral("hub.conf"),
                               "# a comment\n\n"
                               "listen = 0.0.0.0:9470\n"
                               "  web-listen=off  \n"
                               "demo = true\n"
                               "alert-keywords = \"/etc/qidong/my words.json\"\n"
                               "ingest-token =\n"
                               "monitor-notice = off\n");
    const auto arguments = configFileArguments(path, HubOptions::commandLineOptions());
    QVERIFY(arguments.ok());
    QCOMPARE(arguments.value(),
             (QStringList{QStringLiteral("--listen=0.0.0.0:9470"),
                          QStringLiteral("--web-listen=off"), QStringLiteral("--demo"),
                          QStringLiteral("--alert-keywords=/etc/qidong/my words.json"),
                          QStringLiteral("--monitor-notice=off")}));
    // The command line comes after, and wins.
    QCommandLineParser parser;
    HubOptions::addTo(parser);
    QVERIFY(parser.parse(QStringList{QStringLiteral("qidong-hub")} + arguments.value() +
                         QStringList{QStringLiteral("--data-dir=/tmp/x"),
                                     QStringLiteral("--listen=127.0.0.1:9999")}));
    const auto options = HubOptions::from(parser);
    QVERIFY(options.ok());
    QCOMPARE(options.value().port, quint16(9999));
    QVERIFY(!options.value().webEnabled);
    QVERIFY(options.value().demo);
    QVERIFY(!options.value().tellMonitored);
}

void tst_HubConfig::mistakesNameTheirLine()
{
    QTemporaryDir dir;
    const QList<std::pair<QByteArray, QString>> cases{
        {"listen = 127.0.0.1:1\nlistn = 1\n", QStringLiteral(":2: unknown key \"listn\"")},
        {"just words\n", QStringLiteral(":1: expected key = value")},
        {"demo = yes\n", QStringLiteral(":1: demo is true or false")},
        {"config = /etc/other.conf\n", QStringLiteral(":1: unknown key \"config\"")},
    };
    for (const auto& [text, message] : cases) {
        const QString path = write(dir, QStringLiteral("bad.conf"), text);
        const auto arguments = configFileArguments(path, HubOptions::commandLineOptions());
        QVERIFY(!arguments.ok());
        QVERIFY2(arguments.error().message.endsWith(message),
                 qPrintable(arguments.error().message));
    }
    const auto missing = configFileArguments(dir.filePath(QStringLiteral("none.conf")),
                                             HubOptions::commandLineOptions());
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().message.startsWith(QStringLiteral("cannot read")));
}

void tst_HubConfig::thePackagedFileIsValid()
{
    const QString packaged = QStringLiteral(QIDONG_SOURCE_DIR "/packaging/linux/hub.conf");
    const auto arguments = configFileArguments(packaged, HubOptions::commandLineOptions());
    QVERIFY2(arguments.ok(), arguments.ok() ? "" : qPrintable(arguments.error().message));
    QVERIFY(arguments.value().contains(QStringLiteral("--listen=127.0.0.1:8470")));
    QTemporaryDir dir;
    const Run run = hub({QStringLiteral("--config"), packaged, QStringLiteral("--data-dir"),
                         dir.filePath(QStringLiteral("state")), QStringLiteral("--check-config")});
    QCOMPARE(run.code, 0);
    QVERIFY2(run.out.contains(QStringLiteral("configuration OK")), qPrintable(run.out + run.err));
    // Nothing was started or created.
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("state"))));
}

void tst_HubConfig::checkConfigFindsProblemsWithoutStarting()
{
    QTemporaryDir dir;
    const QString notADirectory = write(dir, QStringLiteral("file"), "x");
    Run run = hub({QStringLiteral("--data-dir"), notADirectory, QStringLiteral("--check-config")});
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(QStringLiteral("is not a directory")), qPrintable(run.err));

    run = hub({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--cert"),
               dir.filePath(QStringLiteral("none.crt")), QStringLiteral("--key"),
               dir.filePath(QStringLiteral("none.key")), QStringLiteral("--check-config")});
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(QStringLiteral("no PEM certificate")), qPrintable(run.err));

    const QString words = write(dir, QStringLiteral("words.json"), "{not json");
    run = hub({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--alert-keywords"), words,
               QStringLiteral("--check-config")});
    QCOMPARE(run.code, 2);

    run = hub({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--listen"),
               QStringLiteral("nowhere"), QStringLiteral("--check-config")});
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(QStringLiteral("host:port")), qPrintable(run.err));

    const QString bad = write(dir, QStringLiteral("bad.conf"), "lisen = 1\n");
    run = hub({QStringLiteral("--config"), bad, QStringLiteral("--data-dir"), dir.path(),
               QStringLiteral("--check-config")});
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(QStringLiteral("bad.conf:1: unknown key")), qPrintable(run.err));

    run = hub({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--check-config")});
    QCOMPARE(run.code, 0);
    QVERIFY(run.out.startsWith(QStringLiteral("qidong-hub ")));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("qidong-hub.sqlite"))));
}

QTEST_GUILESS_MAIN(tst_HubConfig)
#include "tst_HubConfig.moc"
