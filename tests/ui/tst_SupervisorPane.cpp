#include "HubProcess.h"
#include "SignedInShell.h"
#include "TestClient.h"
#include "core/supervisor/FloorDesk.h"
#include "models/AlertListModel.h"
#include "models/FloorRosterModel.h"
#include "models/QueueBoardModel.h"
#include "protocol/Names.h"
#include "ui/shell/ShellWindow.h"
#include "ui/supervisor/IntradayChart.h"
#include "ui/supervisor/QueueTiles.h"
#include "ui/supervisor/SupervisorPane.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTabWidget>
#include <QTableView>
#include <QtTest/QTest>

using namespace qidong;
using namespace qidong::protocol;
using namespace qidong::test;

namespace {

int rosterRowOf(QTableView* roster, const QString& name)
{
    for (int row = 0; row < roster->model()->rowCount(); ++row) {
        if (roster->model()->index(row, models::FloorRosterModel::NameColumn).data().toString() ==
            name)
            return row;
    }
    return -1;
}

QString stateShown(QTableView* roster, const QString& name)
{
    const int row = rosterRowOf(roster, name);
    return row < 0 ? QString()
                   : roster->model()
                         ->index(row, models::FloorRosterModel::StateColumn)
                         .data()
                         .toString();
}

} // namespace

// A team lead signs in to the same desktop and gets the floor: the roster
// of every agent with their state, filters, queue tiles, today's chart, and
// acting on an agent (Not Ready, with the reason the audit log keeps)
// shows up in the roster from the hub's deltas. An agent signing in gets
// no floor at all.
class tst_SupervisorPane final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void supervisorForcesAnAgentNotReady();
    void agentsGetNoFloor();
};

void tst_SupervisorPane::initTestCase()
{
    SignedInShell::isolateSettings();
}

