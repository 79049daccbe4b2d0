#include "HubProbe.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qidong-ctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QIDONG_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Command-line client of a qidong-hub.\n\n"
                       "  qidong-ctl [--url URL] login USERNAME\n"
                       "      Signs in once and reports the answer. The password is read from\n"
                       "      the QIDONG_PASSWORD environment variable, never from arguments.\n"
                       "      Exit status: 0 signed in, 1 refused by the hub, 2 no answer."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("url"), QStringLiteral("Hub URL."), QStringLiteral("url"),
                      QStringLiteral("ws://127.0.0.1:8470")});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("login"));
    parser.addPositionalArgument(QStringLiteral("username"), QStringLiteral("Who signs in."));
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || positional.first() != QStringLiteral("login")) {
        std::fprintf(stderr, "usage: qidong-ctl [--url URL] login USERNAME\n");
        return 2;
    }
    const QString password = qEnvironmentVariable("QIDONG_PASSWORD");
    qidong::ctl::HubProbe probe(QUrl(parser.value(QStringLiteral("url"))), positional.at(1),
                                password);
    int exitCode = 2;
    QObject::connect(&probe, &qidong::ctl::HubProbe::finished, &app,
                     [&exitCode](int code, const QString& report) {
                         exitCode = code;
                         std::printf("%s\n", qPrintable(report));
                         QCoreApplication::quit();
                     });
    probe.start(std::chrono::seconds(10));
    QCoreApplication::exec();
    return exitCode;
}
