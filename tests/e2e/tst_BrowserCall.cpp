#include "HubProcess.h"
#include "TestClient.h"
#include "VoiceLeg.h"
#include "protocol/Call.h"
#include "protocol/Names.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest/QTest>

#include <cmath>
#include <numbers>

using namespace qidong;
using namespace qidong::protocol;
using namespace qidong::test;

namespace {

constexpr double kCallerTone = 1000.0; // in the fake microphone's file
constexpr double kAgentTone = 620.0;   // customer_call.mjs listens for it

// A mono 16-bit 48 kHz WAV of a tone in syllables, 300 ms on and 200 ms
// off (Chromium loops it). A steady tone would not do: the browser's noise
// suppression learns it as background and takes it away within seconds.
bool writeSyllablesWav(const QString& path, double frequency, int seconds)
{
    const quint32 samples = 48000u * quint32(seconds);
    QByteArray data;
    data.reserve(qsizetype(samples) * 2);
    for (quint32 i = 0; i < samples; ++i) {
        const bool on = i % 24000 < 14400;
        const auto value = static_cast<qint16>(
            on ? 9000.0 * std::sin(2.0 * std::numbers::pi * frequency * double(i) / 48000.0) : 0.0);
        data.append(char(value & 0xff)).append(char((value >> 8) & 0xff));
    }
    const auto le32 = [](quint32 v) {
        QByteArray b(4, '\0');
        qToLittleEndian(v, b.data());
        return b;
    };
    const auto le16 = [](quint16 v) {
        QByteArray b(2, '\0');
        qToLittleEndian(v, b.data());
        return b;
    };
    QByteArray wav = "RIFF" + le32(36 + quint32(data.size())) + "WAVEfmt " + le32(16) + le16(1) +
                     le16(1) + le32(48000) + le32(96000) + le16(2) + le16(16) + "data" +
                     le32(quint32(data.size())) + data;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(wav) == wav.size();
}

// A customer_*.mjs script in headless chromium; what it printed as steps.
struct BrowserScript
{
    explicit BrowserScript(QObject* context)
    {
        process.setWorkingDirectory(QStringLiteral(QIDONG_E2E_DIR));
        process.setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(&process, &QProcess::readyReadStandardOutput, context, [this] {
            pending += process.readAllStandardOutput();
            qsizetype end;
            while ((end = pending.indexOf('\n')) >= 0) {
                const QString line = QString::fromUtf8(pending.left(end)).trimmed();
                pending.remove(0, end + 1);
                if (line.startsWith(QStringLiteral("step:")))
                    steps.append(line.mid(5));
            }
        });
    }

    bool start(const QString& script, const HubProcess& hub, const QString& wav)
    {
        const QString e2eDir = QStringLiteral(QIDONG_E2E_DIR);
        process.start(QStringLiteral("node"),
                      {e2eDir + u'/' + script, hub.webUrl().toString(), wav, chromium()});
        return process.waitForStarted();
    }

    bool reached(const QString& step, int timeoutMs = 30000)
    {
        return QTest::qWaitFor([&] { return steps.contains(step); }, timeoutMs);
    }

    // Why it stopped, for a failure message.
    QString failure()
    {
        return process.state() == QProcess::NotRunning
                   ? QString::fromUtf8(process.readAllStandardError())
                   : QStringLiteral("the browser is still running");
    }

    static QString chromium()
    {
        return qEnvironmentVariable("QIDONG_CHROMIUM", QStringLiteral("/usr/bin/chromium"));
    }

    QProcess process;
    QByteArray pending;
    QStringList steps;
};

} // namespace

// A customer calls from the web page in a real browser (Debian's chromium,
// headless, fake microphone playing a 1 kHz tone; WebCodecs Opus on the
// hub's media socket). The agent is a real agent session with a media leg:
// it hears the tone, the page hears the agent's 620 Hz, mute silences the
// page, hold plays music to it, and the page hangs up.
class tst_BrowserCall final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void customerCallsFromChromium();
    void customerAsksForACallbackAndAnswersIt();
    void agentCallsAChatCustomerInChromium();

private:
    QTemporaryDir m_scratch;
    QString m_wav;
};

void tst_BrowserCall::initTestCase()
{
    const QString e2eDir = QStringLiteral(QIDONG_E2E_DIR);
    QVERIFY2(QFile::exists(e2eDir + QStringLiteral("/node_modules/playwright-core")),
             "playwright-core is not installed: run tools/test (it runs npm ci in tests/e2e)");
    QVERIFY2(QFile::exists(BrowserScript::chromium()),
             "Debian's chromium is not installed: run tools/test");
    m_wav = m_scratch.filePath(QStringLiteral("tone.wav"));
    QVERIFY(writeSyllablesWav(m_wav, kCallerTone, 10));
}

