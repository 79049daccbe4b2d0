#include "HubProcess.h"
#include "SignedInShell.h"
#include "TestClient.h"
#include "VoiceLeg.h"
#include "WebCustomer.h"
#include "core/supervisor/RecordingPlayback.h"
#include "core/supervisor/ReviewDesk.h"
#include "models/ReviewListModel.h"
#include "protocol/Call.h"
#include "protocol/Names.h"
#include "ui/shell/ShellWindow.h"
#include "ui/supervisor/RecordingPlayer.h"
#include "ui/supervisor/ReviewPane.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QtTest/QTest>

using namespace qidong;
using namespace qidong::protocol;
using namespace qidong::test;

namespace {

int rowOf(QTableView* table, const QString& interactionId)
{
    for (int row = 0; row < table->model()->rowCount(); ++row)
        if (table->model()
                ->index(row, 0)
                .data(models::ReviewListModel::InteractionIdRole)
                .toString() == interactionId)
            return row;
    return -1;
}

bool finish(TestClient& agent, const QString& id, const QString& code)
{
    return outcomeOf(agent.call(method::InteractionEnd, InteractionRef{id}.toJson())) == u"ok" &&
           outcomeOf(agent.call(method::InteractionWrapUp, WrapUpParams{id, code}.toJson())) ==
               u"ok";
}

} // namespace

// The team lead's Quality tab against a real hub: 李娜's call (really
// recorded by the hub's mixer) and chat are found by agent; the call plays
// in the pane (decoded with libopus, on a real PulseAudio sink) with a
// position slider that moves and can be dragged; the chat's transcript
// reads; a scorecard is saved on the interaction and shows in the list.
class tst_ReviewPane final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void teamLeadPlaysReadsAndScores();
};

void tst_ReviewPane::initTestCase()
{
    SignedInShell::isolateSettings();
}

