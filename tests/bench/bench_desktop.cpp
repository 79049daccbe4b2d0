// Desktop benchmarks (issue 3): cold start to the sign-in window, resident
// memory after sign-in with 50 interactions listed, and the cost of 10,000
// interaction updates per second with the window shown, as event-loop lag.
// Prints a Markdown table; tools/bench writes it into docs/benchmarks.md.
// Figures, not assertions: nothing here fails on a slow machine.
#include "BenchFigures.h"
#include "HubProcess.h"
#include "core/chat/ChatDesk.h"
#include "core/connection/HubConnection.h"
#include "core/customer/CustomerDesk.h"
#include "core/knowledge/KnowledgeDesk.h"
#include "core/session/AgentSession.h"
#include "core/voice/CallDesk.h"
#include "core/voice/VoiceEngine.h"
#include "models/InteractionListModel.h"
#include "ui/shell/ShellWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTimer>
#include <QtTest/QTest>

#include <algorithm>
#include <cstdio>

using namespace qidong;
using namespace qidong::protocol;
using qidong::bench::percentile;
using qidong::bench::residentMegabytes;

namespace {

Interaction row(int n, InteractionState state, qint64 now)
{
    return Interaction{QStringLiteral("bench-%1").arg(n),
                       n % 3 == 0 ? Channel::Voice : Channel::Chat,
                       QStringLiteral("online-chat"),
                       CustomerRef{QStringLiteral("c-%1").arg(n), QStringLiteral("客户 %1").arg(n),
                                   QStringLiteral("web"), QStringLiteral("visitor-%1").arg(n)},
                       state,
                       40,
                       now - n * 1000,
                       now + 60000,
                       QStringLiteral("u1001")};
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QString desktop =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/qidong-desktop");

    // 1. Start to first window, median of 7 runs (the first warms the page cache).
    std::vector<double> starts;
    for (int i = 0; i < 8; ++i) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QIDONG_REPORT_SHOWN"), QStringLiteral("1"));
        process.setProcessEnvironment(environment);
        QElapsedTimer clock;
        clock.start();
        process.start(desktop, {});
        if (!process.waitForFinished(20000) || !process.readAllStandardOutput().contains("shown")) {
            std::fprintf(stderr, "qidong-desktop did not report a shown window\n");
            return 1;
        }
        if (i > 0)
            starts.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
    }

    // 2. Signed in, the shell shown, 50 interactions in the list.
    test::HubProcess hub;
    if (!hub.start())
        return 1;
    const double rssBefore = residentMegabytes();
    core::HubConnection connection({});
    core::AgentSession session(connection);
    connection.signIn(hub.url(), QStringLiteral("li.na"), QStringLiteral("qidong-demo"));
    if (!QTest::qWaitFor([&] { return session.isSignedIn(); }, 20000))
        return 1;
    core::ChatDesk desk(connection, session);
    core::VoiceEngine voice;
    core::CallDesk calls(connection, session, voice);
    core::KnowledgeDesk knowledge(connection, desk);
    core::CustomerDesk customers(connection);
    ui::ShellWindow shell(connection, session, desk, calls, knowledge, customers);
    shell.show();
    (void)QTest::qWaitForWindowExposed(&shell);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<Interaction> fifty;
    for (int n = 0; n < 50; ++n)
        fifty.append(row(n, InteractionState::Active, now));
    session.interactions().apply(fifty);
    QTest::qWait(1500);
    const double rss50 = residentMegabytes();

    // 3. 10,000 updates per second for 5 s, in 100 ms batches as the
    // connection would deliver them, while a 5 ms timer measures lag.
    std::vector<double> lags;
    QElapsedTimer lagClock;
    lagClock.start();
    qint64 expected = 5;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 elapsed = lagClock.elapsed();
        lags.push_back(static_cast<double>(std::max<qint64>(0, elapsed - expected)));
        expected = elapsed + 5;
    });
    probe.start(5);
    int batch = 0;
    qint64 applied = 0;
    std::vector<double> applyMs;
    QTimer feeder;
    QObject::connect(&feeder, &QTimer::timeout, &app, [&] {
        QList<Interaction> updates;
        updates.reserve(1000);
        for (int i = 0; i < 1000; ++i) {
            const int n = (batch * 1000 + i) % 50;
            updates.append(
                row(n, (batch + i) % 2 ? InteractionState::Active : InteractionState::Held, now));
        }
        QElapsedTimer applyClock;
        applyClock.start();
        session.interactions().apply(updates);
        applyMs.push_back(static_cast<double>(applyClock.nsecsElapsed()) / 1e6);
        applied += updates.size();
        ++batch;
    });
    feeder.start(100);
    // A real event loop: QTest::qWait sleeps in 10 ms slices and would
    // itself look like lag.
    QEventLoop loop;
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    feeder.stop();
    probe.stop();

    std::printf("| measure | figure | target |\n|---|---|---|\n");
    std::printf(
        "| start to first window (sign-in dialog), median of 7, offscreen | %.0f ms | ≤ 500 ms |\n",
        percentile(starts, 0.5));
    std::printf(
        "| resident memory, signed in, shell shown, 50 interactions | %.1f MB | ≤ 80 MB |\n",
        rss50);
    std::printf("| (same process before Qt widgets and the session, for reference) | %.1f MB | |\n",
                rssBefore);
    std::printf("| interaction updates applied | %lld in 5 s (%.0f/s) | 10,000/s |\n",
                static_cast<long long>(applied), static_cast<double>(applied) / 5.0);
    std::printf("| apply() per 1,000-update batch, p50 / p99 | %.2f / %.2f ms | |\n",
                percentile(applyMs, 0.5), percentile(applyMs, 0.99));
    std::printf("| event-loop lag under that load, p50 / p99 / max | %.1f / %.1f / %.1f ms | p99 ≤ "
                "16 ms |\n",
                percentile(lags, 0.5), percentile(lags, 0.99), percentile(lags, 1.0));
    return 0;
}
