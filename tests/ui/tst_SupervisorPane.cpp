#include "HubProcess.h"
#include "SignedInShell.h"
#include "TestClient.h"
#include "WebCustomer.h"
#include "core/chat/ChatDesk.h"
#include "core/supervisor/FloorDesk.h"
#include "core/supervisor/MonitorDesk.h"
#include "models/AlertListModel.h"
#include "models/ChatTranscriptModel.h"
#include "models/FloorRosterModel.h"
#include "models/QueueBoardModel.h"
#include "protocol/Names.h"
#include "ui/shell/ShellWindow.h"
#include "ui/supervisor/IntradayChart.h"
#include "ui/supervisor/MonitorPanel.h"
#include "ui/supervisor/QueueTiles.h"
#include "ui/supervisor/SupervisorPane.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStatusBar>
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
    void supervisorMonitorsAChatCoachesAndJoins();
    void agentSeesTheLeadAndTheWhisper();
    void agentsGetNoFloor();

private:
    // 陈女士 writes on the web page, 李娜 (test client) takes the chat: its id.
    QString linaTakesAChat(TestClient& lina, WebCustomer& customer);
};

QString tst_SupervisorPane::linaTakesAChat(TestClient& lina, WebCustomer& customer)
{
    if (!lina.signIn(QStringLiteral("li.na")) || !setReady(lina) ||
        !customer.start(QStringLiteral("陈女士")) ||
        outcomeOf(customer.send(QStringLiteral("流量包没生效"), QStringLiteral("c-1"))) != u"ok")
        return {};
    const std::optional<Interaction> chat =
        offeredIn(lina.waitForEvent(QString(event::InteractionOffered)));
    if (!chat ||
        outcomeOf(lina.call(method::InteractionAccept, InteractionRef{chat->id}.toJson())) != u"ok")
        return {};
    return chat->id;
}

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

void tst_SupervisorPane::supervisorMonitorsAChatCoachesAndJoins()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--floor-interval-ms"), QStringLiteral("100")}));
    TestClient lina(hub.url());
    WebCustomer customer(hub);
    const QString chatId = linaTakesAChat(lina, customer);
    QVERIFY(!chatId.isEmpty());

    SignedInShell desktop;
    desktop.session.setLanguage(QStringLiteral("en"));
    QVERIFY(desktop.start(hub.url(), QStringLiteral("zhou.hui")));
    ui::SupervisorPane* pane = desktop.shell()->supervisorPane();
    QVERIFY(pane);
    ui::MonitorPanel* panel = pane->monitorPanel();
    QVERIFY(panel->isHidden());
    QTableView* roster = pane->roster();
    QTRY_VERIFY(rosterRowOf(roster, QStringLiteral("李娜")) >= 0);
    const auto linaRow = [&] {
        return roster->model()->index(rosterRowOf(roster, QStringLiteral("李娜")), 0);
    };
    QTRY_VERIFY(!linaRow().data(models::FloorRosterModel::WorkIdsRole).toStringList().isEmpty());

    // Drill-down: from 李娜's row to her chat, listening.
    roster->selectRow(linaRow().row());
    pane->monitorSelected(int(MonitorMode::Listen));
    core::MonitorDesk& monitor = desktop.flow.monitorDesk();
    QTRY_VERIFY(monitor.isActive());
    QVERIFY(panel->isVisible());
    QVERIFY(panel->heading()->text().contains(QStringLiteral("陈女士")));
    QVERIFY(panel->heading()->text().contains(QStringLiteral("李娜")));
    QVERIFY(panel->modeButton(int(MonitorMode::Listen))->isChecked());
    QCOMPARE(panel->transcriptView()->model()->rowCount(), 1);
    QVERIFY(!panel->whisperButton()->isEnabled());
    // The customer writes: the lead reads it live.
    QCOMPARE(outcomeOf(customer.send(QStringLiteral("我要投诉"), QStringLiteral("c-2"))),
             QStringLiteral("ok"));
    QTRY_COMPARE(panel->transcriptView()->model()->rowCount(), 2);

    // Whisper: switched with the mode button, a note 李娜 gets.
    panel->modeButton(int(MonitorMode::Whisper))->click();
    QTRY_COMPARE(monitor.current()->mode, MonitorMode::Whisper);
    QVERIFY(panel->whisperButton()->isEnabled());
    QVERIFY(!panel->sendButton()->isEnabled());
    const qsizetype linaFrom = lina.events().size();
    panel->input()->setText(QStringLiteral("先道歉，再查套餐生效时间"));
    panel->whisperButton()->click();
    const std::optional<Event> note =
        lina.waitForEvent(QString(event::MonitorWhisper), 5000, linaFrom);
    QVERIFY(note.has_value());
    QCOMPARE(note->data.value(QLatin1StringView("text")).toString(),
             QStringLiteral("先道歉，再查套餐生效时间"));
    QTRY_COMPARE(panel->transcriptView()->model()->rowCount(), 3);
    QVERIFY(panel->transcriptView()
                ->model()
                ->index(2, 0)
                .data(models::ChatTranscriptModel::WhisperRole)
                .toBool());

    // Barge in: the customer reads the lead.
    panel->modeButton(int(MonitorMode::Barge))->click();
    QTRY_COMPARE(monitor.current()->mode, MonitorMode::Barge);
    const qsizetype customerFrom = customer.socket.events().size();
    panel->input()->setText(QStringLiteral("陈女士您好，我是值班主管"));
    panel->sendButton()->click();
    const std::optional<Event> joined =
        customer.socket.waitForEvent(QString(event::ChatMessage), 5000, customerFrom);
    QVERIFY(joined.has_value());
    QCOMPARE(joined->data.value(QLatin1StringView("message"))
                 .toObject()
                 .value(QLatin1StringView("sender"))
                 .toString(),
             QStringLiteral("supervisor"));
    QTRY_COMPARE(panel->transcriptView()->model()->rowCount(), 4);

    const QString screenshots = qEnvironmentVariable("QIDONG_SCREENSHOT_DIR");
    if (!screenshots.isEmpty()) {
        QDir().mkpath(screenshots);
        QTest::qWait(300);
        QVERIFY(desktop.shell()->grab().save(
            QDir(screenshots).filePath(QStringLiteral("supervisor-monitor.png"))));
    }

    // Stop: the panel goes; 李娜 was told at each step, and at the end.
    const auto stop = panel->findChildren<QPushButton*>();
    for (QPushButton* button : stop)
        if (button->text() == QStringLiteral("Stop monitoring"))
            button->click();
    QTRY_VERIFY(!monitor.isActive());
    QVERIFY(panel->isHidden());
    QTRY_VERIFY(!lina.events().isEmpty() && [&] {
        for (qsizetype i = lina.events().size() - 1; i >= 0; --i)
            if (lina.events().at(i).name == event::MonitorNotice)
                return !lina.events().at(i).data.value(QLatin1StringView("active")).toBool();
        return false;
    }());
    QCOMPARE(hub.auditCount(QStringLiteral("monitor.stop"), chatId), 1);
}

