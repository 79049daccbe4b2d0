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
#include "ui/chat/ChatPane.h"
#include "ui/chat/Composer.h"
#include "ui/chat/ConversationView.h"
#include "ui/chat/WrapUpForm.h"
#include "ui/shell/OfferToast.h"
#include "ui/shell/ShellWindow.h"
#include "ui/shell/SignInDialog.h"
#include "ui/voice/SoftphonePane.h"

#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTimer>
#include <QtTest/QTest>

#include <functional>

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

// A signed-in qidong-desktop in this process, its audio on its own
// PulseAudio devices: what plays into `line` is its microphone, what it
// plays comes out of `ear` (record its ".monitor").
struct Desktop
{
    Desktop(const QString& name)
        : suffix(name + QString::number(QCoreApplication::applicationPid()))
        , line(QStringLiteral("qidong_") + suffix + QStringLiteral("_line"))
        , ear(QStringLiteral("qidong_") + suffix + QStringLiteral("_ear"))
        , lineSink(QStringLiteral("module-null-sink"), {QStringLiteral("sink_name=") + line})
        , mic(QStringLiteral("module-remap-source"),
              {QStringLiteral("master=") + line + QStringLiteral(".monitor"),
               QStringLiteral("source_name=qidong_") + suffix + QStringLiteral("_mic"),
               QStringLiteral("channels=1")})
        , earSink(QStringLiteral("module-null-sink"), {QStringLiteral("sink_name=") + ear})
        , connection(settings())
        , session(connection)
        , credentials(QStringLiteral("qidong-tests"))
        , flow(connection, session, credentials)
    {
        flow.voiceEngine().setDevices(
            (QStringLiteral("qidong_") + suffix + QStringLiteral("_mic")).toUtf8(), ear.toUtf8());
        flow.voiceEngine().setProcessing({false, false, false}); // tones, see tst_VoiceEngine
    }

    static core::HubConnection::Settings settings()
    {
        core::HubConnection::Settings settings;
        settings.backoff = {100ms, 400ms, 0.2};
        return settings;
    }

    bool devicesLoaded() const
    {
        return lineSink.isLoaded() && mic.isLoaded() && earSink.isLoaded();
    }

    // Signs in and shows the window; false if it did not come up.
    bool signIn(const HubProcess& hub, const QString& username)
    {
        flow.start(ui::SignInRequest{hub.url(), username, QStringLiteral("qidong-demo"), false,
                                     QStringLiteral("en")});
        if (!QTest::qWaitFor([this] { return flow.shell() != nullptr; }, 10000))
            return false;
        flow.shell()->show();
        return QTest::qWaitForWindowExposed(flow.shell());
    }

    ui::ShellWindow* shell() const { return flow.shell(); }
    ui::SoftphonePane* pane() const { return flow.shell()->softphonePane(); }

    QString suffix;
    QString line;
    QString ear;
    PulseModule lineSink;
    PulseModule mic;
    PulseModule earSink;
    core::HubConnection connection;
    core::AgentSession session;
    core::CredentialStore credentials;
    app::SignInFlow flow;
};

// A web caller (control socket and media leg) saying `tone`.
struct WebCaller
{
    WebCaller(const HubProcess& hub, double saying)
        : socket(hub.customerSocketUrl())
        , tone(saying)
    {}

    bool call()
    {
        if (!socket.open())
            return false;
        const Response started = socket.call(
            method::CustomerStart, {{QStringLiteral("name"), QStringLiteral("王女士")},
                                    {QStringLiteral("phone"), QStringLiteral("13800138000")},
                                    {QStringLiteral("channel"), QStringLiteral("voice")}});
        Result<MediaTicket> ticket =
            MediaTicket::fromJson(started.result.value(QLatin1StringView("media")).toObject());
        if (started.error || !ticket)
            return false;
        callId = started.result.value(QLatin1StringView("conversationId")).toString();
        leg.open(ticket.value().socketUrl());
        leg.say(tone);
        return true;
    }

    TestClient socket;
    double tone;
    VoiceLeg leg{1};
    QString callId;
};

