// Knowledge search benchmark (issue 6): 100,000 articles in Chinese and
// English (the demo's 318 plus DemoKnowledge::synthetic), searched in the
// hub's own code and over a real hub's WebSocket. Prints Markdown;
// tools/bench puts it into docs/benchmarks.md. Figures, not assertions.
#include "BenchFigures.h"
#include "HubProcess.h"
#include "TestClient.h"
#include "TimedCall.h"
#include "core/chat/ChatDesk.h"
#include "core/connection/HubConnection.h"
#include "core/knowledge/KnowledgeDesk.h"
#include "core/session/AgentSession.h"
#include "knowledge/DemoKnowledge.h"
#include "knowledge/KnowledgeSearch.h"
#include "knowledge/KnowledgeStore.h"
#include "protocol/Knowledge.h"
#include "protocol/Names.h"
#include "storage/Database.h"
#include "ui/knowledge/KnowledgePane.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QInputMethodEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListView>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace qidong;
using namespace qidong::protocol;
using qidong::bench::percentile;
using qidong::bench::residentMegabytes;

namespace {

constexpr int kArticles = 100000;

struct Query
{
    QString text;
    bool prefix = false;
};

// The relevance questions, short and single-character Chinese terms, and
// what an agent types letter by letter (as-you-type sends each prefix).
QList<Query> workload()
{
    QList<Query> queries;
    QFile file(QStringLiteral(QIDONG_QUESTIONS_FILE));
    if (file.open(QIODevice::ReadOnly)) {
        for (const QJsonValue& item : QJsonDocument::fromJson(file.readAll()).array())
            queries.append({item[QLatin1StringView("q")].toString(), false});
    }
    for (const char* term : {"漫游", "退款", "行李", "密码", "套餐", "猫", "日本", "转账", "5G",
                             "E1021", "国际漫游", "充电宝", "流量日包", "开胶", "携号转网"})
        queries.append({QString::fromUtf8(term), false});
    for (const char* typed :
         {"power bank", "roaming japan", "refund shoes", "lost baggage", "transfer limit"}) {
        const QString text = QString::fromUtf8(typed);
        for (qsizetype n = 1; n <= text.size(); ++n)
            queries.append({text.left(n), true});
    }
    return queries;
}

struct Figures
{
    double p50 = 0;
    double p95 = 0;
    double max = 0;
};

Figures figuresOf(const std::vector<double>& samples)
{
    return {percentile(samples, 0.5), percentile(samples, 0.95),
            samples.empty() ? 0 : *std::max_element(samples.begin(), samples.end())};
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    // --data-dir DIR keeps the indexed articles for another run (and for
    // looking at query plans); --slowest N lists the slowest queries.
    const QStringList arguments = app.arguments();
    const qsizetype dirAt = arguments.indexOf(QStringLiteral("--data-dir"));
    const qsizetype slowestAt = arguments.indexOf(QStringLiteral("--slowest"));
    const int slowest = slowestAt > 0 ? arguments.value(slowestAt + 1).toInt() : 0;
    QTemporaryDir temporary;
    const QString dataPath = dirAt > 0 ? arguments.value(dirAt + 1) : temporary.path();
    QDir().mkpath(dataPath);
    const QString databasePath = QDir(dataPath).filePath(QStringLiteral("qidong-hub.sqlite"));
    const QList<Query> queries = workload();

    double indexSeconds = 0;
    Figures inProcess;
    double megabytes = 0;
    {
        Result<std::unique_ptr<hub::Database>> database = hub::Database::open(databasePath);
        if (!database) {
            std::fprintf(stderr, "%s\n", qPrintable(database.error().message));
            return 1;
        }
        hub::KnowledgeStore store(*database.value());
        QElapsedTimer timer;
        timer.start();
        if (!hub::DemoKnowledge::seedIfEmpty(store))
            return 1;
        const int batch = 5000;
        for (int done = int(store.count()); done < kArticles; done += batch) {
            const int n = std::min(batch, kArticles - done);
            if (!store.save(hub::DemoKnowledge::synthetic(n, quint32(done), done)))
                return 1;
        }
        indexSeconds = double(timer.elapsed()) / 1000.0;

        hub::KnowledgeSearch search(store);
        std::vector<double> samples;
        std::vector<std::pair<double, QString>> perQuery;
        for (int round = 0; round < 3; ++round) {
            for (const Query& query : queries) {
                KnowledgeSearchParams params;
                params.query = query.text;
                params.prefix = query.prefix;
                params.limit = 10;
                QElapsedTimer one;
                one.start();
                const Result<KnowledgeSearchResult> result = search.search(params, false);
                const double ms = double(one.nsecsElapsed()) / 1e6;
                if (!result)
                    return 1;
                if (round > 0) // the first round warms the page cache
                    samples.push_back(ms);
                if (round == 2)
                    perQuery.emplace_back(ms, query.text);
            }
        }
        inProcess = figuresOf(samples);
        std::sort(perQuery.rbegin(), perQuery.rend());
        for (int i = 0; i < slowest && i < int(perQuery.size()); ++i)
            std::fprintf(stderr, "%8.2f ms  %s\n", perQuery[size_t(i)].first,
                         qPrintable(perQuery[size_t(i)].second));
        QSqlQuery(database.value()->connection())
            .exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    megabytes = double(QFileInfo(databasePath).size()) / (1024.0 * 1024.0);

    // The same searches through a real hub on that data directory.
    test::HubProcess hubProcess(dataPath);
    if (!hubProcess.start())
        return 1;
    test::TestClient agent(hubProcess.url());
    if (!agent.signIn(QStringLiteral("li.na")))
        return 1;
    std::vector<double> roundTrips;
    for (int round = 0; round < 3; ++round) {
        for (const Query& query : queries) {
            KnowledgeSearchParams params;
            params.query = query.text;
            params.prefix = query.prefix;
            params.limit = 10;
            const std::optional<bench::TimedAnswer> answer =
                bench::timedCall(agent, QString(method::KbSearch), params.toJson());
            if (!answer || answer->response.error)
                return 1;
            const double ms = answer->ms;
            if (round > 0)
                roundTrips.push_back(ms);
        }
    }
    const Figures overSocket = figuresOf(roundTrips);
    const double hubMegabytes = residentMegabytes(hubProcess.processId());

    // The desktop: the agent's last keystroke in the knowledge pane's search
    // box to the results painted (the pane shown on the offscreen platform,
    // its desk as the desktop builds it: no pause, one search in flight).
    core::HubConnection connection(core::HubConnection::Settings{});
    core::AgentSession session(connection);
    core::ChatDesk chat(connection, session);
    core::KnowledgeDesk desk(connection, chat);
    ui::KnowledgePane pane(desk);
    pane.resize(1000, 420);
    pane.show();
    connection.signIn(hubProcess.url(), QStringLiteral("zhang.min"), QStringLiteral("qidong-demo"));
    QElapsedTimer wait;
    wait.start();
    while (!session.isSignedIn() && wait.elapsed() < 15000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (!session.isSignedIn())
        return 1;
    const auto answered = [&desk](const std::function<void()>& act) {
        QEventLoop loop;
        QObject::connect(&desk, &core::KnowledgeDesk::resultsChanged, &loop, &QEventLoop::quit);
        bool late = false;
        QTimer::singleShot(15000, &loop, [&] {
            late = true;
            loop.quit();
        });
        act();
        loop.exec();
        if (late)
            std::fprintf(stderr, "no results within 15 s for \"%s\"\n", qPrintable(desk.query()));
    };
    std::vector<double> keystrokes;
    for (int round = 0; round < 3; ++round) {
        for (const Query& query : queries) {
            // Typed up to the last character (not timed), then that keystroke.
            const QString before = query.text.left(query.text.size() - 1);
            pane.searchBox()->setText(before);
            if (!before.trimmed().isEmpty() && before != desk.query())
                answered([&] { desk.setQuery(before); });
            else
                desk.setQuery(before);
            QElapsedTimer one;
            answered([&] {
                one.start();
                QInputMethodEvent keystroke;
                keystroke.setCommitString(query.text.right(1));
                QApplication::sendEvent(pane.searchBox(), &keystroke);
            });
            pane.resultsView()->viewport()->repaint();
            if (round > 0)
                keystrokes.push_back(double(one.nsecsElapsed()) / 1e6);
        }
    }
    const Figures desktop = figuresOf(keystrokes);

    std::printf("| measure | figure | target |\n|---|---|---|\n");
    std::printf("| articles indexed (zh + en) | %d in %.1f s, database %.0f MB | — |\n", kArticles,
                indexSeconds, megabytes);
    std::printf("| search in the hub, top 10 with marks, p50 / p95 / max | %.2f / %.2f / %.2f ms"
                " | p95 ≤ 10 ms |\n",
                inProcess.p50, inProcess.p95, inProcess.max);
    std::printf("| kb.search round trip over WebSocket, p50 / p95 / max | %.2f / %.2f / %.2f ms"
                " | — |\n",
                overSocket.p50, overSocket.p95, overSocket.max);
    std::printf("| desktop: last keystroke to results painted, p50 / p95 / max | %.2f / %.2f / "
                "%.2f ms | p95 ≤ 50 ms |\n",
                desktop.p50, desktop.p95, desktop.max);
    std::printf("| hub resident memory after the searches | %.1f MB | — |\n", hubMegabytes);
    std::printf("\n%lld queries a round, two timed rounds after one warm-up.\n",
                qlonglong(queries.size()));
    return 0;
}
