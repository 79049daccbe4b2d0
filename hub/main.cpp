#include "Hub.h"
#include "ShutdownSignals.h"
#include "auth/PasswordHasher.h"
#include "log/HubLog.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace qidong::hub;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qidong-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QIDONG_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Qidong engagement hub: sessions, agent state and routing for qidong-desktop.\n"
        "Logs one JSON object per line on stderr."));
    parser.addHelpOption();
    parser.addVersionOption();
    HubOptions::addTo(parser);
    parser.process(app);

    installJsonLogHandler();
    if (!PasswordHasher::initialize()) {
        logEvent(lcServer, QtCriticalMsg, QLatin1StringView("hub.start_failed"),
                 {{QStringLiteral("error"), QStringLiteral("libsodium could not be initialised")}});
        return 2;
    }
    qidong::protocol::Result<HubOptions> options = HubOptions::from(parser);
    if (!options) {
        std::fprintf(stderr, "qidong-hub: %s\n", qPrintable(options.error().message));
        return 2;
    }
    qidong::protocol::Result<std::unique_ptr<Hub>> hub = Hub::start(options.value());
    if (!hub) {
        logEvent(lcServer, QtCriticalMsg, QLatin1StringView("hub.start_failed"),
                 {{QStringLiteral("error"), hub.error().message}});
        return 1;
    }
    ShutdownSignals signals;
    QObject::connect(&signals, &ShutdownSignals::shutdownRequested, hub.value().get(),
                     [&hub](const QString& name) { hub.value()->drain(name); });
    QObject::connect(hub.value().get(), &Hub::stopped, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    const int code = QCoreApplication::exec();
    hub.value().reset();
    return code;
}
