#include "HubProcess.h"
#include "PulseDevices.h"
#include "TestClient.h"
#include "VoiceLeg.h"
#include "core/voice/VoiceEngine.h"
#include "media/Tones.h"
#include "protocol/Call.h"
#include "protocol/Monitor.h"
#include "protocol/Names.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest/QTest>

#include <cmath>
#include <numbers>

using namespace qidong::core;
using namespace qidong::protocol;
using namespace qidong::test;

namespace {

const double kAgentTone = 1000.0;       // into the agent's microphone
constexpr double kCustomerTone = 620.0; // from the customer
constexpr double kHeard = 0.01;
constexpr double kAbsent = 0.001;

QAudioDevice deviceNamed(const QList<QAudioDevice>& devices, const QByteArray& id)
{
    for (const QAudioDevice& device : devices)
        if (device.id() == id)
            return device;
    return {};
}

} // namespace

// The agent's softphone audio end to end through real processes and real
// (null) sound devices: PulseAudio carries a tone into the agent's
// microphone, VoiceEngine captures, encodes and sends it through the hub to
// a customer leg, and plays the customer back into a sink this test records.
class tst_VoiceEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    // Qt 6.4's PulseAudio backend can deadlock in its exit-time teardown
    // when a stream callback is still in flight: let the last one finish.
    void cleanupTestCase() { QTest::qWait(500); }
    void agentAndCustomerHearEachOther();
    void muteSilencesTheMicrophoneOnly();
    void keypadPressSendsTheKeyAndPlaysItsToneLocally();
    void unpluggedHeadsetFallsBackAndTheCallContinues();
    void microphoneMeterWorksOutsideCalls();
    void teamLeadListensWhispersAndBargesThroughTheHeadset();

private:
    bool connectCall();

    std::unique_ptr<PulseModule> m_line;       // where the "voice" is played
    std::unique_ptr<PulseModule> m_headsetMic; // the agent's microphone
    std::unique_ptr<PulseModule> m_headsetEar; // the agent's speaker
    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<TestClient> m_agent;
    std::unique_ptr<TestClient> m_customer;
    std::unique_ptr<VoiceLeg> m_customerLeg;
    std::unique_ptr<VoiceEngine> m_engine;
    QString m_callId;
    QString m_suffix;
};

void tst_VoiceEngine::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("PULSE_SERVER") ||
                 !QMediaDevices::audioOutputs().isEmpty(),
             "no PulseAudio: run through tools/test");
    m_suffix = QString::number(QCoreApplication::applicationPid());
}

void tst_VoiceEngine::init()
{
    const QString line = QStringLiteral("qidong_line_") + m_suffix;
    m_line = std::make_unique<PulseModule>(QStringLiteral("module-null-sink"),
                                           QStringList{QStringLiteral("sink_name=") + line});
    m_headsetMic = std::make_unique<PulseModule>(
        QStringLiteral("module-remap-source"),
        QStringList{QStringLiteral("master=") + line + QStringLiteral(".monitor"),
                    QStringLiteral("source_name=qidong_headset_mic_") + m_suffix,
                    QStringLiteral("channels=1")});
    m_headsetEar = std::make_unique<PulseModule>(
        QStringLiteral("module-null-sink"),
        QStringList{QStringLiteral("sink_name=qidong_headset_") + m_suffix});
    QVERIFY(m_line->isLoaded() && m_headsetMic->isLoaded() && m_headsetEar->isLoaded());
    const QByteArray micId = (QStringLiteral("qidong_headset_mic_") + m_suffix).toUtf8();
    const QByteArray earId = (QStringLiteral("qidong_headset_") + m_suffix).toUtf8();
    QTRY_VERIFY(!deviceNamed(QMediaDevices::audioInputs(), micId).isNull());
    QTRY_VERIFY(!deviceNamed(QMediaDevices::audioOutputs(), earId).isNull());

    m_hub = std::make_unique<HubProcess>();
    QVERIFY(m_hub->start());
    m_engine = std::make_unique<VoiceEngine>();
    // Tones are steady: noise suppression would take them for a fan.
    m_engine->setProcessing({false, false, false});
    m_engine->setDevices(micId, earId);
}

void tst_VoiceEngine::cleanup()
{
    m_engine.reset();
    m_customerLeg.reset();
    m_customer.reset();
    m_agent.reset();
    m_hub.reset();
    m_headsetEar.reset();
    m_headsetMic.reset();
    m_line.reset();
}