void tst_BrowserCall::customerCallsFromChromium()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("60000")}));
    TestClient agent(hub.url());
    QVERIFY(agent.signIn(QStringLiteral("li.na")).has_value());
    QCOMPARE(
        outcomeOf(agent.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));

    VoiceLeg leg(5);
    QString callId;
    BrowserScript script(this);
    QVERIFY(script.start(QStringLiteral("customer_call.mjs"), hub, m_wav));
    QStringList& steps = script.steps;
    QProcess& browser = script.process;
    const auto failed = [&script] { return script.failure(); };

    // The call is offered like any other; the agent answers and joins.
    const std::optional<Event> offered =
        agent.waitForEvent(QString(event::InteractionOffered), 30000);
    QVERIFY2(offered.has_value(), qPrintable(failed()));
    callId = offered->data.value(QLatin1StringView("interaction"))
                 .toObject()
                 .value(QLatin1StringView("id"))
                 .toString();
    QCOMPARE(outcomeOf(agent.call(method::InteractionAccept, InteractionRef{callId}.toJson())),
             QStringLiteral("ok"));
    Result<MediaTicket> ticket = MediaTicket::fromJson(
        agent.call(method::CallMedia, CallMediaParams{callId}.toJson()).result);
    QVERIFY(ticket.ok());
    leg.open(ticket.value().socketUrl());
    leg.say(kAgentTone);

    // The browser's microphone reaches the agent.
    QVERIFY2(leg.waitToHear(kCallerTone, 0.01, 20000), qPrintable(failed()));
    QVERIFY2(
        QTest::qWaitFor([&] { return steps.contains(QStringLiteral("hearing-agent")); }, 30000),
        qPrintable(failed()));

    // Muted in the page: the agent hears nothing, then the caller again.
    QVERIFY2(QTest::qWaitFor([&] { return steps.contains(QStringLiteral("muted")); }, 30000),
             qPrintable(failed()));
    QVERIFY(leg.waitForQuiet(-60.0, 300, 3000));
    QVERIFY2(QTest::qWaitFor([&] { return steps.contains(QStringLiteral("unmuted")); }, 30000),
             qPrintable(failed()));
    QVERIFY(leg.waitToHear(kCallerTone, 0.01, 5000));

    // Hold from the agent side: the page says so and hears music; resume.
    QCOMPARE(outcomeOf(agent.call(method::CallHold, CallHoldParams{callId, true}.toJson())),
             QStringLiteral("ok"));
    QVERIFY2(QTest::qWaitFor([&] { return steps.contains(QStringLiteral("held")); }, 30000),
             qPrintable(failed()));
    QCOMPARE(outcomeOf(agent.call(method::CallHold, CallHoldParams{callId, false}.toJson())),
             QStringLiteral("ok"));

    // The page hangs up: the call ends for the agent and its leg closes.
    QSignalSpy ended(&leg.link(), &core::MediaLink::ended);
    QVERIFY(QTest::qWaitFor([&] { return browser.state() == QProcess::NotRunning; }, 60000));
    const QByteArray errors = browser.readAllStandardError();
    QVERIFY2(browser.exitCode() == 0, errors.constData());
    QCOMPARE(steps, (QStringList{QStringLiteral("calling"), QStringLiteral("hearing-agent"),
                                 QStringLiteral("muted"), QStringLiteral("unmuted"),
                                 QStringLiteral("held"), QStringLiteral("resumed"),
                                 QStringLiteral("hung-up")}));
    QTRY_COMPARE(ended.size(), 1);
}