// Answers the next modal dialog from inside its own event loop with `act`.
void whenDialogOpens(QObject* context, std::function<void(QWidget*)> act)
{
    auto* watch = new QTimer(context);
    watch->setInterval(20);
    QObject::connect(watch, &QTimer::timeout, context, [watch, act] {
        if (QWidget* dialog = QApplication::activeModalWidget()) {
            watch->stop();
            watch->deleteLater();
            act(dialog);
        }
    });
    watch->start();
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
    // Qt 6.4's PulseAudio backend can deadlock in its exit-time teardown
    // when a stream callback is still in flight: let the last one finish.
    void cleanupTestCase() { QTest::qWait(500); }
    void agentTakesACallInThePane();
    void holderConsultsConferencesAndTransfers();
    void consultedColleagueAnswersAndTakesTheCallOver();
    void agentCallsBackACustomerWhoAskedForIt();
    void agentCallsAChatCustomerAndTheChatGoesOn();
    void agentDialsANumberFromTheKeypad();
};

void tst_SoftphonePane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QidongTests"));
    QSettings().clear();
}

void tst_SoftphonePane::agentTakesACallInThePane()
{
    Desktop desk(QStringLiteral("pane"));
    QVERIFY(desk.devicesLoaded());
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("30000")}));
    core::AgentSession& session = desk.session;
    app::SignInFlow& flow = desk.flow;
    QVERIFY(desk.signIn(hub, QStringLiteral("li.na")));
    ui::ShellWindow* shell = desk.shell();
    ui::SoftphonePane* pane = desk.pane();
    QVERIFY(pane);
    QCOMPARE(labelText(pane, "callWho"), QStringLiteral("No call"));
    QVERIFY(!pane->hangUpButton()->isVisible());

    session.requestState(Presence::Ready);
    QTRY_COMPARE(session.state().presence, Presence::Ready);

    // A customer calls from the web page.
    WebCaller web(hub, kCustomerTone);
    QVERIFY(web.call());
    VoiceLeg& caller = web.leg;
    PcmFeeder voice(desk.line, PcmFeeder::tone(kAgentTone));
    PcmRecorder heard(desk.ear + QStringLiteral(".monitor"));

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
    // The dialog opens once the directory arrives.
    whenDialogOpens(this, [&](QWidget* dialog) {
        const QList<QComboBox*> combos = dialog->findChildren<QComboBox*>();
        if (!combos.isEmpty())
            for (int i = 0; i < combos.first()->count(); ++i)
                offeredQueues.append(combos.first()->itemData(i).toString());
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
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

    // Wrap-up, as for chats: the form in the pane, its record stored.
    ui::WrapUpForm* form = pane->wrapUpForm();
    QTRY_VERIFY(form->isVisibleTo(pane));
    QCOMPARE(labelText(pane, "callWrapUpTitle"), QStringLiteral("Wrap up the call with 王女士"));
    auto* code = form->findChild<QComboBox*>(QStringLiteral("wrapUpCode"));
    QVERIFY(code && code->count() > 0);
    code->setCurrentIndex(code->count() - 1);
    QTest::mouseClick(form->findChild<QPushButton*>(QStringLiteral("finishWrapUp")),
                      Qt::LeftButton);
    QTRY_VERIFY(!form->isVisibleTo(pane));
    QTRY_VERIFY(hub.logged(QStringLiteral("interaction.wrapped_up")));
}

void tst_SoftphonePane::holderConsultsConferencesAndTransfers()
{
    constexpr double kColleagueTone = 1330.0;
    Desktop desk(QStringLiteral("holder"));
    QVERIFY(desk.devicesLoaded());
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("30000")}));
    QVERIFY(desk.signIn(hub, QStringLiteral("li.na")));
    ui::SoftphonePane* pane = desk.pane();
    desk.session.requestState(Presence::Ready);
    QTRY_COMPARE(desk.session.state().presence, Presence::Ready);
    WebCaller web(hub, kCustomerTone);
    QVERIFY(web.call());
    PcmFeeder voice(desk.line, PcmFeeder::tone(kAgentTone));
    PcmRecorder heard(desk.ear + QStringLiteral(".monitor"));
    QTRY_VERIFY(desk.shell()->offerToast()->isVisible());
    QTest::keyClick(desk.shell(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(labelText(pane, "callStatus"), QStringLiteral("Connected"));
    QVERIFY(web.leg.waitToHear(kAgentTone));

    TestClient zhang(hub.url());
    QVERIFY(zhang.signIn(QStringLiteral("zhang.min")).has_value());
    QCOMPARE(
        outcomeOf(zhang.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));

    // Consult…: the dialog lists colleagues signed in; 张敏 is chosen.
    QStringList offered;
    whenDialogOpens(this, [&](QWidget* dialog) {
        auto* input = qobject_cast<QInputDialog*>(dialog);
        if (!input)
            return;
        offered = input->comboBoxItems();
        for (const QString& item : offered)
            if (item.startsWith(QStringLiteral("张敏")))
                input->setTextValue(item);
        input->accept();
    });
    QVERIFY(pane->consultButton()->isEnabled());
    QTest::mouseClick(pane->consultButton(), Qt::LeftButton);
    QTRY_COMPARE(pane->consultText(), QStringLiteral("Asking 张敏… the caller is on hold"));
    QVERIFY(!offered.isEmpty());
    QVERIFY(!offered.join(u',').contains(QStringLiteral("李娜"))); // not oneself
    QVERIFY(!pane->consultButton()->isEnabled());
    QVERIFY(!pane->holdButton()->isEnabled());
    QVERIFY(pane->consultReturnButton()->isVisible());
    QVERIFY(!pane->consultTransferButton()->isVisible()); // not before she answers
    QTRY_VERIFY_WITH_TIMEOUT(web.leg.heard(kAgentTone) < 0.001, 3000);

    // 张敏 answers and speaks; li.na hears her, the caller does not.
    QVERIFY(zhang.waitForEvent(QString(event::CallConsultChanged)).has_value());
    QCOMPARE(outcomeOf(zhang.call(method::CallConsultAnswer, CallMediaParams{web.callId}.toJson())),
             QStringLiteral("ok"));
    const Response media = zhang.call(method::CallMedia, CallMediaParams{web.callId}.toJson());
    QCOMPARE(outcomeOf(media), QStringLiteral("ok"));
    VoiceLeg zhangLeg(2);
    zhangLeg.open(MediaTicket::fromJson(media.result).value().socketUrl());
    zhangLeg.say(kColleagueTone);
    QTRY_COMPARE(pane->consultText(), QStringLiteral("Talking with 张敏 — the caller is on hold"));
    QVERIFY(heard.waitToHear(kColleagueTone));
    QVERIFY(zhangLeg.waitToHear(kAgentTone));
    QVERIFY(web.leg.heard(kColleagueTone) < 0.001);

    // Conference: the caller hears both agents.
    QVERIFY(pane->consultConferenceButton()->isVisible());
    QTest::mouseClick(pane->consultConferenceButton(), Qt::LeftButton);
    QTRY_COMPARE(pane->consultText(), QStringLiteral("Conference with 张敏 and 王女士"));
    QVERIFY(web.leg.waitToHear(kColleagueTone));
    QVERIFY(web.leg.waitToHear(kAgentTone));
    QVERIFY(heard.waitToHear(kCustomerTone));

    // Complete the transfer: li.na's pane empties and says where it went.
    QTest::mouseClick(pane->consultTransferButton(), Qt::LeftButton);
    QTRY_COMPARE(labelText(pane, "callWho"), QStringLiteral("No call"));
    QCOMPARE(pane->noticeText(), QStringLiteral("The call went to 张敏."));
    QVERIFY(!desk.flow.voiceEngine().inCall());
    QVERIFY(zhangLeg.waitToHear(kCustomerTone));
    QTest::qWait(500);
    QVERIFY(web.leg.heard(kAgentTone) < 0.001);
}

void tst_SoftphonePane::consultedColleagueAnswersAndTakesTheCallOver()
{
    constexpr double kHolderTone = 1330.0;
    Desktop desk(QStringLiteral("asked"));
    QVERIFY(desk.devicesLoaded());
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("30000")}));
    // li.na (a test client) takes the call first, then 张敏 signs in.
    TestClient lina(hub.url());
    QVERIFY(lina.signIn(QStringLiteral("li.na")).has_value());
    QCOMPARE(
        outcomeOf(lina.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));
    WebCaller web(hub, kCustomerTone);
    QVERIFY(web.call());
    QVERIFY(lina.waitForEvent(QString(event::InteractionOffered)).has_value());
    QCOMPARE(outcomeOf(lina.call(method::InteractionAccept, InteractionRef{web.callId}.toJson())),
             QStringLiteral("ok"));
    const Response media = lina.call(method::CallMedia, CallMediaParams{web.callId}.toJson());
    VoiceLeg linaLeg(2);
    linaLeg.open(MediaTicket::fromJson(media.result).value().socketUrl());
    linaLeg.say(kHolderTone);

    QVERIFY(desk.signIn(hub, QStringLiteral("zhang.min")));
    ui::SoftphonePane* pane = desk.pane();
    desk.session.requestState(Presence::Ready);
    QTRY_COMPARE(desk.session.state().presence, Presence::Ready);
    PcmFeeder voice(desk.line, PcmFeeder::tone(kAgentTone));
    PcmRecorder heard(desk.ear + QStringLiteral(".monitor"));

    // li.na asks: 张敏's pane rings with Answer and Decline.
    QCOMPARE(
        outcomeOf(lina.call(method::CallConsult,
                            CallConsultParams{web.callId, QStringLiteral("zhang.min")}.toJson())),
        QStringLiteral("ok"));
    QTRY_COMPARE(pane->consultText(),
                 QStringLiteral("李娜 asks you to consult on a call with 王女士"));
    QVERIFY(pane->consultAnswerButton()->isVisible());
    QVERIFY(pane->consultDeclineButton()->isVisible());
    QVERIFY(!pane->consultTransferButton()->isVisible());
    QTest::mouseClick(pane->consultAnswerButton(), Qt::LeftButton);
    QTRY_COMPARE(pane->consultText(),
                 QStringLiteral("Consulting with 李娜 — 王女士 cannot hear you"));
    QVERIFY(heard.waitToHear(kHolderTone));
    QVERIFY(linaLeg.waitToHear(kAgentTone));
    QVERIFY(!pane->holdButton()->isEnabled()); // li.na's call to decide on
    QVERIFY(pane->hangUpButton()->isVisible());

    // li.na hands the call over: it is 张敏's now, hold and all.
    QCOMPARE(
        outcomeOf(lina.call(method::CallConsultEnd,
                            CallConsultEndParams{web.callId, ConsultAction::Transfer}.toJson())),
        QStringLiteral("ok"));
    QTRY_COMPARE(pane->noticeText(), QStringLiteral("The call with 王女士 is yours now."));
    QTRY_VERIFY(pane->holdButton()->isEnabled());
    QVERIFY(pane->consultText().isEmpty());
    QVERIFY(desk.flow.voiceEngine().inCall());
    QVERIFY(heard.waitToHear(kCustomerTone));
    QVERIFY(web.leg.waitToHear(kAgentTone));

    // Hanging up now ends the call (she holds it) into wrap-up.
    QTest::mouseClick(pane->hangUpButton(), Qt::LeftButton);
    QTRY_COMPARE(labelText(pane, "callWho"), QStringLiteral("No call"));
    QTRY_COMPARE(desk.session.state().presence, Presence::AfterCallWork);
}

