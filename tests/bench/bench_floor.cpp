// Supervisor floor benchmark (issue 7): a generated floor of 2,000 agents
// and 50 queues in a real hub, 200 state changes a second, 50 team leads
// subscribed. This process is one team lead's desktop (FloorDesk and the
// SupervisorPane, shown offscreen); a child process (--drive) holds the
// other 49 subscriptions and makes the changes. Prints Markdown; figures,
// not assertions.
#include "BenchFigures.h"
#include "HubProcess.h"
#include "TestClient.h"
#include "core/connection/HubConnection.h"
#include "core/session/AgentSession.h"
#include "core/supervisor/FloorDesk.h"
#include "core/supervisor/MonitorDesk.h"
#include "core/voice/CallDesk.h"
#include "core/voice/VoiceEngine.h"
#include "models/FloorRosterModel.h"
#include "protocol/Floor.h"
#include "protocol/Names.h"
#include "ui/supervisor/SupervisorPane.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest/QTest>

#include <cstdio>
#include <ctime>
#include <memory>

using namespace qidong;
using namespace qidong::protocol;
using qidong::bench::percentile;
using qidong::bench::residentMegabytes;

namespace {

constexpr int kAgents = 2000;
constexpr int kLeads = kAgents / 40; // as DemoSeeder::seedFloor makes them
constexpr int kChangesPerSecond = 200;
constexpr int kSeconds = 20;

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// User + system time of a process, from /proc, in seconds.
double processCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / ticks;
}