void tst_BrowserCall::customerAsksForACallbackAndAnswersIt()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("60000")}));
    BrowserScript script(this);
    QVERIFY(script.start(QStringLiteral("customer_callback.mjs"), hub, m_wav));
    // Nobody is signed in: the caller asks to be called back.
    QVERIFY2(script.reached(QStringLiteral("callback-requested"), 60000),
             qPrintable(script.failure()));

    TestClient agent(hub.url());
    QVERIFY(agent.signIn(QStringLiteral("amy.lin")).has_value()); // en-voice
    QCOMPARE(
        outcomeOf(agent.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));
    const std::optional<Event> offered =
        agent.waitForEvent(QString(event::InteractionOffered), 30000);
    QVERIFY(offered.has_value());
    const Interaction callback = InteractionOffer::fromJson(offered->data).value().interaction;
    QCOMPARE(callback.channel, Channel::Callback);
    QCOMPARE(outcomeOf(agent.call(method::InteractionAccept, InteractionRef{callback.id}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(outcomeOf(agent.call(method::CallDial, CallMediaParams{callback.id}.toJson())),
             QStringLiteral("ok"));
    Result<MediaTicket> ticket = MediaTicket::fromJson(
        agent.call(method::CallMedia, CallMediaParams{callback.id}.toJson()).result);
    QVERIFY(ticket.ok());
    VoiceLeg leg(6);
    leg.open(ticket.value().socketUrl());
    leg.say(kAgentTone);

    // Answered in the page: the two hear each other.
    QVERIFY2(script.reached(QStringLiteral("hearing-agent")), qPrintable(script.failure()));
    QVERIFY2(leg.waitToHear(kCallerTone, 0.01, 20000), qPrintable(script.failure()));
    QCOMPARE(outcomeOf(agent.call(method::InteractionEnd, InteractionRef{callback.id}.toJson())),
             QStringLiteral("ok"));
    QVERIFY(QTest::qWaitFor([&] { return script.process.state() == QProcess::NotRunning; }, 60000));
    const QByteArray errors = script.process.readAllStandardError();
    QVERIFY2(script.process.exitCode() == 0, errors.constData());
    QCOMPARE(script.steps,
             (QStringList{QStringLiteral("waiting"), QStringLiteral("callback-requested"),
                          QStringLiteral("ringing"), QStringLiteral("hearing-agent"),
                          QStringLiteral("ended")}));
}

void tst_BrowserCall::agentCallsAChatCustomerInChromium()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("60000")}));
    TestClient agent(hub.url());
    QVERIFY(agent.signIn(QStringLiteral("li.na")).has_value());
    QCOMPARE(
        outcomeOf(agent.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));
    BrowserScript script(this);
    QVERIFY(script.start(QStringLiteral("customer_chat_call.mjs"), hub, m_wav));

    const std::optional<Event> offered =
        agent.waitForEvent(QString(event::InteractionOffered), 30000);
    QVERIFY2(offered.has_value(), qPrintable(script.failure()));
    const Interaction chat = InteractionOffer::fromJson(offered->data).value().interaction;
    QCOMPARE(chat.channel, Channel::Chat);
    QCOMPARE(outcomeOf(agent.call(method::InteractionAccept, InteractionRef{chat.id}.toJson())),
             QStringLiteral("ok"));
    QVERIFY2(script.reached(QStringLiteral("chatting")), qPrintable(script.failure()));

    // Call this customer now.
    QCOMPARE(outcomeOf(agent.call(method::CallDial, CallMediaParams{chat.id}.toJson())),
             QStringLiteral("ok"));
    Result<MediaTicket> ticket = MediaTicket::fromJson(
        agent.call(method::CallMedia, CallMediaParams{chat.id}.toJson()).result);
    QVERIFY(ticket.ok());
    VoiceLeg leg(7);
    leg.open(ticket.value().socketUrl());
    leg.say(kAgentTone);
    QVERIFY2(script.reached(QStringLiteral("hearing-agent")), qPrintable(script.failure()));
    QVERIFY2(leg.waitToHear(kCallerTone, 0.01, 20000), qPrintable(script.failure()));
    QVERIFY2(script.reached(QStringLiteral("wrote")), qPrintable(script.failure()));
    QVERIFY(agent.waitForEvent(QString(event::ChatMessage), 10000).has_value());

    QCOMPARE(outcomeOf(agent.call(method::CallHangUp, CallMediaParams{chat.id}.toJson())),
             QStringLiteral("ok"));
    QVERIFY(QTest::qWaitFor([&] { return script.process.state() == QProcess::NotRunning; }, 60000));
    const QByteArray errors = script.process.readAllStandardError();
    QVERIFY2(script.process.exitCode() == 0, errors.constData());
    QCOMPARE(script.steps, (QStringList{QStringLiteral("chatting"), QStringLiteral("ringing"),
                                        QStringLiteral("hearing-agent"), QStringLiteral("wrote"),
                                        QStringLiteral("call-ended-chat-goes-on")}));
}

QTEST_GUILESS_MAIN(tst_BrowserCall)
#include "tst_BrowserCall.moc"