void tst_SoftphonePane::agentCallsBackACustomerWhoAskedForIt()
{
    Desktop desk(QStringLiteral("dialer"));
    QVERIFY(desk.devicesLoaded());
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("30000")}));
    QVERIFY(desk.signIn(hub, QStringLiteral("li.na")));
    ui::SoftphonePane* pane = desk.pane();
    // The caller tires of waiting (nobody is ready) and asks for a callback.
    WebCaller web(hub, kCustomerTone);
    QVERIFY(web.call());
    QCOMPARE(outcomeOf(web.socket.call(method::CustomerCallback, {})), QStringLiteral("ok"));
    PcmFeeder voice(desk.line, PcmFeeder::tone(kAgentTone));
    PcmRecorder heard(desk.ear + QStringLiteral(".monitor"));

    desk.session.requestState(Presence::Ready);
    QTRY_VERIFY(desk.shell()->offerToast()->isVisible());
    QTest::keyClick(desk.shell(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(labelText(pane, "callStatus"),
                 QStringLiteral("Callback request — call 王女士 back"));
    QVERIFY(pane->dialButton()->isVisible());
    QVERIFY(!pane->holdButton()->isEnabled());
    QVERIFY(!desk.flow.voiceEngine().inCall()); // silent until dialled

    // Dialled: ringback for the agent; the customer declines this time.
    QTest::mouseClick(pane->dialButton(), Qt::LeftButton);
    QTRY_COMPARE(labelText(pane, "callStatus"), QStringLiteral("Calling 王女士…"));
    QVERIFY(!pane->dialButton()->isVisible());
    QVERIFY(heard.waitToHear(450.0));
    const Response declined = web.socket.call(method::CustomerDecline, {});
    QVERIFY2(!declined.error, qPrintable(declined.error ? declined.error->message : QString()));
    QTRY_COMPARE(pane->noticeText(), QStringLiteral("王女士 declined the call."));
    QVERIFY(pane->dialButton()->isVisible());
    QTRY_VERIFY(!desk.flow.voiceEngine().inCall());

    // Dialled again and answered: they hear each other.
    QTest::mouseClick(pane->dialButton(), Qt::LeftButton);
    QTRY_COMPARE(labelText(pane, "callStatus"), QStringLiteral("Calling 王女士…"));
    const Response answered = web.socket.call(method::CustomerAnswer, {});
    QVERIFY2(!answered.error, qPrintable(answered.error ? answered.error->message : QString()));
    VoiceLeg customer(7);
    customer.open(mediaSocketIn(answered));
    customer.say(kCustomerTone);
    QTRY_COMPARE(labelText(pane, "callStatus"), QStringLiteral("Connected"));
    QVERIFY(heard.waitToHear(kCustomerTone));
    QVERIFY(customer.waitToHear(kAgentTone));
    QVERIFY(pane->holdButton()->isEnabled());
    QCOMPARE(labelText(pane, "callRecording"), QStringLiteral("● Recording"));

    QTest::mouseClick(pane->hangUpButton(), Qt::LeftButton);
    QTRY_COMPARE(labelText(pane, "callWho"), QStringLiteral("No call"));
}

void tst_SoftphonePane::agentCallsAChatCustomerAndTheChatGoesOn()
{
    Desktop desk(QStringLiteral("chatcall"));
    QVERIFY(desk.devicesLoaded());
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("30000")}));
    QVERIFY(desk.signIn(hub, QStringLiteral("li.na")));
    ui::SoftphonePane* pane = desk.pane();
    desk.session.requestState(Presence::Ready);
    QTRY_COMPARE(desk.session.state().presence, Presence::Ready);
    PcmFeeder voice(desk.line, PcmFeeder::tone(kAgentTone));
    PcmRecorder heard(desk.ear + QStringLiteral(".monitor"));

    // A web chat, answered from the toast.
    TestClient page(hub.customerSocketUrl());
    QVERIFY(page.open());
    const Response started =
        page.call(method::CustomerStart, {{QStringLiteral("name"), QStringLiteral("王女士")}});
    QCOMPARE(outcomeOf(started), QStringLiteral("ok"));
    const QString chatId = started.result.value(QLatin1StringView("conversationId")).toString();
    QTRY_VERIFY(desk.shell()->offerToast()->isVisible());
    QTest::keyClick(desk.shell(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    ui::ConversationView* conversation = nullptr;
    QTRY_VERIFY((conversation = desk.shell()->chatPane()->view(chatId)) != nullptr);
    auto* callCustomer = conversation->findChild<QPushButton*>(QStringLiteral("callCustomer"));
    QVERIFY(callCustomer);
    QTRY_VERIFY(callCustomer->isEnabled());

    // Call customer: the page rings, answers, and they talk.
    QTest::mouseClick(callCustomer, Qt::LeftButton);
    QTRY_COMPARE(labelText(pane, "callStatus"), QStringLiteral("Calling 王女士…"));
    QVERIFY(!pane->holdButton()->isEnabled()); // the chat is what holds, not the call
    const Response answered = page.call(method::CustomerAnswer, {});
    QVERIFY2(!answered.error, qPrintable(answered.error ? answered.error->message : QString()));
    VoiceLeg customer(8);
    customer.open(mediaSocketIn(answered));
    customer.say(kCustomerTone);
    QTRY_COMPARE(labelText(pane, "callStatus"), QStringLiteral("Connected"));
    QVERIFY(heard.waitToHear(kCustomerTone));
    QVERIFY(customer.waitToHear(kAgentTone));

    // Hang up in the pane: the call ends, the chat is still there.
    QSignalSpy customerEnded(&customer.link(), &core::MediaLink::ended);
    QTest::mouseClick(pane->hangUpButton(), Qt::LeftButton);
    QTRY_COMPARE(labelText(pane, "callWho"), QStringLiteral("No call"));
    QTRY_COMPARE(customerEnded.size(), 1);
    QVERIFY(desk.shell()->chatPane()->view(chatId) != nullptr);
    QVERIFY(conversation->composer()->isEnabled());
    QCOMPARE(desk.session.state().presence, Presence::Busy);
    QVERIFY(!desk.flow.voiceEngine().inCall());
}

void tst_SoftphonePane::agentDialsANumberFromTheKeypad()
{
    Desktop desk(QStringLiteral("outbound"));
    QVERIFY(desk.devicesLoaded());
    HubProcess hub;
    QVERIFY(hub.start());
    QVERIFY(desk.signIn(hub, QStringLiteral("li.na")));
    ui::SoftphonePane* pane = desk.pane();
    QVERIFY(pane->numberField()->isVisible());
    QVERIFY(!pane->callNumberButton()->isEnabled()); // nothing typed yet

    // Typed on the keypad; with no phone line the hub says so.
    auto* keypadToggle = pane->findChild<QPushButton*>(QStringLiteral("dialPadToggle"));
    QVERIFY(keypadToggle != nullptr);
    QTest::mouseClick(keypadToggle, Qt::LeftButton);
    QTRY_VERIFY(pane->findChild<QWidget*>(QStringLiteral("keypad"))->isVisible());
    QTest::keyClicks(pane->numberField(), QStringLiteral("139 0013"));
    for (const char* key : {"key_9", "key_0", "key_0", "key_0", "key_star"})
        QTest::mouseClick(pane->findChild<QPushButton*>(QString::fromLatin1(key)), Qt::LeftButton);
    QCOMPARE(pane->numberField()->text(), QStringLiteral("139 00139000")); // '*' is no digit
    QVERIFY(pane->callNumberButton()->isEnabled());
    QTest::mouseClick(pane->callNumberButton(), Qt::LeftButton);
    QTRY_VERIFY(pane->noticeText().startsWith(QStringLiteral("No phone line")));
    QCOMPARE(labelText(pane, "callWho"), QStringLiteral("No call"));

    // With a trunk: the call is the agent's at once and rings the number.
    TestClient trunk(hub.trunkSocketUrl());
    QVERIFY(registerTrunk(trunk, hub.ingestToken()));
    desk.session.requestState(Presence::NotReady, QStringLiteral("lunch"));
    QTRY_COMPARE(desk.session.state().presence, Presence::NotReady);
    PcmFeeder voice(desk.line, PcmFeeder::tone(kAgentTone));
    PcmRecorder heard(desk.ear + QStringLiteral(".monitor"));
    QTest::keyClick(pane->numberField(), Qt::Key_Return);
    const std::optional<Event> ring = trunk.waitForEvent(QString(event::TrunkCall));
    QVERIFY(ring.has_value());
    QCOMPARE(ring->data.value(QLatin1StringView("number")).toString(),
             QStringLiteral("13900139000"));
    QTRY_COMPARE(labelText(pane, "callWho"), QStringLiteral("139****9000"));
    QTRY_COMPARE(labelText(pane, "callStatus"), QStringLiteral("Calling 139****9000…"));
    QVERIFY(!pane->numberField()->isVisible());
    QVERIFY(heard.waitToHear(450.0)); // ringback

    // The far end answers: they hear each other; the agent hangs up and
    // wraps up as after any call.
    const QString id = ring->data.value(QLatin1StringView("id")).toString();
    const Response answered = trunk.call(method::TrunkAnswer, CallMediaParams{id}.toJson());
    QVERIFY2(!answered.error, qPrintable(answered.error ? answered.error->message : QString()));
    VoiceLeg far(8);
    far.open(mediaSocketIn(answered));
    far.say(kCustomerTone);
    QTRY_COMPARE(labelText(pane, "callStatus"), QStringLiteral("Connected"));
    QVERIFY(heard.waitToHear(kCustomerTone));
    QVERIFY(far.waitToHear(kAgentTone));
    QTest::mouseClick(pane->hangUpButton(), Qt::LeftButton);
    QVERIFY(trunk.waitForEvent(QString(event::TrunkHangUp)).has_value());
    QTRY_VERIFY(pane->wrapUpForm()->isVisible());
    QTRY_COMPARE(labelText(pane, "callWho"), QStringLiteral("No call"));
    QVERIFY(pane->numberField()->isVisible());
}

QTEST_MAIN(tst_SoftphonePane)
#include "tst_SoftphonePane.moc"