void tst_SupervisorPane::agentSeesTheLeadAndTheWhisper()
{
    HubProcess hub;
    QVERIFY(hub.start());
    SignedInShell desktop;
    desktop.session.setLanguage(QStringLiteral("en"));
    QVERIFY(desktop.start(hub.url(), QStringLiteral("li.na")));
    connect(&desktop.session, &core::AgentSession::offerReceived, &desktop.session,
            [&desktop](const InteractionOffer& offer) {
                desktop.session.accept(offer.interaction.id);
            });
    desktop.session.requestState(Presence::Ready);
    QTRY_COMPARE(desktop.session.state().presence, Presence::Ready);
    WebCustomer customer(hub);
    QVERIFY(customer.start(QStringLiteral("陈女士")));
    QCOMPARE(outcomeOf(customer.send(QStringLiteral("在吗"), QStringLiteral("c-1"))),
             QStringLiteral("ok"));
    const QString chatId = customer.conversationId;
    QTRY_VERIFY_WITH_TIMEOUT(desktop.flow.chatDesk().transcript(chatId) != nullptr, 10000);

    auto* indicator = desktop.shell()->findChild<QLabel*>(QStringLiteral("monitoredIndicator"));
    QVERIFY(indicator);
    QVERIFY(indicator->isHidden());
    TestClient lead(hub.url());
    QVERIFY(lead.signIn(QStringLiteral("zhou.hui")).has_value());
    QCOMPARE(outcomeOf(lead.call(method::MonitorStart,
                                 MonitorParams{chatId, MonitorMode::Listen}.toJson())),
             QStringLiteral("ok"));
    QTRY_VERIFY(indicator->isVisible());
    QVERIFY2(indicator->text().contains(QStringLiteral("周慧 is listening in")),
             qPrintable(indicator->text()));

    QCOMPARE(outcomeOf(lead.call(method::MonitorMode,
                                 MonitorParams{chatId, MonitorMode::Whisper}.toJson())),
             QStringLiteral("ok"));
    QTRY_VERIFY(indicator->text().contains(QStringLiteral("coaching you")));
    QCOMPARE(outcomeOf(lead.call(method::MonitorWhisper,
                                 WhisperParams{chatId, QStringLiteral("<b>先道歉</b>")}.toJson())),
             QStringLiteral("ok"));
    models::ChatTranscriptModel* transcript = desktop.flow.chatDesk().transcript(chatId);
    QTRY_VERIFY(transcript->rowCount() >= 2);
    const QModelIndex last = transcript->index(transcript->rowCount() - 1);
    QVERIFY(last.data(models::ChatTranscriptModel::WhisperRole).toBool());
    QCOMPARE(last.data(models::ChatTranscriptModel::TextRole).toString(),
             QStringLiteral("<b>先道歉</b>")); // plain text, drawn as typed

    QCOMPARE(outcomeOf(lead.call(method::MonitorStop, {{QStringLiteral("interactionId"), chatId}})),
             QStringLiteral("ok"));
    QTRY_VERIFY(indicator->isHidden());
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