void tst_ReviewPane::teamLeadPlaysReadsAndScores()
{
    HubProcess hub;
    QVERIFY(hub.start());
    TestClient lina(hub.url());
    QVERIFY(lina.signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(setReady(lina));

    // Three seconds of a call, recorded by the hub.
    WebCustomer caller(hub);
    QVERIFY(caller.call(QStringLiteral("王女士")));
    const QString callId = caller.conversationId;
    VoiceLeg customerLeg(1);
    customerLeg.open(caller.ticket.socketUrl());
    customerLeg.say(1000.0);
    QVERIFY(lina.waitForEvent(QString(event::InteractionOffered)).has_value());
    QCOMPARE(outcomeOf(lina.call(method::InteractionAccept, InteractionRef{callId}.toJson())),
             QStringLiteral("ok"));
    const Result<MediaTicket> ticket = MediaTicket::fromJson(
        lina.call(method::CallMedia, CallMediaParams{callId}.toJson()).result);
    QVERIFY(ticket.ok());
    VoiceLeg linaLeg(1);
    linaLeg.open(ticket.value().socketUrl());
    linaLeg.say(620.0);
    QVERIFY(customerLeg.waitToHear(620.0));
    QTest::qWait(3000);
    QVERIFY(finish(lina, callId, QStringLiteral("resolved")));

    // And a chat.
    QVERIFY(setReady(lina));
    WebCustomer writer(hub);
    QVERIFY(writer.start(QStringLiteral("陈女士")));
    QCOMPARE(outcomeOf(writer.send(QStringLiteral("<b>发票</b>怎么开？"), QStringLiteral("c-1"))),
             QStringLiteral("ok"));
    const QString chatId = writer.conversationId;
    QVERIFY(QTest::qWaitFor(
        [&] {
            return outcomeOf(lina.call(method::InteractionAccept,
                                       InteractionRef{chatId}.toJson())) == u"ok";
        },
        10000));
    QCOMPARE(outcomeOf(lina.call(method::ChatSend,
                                 ChatSendParams{chatId, QStringLiteral("a-1"),
                                                QStringLiteral("在App里申请电子发票"), std::nullopt}
                                     .toJson())),
             QStringLiteral("ok"));
    QVERIFY(finish(lina, chatId, QStringLiteral("resolved")));

    SignedInShell desktop;
    desktop.session.setLanguage(QStringLiteral("en"));
    QVERIFY(desktop.start(hub.url(), QStringLiteral("zhou.hui")));
    ui::ReviewPane* pane = desktop.shell()->reviewPane();
    QVERIFY(pane);
    desktop.shell()
        ->findChild<QTabWidget*>(QStringLiteral("workspaceTabs"))
        ->setCurrentWidget(pane);
    QTRY_VERIFY(pane->agentFilter()->findData(QStringLiteral("u1001")) > 0);
    pane->agentFilter()->setCurrentIndex(pane->agentFilter()->findData(QStringLiteral("u1001")));
    pane->search();
    QTableView* results = pane->results();
    QTRY_VERIFY(rowOf(results, callId) >= 0);
    QVERIFY(rowOf(results, chatId) >= 0);
    for (int row = 0; row < results->model()->rowCount(); ++row)
        QCOMPARE(
            results->model()->index(row, models::ReviewListModel::AgentColumn).data().toString(),
            QStringLiteral("李娜"));
    const int callRow = rowOf(results, callId);
    QCOMPARE(results->model()->index(callRow, models::ReviewListModel::RecordedColumn).data(),
             QVariant(QStringLiteral("●")));
    QCOMPARE(results->model()->index(callRow, models::ReviewListModel::DispositionColumn).data(),
             QVariant(QStringLiteral("Resolved on first contact")));

    // The call plays in the pane; the slider follows and moves it.
    results->selectRow(callRow);
    ui::RecordingPlayer* player = pane->player();
    QVERIFY(player->isVisible());
    core::RecordingPlayback* playback = player->playback();
    QTRY_VERIFY_WITH_TIMEOUT(playback->durationMs() > 2500, 10000);
    QCOMPARE(player->slider()->maximum(), int(playback->durationMs()));
    QTRY_VERIFY_WITH_TIMEOUT(playback->positionMs() > 300, 5000);
    QTRY_VERIFY(player->slider()->value() > 0);
    QCOMPARE(player->playButton()->text(), QStringLiteral("Pause"));
    player->playButton()->click();
    QTRY_VERIFY(!playback->isPlaying());
    QCOMPARE(player->playButton()->text(), QStringLiteral("Play"));
    const qint64 paused = playback->positionMs();
    QTest::qWait(300);
    QCOMPARE(playback->positionMs(), paused); // a pause holds the moment
    const int target = int(playback->durationMs()) - 600;
    player->slider()->setSliderPosition(target);
    player->slider()->triggerAction(QAbstractSlider::SliderPageStepAdd);
    QTRY_VERIFY(playback->positionMs() >= target);
    QVERIFY(player->timeLabel()->text().contains(QStringLiteral(" / 0:0")));
    // Played on from there, it ends by itself at the end.
    player->playButton()->click();
    QTRY_VERIFY(playback->isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!playback->isPlaying(), 5000);
    QCOMPARE(playback->positionMs(), playback->durationMs());
    QCOMPARE(player->playButton()->text(), QStringLiteral("Play"));

    // A scorecard: compliance marked down, with a comment.
    pane->scoreBox(QStringLiteral("compliance"))->setValue(2);
    pane->commentEdit()->setPlainText(QStringLiteral("核实身份前透露了账户信息"));
    pane->saveButton()->click();
    QTRY_COMPARE(results->model()->index(callRow, models::ReviewListModel::ScoreColumn).data(),
                 QVariant(QStringLiteral("90 %")));
    QVERIFY(pane->status()->text().contains(QStringLiteral("90")));
    QCOMPARE(hub.auditCount(QStringLiteral("review.save"), callId), 1);

    // The chat reads as plain text.
    results->selectRow(rowOf(results, chatId));
    QVERIFY(!player->isVisible());
    QVERIFY(pane->transcriptView()->isVisible());
    QTRY_VERIFY(pane->transcriptView()->model()->rowCount() >= 2);
    QCOMPARE(pane->transcriptView()->model()->index(0, 0).data().toString(),
             QStringLiteral("<b>发票</b>怎么开？"));
    // Back to the call: its saved scorecard is shown again.
    results->selectRow(callRow);
    QCOMPARE(pane->scoreBox(QStringLiteral("compliance"))->value(), 2);
    QCOMPARE(pane->commentEdit()->toPlainText(), QStringLiteral("核实身份前透露了账户信息"));

    const QString screenshots = qEnvironmentVariable("QIDONG_SCREENSHOT_DIR");
    if (!screenshots.isEmpty()) {
        QDir().mkpath(screenshots);
        QTest::qWait(300);
        QVERIFY(desktop.shell()->grab().save(
            QDir(screenshots).filePath(QStringLiteral("quality-review.png"))));
    }
}

QTEST_MAIN(tst_ReviewPane)
#include "tst_ReviewPane.moc"
