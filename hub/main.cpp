#include "Hub.h"
#include "HubConfig.h"
#include "ShutdownSignals.h"
#include "auth/PasswordHasher.h"
#include "log/HubLog.h"
#include "simulate/CallSimulator.h"
#include "simulate/PhoneNetwork.h"
#include "simulate/Simulator.h"
#include "storage/AuditLog.h"
#include "storage/Database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <vector>

using namespace qidong::hub;

namespace {

void printStep(const QString& event, QJsonObject fields)
{
    fields.insert(QStringLiteral("event"), event);
    std::printf("%s\n", QJsonDocument(fields).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

// `qidong-hub simulate --calls N`: callers on the customer page's socket.
int runCalls(QCoreApplication& app, const QCommandLineParser& parser)
{
    QList<simulate::CallScenario> scenarios = simulate::builtInCallScenarios();
    const QStringList chosen = parser.values(QStringLiteral("call-scenario"));
    if (!chosen.isEmpty())
        scenarios.removeIf([&chosen](const simulate::CallScenario& scenario) {
            return !chosen.contains(scenario.name);
        });
    bool ok = false;
    const int calls = parser.value(QStringLiteral("calls")).toInt(&ok);
    if (!ok || calls < 1 || calls > 1000 || scenarios.isEmpty()) {
        std::fprintf(stderr, "qidong-hub simulate: --calls needs 1..1000 and a known "
                             "--call-scenario (see --list)\n");
        return 2;
    }
    QUrl socket(parser.value(QStringLiteral("web")));
    if (!socket.isValid() || socket.host().isEmpty()) {
        std::fprintf(stderr,
                     "qidong-hub simulate: --web needs a URL such as http://127.0.0.1:8471\n");
        return 2;
    }
    socket.setScheme(socket.scheme() == QStringLiteral("https") ? QStringLiteral("wss")
                                                                : QStringLiteral("ws"));
    socket.setPath(QStringLiteral("/customer/ws"));
    simulate::SimulatedCaller::Settings settings;
    settings.customerSocket = socket;
    settings.answerWait =
        std::chrono::milliseconds(parser.value(QStringLiteral("reply-wait-ms")).toLongLong());
    settings.callbackAfter =
        std::chrono::milliseconds(parser.value(QStringLiteral("callback-after-ms")).toLongLong());
    int remaining = calls;
    int failures = 0;
    std::vector<std::unique_ptr<simulate::SimulatedCaller>> callers;
    for (int i = 0; i < calls; ++i) {
        auto caller = std::make_unique<simulate::SimulatedCaller>(
            settings, scenarios.at(i % scenarios.size()));
        QObject::connect(
            caller.get(), &simulate::SimulatedCaller::progressed, &app,
            [scenario = caller->scenario().name](const QString& event, QJsonObject fields) {
                fields.insert(QStringLiteral("scenario"), scenario);
                printStep(event, fields);
            });
        QObject::connect(caller.get(), &simulate::SimulatedCaller::finished, &app,
                         [&](bool answered) {
                             failures += answered ? 0 : 1;
                             if (--remaining == 0)
                                 QCoreApplication::quit();
                         });
        // A call a second, as a busy hour ramps up, not all at once.
        QTimer::singleShot(i * 1000, caller.get(), &simulate::SimulatedCaller::start);
        callers.push_back(std::move(caller));
    }
    QCoreApplication::exec();
    return failures > 0 ? 1 : 0;
}

// --token, $QIDONG_INGEST_TOKEN, or <data-dir>/ingest.token.
QString ingestTokenFrom(const QCommandLineParser& parser)
{
    QString token = parser.value(QStringLiteral("token"));
    if (token.isEmpty())
        token = qEnvironmentVariable("QIDONG_INGEST_TOKEN");
    if (token.isEmpty() && parser.isSet(QStringLiteral("data-dir"))) {
        QFile file(QDir(parser.value(QStringLiteral("data-dir")))
                       .filePath(QStringLiteral("ingest.token")));
        if (file.open(QIODevice::ReadOnly))
            token = QString::fromUtf8(file.readAll()).trimmed();
    }
    if (token.isEmpty())
        std::fprintf(stderr, "qidong-hub simulate: no ingest token (--token, $QIDONG_INGEST_TOKEN"
                             " or --data-dir)\n");
    return token;
}

// `qidong-hub simulate --phone-network`: the far ends of the calls agents
// dial, as the hub's phone trunk; runs until stopped.
int runPhoneNetwork(QCoreApplication& app, const QCommandLineParser& parser)
{
    simulate::PhoneNetwork::Settings settings;
    settings.token = ingestTokenFrom(parser);
    if (settings.token.isEmpty())
        return 2;
    QUrl socket(parser.value(QStringLiteral("web")));
    if (!socket.isValid() || socket.host().isEmpty()) {
        std::fprintf(stderr,
                     "qidong-hub simulate: --web needs a URL such as http://127.0.0.1:8471\n");
        return 2;
    }
    socket.setScheme(socket.scheme() == QStringLiteral("https") ? QStringLiteral("wss")
                                                                : QStringLiteral("ws"));
    socket.setPath(QStringLiteral("/trunk/ws"));
    settings.trunkSocket = socket;
    simulate::PhoneNetwork network(settings, simulate::builtInCallScenarios());
    QObject::connect(&network, &simulate::PhoneNetwork::progressed, &app, &printStep);
    int status = 0;
    QObject::connect(&network, &simulate::PhoneNetwork::stopped, &app, [&](const QString& why) {
        printStep(QStringLiteral("phone.stopped"), {{QStringLiteral("why"), why}});
        status = 1;
        QCoreApplication::quit();
    });
    network.start();
    QCoreApplication::exec();
    return status;
}

// `qidong-hub simulate`: outside channels writing in through the ingest API.
int runSimulation(QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Plays Weibo, WeChat, SMS and email conversations (Chinese and English) against a\n"
        "running hub's ingest API, answering each agent reply with the next line.\n"
        "Prints one JSON object per step on stdout."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("simulate"), QStringLiteral("The subcommand."));
    parser.addOptions({
        {QStringLiteral("web"), QStringLiteral("The hub's web address."), QStringLiteral("url"),
         QStringLiteral("http://127.0.0.1:8471")},
        {QStringLiteral("token"), QStringLiteral("Ingest token (default: $QIDONG_INGEST_TOKEN)."),
         QStringLiteral("token")},
        {QStringLiteral("data-dir"),
         QStringLiteral("Read the token from <dir>/ingest.token (a hub on this machine)."),
         QStringLiteral("dir")},
        {QStringLiteral("scenario"),
         QStringLiteral("Play only this scenario (repeatable; see --list)."),
         QStringLiteral("name")},
        {QStringLiteral("list"), QStringLiteral("List the scenarios and exit.")},
        {QStringLiteral("reply-wait-ms"),
         QStringLiteral("How long each customer waits for an answer."), QStringLiteral("ms"),
         QStringLiteral("300000")},
        {QStringLiteral("poll-ms"), QStringLiteral("How often replies are fetched."),
         QStringLiteral("ms"), QStringLiteral("1000")},
        {QStringLiteral("calls"),
         QStringLiteral("Place this many voice calls from the customer page instead, speaking "
                        "shipped prompts (Chinese and English) once answered."),
         QStringLiteral("n")},
        {QStringLiteral("call-scenario"),
         QStringLiteral("Only this caller (repeatable; see --list)."), QStringLiteral("name")},
        {QStringLiteral("callback-after-ms"),
         QStringLiteral("With --calls: a caller still waiting after this long asks to be called "
                        "back, and answers when the page rings (0: they wait)."),
         QStringLiteral("ms"), QStringLiteral("0")},
        {QStringLiteral("phone-network"),
         QStringLiteral("Stand in for the telephone network instead: register as the hub's phone "
                        "trunk and answer the numbers agents dial with the callers' prompts "
                        "(numbers ending 486 are busy, 408 never answer). Runs until stopped.")},
    });
    parser.process(app);
    if (parser.isSet(QStringLiteral("calls")))
        return runCalls(app, parser);
    if (parser.isSet(QStringLiteral("phone-network")))
        return runPhoneNetwork(app, parser);
    QList<simulate::Scenario> scenarios = simulate::builtInScenarios();
    if (parser.isSet(QStringLiteral("list"))) {
        for (const simulate::Scenario& scenario : std::as_const(scenarios))
            std::printf("%s\t%s\t%s\t%s\n", qPrintable(scenario.name), qPrintable(scenario.channel),
                        qPrintable(scenario.visibility), qPrintable(scenario.language));
        for (const simulate::CallScenario& call : simulate::builtInCallScenarios())
            std::printf("%s\tcall\t-\t%s\n", qPrintable(call.name), qPrintable(call.language));
        return 0;
    }
    const QStringList chosen = parser.values(QStringLiteral("scenario"));
    if (!chosen.isEmpty()) {
        scenarios.removeIf([&chosen](const simulate::Scenario& scenario) {
            return !chosen.contains(scenario.name);
        });
        if (scenarios.size() != chosen.size()) {
            std::fprintf(stderr, "qidong-hub simulate: unknown scenario; see --list\n");
            return 2;
        }
    }
    simulate::Simulator::Settings settings;
    settings.webUrl = QUrl(parser.value(QStringLiteral("web")));
    settings.token = ingestTokenFrom(parser);
    if (settings.token.isEmpty())
        return 2;
    if (!settings.webUrl.isValid() || settings.webUrl.scheme().isEmpty()) {
        std::fprintf(stderr,
                     "qidong-hub simulate: --web needs a URL such as http://127.0.0.1:8471\n");
        return 2;
    }
    settings.replyWait =
        std::chrono::milliseconds(parser.value(QStringLiteral("reply-wait-ms")).toLongLong());
    settings.pollInterval = std::chrono::milliseconds(
        std::max(50LL, parser.value(QStringLiteral("poll-ms")).toLongLong()));
    settings.runId = QString::number(QDateTime::currentMSecsSinceEpoch(), 36);
    simulate::Simulator simulator(settings, scenarios);
    QObject::connect(&simulator, &simulate::Simulator::finished, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    simulator.start();
    QCoreApplication::exec();
    return simulator.failures() > 0 ? 1 : 0;
}

// `qidong-hub --verify-audit --data-dir DIR`: walks the audit log's hash
// chain (AuditLog) and names the first entry that was changed, removed or
// reordered.
int verifyAudit(const QString& dataDir)
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("qidong-hub.sqlite"));
    if (dataDir.isEmpty() || !QFileInfo::exists(path)) {
        std::fprintf(stderr, "qidong-hub: no hub database in \"%s\" (give --data-dir)\n",
                     qPrintable(dataDir));
        return 2;
    }
    if (!PasswordHasher::initialize()) // libsodium hashes the chain
        return 2;
    qidong::protocol::Result<std::unique_ptr<Database>> database = Database::open(path);
    if (!database) {
        std::fprintf(stderr, "qidong-hub: %s\n", qPrintable(database.error().message));
        return 2;
    }
    const AuditLog audit(*database.value());
    const qidong::protocol::Result<AuditLog::Verification> checked = audit.verify();
    if (!checked) {
        std::fprintf(stderr, "qidong-hub: %s\n", qPrintable(checked.error().message));
        return 2;
    }
    if (checked.value().firstBrokenId != 0) {
        std::fprintf(stderr, "qidong-hub: the audit log is broken: %s\n",
                     qPrintable(checked.value().problem));
        return 3;
    }
    std::printf("qidong-hub: the audit log is intact: %lld entries\n",
                static_cast<long long>(checked.value().entries));
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qidong-hub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QIDONG_VERSION));
    if (argc > 1 && QLatin1StringView(argv[1]) == QLatin1StringView("simulate"))
        return runSimulation(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Qidong engagement hub: sessions, agent state and routing for qidong-desktop.\n"
        "`qidong-hub simulate --help`: outside channels writing in through the ingest API.\n"
        "Logs one JSON object per line on stderr."));
    parser.addHelpOption();
    parser.addVersionOption();
    HubOptions::addTo(parser);
    const QCommandLineOption configOption(
        QStringLiteral("config"),
        QStringLiteral("Read options from this file first (key = value per line, the keys being"
                       " these options' long names); the command line wins."),
        QStringLiteral("file"));
    const QCommandLineOption checkOption(
        QStringLiteral("check-config"),
        QStringLiteral("Check the options (and --config) and what they point at, then exit:"
                       " 0 fine, 2 not."));
    const QCommandLineOption verifyAuditOption(
        QStringLiteral("verify-audit"),
        QStringLiteral("Check the audit log's hash chain in --data-dir, then exit: 0 intact,"
                       " 3 broken (the first broken entry is named), 2 not readable."));
    parser.addOption(configOption);
    parser.addOption(checkOption);
    parser.addOption(verifyAuditOption);
    parser.process(app);
    if (parser.isSet(configOption)) {
        const qidong::protocol::Result<QStringList> fromFile =
            configFileArguments(parser.value(configOption), HubOptions::commandLineOptions());
        if (!fromFile) {
            std::fprintf(stderr, "qidong-hub: %s\n", qPrintable(fromFile.error().message));
            return 2;
        }
        QStringList arguments = QCoreApplication::arguments();
        arguments = QStringList{arguments.first()} + fromFile.value() + arguments.mid(1);
        parser.process(arguments);
    }
    if (parser.isSet(checkOption)) {
        const qidong::protocol::Result<HubOptions> checked = HubOptions::from(parser);
        const qidong::protocol::Result<QString> summary =
            checked ? checkConfig(checked.value())
                    : qidong::protocol::Result<QString>(checked.error());
        if (!summary) {
            std::fprintf(stderr, "qidong-hub: %s\n", qPrintable(summary.error().message));
            return 2;
        }
        std::printf("qidong-hub %s: %s\n", QIDONG_VERSION, qPrintable(summary.value()));
        return 0;
    }

    if (parser.isSet(verifyAuditOption))
        return verifyAudit(parser.value(QStringLiteral("data-dir")));

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
    QObject::connect(&signals, &ShutdownSignals::reloadRequested, hub.value().get(),
                     [&hub] { (void)hub.value()->reload(); });
    QObject::connect(hub.value().get(), &Hub::stopped, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    const int code = QCoreApplication::exec();
    hub.value().reset();
    return code;
}
