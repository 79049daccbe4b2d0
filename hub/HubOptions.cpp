#include "HubOptions.h"

#include <QCommandLineParser>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

Error bad(const QString& message)
{
    return makeError(ErrorCode::InvalidParams, message);
}

std::optional<qint64> number(const QCommandLineParser& parser, const QString& name, qint64 min,
                             qint64 max)
{
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

struct HostPort
{
    QHostAddress address;
    quint16 port = 0;
};

Result<HostPort> parseHostPort(const QString& value, const QString& option)
{
    const qsizetype colon = value.lastIndexOf(u':');
    if (colon <= 0)
        return bad(QStringLiteral("--%1 expects host:port, got \"%2\"").arg(option, value));
    QString host = value.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    HostPort parsed;
    if (!parsed.address.setAddress(host))
        return bad(QStringLiteral("--%1: \"%2\" is not an IP address").arg(option, host));
    bool portOk = false;
    const uint port = value.mid(colon + 1).toUInt(&portOk);
    if (!portOk || port > 65535)
        return bad(QStringLiteral("--%1: bad port in \"%2\"").arg(option, value));
    parsed.port = static_cast<quint16>(port);
    return parsed;
}

} // namespace

void HubOptions::addTo(QCommandLineParser& parser)
{
    parser.addOptions(commandLineOptions());
}

