#include "HubProcess.h"
#include "PulseDevices.h"
#include "TestClient.h"
#include "VoiceLeg.h"
#include "app/SignInFlow.h"
#include "core/connection/HubConnection.h"
#include "core/credentials/CredentialStore.h"
#include "core/session/AgentSession.h"
#include "core/voice/CallDesk.h"
#include "core/voice/VoiceEngine.h"
#include "protocol/Call.h"
#include "protocol/Names.h"
#include "ui/shell/OfferToast.h"
#include "ui/shell/ShellWindow.h"
#include "ui/shell/SignInDialog.h"
#include "ui/voice/SoftphonePane.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTimer>
#include <QtTest/QTest>

using namespace qidong;
using namespace qidong::protocol;
using namespace qidong::test;
using namespace std::chrono_literals;

namespace {

const double kAgentTone = 1000.0;
constexpr double kCustomerTone = 620.0;

QString labelText(QWidget* root, const char* name)
{
    auto* label = root->findChild<QLabel*>(QString::fromLatin1(name));
    return label ? label->text() : QString();
}

} // namespace

// The softphone as an agent uses it: a web caller is offered, the agent
// answers from the toast, the call pane shows who and how long, audio flows
// both ways through real (null) sound devices and the hub, hold plays music
// to the caller, mute silences the agent, the caller's key presses show,
// and hanging up ends the call into wrap-up.
class tst_SoftphonePane final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { QTest::qWait(500); } // see tst_Ringer
    void agentTakesACallInThePane();
};

void tst_SoftphonePane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QidongTests"));
    QSettings().clear();
}