bool tst_VoiceEngine::connectCall()
{
    m_customer = std::make_unique<TestClient>(m_hub->customerSocketUrl());
    m_agent = std::make_unique<TestClient>(m_hub->url());
    if (!m_customer->open() || !m_agent->signIn(QStringLiteral("li.na")))
        return false;
    const Response started = m_customer->call(
        method::CustomerStart, {{QStringLiteral("name"), QStringLiteral("王女士")},
                                {QStringLiteral("channel"), QStringLiteral("voice")}});
    m_callId = started.result.value(QLatin1StringView("conversationId")).toString();
    Result<MediaTicket> customerTicket =
        MediaTicket::fromJson(started.result.value(QLatin1StringView("media")).toObject());
    if (!customerTicket)
        return false;
    m_customerLeg = std::make_unique<VoiceLeg>(1);
    m_customerLeg->open(customerTicket.value().socketUrl());
    m_customerLeg->say(kCustomerTone);
    if (outcomeOf(m_agent->call(method::AgentSetState,
                                SetStateParams{Presence::Ready, {}}.toJson())) != u"ok" ||
        !m_agent->waitForEvent(QString(event::InteractionOffered)) ||
        outcomeOf(m_agent->call(method::InteractionAccept, InteractionRef{m_callId}.toJson())) !=
            u"ok")
        return false;
    const Response media = m_agent->call(method::CallMedia, CallMediaParams{m_callId}.toJson());
    Result<MediaTicket> agentTicket = MediaTicket::fromJson(media.result);
    if (!agentTicket)
        return false;
    m_engine->startCall(agentTicket.value().socketUrl());
    return true;
}

void tst_VoiceEngine::agentAndCustomerHearEachOther()
{
    PcmFeeder voice(QStringLiteral("qidong_line_") + m_suffix, PcmFeeder::tone(kAgentTone));
    PcmRecorder ear(QStringLiteral("qidong_headset_") + m_suffix + QStringLiteral(".monitor"));
    QSignalSpy levels(m_engine.get(), &VoiceEngine::levelsChanged);
    QVERIFY(connectCall());
    QTRY_VERIFY_WITH_TIMEOUT(m_engine->isLinked(), 5000);

    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QVERIFY(ear.waitToHear(kCustomerTone));
    QTest::qWait(500);
    QVERIFY(m_customerLeg->heard(kCustomerTone) < kAbsent);
    QVERIFY(ear.heard(kAgentTone) < kAbsent); // no sidetone or echo through the hub

    // Meters: the microphone's tone is about -12 dBFS peak.
    QTRY_VERIFY(!levels.isEmpty());
    const QList<QVariant> last = levels.last();
    QVERIFY2(last.at(0).toDouble() > -20.0, qPrintable(last.at(0).toString()));
    QVERIFY2(last.at(1).toDouble() > -30.0, qPrintable(last.at(1).toString()));

    QSignalSpy stats(m_engine.get(), &VoiceEngine::statsUpdated);
    QVERIFY(stats.wait(3000));
    const AudioPipeline::Stats figures = m_engine->stats();
    QVERIFY(figures.framesCaptured > 20);
    QVERIFY(figures.framesSent > 20);
    QVERIFY(figures.framesPlayed > 20);
    qInfo("jitter buffer %d ms, output buffer %d ms, underruns %llu", figures.jitterMs,
          figures.outputBufferMs, static_cast<unsigned long long>(figures.underruns));

    // The hub ends the call: the engine stops by itself.
    QSignalSpy ended(m_engine.get(), &VoiceEngine::callEnded);
    QCOMPARE(outcomeOf(m_agent->call(method::InteractionEnd, InteractionRef{m_callId}.toJson())),
             QStringLiteral("ok"));
    QTRY_COMPARE(ended.size(), 1);
    QVERIFY(!m_engine->inCall());
}

void tst_VoiceEngine::muteSilencesTheMicrophoneOnly()
{
    PcmFeeder voice(QStringLiteral("qidong_line_") + m_suffix, PcmFeeder::tone(kAgentTone));
    PcmRecorder ear(QStringLiteral("qidong_headset_") + m_suffix + QStringLiteral(".monitor"));
    QVERIFY(connectCall());
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QVERIFY(ear.waitToHear(kCustomerTone));
    QSignalSpy muted(m_engine.get(), &VoiceEngine::mutedChanged);
    m_engine->setMuted(true);
    QCOMPARE(muted.size(), 1);
    QVERIFY(m_customerLeg->waitForQuiet());
    QVERIFY(ear.heard(kCustomerTone) > kHeard); // the agent still hears
    m_engine->setMuted(false);
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
}

