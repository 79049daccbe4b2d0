#pragma once

#include "protocol/Result.h"

#include <QHostAddress>
#include <QString>

#include <chrono>

class QCommandLineOption;
class QCommandLineParser;

namespace qidong::hub {

// Everything `qidong-hub` can be told on its command line.
struct HubOptions final
{
    QString dataDir;
    QHostAddress address{QHostAddress::LocalHost};
    quint16 port = 8470;
    bool webEnabled = false;
    QHostAddress webAddress{QHostAddress::LocalHost};
    quint16 webPort = 8471;
    QHostAddress mediaAddress{QHostAddress::LocalHost};
    quint16 mediaPort = 8472;
    int mediaThreads = 0; // 0: one per core
    QString ingestToken;
    bool demo = false;
    int demoCustomers = 3000; // with --demo, into an empty database
    int demoFloorAgents = 0;  // with --demo: a generated floor of this many agents (benchmarks)
    int demoFloorQueues = 50;
    QString certificatePath;
    QString keyPath;
    std::chrono::milliseconds heartbeatInterval{15000};
    std::chrono::milliseconds disconnectGrace{60000};
    std::chrono::milliseconds drainTime{3000};
    std::chrono::milliseconds sessionLifetime{std::chrono::hours(12)};
    std::chrono::milliseconds offerTimeout{20000};
    // A queued caller's first position announcement; repeated every 10×.
    std::chrono::milliseconds announceAfter{4000};
    std::chrono::milliseconds afterCallWorkCap{0};
    int replayBuffer = 1024;
    std::chrono::milliseconds floorInterval{250}; // floor.delta gathering
    std::chrono::seconds alertAfterCallWork{120}; // an agent this long in wrap-up: an alert
    std::chrono::seconds alertNotReady{15 * 60};
    QString alertKeywordsFile; // the text-quality monitor's lists (JSON); built-in if empty
    bool tellMonitored = true; // agents see that a team lead monitors them (policy)
    int chatCapacity = 0;      // > 0: every agent's concurrent chats, whatever their account says

    // The options of `qidong-hub` (what a config file may set too).
    static QList<QCommandLineOption> commandLineOptions();
    static void addTo(QCommandLineParser& parser);
    static protocol::Result<HubOptions> from(const QCommandLineParser& parser);
};

} // namespace qidong::hub