void tst_SoftphonePane::agentTakesACallInThePane()
{
    const QString suffix = QString::number(QCoreApplication::applicationPid());
    const QString line = QStringLiteral("qidong_pane_line_") + suffix;
    const QString ear = QStringLiteral("qidong_pane_ear_") + suffix;
    PulseModule lineSink(QStringLiteral("module-null-sink"), {QStringLiteral("sink_name=") + line});
    PulseModule mic(QStringLiteral("module-remap-source"),
                    {QStringLiteral("master=") + line + QStringLiteral(".monitor"),
                     QStringLiteral("source_name=qidong_pane_mic_") + suffix,
                     QStringLiteral("channels=1")});
    PulseModule earSink(QStringLiteral("module-null-sink"), {QStringLiteral("sink_name=") + ear});
    QVERIFY(lineSink.isLoaded() && mic.isLoaded() && earSink.isLoaded());

    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("30000")}));
    core::HubConnection::Settings settings;
    settings.backoff = {100ms, 400ms, 0.2};
    core::HubConnection connection(settings);
    core::AgentSession session(connection);
    core::CredentialStore credentials(QStringLiteral("qidong-tests"));
    app::SignInFlow flow(connection, session, credentials);
    flow.voiceEngine().setDevices((QStringLiteral("qidong_pane_mic_") + suffix).toUtf8(),
                                  ear.toUtf8());
    flow.voiceEngine().setProcessing({false, false, false}); // tones, see tst_VoiceEngine
    flow.start(ui::SignInRequest{hub.url(), QStringLiteral("li.na"), QStringLiteral("qidong-demo"),
                                 false, QStringLiteral("en")});
    QTRY_VERIFY(flow.shell() != nullptr);
    ui::ShellWindow* shell = flow.shell();
    shell->show();
    QVERIFY(QTest::qWaitForWindowExposed(shell));
    ui::SoftphonePane* pane = shell->softphonePane();
    QVERIFY(pane);
    QCOMPARE(labelText(pane, "callWho"), QStringLiteral("No call"));
    QVERIFY(!pane->hangUpButton()->isVisible());

    session.requestState(Presence::Ready);
    QTRY_COMPARE(session.state().presence, Presence::Ready);

    // A customer calls from the web page.
    TestClient customer(hub.customerSocketUrl());
    QVERIFY(customer.open());
    const Response started = customer.call(
        method::CustomerStart, {{QStringLiteral("name"), QStringLiteral("王女士")},
                                {QStringLiteral("phone"), QStringLiteral("13800138000")},
                                {QStringLiteral("channel"), QStringLiteral("voice")}});
    QCOMPARE(outcomeOf(started), QStringLiteral("ok"));
    VoiceLeg caller(1);
    caller.open(MediaTicket::fromJson(started.result.value(QLatin1StringView("media")).toObject())
                    .value()
                    .socketUrl());
    caller.say(kCustomerTone);
    PcmFeeder voice(line, PcmFeeder::tone(kAgentTone));
    PcmRecorder heard(ear + QStringLiteral(".monitor"));

    // Answered from the toast (what the shortcut does too).
    QTRY_VERIFY(shell->offerToast()->isVisible());
    QTest::keyClick(shell, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(labelText(pane, "callStatus"), QStringLiteral("Connected"));
    QVERIFY(labelText(pane, "callWho").contains(QStringLiteral("王女士")));
    QVERIFY(labelText(pane, "callWho").contains(QStringLiteral("138****8000")));
    QVERIFY(pane->hangUpButton()->isVisible());
    QVERIFY(caller.waitToHear(kAgentTone));
    QVERIFY(heard.waitToHear(kCustomerTone));
    QTRY_VERIFY_WITH_TIMEOUT(labelText(pane, "callTimer") >= QStringLiteral("00:01"), 3000);

    // Hold: the pane says so, the caller hears music and not the agent.
    QTest::mouseClick(pane->holdButton(), Qt::LeftButton);
    QTRY_VERIFY(labelText(pane, "callStatus").startsWith(QStringLiteral("On hold")));
    QVERIFY(pane->holdButton()->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(caller.heard(kAgentTone) < 0.001, 3000);
    QVERIFY(caller.waitForSound());
    QTest::mouseClick(pane->holdButton(), Qt::LeftButton);
    QTRY_COMPARE(labelText(pane, "callStatus"), QStringLiteral("Connected"));
    QVERIFY(caller.waitToHear(kAgentTone));

    // Mute by shortcut: the caller hears nothing; again: back.
    QTest::keyClick(shell, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(pane->muteButton()->isChecked());
    QVERIFY(caller.waitForQuiet());
    QTest::mouseClick(pane->muteButton(), Qt::LeftButton);
    QVERIFY(!pane->muteButton()->isChecked());
    QVERIFY(caller.waitToHear(kAgentTone));

    // The recording: on from the answer, paused while a card number is read.
    QCOMPARE(labelText(pane, "callRecording"), QStringLiteral("● Recording"));
    QTest::mouseClick(pane->recordButton(), Qt::LeftButton);
    QTRY_COMPARE(labelText(pane, "callRecording"), QStringLiteral("Recording paused"));
    QVERIFY(pane->recordButton()->isChecked());
    QTRY_VERIFY(hub.logged(QStringLiteral("recording.paused")));
    QTest::mouseClick(pane->recordButton(), Qt::LeftButton);
    QTRY_COMPARE(labelText(pane, "callRecording"), QStringLiteral("● Recording"));

    // The caller presses keys; the agent sees them.
    caller.pressKey(u'5');
    caller.pressKey(u'#');
    QTRY_COMPARE(pane->customerKeys(), QStringLiteral("Customer pressed: 5 #"));

    // Transfer offers voice queues and colleagues (cancelled here; the hub's
    // side of a blind transfer is in tst_hubvoice).
    QStringList offeredQueues;
    // The dialog opens once the directory arrives; a timer answers it from
    // inside its own event loop.
    QTimer dialogWatch;
    dialogWatch.setInterval(20);
    connect(&dialogWatch, &QTimer::timeout, this, [&] {
        QWidget* dialog = QApplication::activeModalWidget();
        if (!dialog)
            return;
        dialogWatch.stop();
        const QList<QComboBox*> combos = dialog->findChildren<QComboBox*>();
        if (!combos.isEmpty())
            for (int i = 0; i < combos.first()->count(); ++i)
                offeredQueues.append(combos.first()->itemData(i).toString());
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    dialogWatch.start();
    QTest::mouseClick(pane->transferButton(), Qt::LeftButton);
    QTRY_VERIFY(!offeredQueues.isEmpty());
    QVERIFY(offeredQueues.contains(QStringLiteral("cn-voice")));
    QVERIFY(!offeredQueues.contains(QStringLiteral("online-chat")));
    QVERIFY(pane->hangUpButton()->isVisible()); // still on the call

    // Hang up: the pane empties, the session goes to wrap-up, the caller's
    // media leg is closed by the hub.
    QSignalSpy callerEnded(&caller.link(), &core::MediaLink::ended);
    QTest::mouseClick(pane->hangUpButton(), Qt::LeftButton);
    QTRY_COMPARE(labelText(pane, "callWho"), QStringLiteral("No call"));
    QTRY_COMPARE(callerEnded.size(), 1);
    QTRY_COMPARE(session.state().presence, Presence::AfterCallWork);
    QVERIFY(!flow.voiceEngine().inCall());
}

QTEST_MAIN(tst_SoftphonePane)
#include "tst_SoftphonePane.moc"
