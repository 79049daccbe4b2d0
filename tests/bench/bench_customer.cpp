// Customer 360 benchmark (issue 6): opening a customer — the 360 and the
// first page of a 5,000-contact timeline — through a real hub with the
// demo's 3,000 customers. Prints Markdown; tools/bench puts it into
// docs/benchmarks.md. Figures, not assertions.
#include "BenchFigures.h"
#include "HubProcess.h"
#include "TestClient.h"
#include "TimedCall.h"
#include "customers/DemoCustomers.h"
#include "protocol/Customer.h"
#include "protocol/Names.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace qidong;
using namespace qidong::protocol;
using qidong::bench::percentile;
using qidong::bench::residentMegabytes;

namespace {

constexpr int kHistory = 5000;

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    // --data-dir DIR keeps the data (to look at query plans afterwards).
    const qsizetype dirAt = app.arguments().indexOf(QStringLiteral("--data-dir"));
    QTemporaryDir temporary;
    const QString dataPath = dirAt > 0 ? app.arguments().value(dirAt + 1) : temporary.path();
    test::HubProcess hub(dataPath);
    const QStringList demo{QStringLiteral("--demo-customers"), QStringLiteral("3000")};
    QElapsedTimer seeding;
    seeding.start();
    if (!hub.start(demo) || !hub.terminate())
        return 1;
    const double seedSeconds = double(seeding.elapsed()) / 1000.0;
    {
        // 王丽 gets a long history: 5,000 contacts over the half year.
        Result<std::unique_ptr<hub::Database>> database =
            hub::Database::open(QDir(dataPath).filePath(QStringLiteral("qidong-hub.sqlite")));
        if (!database || !hub::DemoCustomers::addHistory(
                             *database.value(), QStringLiteral("c-demo-00000"), kHistory, 7))
            return 1;
    }
    if (!hub.restart(demo))
        return 1;
    test::TestClient agent(hub.url());
    if (!agent.signIn(QStringLiteral("li.na")))
        return 1;

    const QJsonObject customer{{QStringLiteral("customerId"), QStringLiteral("c-demo-00000")}};
    TimelineParams firstPage;
    firstPage.customerId = QStringLiteral("c-demo-00000");
    firstPage.limit = 30;
    std::vector<double> opens;
    std::vector<double> pages;
    int contacts = 0;
    for (int round = 0; round < 120; ++round) {
        QElapsedTimer timer;
        timer.start();
        const std::optional<bench::TimedAnswer> profile =
            bench::timedCall(agent, QString(method::CustomerGet), customer);
        const std::optional<bench::TimedAnswer> timeline =
            bench::timedCall(agent, QString(method::CustomerTimeline), firstPage.toJson());
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!profile || profile->response.error || !timeline || timeline->response.error)
            return 1;
        Result<Customer360> decoded = Customer360::fromJson(profile->response.result);
        Result<TimelinePage> page = TimelinePage::fromJson(timeline->response.result);
        if (!decoded || !page || page.value().entries.size() != 30)
            return 1;
        contacts = decoded.value().metrics.contactCount;
        if (round >= 20) // the first rounds warm the caches
            opens.push_back(ms);
    }
    // Paging deep into the history: the 100th page of 30.
    TimelineParams deep = firstPage;
    for (int page = 0; page < 100; ++page) {
        QElapsedTimer timer;
        timer.start();
        const std::optional<bench::TimedAnswer> answer =
            bench::timedCall(agent, QString(method::CustomerTimeline), deep.toJson());
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!answer || answer->response.error)
            return 1;
        Result<TimelinePage> decoded = TimelinePage::fromJson(answer->response.result);
        if (!decoded || decoded.value().entries.isEmpty())
            break;
        pages.push_back(ms);
        deep.beforeMs = decoded.value().entries.last().atMs;
        deep.beforeId = decoded.value().entries.last().interactionId;
    }

    std::printf("| measure | figure | target |\n|---|---|---|\n");
    std::printf(
        "| hub start with --demo: 3,000 customers, their history, 318 articles | %.1f s | — |\n",
        seedSeconds);
    std::printf("| open a customer: customer.get + first timeline page (30 of %d), p50 / p95 / max "
                "| %.1f / %.1f / %.1f ms | p95 ≤ 100 ms |\n",
                contacts, percentile(opens, 0.5), percentile(opens, 0.95),
                opens.empty() ? 0.0 : *std::max_element(opens.begin(), opens.end()));
    std::printf("| next timeline page, pages 2–%zu, p50 / p95 | %.1f / %.1f ms | — |\n",
                pages.size() + 1, percentile(pages, 0.5), percentile(pages, 0.95));
    std::printf("| hub resident memory | %.1f MB | — |\n", residentMegabytes(hub.processId()));
    return 0;
}