QList<QCommandLineOption> HubOptions::commandLineOptions()
{
    return {
        {QStringLiteral("data-dir"),
         QStringLiteral("Directory for the database (created if missing)."), QStringLiteral("dir")},
        {QStringLiteral("listen"),
         QStringLiteral("Address and port, e.g. 127.0.0.1:8470 or [::1]:0."),
         QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8470")},
        {QStringLiteral("web-listen"),
         QStringLiteral("Address and port of the customer chat page and the ingest API, or off."),
         QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8471")},
        {QStringLiteral("media-listen"),
         QStringLiteral("Address and first port of the call media sockets (agents' and callers' "
                        "audio); each media thread listens on the next port."),
         QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8472")},
        {QStringLiteral("media-threads"),
         QStringLiteral("Threads that carry and mix call audio, calls spread over them (default: "
                        "one per core)."),
         QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("ingest-token"),
         QStringLiteral("Bearer token of the ingest API (default: $QIDONG_INGEST_TOKEN, else one"
                        " generated into <data-dir>/ingest.token)."),
         QStringLiteral("token")},
        {QStringLiteral("demo"),
         QStringLiteral("Seed a demo organisation into an empty database.")},
        {QStringLiteral("cert"), QStringLiteral("PEM certificate: serve wss:// instead of ws://."),
         QStringLiteral("file")},
        {QStringLiteral("key"), QStringLiteral("PEM private key for --cert."),
         QStringLiteral("file")},
        {QStringLiteral("heartbeat-ms"),
         QStringLiteral("Heartbeat interval clients must keep; stale after two missed."),
         QStringLiteral("ms"), QStringLiteral("15000")},
        {QStringLiteral("disconnect-grace-ms"),
         QStringLiteral("How long a vanished agent keeps their state before going Offline."),
         QStringLiteral("ms"), QStringLiteral("60000")},
        {QStringLiteral("drain-ms"),
         QStringLiteral("On SIGTERM, how long clients are given after the draining notice."),
         QStringLiteral("ms"), QStringLiteral("3000")},
        {QStringLiteral("session-hours"), QStringLiteral("Lifetime of a session token."),
         QStringLiteral("hours"), QStringLiteral("12")},
        {QStringLiteral("offer-timeout-ms"),
         QStringLiteral("How long an offer rings before it goes back to the queue (RONA)."),
         QStringLiteral("ms"), QStringLiteral("20000")},
        {QStringLiteral("announce-ms"),
         QStringLiteral("Queued callers hear where they stand this long after joining, "
                        "then every ten times as long."),
         QStringLiteral("ms"), QStringLiteral("4000")},
        {QStringLiteral("acw-cap-ms"),
         QStringLiteral("Site policy: the longest wrap-up, whatever a queue allows (0: none)."),
         QStringLiteral("ms"), QStringLiteral("0")},
        {QStringLiteral("demo-customers"),
         QStringLiteral("With --demo: how many customers with histories to seed (default 3000)."),
         QStringLiteral("count")},
        {QStringLiteral("demo-floor"),
         QStringLiteral("With --demo: also generate a floor of this many agents and 50 queues"
                        " (benchmarks)."),
         QStringLiteral("agents")},
        {QStringLiteral("chat-capacity"),
         QStringLiteral("Site policy: concurrent chats per agent (0: each account's own)."),
         QStringLiteral("count"), QStringLiteral("0")},
        {QStringLiteral("floor-interval-ms"),
         QStringLiteral("How often supervisors get the floor's changes, gathered."),
         QStringLiteral("ms"), QStringLiteral("250")},
        {QStringLiteral("alert-acw-s"),
         QStringLiteral("Alert team leads when an agent is this long in after-call work."),
         QStringLiteral("seconds"), QStringLiteral("120")},
        {QStringLiteral("alert-not-ready-s"),
         QStringLiteral("Alert team leads when an agent is this long Not Ready."),
         QStringLiteral("seconds"), QStringLiteral("900")},
        {QStringLiteral("alert-keywords"),
         QStringLiteral("JSON file of keyword patterns by category for the text-quality monitor"
                        " (replaces the built-in zh/en lists)."),
         QStringLiteral("file")},
        {QStringLiteral("monitor-notice"),
         QStringLiteral("Whether agents are told that a team lead monitors their interaction"
                        " (the organisation's policy): on or off."),
         QStringLiteral("on|off"), QStringLiteral("on")},
        {QStringLiteral("replay-buffer"),
         QStringLiteral("Events kept per session for replay after a reconnect."),
         QStringLiteral("count"), QStringLiteral("1024")},
    };
}

Result<HubOptions> HubOptions::from(const QCommandLineParser& parser)
{
    HubOptions options;
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    if (options.dataDir.isEmpty())
        return bad(QStringLiteral("--data-dir is required"));

    const Result<HostPort> listen =
        parseHostPort(parser.value(QStringLiteral("listen")), QStringLiteral("listen"));
    if (!listen)
        return listen.error();
    options.address = listen.value().address;
    options.port = listen.value().port;
    const QString web = parser.value(QStringLiteral("web-listen"));
    if (web != QStringLiteral("off")) {
        const Result<HostPort> webListen = parseHostPort(web, QStringLiteral("web-listen"));
        if (!webListen)
            return webListen.error();
        options.webAddress = webListen.value().address;
        options.webPort = webListen.value().port;
        options.webEnabled = true;
    }
    const Result<HostPort> mediaListen =
        parseHostPort(parser.value(QStringLiteral("media-listen")), QStringLiteral("media-listen"));
    if (!mediaListen)
        return mediaListen.error();
    options.mediaAddress = mediaListen.value().address;
    options.mediaPort = mediaListen.value().port;
    options.ingestToken = parser.value(QStringLiteral("ingest-token"));
    if (options.ingestToken.isEmpty())
        options.ingestToken = qEnvironmentVariable("QIDONG_INGEST_TOKEN");

    options.demo = parser.isSet(QStringLiteral("demo"));
    options.certificatePath = parser.value(QStringLiteral("cert"));
    options.keyPath = parser.value(QStringLiteral("key"));
    if (options.certificatePath.isEmpty() != options.keyPath.isEmpty())
        return bad(QStringLiteral("--cert and --key go together"));

    const auto heartbeat = number(parser, QStringLiteral("heartbeat-ms"), 50, 3'600'000);
    const auto grace = number(parser, QStringLiteral("disconnect-grace-ms"), 0, 86'400'000);
    const auto drain = number(parser, QStringLiteral("drain-ms"), 0, 600'000);
    const auto hours = number(parser, QStringLiteral("session-hours"), 1, 24 * 30);
    const auto replay = number(parser, QStringLiteral("replay-buffer"), 1, 1'000'000);
    const auto offer = number(parser, QStringLiteral("offer-timeout-ms"), 100, 600'000);
    if (!offer)
        return bad(QStringLiteral("--offer-timeout-ms must be 100..600000"));
    options.offerTimeout = std::chrono::milliseconds(*offer);
    const auto announce = number(parser, QStringLiteral("announce-ms"), 100, 600'000);
    if (!announce)
        return bad(QStringLiteral("--announce-ms must be 100..600000"));
    options.announceAfter = std::chrono::milliseconds(*announce);
    const auto mediaThreads = number(parser, QStringLiteral("media-threads"), 0, 16);
    if (!mediaThreads)
        return bad(QStringLiteral("--media-threads must be 0..16"));
    options.mediaThreads = int(*mediaThreads);
    const auto acwCap = number(parser, QStringLiteral("acw-cap-ms"), 0, 86'400'000);
    if (!acwCap)
        return bad(QStringLiteral("--acw-cap-ms must be 0..86400000"));
    options.afterCallWorkCap = std::chrono::milliseconds(*acwCap);
    if (!heartbeat)
        return bad(QStringLiteral("--heartbeat-ms must be 50..3600000"));
    if (!grace)
        return bad(QStringLiteral("--disconnect-grace-ms must be 0..86400000"));
    if (!drain)
        return bad(QStringLiteral("--drain-ms must be 0..600000"));
    if (!hours)
        return bad(QStringLiteral("--session-hours must be 1..720"));
    if (!replay)
        return bad(QStringLiteral("--replay-buffer must be 1..1000000"));
    options.heartbeatInterval = std::chrono::milliseconds(*heartbeat);
    options.disconnectGrace = std::chrono::milliseconds(*grace);
    options.drainTime = std::chrono::milliseconds(*drain);
    options.sessionLifetime = std::chrono::hours(*hours);
    options.replayBuffer = static_cast<int>(*replay);
    if (parser.isSet(QStringLiteral("demo-customers"))) {
        const auto customers = number(parser, QStringLiteral("demo-customers"), 1, 1000000);
        if (!customers)
            return bad(QStringLiteral("--demo-customers must be 1..1000000"));
        options.demoCustomers = static_cast<int>(*customers);
    }
    if (parser.isSet(QStringLiteral("demo-floor"))) {
        const auto agents = number(parser, QStringLiteral("demo-floor"), 1, 100000);
        if (!agents)
            return bad(QStringLiteral("--demo-floor must be 1..100000"));
        options.demoFloorAgents = static_cast<int>(*agents);
    }
    const auto chatCapacity = number(parser, QStringLiteral("chat-capacity"), 0, 1000);
    if (!chatCapacity)
        return bad(QStringLiteral("--chat-capacity must be 0..1000"));
    options.chatCapacity = static_cast<int>(*chatCapacity);
    const auto floorInterval = number(parser, QStringLiteral("floor-interval-ms"), 10, 60000);
    if (!floorInterval)
        return bad(QStringLiteral("--floor-interval-ms must be 10..60000"));
    options.floorInterval = std::chrono::milliseconds(*floorInterval);
    const auto acw = number(parser, QStringLiteral("alert-acw-s"), 1, 86400);
    const auto notReady = number(parser, QStringLiteral("alert-not-ready-s"), 1, 86400);
    if (!acw || !notReady)
        return bad(QStringLiteral("--alert-acw-s and --alert-not-ready-s must be 1..86400"));
    options.alertAfterCallWork = std::chrono::seconds(*acw);
    options.alertNotReady = std::chrono::seconds(*notReady);
    options.alertKeywordsFile = parser.value(QStringLiteral("alert-keywords"));
    const QString notice = parser.value(QStringLiteral("monitor-notice"));
    if (notice != QStringLiteral("on") && notice != QStringLiteral("off"))
        return bad(QStringLiteral("--monitor-notice must be on or off"));
    options.tellMonitored = notice == QStringLiteral("on");
    return options;
}

} // namespace qidong::hub