// The other 49 team leads, and the changes: forced Ready / Not Ready on
// random agents, kChangesPerSecond a second for `seconds`.
int drive(const QUrl& url, int seconds)
{
    std::vector<std::unique_ptr<test::TestClient>> leads;
    for (int i = 2; i <= kLeads; ++i) {
        auto lead = std::make_unique<test::TestClient>(url);
        if (!lead->signIn(QStringLiteral("lead.%1").arg(i, 3, 10, QLatin1Char('0'))))
            return 1;
        if (test::outcomeOf(lead->call(method::FloorSubscribe)) != QStringLiteral("ok"))
            return 1;
        leads.push_back(std::move(lead));
    }
    std::printf("ready\n");
    std::fflush(stdout);
    QRandomGenerator random(7);
    test::TestClient& driver = *leads.front();
    int sent = 0;
    QElapsedTimer clock;
    clock.start();
    QTimer pace;
    pace.setInterval(5);
    QObject::connect(&pace, &QTimer::timeout, &pace, [&] {
        // Catch up to the rate however the timer was served.
        const qint64 due = clock.elapsed() * kChangesPerSecond / 1000;
        for (; sent < due; ++sent) {
            const QString agentId =
                QStringLiteral("f%1").arg(1 + random.bounded(kAgents), 5, 10, QLatin1Char('0'));
            const bool ready = random.bounded(2) == 0;
            driver.sendRequest(QString(method::AgentForceState),
                               ForceStateParams{agentId,
                                                ready ? Presence::Ready : Presence::NotReady,
                                                ready ? QString() : QStringLiteral("break"),
                                                QStringLiteral("benchmark")}
                                   .toJson());
        }
    });
    pace.start();
    QTest::qWait(seconds * 1000);
    pace.stop();
    std::printf("sent %d\n", sent);
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--drive")); at > 0)
        return drive(QUrl(arguments.value(at + 1)), arguments.value(at + 2).toInt());

    // tmpfs when there is one: what is measured is the fan-out, not fsync.
    QTemporaryDir data(QDir(QStringLiteral("/dev/shm")).exists()
                           ? QStringLiteral("/dev/shm/bench_floor-XXXXXX")
                           : QDir::tempPath() + QStringLiteral("/bench_floor-XXXXXX"));
    test::HubProcess hub(data.path());
    if (!hub.start({QStringLiteral("--demo-floor"), QString::number(kAgents)}))
        return 1;
    const double rssBefore = residentMegabytes();

    core::HubConnection connection{core::HubConnection::Settings{}};
    core::AgentSession session{connection};
    session.setLanguage(QStringLiteral("en"));
    core::FloorDesk desk(connection, session);
    QElapsedTimer opening;
    opening.start();
    connection.signIn(hub.url(), QStringLiteral("lead.001"), QStringLiteral("qidong-demo"));
    const int expectedRows = kAgents + kLeads + 9; // and the demo's own people
    if (!QTest::qWaitFor([&] { return desk.roster().rowCount() >= expectedRows; }, 60000))
        return 2;
    const double openSeconds = double(opening.elapsed()) / 1000.0;
    core::VoiceEngine voice;
    core::CallDesk calls(connection, session, voice);
    core::MonitorDesk monitor(connection, calls);
    ui::SupervisorPane pane(desk, monitor, session);
    pane.resize(1400, 900);
    pane.show();
    QTest::qWait(500);

    QProcess driver;
    driver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    driver.start(QCoreApplication::applicationFilePath(),
                 {QStringLiteral("--drive"), hub.url().toString(), QString::number(kSeconds)});
    if (!QTest::qWaitFor([&] { return driver.canReadLine(); }, 120000) ||
        !driver.readLine().startsWith("ready"))
        return 3;

    int deltas = 0;
    QObject::connect(&desk, &core::FloorDesk::floorChanged, &desk, [&] { ++deltas; });
    const double guiBefore = threadCpuSeconds();
    const double hubBefore = processCpuSeconds(hub.processId());
    QElapsedTimer window;
    window.start();
    // The event loop runs all along: deltas are applied and the pane repaints.
    if (!QTest::qWaitFor([&] { return driver.state() == QProcess::NotRunning; },
                         (kSeconds + 60) * 1000))
        return 4;
    const double seconds = double(window.elapsed()) / 1000.0;
    const double guiBusy = (threadCpuSeconds() - guiBefore) / seconds * 100.0;
    const double hubBusy = (processCpuSeconds(hub.processId()) - hubBefore) / seconds * 100.0;
    int sent = 0;
    for (const QByteArray& line : driver.readAllStandardOutput().split('\n')) {
        if (line.startsWith("sent "))
            sent = line.mid(5).toInt();
    }
    QTest::qWait(500);
    const double rss = residentMegabytes();

    // Sorting and filtering the roster as a team lead clicks and types.
    QTableView* roster = pane.roster();
    std::vector<double> sorts;
    for (int round = 0; round < 3; ++round) {
        for (int column = 0; column < models::FloorRosterModel::ColumnCount; ++column) {
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                QElapsedTimer timer;
                timer.start();
                roster->sortByColumn(column, order);
                QCoreApplication::processEvents();
                sorts.push_back(double(timer.nsecsElapsed()) / 1e6);
            }
        }
    }
    std::vector<double> filters;
    models::FloorRosterFilter& filter = desk.rosterFilter();
    const auto timed = [&](auto change) {
        QElapsedTimer timer;
        timer.start();
        change();
        QCoreApplication::processEvents();
        filters.push_back(double(timer.nsecsElapsed()) / 1e6);
    };
    for (int round = 0; round < 3; ++round) {
        timed([&] { filter.setSearch(QStringLiteral("坐席1")); });
        timed([&] { filter.setSearch(QStringLiteral("坐席12")); });
        timed([&] { filter.setSearch({}); });
        timed([&] { filter.setPresence(int(Presence::NotReady)); });
        timed([&] { filter.setTeam(QStringLiteral("digital")); });
        timed([&] { filter.setSkill(QStringLiteral("skill-3")); });
        timed([&] {
            filter.setPresence(std::nullopt);
            filter.setTeam({});
            filter.setSkill({});
        });
    }

    std::printf("| measure | figure | target |\n|---|---|---|\n");
    std::printf("| floor | %d agents, %d team leads, 50 queues | 2,000 agents, 50 queues |\n",
                kAgents, kLeads);
    std::printf("| state changes made (forced, audited) | %d in %.0f s (%.0f/s) | 200/s |\n", sent,
                seconds, double(sent) / seconds);
    std::printf("| floor.delta events applied by this desktop | %d (%.1f/s) | — |\n", deltas,
                double(deltas) / seconds);
    std::printf("| desktop GUI-thread CPU while watching | %.1f %% | ≤ 5 %% |\n", guiBusy);
    std::printf("| roster sort (any column), p50 / p95 / max | %.1f / %.1f / %.1f ms | ≤ 30 ms |\n",
                percentile(sorts, 0.5), percentile(sorts, 0.95), percentile(sorts, 1.0));
    std::printf(
        "| roster filter (search, state, team, skill), p50 / p95 / max | %.1f / %.1f / %.1f "
        "ms | ≤ 30 ms |\n",
        percentile(filters, 0.5), percentile(filters, 0.95), percentile(filters, 1.0));
    std::printf(
        "| desktop RSS with the floor shown | %.0f MB (%.0f MB before the floor) | ≤ 150 MB "
        "|\n",
        rss, rssBefore);
    std::printf(
        "| hub CPU: changes, audit, and the fan-out to %d subscribers | %.1f %% of one core "
        "| — |\n",
        kLeads, hubBusy);
    std::printf("| sign-in to a full roster (%d rows, paged) | %.2f s | — |\n", expectedRows,
                openSeconds);
    return 0;
}