void tst_SupervisorPane::supervisorForcesAnAgentNotReady()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--floor-interval-ms"), QStringLiteral("100")}));
    // 李娜 is at her desk and ready.
    TestClient lina(hub.url());
    QVERIFY(lina.signIn(QStringLiteral("li.na")).has_value());
    QCOMPARE(
        outcomeOf(lina.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));

    SignedInShell desktop;
    desktop.session.setLanguage(QStringLiteral("en")); // as app/main.cpp does
    QVERIFY(desktop.start(hub.url(), QStringLiteral("zhou.hui")));
    ui::SupervisorPane* pane = desktop.shell()->supervisorPane();
    QVERIFY(pane);
    auto* tabs = desktop.shell()->findChild<QTabWidget*>(QStringLiteral("workspaceTabs"));
    QVERIFY(tabs);
    QCOMPARE(tabs->currentWidget(), pane);
    QTableView* roster = pane->roster();
    QTRY_COMPARE(roster->model()->rowCount(), 9);
    QTRY_COMPARE(stateShown(roster, QStringLiteral("李娜")), QStringLiteral("Ready"));
    QTRY_VERIFY(pane->tiles()->tileOf(QStringLiteral("online-chat")) != nullptr);
    QVERIFY(pane->tiles()
                ->tileOf(QStringLiteral("online-chat"))
                ->figures()
                .contains(QStringLiteral("waiting")));
    QTRY_VERIFY(pane->findChild<ui::IntradayChart*>()->slotCount() > 0);

    // Filters: by state, then by search.
    const int readyIndex = pane->presenceFilter()->findData(static_cast<int>(Presence::Ready));
    pane->presenceFilter()->setCurrentIndex(readyIndex);
    QTRY_COMPARE(roster->model()->rowCount(), 1);
    pane->presenceFilter()->setCurrentIndex(0);
    QTest::keyClicks(pane->searchEdit(), QStringLiteral("li.na"));
    QTRY_COMPARE(roster->model()->rowCount(), 1);
    pane->searchEdit()->clear();
    QTRY_COMPARE(roster->model()->rowCount(), 9);

    // Sorting by state keeps the rows whole.
    roster->sortByColumn(models::FloorRosterModel::StateColumn, Qt::AscendingOrder);
    QCOMPARE(roster->model()->rowCount(), 9);

    // Select 李娜; an action without a reason is refused in the pane.
    const int row = rosterRowOf(roster, QStringLiteral("李娜"));
    QVERIFY(row >= 0);
    roster->selectRow(row);
    pane->forceSelected(static_cast<int>(Presence::NotReady), QStringLiteral("coaching"));
    QVERIFY(pane->status()->text().contains(QStringLiteral("why"), Qt::CaseInsensitive));
    QCOMPARE(hub.auditCount(QStringLiteral("agent.forceState"), QStringLiteral("u1001")), 0);

    pane->whyEdit()->setText(QStringLiteral("辅导 coaching at 3pm"));
    const qsizetype seen = lina.events().size();
    pane->forceSelected(static_cast<int>(Presence::NotReady), QStringLiteral("coaching"));
    // The roster shows it from the hub's delta; the agent's desktop hears it.
    QTRY_COMPARE(stateShown(roster, QStringLiteral("李娜")),
                 QStringLiteral("Not Ready · Coaching"));
    const std::optional<Event> told =
        lina.waitForEvent(QString(event::AgentStateChanged), 5000, seen);
    QVERIFY(told.has_value());
    QCOMPARE(told->data.value(QLatin1StringView("cause")).toString(), QStringLiteral("supervisor"));
    QCOMPARE(hub.auditCount(QStringLiteral("agent.forceState"), QStringLiteral("u1001")), 1);
    QTRY_VERIFY(pane->status()->text().contains(QStringLiteral("audit")));

    // The queue tiles move with the floor: 李娜 no longer counts as ready.
    const models::QueueBoardModel& board = desktop.flow.floorDesk().queues();
    const int chatRow = board.rowOf(QStringLiteral("online-chat"));
    QTRY_COMPARE(board.index(chatRow).data(models::QueueBoardModel::AgentsReadyRole).toInt(), 0);

    // 李娜 asks for help: the alert is in the list at once; acknowledged, it
    // is marked done and the audit log keeps who did it.
    QCOMPARE(outcomeOf(lina.call(method::AgentRequestHelp,
                                 {{QStringLiteral("kind"), QStringLiteral("abusive")},
                                  {QStringLiteral("note"), QStringLiteral("<b>骂人</b>")}})),
             QStringLiteral("ok"));
    QListView* alerts = pane->alertsView();
    QTRY_VERIFY(alerts->model()->rowCount() >= 1);
    const QModelIndex newest = alerts->model()->index(0, 0);
    QCOMPARE(newest.data(models::AlertListModel::KindRole).toString(),
             QStringLiteral("abusiveCustomer"));
    QVERIFY2(newest.data().toString().contains(
                 QStringLiteral("李娜 reports an abusive customer: <b>骂人</b>")),
             qPrintable(newest.data().toString()));
    alerts->setCurrentIndex(newest);
    pane->acknowledgeSelectedAlert();
    QTRY_VERIFY(!alerts->model()->index(0, 0).data(models::AlertListModel::OpenRole).toBool());
    QCOMPARE(
        hub.auditCount(QStringLiteral("alert.acknowledge"),
                       QString::number(newest.data(models::AlertListModel::IdRole).toLongLong())),
        1);

    const QString screenshots = qEnvironmentVariable("QIDONG_SCREENSHOT_DIR");
    if (!screenshots.isEmpty()) {
        QDir().mkpath(screenshots);
        roster->sortByColumn(models::FloorRosterModel::NameColumn, Qt::AscendingOrder);
        roster->selectRow(rosterRowOf(roster, QStringLiteral("李娜")));
        QTest::qWait(300);
        QVERIFY(desktop.shell()->grab().save(
            QDir(screenshots).filePath(QStringLiteral("supervisor-floor.png"))));
    }
}

void tst_SupervisorPane::agentsGetNoFloor()
{
    HubProcess hub;
    QVERIFY(hub.start());
    SignedInShell desktop;
    QVERIFY(desktop.start(hub.url(), QStringLiteral("li.na")));
    QVERIFY(desktop.shell()->supervisorPane() == nullptr);
    QVERIFY(!desktop.flow.floorDesk().isWatching());
    QCOMPARE(desktop.flow.floorDesk().roster().rowCount(), 0);
}

QTEST_MAIN(tst_SupervisorPane)
#include "tst_SupervisorPane.moc"