void tst_VoiceEngine::keypadPressSendsTheKeyAndPlaysItsToneLocally()
{
    PcmRecorder ear(QStringLiteral("qidong_headset_") + m_suffix + QStringLiteral(".monitor"));
    QVERIFY(connectCall());
    QVERIFY(ear.waitToHear(kCustomerTone));
    const qidong::media::DtmfPair five = qidong::media::dtmfFrequencies(u'5');
    double loudest = 0;
    m_engine->pressKey(u'5');
    QElapsedTimer watching;
    watching.start();
    while (watching.elapsed() < 1000) {
        QTest::qWait(20);
        loudest = std::max(loudest, std::min(ear.heard(five.low, 60), ear.heard(five.high, 60)));
    }
    QVERIFY2(loudest > 0.001, qPrintable(QString::number(loudest)));
    // Sent as an event, not as sound: the customer hears no keypad tone.
    QVERIFY(m_customerLeg->heard(five.high, 1000) < kAbsent);
}

void tst_VoiceEngine::unpluggedHeadsetFallsBackAndTheCallContinues()
{
    PcmFeeder voice(QStringLiteral("qidong_line_") + m_suffix, PcmFeeder::tone(kAgentTone));
    QVERIFY(connectCall());
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QSignalSpy fellBack(m_engine.get(), &VoiceEngine::deviceFellBack);

    // The headset's microphone goes: the default (silent) one takes over.
    m_headsetMic->unload();
    QTRY_VERIFY_WITH_TIMEOUT(!fellBack.isEmpty(), 5000);
    QCOMPARE(fellBack.first().at(0).value<VoiceEngine::Direction>(), VoiceEngine::Direction::Input);
    QVERIFY(m_customerLeg->waitForQuiet());
    QCOMPARE(m_engine->activeDevice(VoiceEngine::Direction::Input).id(),
             QMediaDevices::defaultAudioInput().id());

    // Then its speaker: the agent hears the customer on the default one.
    PcmRecorder speaker(QStringLiteral("qidong_speaker.monitor"));
    m_headsetEar->unload();
    QTRY_VERIFY_WITH_TIMEOUT(fellBack.size() >= 2, 5000);
    QCOMPARE(fellBack.last().at(0).value<VoiceEngine::Direction>(), VoiceEngine::Direction::Output);
    QVERIFY(speaker.waitToHear(kCustomerTone));
    QVERIFY(m_engine->inCall());
    QVERIFY(m_engine->isLinked());
}

void tst_VoiceEngine::microphoneMeterWorksOutsideCalls()
{
    // Settings' meter: no call, no hub; the chosen microphone's level only.
    QSignalSpy levels(m_engine.get(), &VoiceEngine::levelsChanged);
    m_engine->monitorInput();
    QVERIFY(levels.wait(2000));
    QTest::qWait(300);
    QVERIFY2(levels.last().at(0).toDouble() < -60.0, qPrintable(levels.last().at(0).toString()));
    {
        PcmFeeder voice(QStringLiteral("qidong_line_") + m_suffix, PcmFeeder::tone(kAgentTone));
        QTRY_VERIFY_WITH_TIMEOUT(levels.last().at(0).toDouble() > -20.0, 3000);
    }
    m_engine->stopDeviceTest();
    QTRY_COMPARE(levels.last().at(0).toDouble(), -96.0);
    levels.clear();
    QTest::qWait(500);
    QVERIFY(levels.isEmpty()); // stopped: no more reports
    QVERIFY(!m_engine->inCall());
}

