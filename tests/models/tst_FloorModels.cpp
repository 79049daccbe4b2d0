#include "models/FloorRosterFilter.h"
#include "models/FloorRosterModel.h"
#include "models/QueueBoardModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest/QTest>

using namespace qidong::models;
using namespace qidong::protocol;

namespace {

FloorAgentRow agent(int i, Presence presence = Presence::Ready)
{
    FloorAgentRow row;
    row.agentId = QStringLiteral("a%1").arg(i, 5, 10, QLatin1Char('0'));
    row.username = QStringLiteral("agent.%1").arg(i);
    row.displayName = QStringLiteral("坐席%1").arg(i);
    row.teamId = i % 2 == 0 ? QStringLiteral("voice") : QStringLiteral("digital");
    row.skills = {{i % 3 == 0 ? QStringLiteral("roaming") : QStringLiteral("billing"), 5}};
    row.state.presence = presence;
    row.state.sinceMs = 1000;
    row.connected = true;
    row.handled = i;
    return row;
}

} // namespace

// The floor's models under QAbstractItemModelTester: deltas become few,
// narrow signals; filters and sorting read the roles they should.
class tst_FloorModels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deltasAreBatchedIntoRuns();
    void filterNarrowsByTeamStateSkillAndSearch();
    void sortingUsesValuesNotText();
    void queueLevelsFollowThresholds();
};

void tst_FloorModels::deltasAreBatchedIntoRuns()
{
    FloorRosterModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<FloorAgentRow> rows;
    for (int i = 0; i < 2000; ++i)
        rows.append(agent(i));
    model.replaceAll(rows);
    QCOMPARE(model.rowCount(), 2000);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // 50 rows in two runs (10..39, 100..119) and two new agents.
    QList<FloorAgentRow> delta;
    for (int i = 39; i >= 10; --i)
        delta.append(agent(i, Presence::Busy));
    for (int i = 100; i < 120; ++i)
        delta.append(agent(i, Presence::NotReady));
    delta.append(agent(5000));
    delta.append(agent(5001));
    model.apply(delta);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 10);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 39);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 2002);
    QCOMPARE(model.index(model.rowOf(QStringLiteral("a00025")), 0)
                 .data(FloorRosterModel::PresenceRole)
                 .toInt(),
             int(Presence::Busy));
    // The clock moves one column in one signal.
    changed.clear();
    model.tick(61000);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0, FloorRosterModel::TimeInStateColumn).data().toString(),
             QStringLiteral("1:00"));
}

void tst_FloorModels::filterNarrowsByTeamStateSkillAndSearch()
{
    FloorRosterModel model;
    QList<FloorAgentRow> rows;
    for (int i = 0; i < 12; ++i)
        rows.append(agent(i, i < 4 ? Presence::NotReady : Presence::Ready));
    model.replaceAll(rows);
    FloorRosterFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(filter.rowCount(), 12);
    filter.setTeam(QStringLiteral("voice"));
    QCOMPARE(filter.rowCount(), 6);
    filter.setPresence(int(Presence::NotReady));
    QCOMPARE(filter.rowCount(), 2); // 0 and 2
    filter.setTeam({});
    filter.setSkill(QStringLiteral("roaming"));
    QCOMPARE(filter.rowCount(), 2); // 0 and 3
    filter.setPresence(std::nullopt);
    filter.setSkill({});
    filter.setSearch(QStringLiteral("AGENT.1"));
    QCOMPARE(filter.rowCount(), 3); // 1, 10, 11
    filter.setSearch(QStringLiteral("坐席7"));
    QCOMPARE(filter.rowCount(), 1);
}

void tst_FloorModels::sortingUsesValuesNotText()
{
    FloorRosterModel model;
    QList<FloorAgentRow> rows;
    for (const int handled : {9, 100, 20}) {
        FloorAgentRow row = agent(handled);
        row.handled = handled;
        rows.append(row);
    }
    model.replaceAll(rows);
    FloorRosterFilter filter;
    filter.setSourceModel(&model);
    filter.sort(FloorRosterModel::HandledColumn, Qt::DescendingOrder);
    QCOMPARE(filter.index(0, FloorRosterModel::HandledColumn).data().toInt(), 100);
    QCOMPARE(filter.index(2, FloorRosterModel::HandledColumn).data().toInt(), 9);
}

void tst_FloorModels::queueLevelsFollowThresholds()
{
    QueueBoardModel board;
    QAbstractItemModelTester tester(&board, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Queue chat;
    chat.id = QStringLiteral("online-chat");
    chat.name = {QStringLiteral("在线客服"), QStringLiteral("Online chat")};
    chat.slaSeconds = 60;
    chat.slaTargetPercent = 80;
    board.setQueues({chat}, QStringLiteral("en"));
    FloorQueue row;
    row.queueId = chat.id;
    row.answered = 9;
    row.answeredInSla = 9;
    row.abandoned = 1;
    board.replaceAll({row});
    board.tick(100'000);
    const auto level = [&] {
        return board.index(0).data(QueueBoardModel::LevelRole).value<QueueBoardModel::Level>();
    };
    QCOMPARE(board.index(0).data(QueueBoardModel::NameRole).toString(),
             QStringLiteral("Online chat"));
    QCOMPARE(board.index(0).data(QueueBoardModel::ServiceLevelRole).toInt(), 90);
    QCOMPARE(level(), QueueBoardModel::Level::Normal);
    row.waiting = 1;
    row.oldestWaitingSince = 100'000 - 70'000; // 70 s: past the SLA
    board.apply({row});
    QCOMPARE(level(), QueueBoardModel::Level::Warning);
    board.tick(100'000 + 60'000); // 130 s: twice the SLA
    QCOMPARE(level(), QueueBoardModel::Level::Alarm);
    board.setThresholds(chat.id, {600, 1200, 50, 40});
    QCOMPARE(level(), QueueBoardModel::Level::Normal);
    row.answeredInSla = 4; // 40 %
    board.apply({row});
    QCOMPARE(level(), QueueBoardModel::Level::Warning);
    QVERIFY(board.index(0).data(QueueBoardModel::NpsTodayRole).isNull());
}

QTEST_GUILESS_MAIN(tst_FloorModels)
#include "tst_FloorModels.moc"