void tst_VoiceEngine::teamLeadListensWhispersAndBargesThroughTheHeadset()
{
    // This time the engine is the team lead's: the call is between the
    // customer and 李娜 (test legs), the lead's microphone carries their
    // own tone through PulseAudio and their headset is recorded.
    constexpr double kLinaTone = 1330.0;
    PcmFeeder voice(QStringLiteral("qidong_line_") + m_suffix, PcmFeeder::tone(kAgentTone));
    PcmRecorder ear(QStringLiteral("qidong_headset_") + m_suffix + QStringLiteral(".monitor"));
    m_customer = std::make_unique<TestClient>(m_hub->customerSocketUrl());
    m_agent = std::make_unique<TestClient>(m_hub->url());
    TestClient lead(m_hub->url());
    QVERIFY(m_customer->open());
    QVERIFY(m_agent->signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(lead.signIn(QStringLiteral("zhou.hui")).has_value());
    const Response started = m_customer->call(
        method::CustomerStart, {{QStringLiteral("name"), QStringLiteral("王女士")},
                                {QStringLiteral("channel"), QStringLiteral("voice")}});
    m_callId = started.result.value(QLatin1StringView("conversationId")).toString();
    const Result<MediaTicket> customerTicket =
        MediaTicket::fromJson(started.result.value(QLatin1StringView("media")).toObject());
    QVERIFY(customerTicket.ok());
    m_customerLeg = std::make_unique<VoiceLeg>(1);
    m_customerLeg->open(customerTicket.value().socketUrl());
    m_customerLeg->say(kCustomerTone);
    QCOMPARE(outcomeOf(m_agent->call(method::AgentSetState,
                                     SetStateParams{Presence::Ready, {}}.toJson())),
             QStringLiteral("ok"));
    QVERIFY(m_agent->waitForEvent(QString(event::InteractionOffered)).has_value());
    QCOMPARE(outcomeOf(m_agent->call(method::InteractionAccept, InteractionRef{m_callId}.toJson())),
             QStringLiteral("ok"));
    const Result<MediaTicket> linaTicket = MediaTicket::fromJson(
        m_agent->call(method::CallMedia, CallMediaParams{m_callId}.toJson()).result);
    QVERIFY(linaTicket.ok());
    VoiceLeg linaLeg(1);
    linaLeg.open(linaTicket.value().socketUrl());
    linaLeg.say(kLinaTone);
    QVERIFY(m_customerLeg->waitToHear(kLinaTone, kHeard));

    const auto setMode = [&](QLatin1StringView method, MonitorMode mode) {
        return lead.call(method, MonitorParams{m_callId, mode}.toJson());
    };
    const Response monitoring = setMode(method::MonitorStart, MonitorMode::Listen);
    const Result<Monitoring> decoded = Monitoring::fromJson(monitoring.result);
    QVERIFY(decoded.ok() && decoded.value().ticket.has_value());
    m_engine->startCall(decoded.value().ticket->socketUrl());

    // Listening: both sides in the lead's headset; the lead's voice nowhere.
    QVERIFY(ear.waitToHear(kCustomerTone));
    QVERIFY(ear.waitToHear(kLinaTone));
    QTest::qWait(700);
    QVERIFY(m_customerLeg->heard(kAgentTone) < kAbsent);
    QVERIFY(linaLeg.heard(kAgentTone) < kAbsent);

    // Whispering: 李娜 hears the lead; the customer still does not.
    QCOMPARE(outcomeOf(setMode(method::MonitorMode, MonitorMode::Whisper)), QStringLiteral("ok"));
    QVERIFY(linaLeg.waitToHear(kAgentTone, kHeard));
    QTest::qWait(700);
    QVERIFY(m_customerLeg->heard(kAgentTone) < kAbsent);
    QVERIFY(ear.heard(kCustomerTone) > kHeard);

    // Barging in: everyone hears everyone.
    QCOMPARE(outcomeOf(setMode(method::MonitorMode, MonitorMode::Barge)), QStringLiteral("ok"));
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QVERIFY(linaLeg.waitToHear(kAgentTone, kHeard));
    QVERIFY(ear.waitToHear(kCustomerTone));
    QVERIFY(ear.waitToHear(kLinaTone));

    // Stopped: the hub ends the lead's leg and the engine stops by itself.
    QSignalSpy ended(m_engine.get(), &VoiceEngine::callEnded);
    QCOMPARE(
        outcomeOf(lead.call(method::MonitorStop, {{QStringLiteral("interactionId"), m_callId}})),
        QStringLiteral("ok"));
    QTRY_COMPARE(ended.size(), 1);
    QVERIFY(m_customerLeg->waitToHear(kLinaTone, kHeard));
    QTRY_VERIFY_WITH_TIMEOUT(m_customerLeg->heard(kAgentTone) < kAbsent, 3000);
}

QTEST_GUILESS_MAIN(tst_VoiceEngine)
#include "tst_VoiceEngine.moc"
