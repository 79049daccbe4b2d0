#include "HubProcess.h"
#include "TcpRelay.h"
#include "TestClient.h"
#include "VoiceLeg.h"
#include "WebCustomer.h"
#include "media/MediaStreams.h"
#include "media/OggOpus.h"
#include "media/Tones.h"
#include "protocol/Call.h"
#include "protocol/Chat.h"
#include "protocol/CloseCode.h"
#include "protocol/Names.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QWebSocket>
#include <QtTest/QTest>

#include <QJsonArray>

#include <cmath>
#include <numbers>

using namespace qidong::protocol;
using namespace qidong::test;

namespace {

// The two tones the parties say; neither is a harmonic of the other, nor
// in the hold music's scale.
constexpr double kCustomerTone = 1000.0;
constexpr double kAgentTone = 620.0;
constexpr double kColleagueTone = 1330.0; // a consulted agent
// A tone is "heard" above this Goertzel power and "absent" below the other
// (a clean tone at the legs' level measures about 0.06).
constexpr double kHeard = 0.01;
constexpr double kAbsent = 0.001;

// A customer who called from the web page: the control socket and the
// media ticket it was given.
struct Caller
{
    explicit Caller(const HubProcess& hub)
        : socket(hub.customerSocketUrl())
    {}

    bool start(const QString& name)
    {
        if (!socket.open())
            return false;
        const Response started = socket.call(
            method::CustomerStart, {{QStringLiteral("name"), name},
                                    {QStringLiteral("phone"), QStringLiteral("13900139000")},
                                    {QStringLiteral("language"), QStringLiteral("zh-CN")},
                                    {QStringLiteral("channel"), QStringLiteral("voice")}});
        callId = started.result.value(QLatin1StringView("conversationId")).toString();
        token = started.result.value(QLatin1StringView("token")).toString();
        Result<MediaTicket> decoded =
            MediaTicket::fromJson(started.result.value(QLatin1StringView("media")).toObject());
        if (started.error || !decoded)
            return false;
        ticket = decoded.value();
        return true;
    }

    TestClient socket;
    QString callId;
    QString token;
    MediaTicket ticket;
};

std::optional<MediaTicket> ticketFor(TestClient& agent, const QString& callId)
{
    const Response response = agent.call(method::CallMedia, CallMediaParams{callId}.toJson());
    Result<MediaTicket> ticket = MediaTicket::fromJson(response.result);
    if (response.error || !ticket)
        return std::nullopt;
    return ticket.value();
}

// How a dial the agent made came out: the first call.dial event after
// `since` other than "ringing" (its state, empty if none came).
QString dialOutcome(TestClient& agent, qsizetype since, int timeoutMs = 10000)
{
    QString state;
    (void)QTest::qWaitFor(
        [&] {
            for (qsizetype i = since; i < agent.events().size(); ++i) {
                const Event& seen = agent.events().at(i);
                const QString now = seen.data.value(QLatin1StringView("state")).toString();
                if (seen.name == event::CallDialChanged && now != QStringLiteral("ringing")) {
                    state = now;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return state;
}

bool setNotReady(TestClient& agent)
{
    return outcomeOf(
               agent.call(method::AgentSetState,
                          SetStateParams{Presence::NotReady, QStringLiteral("lunch")}.toJson())) ==
           QStringLiteral("ok");
}

// The JSON log lines with this event, oldest first.
QList<QJsonObject> logLines(const HubProcess& hub, const QString& event)
{
    QList<QJsonObject> lines;
    for (const QByteArray& line : hub.log().split('\n')) {
        const QJsonObject json = QJsonDocument::fromJson(line).object();
        if (json.value(QLatin1StringView("event")).toString() == event)
            lines.append(json);
    }
    return lines;
}

// A frame's worth of a tone, Opus-encoded and framed as a leg would send it.
QByteArray toneFrame(qidong::media::SendStream& stream, double frequency, double& phase)
{
    qidong::media::AudioFrame pcm{};
    const double step = 2.0 * std::numbers::pi * frequency / qidong::media::kSampleRate;
    for (std::int16_t& sample : pcm) {
        sample = static_cast<std::int16_t>(8000.0 * std::sin(phase));
        phase = std::fmod(phase + step, 2.0 * std::numbers::pi);
    }
    return stream.audio(pcm);
}

// The consultation an event or a response carries.
std::optional<Consultation> consultationIn(const QJsonObject& json)
{
    Result<Consultation> decoded = Consultation::fromJson(json);
    if (!decoded)
        return std::nullopt;
    return decoded.value();
}

// The latest call.consult event this agent was sent.
std::optional<Consultation> lastConsultation(const TestClient& agent)
{
    for (qsizetype i = agent.events().size() - 1; i >= 0; --i)
        if (agent.events().at(i).name == event::CallConsultChanged)
            return consultationIn(agent.events().at(i).data);
    return std::nullopt;
}

QString consultEnd(TestClient& agent, const QString& callId, ConsultAction action)
{
    return outcomeOf(
        agent.call(method::CallConsultEnd, CallConsultEndParams{callId, action}.toJson()));
}

} // namespace

// Calls through the real hub's media server: a customer and an agent leg on
// real WebSockets, tones through Opus, the mixer, the jitter buffers and
// back, checked by frequency.
class tst_HubVoice final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void callerHearsMusicThenRingbackThenTheAgentAndBack();
    void holdPlaysMusicToTheCustomerAndSilencesBothWays();
    void keypadPressesReachTheAgentOnce();
    void mediaSocketDropReconnectsAndTheCallSurvives();
    void ticketsAreCheckedAndOnlyTheirHolderMayJoin();
    void hubRestartMidCallComesBackWithNewTickets();
    void recordingHoldsBothSidesAndAPauseLeavesAGap();
    void blindTransferHandsTheCallerToTheNextAgent();
    void consultationConferenceReturnAndTransfer();
    void consultationDeclinedOrUnavailableLeavesTheCallHeld();
    void callerAsksForACallbackAndTheAgentCallsBack();
    void waitingCallerHearsWhereTheyStand();
    void agentCallsAChatCustomerAndTheChatGoesOn();
    void simulatedCallerSpeaksItsPromptsAndHangsUp();
    void simulatedCallerTiredOfWaitingIsCalledBack();
    void agentDialsANumberThroughThePhoneTrunk();
    void trunkIsAuthenticatedAndItsLossEndsItsCalls();
    void simulatedPhoneNetworkAnswersBusiesAndHangsUp();
    void answeredOutboundCallIsConsultedAndPassedOn();
    void customersWhoLeftThePageAreCalledOnTheirPhone();
    void malformedFramesAreDroppedAndCounted();

private:
    // A caller queued on cn-voice, offered to li.na and accepted, with both
    // legs open and talking. False (with a QVERIFY message) on failure.
    bool connectCall();

    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<TestClient> m_agent;
    std::unique_ptr<Caller> m_caller;
    std::unique_ptr<VoiceLeg> m_customerLeg;
    std::unique_ptr<VoiceLeg> m_agentLeg;
};

void tst_HubVoice::init()
{
    m_hub = std::make_unique<HubProcess>();
    QVERIFY(m_hub->start());
    QVERIFY(m_hub->mediaUrl().isValid());
    m_agent = std::make_unique<TestClient>(m_hub->url());
    QVERIFY(m_agent->signIn(QStringLiteral("li.na")).has_value());
    m_caller = std::make_unique<Caller>(*m_hub);
    m_customerLeg = std::make_unique<VoiceLeg>(1);
    m_agentLeg = std::make_unique<VoiceLeg>(1);
}

void tst_HubVoice::cleanup()
{
    m_agentLeg.reset();
    m_customerLeg.reset();
    m_caller.reset();
    m_agent.reset();
    m_hub.reset();
}

bool tst_HubVoice::connectCall()
{
    if (!m_caller->start(QStringLiteral("王女士")))
        return false;
    m_customerLeg->open(m_caller->ticket.socketUrl());
    m_customerLeg->say(kCustomerTone);
    if (!setReady(*m_agent))
        return false;
    if (!m_agent->waitForEvent(QString(event::InteractionOffered)))
        return false;
    if (outcomeOf(m_agent->call(method::InteractionAccept,
                                InteractionRef{m_caller->callId}.toJson())) != QStringLiteral("ok"))
        return false;
    const std::optional<MediaTicket> ticket = ticketFor(*m_agent, m_caller->callId);
    if (!ticket)
        return false;
    m_agentLeg->open(ticket->socketUrl());
    m_agentLeg->say(kAgentTone);
    return true;
}

void tst_HubVoice::callerHearsMusicThenRingbackThenTheAgentAndBack()
{
    QVERIFY(m_caller->start(QStringLiteral("王女士")));
    QCOMPARE(m_caller->ticket.url.path(), QStringLiteral("/media"));
    m_customerLeg->open(m_caller->ticket.socketUrl());
    m_customerLeg->say(kCustomerTone);

    // Queued with no agent ready: music.
    QVERIFY(m_customerLeg->waitForSound());
    QVERIFY(m_customerLeg->heard(kCustomerTone) < kAbsent); // not its own voice back

    // Offered: the 450 Hz ringback.
    QVERIFY(setReady(*m_agent));
    QVERIFY(m_agent->waitForEvent(QString(event::InteractionOffered)).has_value());
    QVERIFY(m_customerLeg->waitToHear(450.0));

    // No ticket for a call still ringing: the agent joins once it answers.
    QCOMPARE(
        outcomeOf(m_agent->call(method::CallMedia, CallMediaParams{m_caller->callId}.toJson())),
        QStringLiteral("invalid_transition"));

    QCOMPARE(outcomeOf(m_agent->call(method::InteractionAccept,
                                     InteractionRef{m_caller->callId}.toJson())),
             QStringLiteral("ok"));
    const std::optional<MediaTicket> ticket = ticketFor(*m_agent, m_caller->callId);
    QVERIFY(ticket.has_value());
    QVERIFY(ticket->token != m_caller->ticket.token);
    m_agentLeg->open(ticket->socketUrl());
    m_agentLeg->say(kAgentTone);

    QVERIFY(m_agentLeg->waitToHear(kCustomerTone, kHeard));
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    // Each hears the other only: no echo of one's own voice, no ringback.
    QTest::qWait(500); // what played before the answer is out of the window
    QVERIFY(m_agentLeg->heard(kAgentTone) < kAbsent);
    QVERIFY(m_customerLeg->heard(kCustomerTone) < kAbsent);
    QVERIFY(m_customerLeg->heard(450.0) < kAbsent);

    // The agent mutes (sends nothing): the customer hears silence.
    m_agentLeg->say(0);
    QVERIFY(m_customerLeg->waitForQuiet());
    m_agentLeg->say(kAgentTone);
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));

    // Hanging up closes both legs normally.
    QSignalSpy customerEnded(&m_customerLeg->link(), &qidong::core::MediaLink::ended);
    QSignalSpy agentEnded(&m_agentLeg->link(), &qidong::core::MediaLink::ended);
    QCOMPARE(
        outcomeOf(m_agent->call(method::InteractionEnd, InteractionRef{m_caller->callId}.toJson())),
        QStringLiteral("ok"));
    QTRY_COMPARE(customerEnded.size(), 1);
    QTRY_COMPARE(agentEnded.size(), 1);
    QTRY_VERIFY(m_hub->logged(QStringLiteral("media.call.closed")));
    const QList<QJsonObject> closed = logLines(*m_hub, QStringLiteral("media.call.closed"));
    QCOMPARE(closed.size(), 1);
    QVERIFY(closed.first().value(QLatin1StringView("forwarded")).toInteger() > 0);
    QCOMPARE(closed.first().value(QLatin1StringView("refused")).toInteger(), 0);
}

void tst_HubVoice::holdPlaysMusicToTheCustomerAndSilencesBothWays()
{
    QVERIFY(connectCall());
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QVERIFY(m_agentLeg->waitToHear(kCustomerTone, kHeard));

    const Response held =
        m_agent->call(method::CallHold, CallHoldParams{m_caller->callId, true}.toJson());
    QCOMPARE(outcomeOf(held), QStringLiteral("ok"));
    QCOMPARE(held.result.value(QLatin1StringView("interaction"))
                 .toObject()
                 .value(QLatin1StringView("state"))
                 .toString(),
             QStringLiteral("held"));
    QVERIFY(m_agentLeg->waitForQuiet());
    QVERIFY(m_customerLeg->waitForSound());
    QTRY_VERIFY_WITH_TIMEOUT(m_customerLeg->heard(kAgentTone) < kAbsent, 3000);
    // Music, not the agent's concealed voice fading out: frames keep coming.
    const std::uint64_t before = m_customerLeg->link().stats().received;
    QTest::qWait(1000);
    QVERIFY(m_customerLeg->link().stats().received >= before + 40);
    QVERIFY(m_customerLeg->levelDbfs(1000) > -45.0);
    QVERIFY(m_customerLeg->heard(kAgentTone, 1000) < kAbsent);
    const std::optional<Event> state =
        m_caller->socket.waitForEvent(QString(event::ConversationState));
    QVERIFY(state.has_value());

    // Hold twice is refused plainly; resume brings both voices back.
    QCOMPARE(
        outcomeOf(m_agent->call(method::CallHold, CallHoldParams{m_caller->callId, true}.toJson())),
        QStringLiteral("invalid_transition"));
    QCOMPARE(outcomeOf(
                 m_agent->call(method::CallHold, CallHoldParams{m_caller->callId, false}.toJson())),
             QStringLiteral("ok"));
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QVERIFY(m_agentLeg->waitToHear(kCustomerTone, kHeard));
    QVERIFY(m_hub->logged(QStringLiteral("interaction.held")));
    QVERIFY(m_hub->logged(QStringLiteral("interaction.resumed")));
}

void tst_HubVoice::keypadPressesReachTheAgentOnce()
{
    QVERIFY(connectCall());
    QVERIFY(m_agentLeg->waitToHear(kCustomerTone, kHeard));
    const qsizetype mark = m_agent->events().size();
    m_customerLeg->pressKey(u'5');
    const std::optional<Event> pressed =
        m_agent->waitForEvent(QString(event::CallDtmf), 5000, mark);
    QVERIFY(pressed.has_value());
    QCOMPARE(pressed->data.value(QLatin1StringView("key")).toString(), QStringLiteral("5"));
    QCOMPARE(pressed->data.value(QLatin1StringView("id")).toString(), m_caller->callId);
    const qsizetype afterFirst = m_agent->events().size();
    m_customerLeg->pressKey(u'#');
    const std::optional<Event> second =
        m_agent->waitForEvent(QString(event::CallDtmf), 5000, afterFirst);
    QVERIFY(second.has_value());
    QCOMPARE(second->data.value(QLatin1StringView("key")).toString(), QStringLiteral("#"));
    QTest::qWait(300); // the repeated end events would show up by now
    qsizetype presses = 0;
    for (qsizetype i = mark; i < m_agent->events().size(); ++i)
        presses += m_agent->events().at(i).name == QString(event::CallDtmf) ? 1 : 0;
    QCOMPARE(presses, 2);
    // Keys are signalling, not sound: the agent's audio carries on.
    QVERIFY(m_agentLeg->heard(kCustomerTone) > kHeard);
}

void tst_HubVoice::mediaSocketDropReconnectsAndTheCallSurvives()
{
    QVERIFY(m_caller->start(QStringLiteral("王女士")));
    m_customerLeg->open(m_caller->ticket.socketUrl());
    m_customerLeg->say(kCustomerTone);
    QVERIFY(setReady(*m_agent));
    QVERIFY(m_agent->waitForEvent(QString(event::InteractionOffered)).has_value());
    QCOMPARE(outcomeOf(m_agent->call(method::InteractionAccept,
                                     InteractionRef{m_caller->callId}.toJson())),
             QStringLiteral("ok"));
    const std::optional<MediaTicket> ticket = ticketFor(*m_agent, m_caller->callId);
    QVERIFY(ticket.has_value());

    // The agent's media goes through a relay the test can cut.
    QUrl target = ticket->socketUrl();
    TcpRelay relay(target);
    m_agentLeg->open(relay.url());
    m_agentLeg->say(kAgentTone);
    QVERIFY(m_agentLeg->waitToHear(kCustomerTone, kHeard));
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));

    for (int drop = 1; drop <= 2; ++drop) {
        QSignalSpy lost(&m_agentLeg->link(), &qidong::core::MediaLink::disconnected);
        QSignalSpy back(&m_agentLeg->link(), &qidong::core::MediaLink::connected);
        relay.dropAll();
        QTRY_COMPARE(lost.size(), 1);
        // The desktop's promise: back within 2 s, on the same ticket.
        QTRY_COMPARE_WITH_TIMEOUT(back.size(), 1, 2000);
        QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
        QVERIFY(m_agentLeg->waitToHear(kCustomerTone, kHeard));
        QCOMPARE(m_agentLeg->link().stats().reconnects, std::uint64_t(drop));
    }
    // The call itself never noticed.
    const Response snapshot = m_agent->call(method::SessionSnapshot);
    QVERIFY(QJsonDocument(snapshot.result).toJson().contains(m_caller->callId.toUtf8()));
    QVERIFY(m_hub->logged(QStringLiteral("media.leg.closed")));
}

void tst_HubVoice::ticketsAreCheckedAndOnlyTheirHolderMayJoin()
{
    QVERIFY(connectCall());
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));

    // A made-up token, and none at all: closed with media_token_invalid.
    for (const QString& token : {QStringLiteral("not-a-token"), QString()}) {
        qidong::core::MediaLink stranger;
        QSignalSpy refused(&stranger, &qidong::core::MediaLink::ticketRefused);
        QUrl url = m_caller->ticket.url;
        if (!token.isEmpty())
            url.setQuery(QStringLiteral("token=") + token);
        stranger.open(url);
        QTRY_COMPARE(refused.size(), 1);
    }
    QTRY_VERIFY(m_hub->logged(QStringLiteral("media.refused")));

    // Another agent cannot get a ticket for li.na's call.
    TestClient other(m_hub->url());
    QVERIFY(other.signIn(QStringLiteral("zhang.min")).has_value());
    QCOMPARE(outcomeOf(other.call(method::CallMedia, CallMediaParams{m_caller->callId}.toJson())),
             QStringLiteral("not_found"));
    QCOMPARE(outcomeOf(m_agent->call(method::CallMedia, QJsonObject{})),
             QStringLiteral("invalid_params"));

    // A second socket on the agent's ticket replaces the first (a desktop
    // that restarted), and the call carries on with the new one.
    const std::optional<MediaTicket> again = ticketFor(*m_agent, m_caller->callId);
    QVERIFY(again.has_value());
    QSignalSpy replacedEnded(&m_agentLeg->link(), &qidong::core::MediaLink::ended);
    VoiceLeg second(2);
    second.open(again->socketUrl());
    second.say(kAgentTone + 180.0);
    QTRY_COMPARE(replacedEnded.size(), 1);
    QVERIFY(m_customerLeg->waitToHear(kAgentTone + 180.0, kHeard));
    QVERIFY(second.waitToHear(kCustomerTone, kHeard));

    // Tickets end with the call.
    QCOMPARE(
        outcomeOf(m_agent->call(method::InteractionEnd, InteractionRef{m_caller->callId}.toJson())),
        QStringLiteral("ok"));
    QCOMPARE(
        outcomeOf(m_agent->call(method::CallMedia, CallMediaParams{m_caller->callId}.toJson())),
        QStringLiteral("invalid_transition"));
    qidong::core::MediaLink late;
    QSignalSpy lateRefused(&late, &qidong::core::MediaLink::ticketRefused);
    late.open(again->socketUrl());
    QTRY_COMPARE(lateRefused.size(), 1);
}

void tst_HubVoice::hubRestartMidCallComesBackWithNewTickets()
{
    QVERIFY(connectCall());
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QVERIFY(m_agentLeg->waitToHear(kCustomerTone, kHeard));

    QSignalSpy agentRefused(&m_agentLeg->link(), &qidong::core::MediaLink::ticketRefused);
    QSignalSpy customerRefused(&m_customerLeg->link(), &qidong::core::MediaLink::ticketRefused);
    m_hub->kill();
    QTest::qWait(1500); // the legs keep trying against a dead port
    QVERIFY(!m_agentLeg->link().isConnected());
    QVERIFY(m_hub->restart());
    // The new hub knows the call but not the old tickets: each leg is told
    // to ask again, and does not loop on the stale one.
    QTRY_COMPARE_WITH_TIMEOUT(agentRefused.size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(customerRefused.size(), 1, 5000);

    Caller again(*m_hub);
    QVERIFY(again.socket.open());
    const Response resumed =
        again.socket.call(method::CustomerResume, {{QStringLiteral("token"), m_caller->token}});
    QCOMPARE(outcomeOf(resumed), QStringLiteral("ok"));
    QCOMPARE(resumed.result.value(QLatin1StringView("channel")).toString(),
             QStringLiteral("voice"));
    const Response media = again.socket.call(method::CustomerMedia);
    QCOMPARE(outcomeOf(media), QStringLiteral("ok"));
    Result<MediaTicket> customerTicket = MediaTicket::fromJson(media.result);
    QVERIFY(customerTicket.ok());

    TestClient agent(m_hub->url());
    QVERIFY(agent.signIn(QStringLiteral("li.na")).has_value());
    const std::optional<MediaTicket> agentTicket = ticketFor(agent, m_caller->callId);
    QVERIFY(agentTicket.has_value());

    m_customerLeg->link().open(customerTicket.value().socketUrl());
    m_agentLeg->link().open(agentTicket->socketUrl());
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QVERIFY(m_agentLeg->waitToHear(kCustomerTone, kHeard));
}

void tst_HubVoice::recordingHoldsBothSidesAndAPauseLeavesAGap()
{
    QVERIFY(connectCall());
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QVERIFY(m_agentLeg->waitToHear(kCustomerTone, kHeard));
    QTRY_VERIFY(m_hub->logged(QStringLiteral("media.recording.started")));
    QTest::qWait(1000);

    // The customer reads out a card number: the agent pauses the recording.
    const Response paused =
        m_agent->call(method::CallRecord, CallRecordParams{m_caller->callId, true}.toJson());
    QCOMPARE(outcomeOf(paused), QStringLiteral("ok"));
    QCOMPARE(paused.result.value(QLatin1StringView("paused")).toBool(), true);
    TestClient other(m_hub->url());
    QVERIFY(other.signIn(QStringLiteral("zhang.min")).has_value());
    QCOMPARE(outcomeOf(other.call(method::CallRecord,
                                  CallRecordParams{m_caller->callId, false}.toJson())),
             QStringLiteral("not_found"));
    QTest::qWait(1500);
    QCOMPARE(outcomeOf(m_agent->call(method::CallRecord,
                                     CallRecordParams{m_caller->callId, false}.toJson())),
             QStringLiteral("ok"));
    QTest::qWait(1000);
    QCOMPARE(
        outcomeOf(m_agent->call(method::InteractionEnd, InteractionRef{m_caller->callId}.toJson())),
        QStringLiteral("ok"));
    QTRY_VERIFY(m_hub->logged(QStringLiteral("media.recording.closed")));
    const QJsonObject closed = logLines(*m_hub, QStringLiteral("media.recording.closed")).first();
    QVERIFY(closed.value(QLatin1StringView("pausedSeconds")).toDouble() >= 1.3);

    // Stored with the interaction, and it decodes.
    const QString path = closed.value(QLatin1StringView("path")).toString();
    QCOMPARE(QFileInfo(path).fileName(), m_caller->callId + QStringLiteral(".opus"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString why;
    const auto pcm = qidong::media::OggOpusReader::decode(file.readAll(), &why);
    QVERIFY2(pcm.has_value(), qPrintable(why));
    QVERIFY2(pcm->size() >= 48000 * 3, qPrintable(QString::number(pcm->size())));

    // In 100 ms blocks: both voices, then at least a second of silence (the
    // pause), then both voices again.
    enum class Block
    {
        Both,
        Silent,
        Other
    };
    std::vector<Block> blocks;
    for (std::size_t at = 0; at + 4800 <= pcm->size(); at += 4800) {
        const qidong::media::Samples block(pcm->data() + at, 4800);
        if (qidong::media::tonePower(block, kCustomerTone) > 0.003 &&
            qidong::media::tonePower(block, kAgentTone) > 0.003)
            blocks.push_back(Block::Both);
        else if (qidong::media::rmsDbfs(block) < -55.0)
            blocks.push_back(Block::Silent);
        else
            blocks.push_back(Block::Other);
    }
    const auto firstBoth = std::find(blocks.begin(), blocks.end(), Block::Both);
    QVERIFY(firstBoth != blocks.end());
    auto gapStart = std::find(firstBoth, blocks.end(), Block::Silent);
    std::ptrdiff_t longestGap = 0;
    auto afterGap = blocks.end();
    for (auto it = gapStart; it != blocks.end();) {
        const auto end = std::find_if(it, blocks.end(), [](Block b) { return b != Block::Silent; });
        if (end - it > longestGap) {
            longestGap = end - it;
            afterGap = end;
        }
        it = std::find(end, blocks.end(), Block::Silent);
    }
    QVERIFY2(longestGap >= 10, qPrintable(QString::number(longestGap)));
    QVERIFY(std::find(afterGap, blocks.end(), Block::Both) != blocks.end());
}

void tst_HubVoice::blindTransferHandsTheCallerToTheNextAgent()
{
    QVERIFY(connectCall());
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    TestClient zhang(m_hub->url());
    QVERIFY(zhang.signIn(QStringLiteral("zhang.min")).has_value());
    QVERIFY(setReady(zhang));

    // li.na sends the caller to 张敏 with a note; her audio leg closes.
    QSignalSpy linaEnded(&m_agentLeg->link(), &qidong::core::MediaLink::ended);
    QCOMPARE(outcomeOf(m_agent->call(
                 method::InteractionTransfer,
                 TransferParams{
                     m_caller->callId, {}, QStringLiteral("zhang.min"), QStringLiteral("想改套餐")}
                     .toJson())),
             QStringLiteral("ok"));
    QTRY_COMPARE(linaEnded.size(), 1);
    // The caller is not left in silence: ringback while 张敏 is offered it.
    QVERIFY(m_customerLeg->waitToHear(450.0));
    QCOMPARE(
        outcomeOf(m_agent->call(method::CallMedia, CallMediaParams{m_caller->callId}.toJson())),
        QStringLiteral("not_found"));

    QVERIFY(zhang.waitForEvent(QString(event::InteractionOffered)).has_value());
    QCOMPARE(
        outcomeOf(zhang.call(method::InteractionAccept, InteractionRef{m_caller->callId}.toJson())),
        QStringLiteral("ok"));
    const std::optional<MediaTicket> ticket = ticketFor(zhang, m_caller->callId);
    QVERIFY(ticket.has_value());
    VoiceLeg zhangLeg(3);
    zhangLeg.open(ticket->socketUrl());
    zhangLeg.say(kAgentTone + 180.0);
    QVERIFY(zhangLeg.waitToHear(kCustomerTone, kHeard));
    QVERIFY(m_customerLeg->waitToHear(kAgentTone + 180.0, kHeard));
    QTest::qWait(500);
    QVERIFY(m_customerLeg->heard(kAgentTone) < kAbsent); // li.na is gone from the call
}

void tst_HubVoice::consultationConferenceReturnAndTransfer()
{
    QVERIFY(connectCall());
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    TestClient zhang(m_hub->url());
    QVERIFY(zhang.signIn(QStringLiteral("zhang.min")).has_value());
    QVERIFY(setReady(zhang));
    const QString callId = m_caller->callId;

    // li.na asks 张敏: the caller waits on hold, li.na hears ringback.
    const Response asked = m_agent->call(
        method::CallConsult, CallConsultParams{callId, QStringLiteral("zhang.min")}.toJson());
    QCOMPARE(outcomeOf(asked), QStringLiteral("ok"));
    QCOMPARE(
        consultationIn(asked.result.value(QLatin1StringView("consultation")).toObject())->stage,
        ConsultStage::Ringing);
    const std::optional<Event> ringing = zhang.waitForEvent(QString(event::CallConsultChanged));
    QVERIFY(ringing.has_value());
    const std::optional<Consultation> request = consultationIn(ringing->data);
    QVERIFY(request.has_value());
    QCOMPARE(request->stage, ConsultStage::Ringing);
    QCOMPARE(request->fromName, QStringLiteral("李娜"));
    QCOMPARE(request->customer.displayName, QStringLiteral("王女士"));
    QVERIFY(m_agentLeg->waitToHear(450.0));
    QTRY_VERIFY_WITH_TIMEOUT(m_customerLeg->heard(kAgentTone) < kAbsent, 3000);
    // A second request on the same call, or a ticket before answering: no.
    QCOMPARE(
        outcomeOf(m_agent->call(method::CallConsult,
                                CallConsultParams{callId, QStringLiteral("zhang.min")}.toJson())),
        QStringLiteral("invalid_transition"));
    QCOMPARE(outcomeOf(zhang.call(method::CallMedia, CallMediaParams{callId}.toJson())),
             QStringLiteral("invalid_transition"));
    // Only the asked colleague answers.
    QCOMPARE(outcomeOf(m_agent->call(method::CallConsultAnswer, CallMediaParams{callId}.toJson())),
             QStringLiteral("not_found"));

    QCOMPARE(outcomeOf(zhang.call(method::CallConsultAnswer, CallMediaParams{callId}.toJson())),
             QStringLiteral("ok"));
    std::optional<MediaTicket> ticket = ticketFor(zhang, callId);
    QVERIFY(ticket.has_value());
    auto zhangLeg = std::make_unique<VoiceLeg>(3);
    zhangLeg->open(ticket->socketUrl());
    zhangLeg->say(kColleagueTone);
    // The two agents talk; the caller hears neither, only music.
    QVERIFY(m_agentLeg->waitToHear(kColleagueTone, kHeard));
    QVERIFY(zhangLeg->waitToHear(kAgentTone, kHeard));
    QVERIFY(zhangLeg->heard(kCustomerTone) < kAbsent);
    QVERIFY(m_customerLeg->heard(kColleagueTone) < kAbsent);
    QVERIFY(m_customerLeg->heard(kAgentTone) < kAbsent);
    QVERIFY(m_customerLeg->levelDbfs(500) > -45.0);
    // The colleague does not decide where the call goes.
    QCOMPARE(consultEnd(zhang, callId, ConsultAction::Transfer), QStringLiteral("forbidden"));

    // Conference: everyone hears the two others.
    QCOMPARE(consultEnd(*m_agent, callId, ConsultAction::Conference), QStringLiteral("ok"));
    QVERIFY(m_customerLeg->waitToHear(kColleagueTone, kHeard));
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QVERIFY(zhangLeg->waitToHear(kCustomerTone, kHeard));
    QVERIFY(m_agentLeg->waitToHear(kCustomerTone, kHeard));
    QVERIFY(m_agentLeg->waitToHear(kColleagueTone, kHeard));

    // Return: 张敏 leaves, li.na and the caller go on.
    QSignalSpy zhangEnded(&zhangLeg->link(), &qidong::core::MediaLink::ended);
    QCOMPARE(consultEnd(*m_agent, callId, ConsultAction::Return), QStringLiteral("ok"));
    QTRY_COMPARE(zhangEnded.size(), 1);
    QTRY_COMPARE(lastConsultation(zhang)->stage, ConsultStage::Ended);
    QCOMPARE(lastConsultation(zhang)->outcome, QStringLiteral("returned"));
    QCOMPARE(lastConsultation(*m_agent)->outcome, QStringLiteral("returned"));
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QTest::qWait(500);
    QVERIFY(m_customerLeg->heard(kColleagueTone) < kAbsent);

    // Asked again and answered, this time 张敏 takes the call over.
    QCOMPARE(
        outcomeOf(m_agent->call(method::CallConsult,
                                CallConsultParams{callId, QStringLiteral("zhang.min")}.toJson())),
        QStringLiteral("ok"));
    QCOMPARE(outcomeOf(zhang.call(method::CallConsultAnswer, CallMediaParams{callId}.toJson())),
             QStringLiteral("ok"));
    ticket = ticketFor(zhang, callId);
    QVERIFY(ticket.has_value());
    zhangLeg = std::make_unique<VoiceLeg>(4);
    zhangLeg->open(ticket->socketUrl());
    zhangLeg->say(kColleagueTone);
    QVERIFY(m_agentLeg->waitToHear(kColleagueTone, kHeard));
    QSignalSpy linaEnded(&m_agentLeg->link(), &qidong::core::MediaLink::ended);
    QSignalSpy zhangDropped(&zhangLeg->link(), &qidong::core::MediaLink::ended);
    QCOMPARE(consultEnd(*m_agent, callId, ConsultAction::Transfer), QStringLiteral("ok"));
    QVERIFY(m_agent->waitForEvent(QString(event::InteractionRevoked)).has_value());
    QTRY_COMPARE(linaEnded.size(), 1);
    const std::optional<Event> handed = zhang.waitForEvent(QString(event::InteractionUpdated));
    QVERIFY(handed.has_value());
    QCOMPARE(handed->data.value(QLatin1StringView("interaction"))
                 .toObject()
                 .value(QLatin1StringView("agentId"))
                 .toString(),
             QStringLiteral("u1003"));
    // 张敏 keeps the socket she had: the caller hears her, not li.na.
    QVERIFY(m_customerLeg->waitToHear(kColleagueTone, kHeard));
    QVERIFY(zhangLeg->waitToHear(kCustomerTone, kHeard));
    QTest::qWait(500);
    QVERIFY(m_customerLeg->heard(kAgentTone) < kAbsent);
    QCOMPARE(zhangDropped.size(), 0);
    // The call is hers now: she may hold it, li.na may not.
    QCOMPARE(outcomeOf(zhang.call(method::CallHold, CallHoldParams{callId, true}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(outcomeOf(m_agent->call(method::CallHold, CallHoldParams{callId, false}.toJson())),
             QStringLiteral("not_found"));
    QVERIFY(m_hub->logged(QStringLiteral("interaction.handedOver")));
}

void tst_HubVoice::consultationDeclinedOrUnavailableLeavesTheCallHeld()
{
    QVERIFY(connectCall());
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    const QString callId = m_caller->callId;
    // Nobody by that name, oneself, or someone not signed in: refused, the
    // caller never hears the hold music.
    QCOMPARE(outcomeOf(m_agent->call(method::CallConsult,
                                     CallConsultParams{callId, QStringLiteral("nobody")}.toJson())),
             QStringLiteral("not_found"));
    QCOMPARE(outcomeOf(m_agent->call(method::CallConsult,
                                     CallConsultParams{callId, QStringLiteral("li.na")}.toJson())),
             QStringLiteral("invalid_params"));
    QCOMPARE(
        outcomeOf(m_agent->call(method::CallConsult,
                                CallConsultParams{callId, QStringLiteral("zhang.min")}.toJson())),
        QStringLiteral("invalid_transition"));
    QCOMPARE(
        outcomeOf(m_agent->call(method::CallConsult, QJsonObject{{QStringLiteral("id"), callId}})),
        QStringLiteral("invalid_params"));
    QTest::qWait(300);
    QVERIFY(m_customerLeg->heard(kAgentTone) > kHeard);

    // 张敏 is asked and declines: li.na is told, the caller stays on hold.
    TestClient zhang(m_hub->url());
    QVERIFY(zhang.signIn(QStringLiteral("zhang.min")).has_value());
    QVERIFY(setReady(zhang));
    QCOMPARE(
        outcomeOf(m_agent->call(method::CallConsult,
                                CallConsultParams{callId, QStringLiteral("zhang.min")}.toJson())),
        QStringLiteral("ok"));
    const auto presence = [&zhang] {
        Presence last = Presence::Offline;
        for (const Event& event : zhang.events())
            if (event.name == event::AgentStateChanged)
                if (Result<StateChangedEvent> changed = StateChangedEvent::fromJson(event.data))
                    last = changed.value().state.presence;
        return last;
    };
    QVERIFY(zhang.waitForEvent(QString(event::CallConsultChanged)).has_value());
    QTRY_COMPARE(presence(), Presence::Busy); // asked: nothing else is routed to her
    QCOMPARE(consultEnd(zhang, callId, ConsultAction::Leave), QStringLiteral("ok"));
    QTRY_COMPARE(lastConsultation(*m_agent)->stage, ConsultStage::Ended);
    QCOMPARE(lastConsultation(*m_agent)->outcome, QStringLiteral("declined"));
    QTRY_VERIFY_WITH_TIMEOUT(m_customerLeg->heard(kAgentTone) < kAbsent, 3000);
    QCOMPARE(outcomeOf(m_agent->call(method::CallHold, CallHoldParams{callId, false}.toJson())),
             QStringLiteral("ok"));
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    // 张敏 is free again: routing may offer her work.
    QTRY_COMPARE(presence(), Presence::Ready);
}

void tst_HubVoice::callerAsksForACallbackAndTheAgentCallsBack()
{
    // Waiting with nobody ready: the caller asks to be called back.
    QVERIFY(m_caller->start(QStringLiteral("王女士")));
    m_customerLeg->open(m_caller->ticket.socketUrl());
    QVERIFY(m_customerLeg->waitForSound()); // hold music
    QSignalSpy waitEnded(&m_customerLeg->link(), &qidong::core::MediaLink::ended);
    const Response asked = m_caller->socket.call(method::CustomerCallback, {});
    QCOMPARE(outcomeOf(asked), QStringLiteral("ok"));
    QCOMPARE(asked.result.value(QLatin1StringView("state")).toString(), QStringLiteral("callback"));
    QTRY_COMPARE(waitEnded.size(), 1); // no more music: nobody is on the line
    QCOMPARE(outcomeOf(m_caller->socket.call(method::CustomerCallback, {})),
             QStringLiteral("invalid_transition"));
    QCOMPARE(outcomeOf(m_caller->socket.call(method::CustomerMedia, {})),
             QStringLiteral("invalid_transition"));

    // It is routed like any interaction, as a callback with a note.
    QVERIFY(setReady(*m_agent));
    const std::optional<Event> offered = m_agent->waitForEvent(QString(event::InteractionOffered));
    QVERIFY(offered.has_value());
    const Interaction request = InteractionOffer::fromJson(offered->data).value().interaction;
    QCOMPARE(request.channel, Channel::Callback);
    QVERIFY(request.note.contains(QStringLiteral("called back")));
    QCOMPARE(outcomeOf(m_agent->call(method::InteractionAccept,
                                     InteractionRef{m_caller->callId}.toJson())),
             QStringLiteral("ok"));
    const QString callId = m_caller->callId;
    QCOMPARE(outcomeOf(m_agent->call(method::CallMedia, CallMediaParams{callId}.toJson())),
             QStringLiteral("invalid_transition")); // nothing to hear before dialling

    // The page was closed: no line to call the customer on, said plainly.
    m_caller->socket.close();
    QVERIFY(m_caller->socket.waitForDisconnected());
    QTest::qWait(200);
    const Response unreachable = m_agent->call(method::CallDial, CallMediaParams{callId}.toJson());
    QCOMPARE(outcomeOf(unreachable), QStringLiteral("invalid_transition"));
    QCOMPARE(unreachable.error->details.value(QLatin1StringView("reason")).toString(),
             QStringLiteral("unreachable"));

    // Back on the page (a reload resumes the conversation): the dial rings
    // it, the agent hears ringback; the customer declines, the agent is told.
    TestClient page(m_hub->customerSocketUrl());
    QVERIFY(page.open());
    QCOMPARE(
        outcomeOf(page.call(method::CustomerResume, {{QStringLiteral("token"), m_caller->token}})),
        QStringLiteral("ok"));
    QCOMPARE(outcomeOf(m_agent->call(method::CallDial, CallMediaParams{callId}.toJson())),
             QStringLiteral("ok"));
    std::optional<MediaTicket> ticket = ticketFor(*m_agent, callId);
    QVERIFY(ticket.has_value());
    m_agentLeg->open(ticket->socketUrl());
    m_agentLeg->say(kAgentTone);
    QVERIFY(m_agentLeg->waitToHear(450.0));
    std::optional<Event> ringing;
    QTRY_VERIFY((ringing = page.waitForEvent(QString(event::ConversationState), 100)) &&
                ringing->data.value(QLatin1StringView("state")).toString() ==
                    QStringLiteral("ringing"));
    QSignalSpy agentEnded(&m_agentLeg->link(), &qidong::core::MediaLink::ended);
    const qsizetype seen = m_agent->events().size();
    QCOMPARE(outcomeOf(page.call(method::CustomerDecline, {})), QStringLiteral("ok"));
    const std::optional<Event> declined =
        m_agent->waitForEvent(QString(event::CallDialChanged), 5000, seen);
    QVERIFY(declined.has_value());
    QCOMPARE(declined->data.value(QLatin1StringView("state")).toString(),
             QStringLiteral("declined"));
    QTRY_COMPARE(agentEnded.size(), 1);
    QCOMPARE(outcomeOf(page.call(method::CustomerAnswer, {})),
             QStringLiteral("invalid_transition")); // nothing rings now

    // Dialled again and answered: they hear each other, and it is recorded.
    QCOMPARE(outcomeOf(m_agent->call(method::CallDial, CallMediaParams{callId}.toJson())),
             QStringLiteral("ok"));
    ticket = ticketFor(*m_agent, callId);
    QVERIFY(ticket.has_value());
    VoiceLeg agentLeg(5);
    agentLeg.open(ticket->socketUrl());
    agentLeg.say(kAgentTone);
    const Response answered = page.call(method::CustomerAnswer, {});
    QCOMPARE(outcomeOf(answered), QStringLiteral("ok"));
    Result<MediaTicket> customerTicket =
        MediaTicket::fromJson(answered.result.value(QLatin1StringView("media")).toObject());
    QVERIFY(customerTicket);
    VoiceLeg customerLeg(6);
    customerLeg.open(customerTicket.value().socketUrl());
    customerLeg.say(kCustomerTone);
    QVERIFY(customerLeg.waitToHear(kAgentTone, kHeard));
    QVERIFY(agentLeg.waitToHear(kCustomerTone, kHeard));
    QVERIFY(m_hub->logged(QStringLiteral("media.recording.started")));
    QCOMPARE(outcomeOf(m_agent->call(method::CallHold, CallHoldParams{callId, true}.toJson())),
             QStringLiteral("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(customerLeg.heard(kAgentTone) < kAbsent, 3000);
    QSignalSpy customerEnded(&customerLeg.link(), &qidong::core::MediaLink::ended);
    QCOMPARE(outcomeOf(m_agent->call(method::InteractionEnd, InteractionRef{callId}.toJson())),
             QStringLiteral("ok"));
    QTRY_COMPARE(customerEnded.size(), 1);
}

void tst_HubVoice::waitingCallerHearsWhereTheyStand()
{
    // Announcements half a second after joining, then every five seconds.
    m_hub = std::make_unique<HubProcess>();
    QVERIFY(m_hub->start({QStringLiteral("--announce-ms"), QStringLiteral("500")}));
    m_agent = std::make_unique<TestClient>(m_hub->url());
    QVERIFY(m_agent->signIn(QStringLiteral("li.na")).has_value());
    m_caller = std::make_unique<Caller>(*m_hub);
    QVERIFY(m_caller->start(QStringLiteral("王女士")));
    m_customerLeg->open(m_caller->ticket.socketUrl());

    QTRY_VERIFY_WITH_TIMEOUT(m_hub->logged(QStringLiteral("queue.announced")), 5000);
    const QJsonObject first = logLines(*m_hub, QStringLiteral("queue.announced")).first();
    QCOMPARE(first.value(QLatin1StringView("position")).toInt(), 1);
    QVERIFY(first.value(QLatin1StringView("ms")).toInt() > 1000);
    // The caller hears it (what replaces the music, packet for packet, is
    // in tst_callmixer): the stream goes on, audible.
    const std::uint64_t before = m_customerLeg->link().stats().received;
    QTest::qWait(1000);
    QVERIFY(m_customerLeg->link().stats().received >= before + 30);
    QVERIFY2(m_customerLeg->levelDbfs(1000) > -45.0,
             qPrintable(QString::number(m_customerLeg->levelDbfs(1000))));

    // Repeated while they wait; an answered call hears no more.
    QTRY_VERIFY_WITH_TIMEOUT(logLines(*m_hub, QStringLiteral("queue.announced")).size() >= 2, 8000);
    QVERIFY(setReady(*m_agent));
    QVERIFY(m_agent->waitForEvent(QString(event::InteractionOffered)).has_value());
    QCOMPARE(outcomeOf(m_agent->call(method::InteractionAccept,
                                     InteractionRef{m_caller->callId}.toJson())),
             QStringLiteral("ok"));
    const qsizetype announced = logLines(*m_hub, QStringLiteral("queue.announced")).size();
    QTest::qWait(6000);
    QCOMPARE(logLines(*m_hub, QStringLiteral("queue.announced")).size(), announced);
}

void tst_HubVoice::agentCallsAChatCustomerAndTheChatGoesOn()
{
    // A web chat, answered.
    TestClient page(m_hub->customerSocketUrl());
    QVERIFY(page.open());
    const Response started = page.call(method::CustomerStart,
                                       {{QStringLiteral("name"), QStringLiteral("王女士")},
                                        {QStringLiteral("phone"), QStringLiteral("13900139000")}});
    QCOMPARE(outcomeOf(started), QStringLiteral("ok"));
    const QString chatId = started.result.value(QLatin1StringView("conversationId")).toString();
    QVERIFY(!started.result.contains(QLatin1StringView("media")));
    QVERIFY(setReady(*m_agent));
    QVERIFY(m_agent->waitForEvent(QString(event::InteractionOffered)).has_value());
    QCOMPARE(outcomeOf(m_agent->call(method::InteractionAccept, InteractionRef{chatId}.toJson())),
             QStringLiteral("ok"));

    // "Call this customer now": the page rings, the customer answers.
    QCOMPARE(outcomeOf(m_agent->call(method::CallDial, CallMediaParams{chatId}.toJson())),
             QStringLiteral("ok"));
    const auto lastState = [&page] {
        for (qsizetype i = page.events().size() - 1; i >= 0; --i)
            if (page.events().at(i).name == event::ConversationState)
                return page.events().at(i).data;
        return QJsonObject();
    };
    QTRY_COMPARE(lastState().value(QLatin1StringView("call")).toString(),
                 QStringLiteral("ringing"));
    QCOMPARE(lastState().value(QLatin1StringView("state")).toString(), QStringLiteral("active"));
    std::optional<MediaTicket> ticket = ticketFor(*m_agent, chatId);
    QVERIFY(ticket.has_value());
    m_agentLeg->open(ticket->socketUrl());
    m_agentLeg->say(kAgentTone);
    const Response answered = page.call(method::CustomerAnswer, {});
    QCOMPARE(outcomeOf(answered), QStringLiteral("ok"));
    m_customerLeg->open(mediaSocketIn(answered));
    m_customerLeg->say(kCustomerTone);
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QVERIFY(m_agentLeg->waitToHear(kCustomerTone, kHeard));

    // The chat goes on beside the call, in the same conversation.
    const qsizetype seen = m_agent->events().size();
    QCOMPARE(outcomeOf(page.call(method::CustomerSend,
                                 {{QStringLiteral("clientMsgId"), QStringLiteral("m1")},
                                  {QStringLiteral("text"), QStringLiteral("我把截图发给你")}})),
             QStringLiteral("ok"));
    QVERIFY(m_agent->waitForEvent(QString(event::ChatMessage), 5000, seen).has_value());

    // The agent hangs up the call: the audio ends, the chat does not.
    QSignalSpy customerEnded(&m_customerLeg->link(), &qidong::core::MediaLink::ended);
    QCOMPARE(outcomeOf(m_agent->call(method::CallHangUp, CallMediaParams{chatId}.toJson())),
             QStringLiteral("ok"));
    QTRY_COMPARE(customerEnded.size(), 1);
    QTRY_VERIFY(!lastState().contains(QLatin1StringView("call")));
    const qsizetype afterHangUp = m_agent->events().size();
    QCOMPARE(outcomeOf(page.call(method::CustomerSend,
                                 {{QStringLiteral("clientMsgId"), QStringLiteral("m2")},
                                  {QStringLiteral("text"), QStringLiteral("收到了吗？")}})),
             QStringLiteral("ok"));
    QVERIFY(m_agent->waitForEvent(QString(event::ChatMessage), 5000, afterHangUp).has_value());
    QCOMPARE(lastState().value(QLatin1StringView("state")).toString(), QStringLiteral("active"));
    // Hanging up twice is refused plainly, from either side.
    QCOMPARE(outcomeOf(m_agent->call(method::CallHangUp, CallMediaParams{chatId}.toJson())),
             QStringLiteral("invalid_transition"));
    QCOMPARE(outcomeOf(page.call(method::CustomerHangUp, {})),
             QStringLiteral("invalid_transition"));
}

void tst_HubVoice::simulatedCallerSpeaksItsPromptsAndHangsUp()
{
    QVERIFY(setReady(*m_agent));
    QProcess simulate;
    simulate.setProcessChannelMode(QProcess::SeparateChannels);
    simulate.start(HubProcess::executable(),
                   {QStringLiteral("simulate"), QStringLiteral("--web"), m_hub->webUrl().toString(),
                    QStringLiteral("--calls"), QStringLiteral("1"),
                    QStringLiteral("--call-scenario"), QStringLiteral("zh-roaming-call")});
    QVERIFY(simulate.waitForStarted());

    const std::optional<Event> offered = m_agent->waitForEvent(QString(event::InteractionOffered));
    QVERIFY(offered.has_value());
    const QString callId = offered->data.value(QLatin1StringView("interaction"))
                               .toObject()
                               .value(QLatin1StringView("id"))
                               .toString();
    QCOMPARE(outcomeOf(m_agent->call(method::InteractionAccept, InteractionRef{callId}.toJson())),
             QStringLiteral("ok"));
    const std::optional<MediaTicket> ticket = ticketFor(*m_agent, callId);
    QVERIFY(ticket.has_value());
    m_agentLeg->open(ticket->socketUrl());

    // The caller speaks (espeak-ng's voice, not a tone): loud enough, and
    // with pauses between its three prompts.
    QVERIFY(m_agentLeg->waitForSound(-35.0, 300, 10000));
    QVERIFY(m_agentLeg->waitForQuiet(-60.0, 300, 15000));
    QVERIFY(m_agentLeg->waitForSound(-35.0, 300, 10000));

    // After its last line it hangs up by itself; the simulator says how it went.
    QVERIFY(QTest::qWaitFor([&] { return simulate.state() == QProcess::NotRunning; }, 60000));
    QCOMPARE(simulate.exitCode(), 0);
    const QByteArray out = simulate.readAllStandardOutput();
    QCOMPARE(out.count("\"event\":\"call.said\""), 3);
    QVERIFY(out.contains("\"event\":\"call.answered\""));
    QVERIFY(out.contains("\"ok\":true"));
    QVERIFY(m_agent->waitForEvent(QString(event::InteractionUpdated)).has_value());
}

void tst_HubVoice::simulatedCallerTiredOfWaitingIsCalledBack()
{
    // Nobody is ready: after a second and a half the caller asks for a callback.
    QProcess simulate;
    simulate.setProcessChannelMode(QProcess::SeparateChannels);
    simulate.start(HubProcess::executable(),
                   {QStringLiteral("simulate"), QStringLiteral("--web"), m_hub->webUrl().toString(),
                    QStringLiteral("--calls"), QStringLiteral("1"),
                    QStringLiteral("--call-scenario"), QStringLiteral("zh-billing-call"),
                    QStringLiteral("--callback-after-ms"), QStringLiteral("1500")});
    QVERIFY(simulate.waitForStarted());
    QByteArray out;
    QVERIFY(QTest::qWaitFor(
        [&] {
            out += simulate.readAllStandardOutput();
            return out.contains("call.callbackRequested");
        },
        15000));

    // Routed as a callback; the agent accepts and dials; the page rings, the
    // caller answers and speaks.
    QVERIFY(setReady(*m_agent));
    const std::optional<Event> offered = m_agent->waitForEvent(QString(event::InteractionOffered));
    QVERIFY(offered.has_value());
    const Interaction callback = InteractionOffer::fromJson(offered->data).value().interaction;
    QCOMPARE(callback.channel, Channel::Callback);
    QCOMPARE(
        outcomeOf(m_agent->call(method::InteractionAccept, InteractionRef{callback.id}.toJson())),
        QStringLiteral("ok"));
    const qsizetype seen = m_agent->events().size();
    QCOMPARE(outcomeOf(m_agent->call(method::CallDial, CallMediaParams{callback.id}.toJson())),
             QStringLiteral("ok"));
    const std::optional<MediaTicket> ticket = ticketFor(*m_agent, callback.id);
    QVERIFY(ticket.has_value());
    m_agentLeg->open(ticket->socketUrl());
    QCOMPARE(dialOutcome(*m_agent, seen), QStringLiteral("answered"));
    QVERIFY(m_agentLeg->waitForSound(-35.0, 300, 10000));

    // It hangs up after its last line; the simulator reports success.
    QVERIFY(QTest::qWaitFor([&] { return simulate.state() == QProcess::NotRunning; }, 60000));
    out += simulate.readAllStandardOutput();
    QCOMPARE(simulate.exitCode(), 0);
    QVERIFY(out.contains("\"event\":\"call.ringing\""));
    QCOMPARE(out.count("\"event\":\"call.said\""), 3);
    QVERIFY(out.contains("\"ok\":true"));
}

void tst_HubVoice::agentDialsANumberThroughThePhoneTrunk()
{
    // No trunk registered: the hub says so instead of ringing nowhere.
    const Response noLine = m_agent->call(
        method::CallDialNumber, CallDialNumberParams{QStringLiteral("13800138000")}.toJson());
    QCOMPARE(outcomeOf(noLine), QStringLiteral("invalid_transition"));
    QCOMPARE(noLine.error->details.value(QLatin1StringView("reason")).toString(),
             QStringLiteral("no-trunk"));
    for (const QString& bad : {QStringLiteral("12"), QStringLiteral("138-0013-8000x"),
                               QStringLiteral("1+3800"), QStringLiteral("1234567890123456")})
        QCOMPARE(
            outcomeOf(m_agent->call(method::CallDialNumber, {{QStringLiteral("number"), bad}})),
            QStringLiteral("invalid_params"));

    TestClient trunk(m_hub->trunkSocketUrl());

    QVERIFY(registerTrunk(trunk, m_hub->ingestToken()));

    // Dialled while Not Ready (the agent's own call, not routed work): the
    // interaction is theirs at once and the trunk is asked to ring the number.
    QCOMPARE(outcomeOf(m_agent->call(method::CallDialNumber,
                                     CallDialNumberParams{QStringLiteral("10086")}.toJson())),
             QStringLiteral("invalid_transition")); // still Offline
    QVERIFY(setNotReady(*m_agent));
    const Response placed = m_agent->call(
        method::CallDialNumber, CallDialNumberParams{QStringLiteral("+86 138-0013-8000")}.toJson());
    QCOMPARE(outcomeOf(placed), QStringLiteral("ok"));
    QVERIFY(interactionIn(placed).has_value());
    const Interaction call = *interactionIn(placed);
    QCOMPARE(call.channel, Channel::Outbound);
    QCOMPARE(call.state, InteractionState::Active);
    QCOMPARE(call.customer.identity, QStringLiteral("+86*******8000")); // masked for the desktop
    QCOMPARE(presenceOf(*m_agent), Presence::Busy);
    std::optional<Event> ring = trunk.waitForEvent(QString(event::TrunkCall));
    QVERIFY(ring.has_value());
    QCOMPARE(ring->data.value(QLatin1StringView("id")).toString(), call.id);
    QCOMPARE(ring->data.value(QLatin1StringView("number")).toString(),
             QStringLiteral("+8613800138000"));
    QCOMPARE(outcomeOf(m_agent->call(method::CallDialNumber,
                                     CallDialNumberParams{QStringLiteral("10086")}.toJson())),
             QStringLiteral("invalid_transition")); // one call at a time

    // Ringback until the far end answers; then both hear each other.
    std::optional<MediaTicket> ticket = ticketFor(*m_agent, call.id);
    QVERIFY(ticket.has_value());
    m_agentLeg->open(ticket->socketUrl());
    m_agentLeg->say(kAgentTone);
    QVERIFY(m_agentLeg->waitToHear(450.0));
    const qsizetype seen = m_agent->events().size();
    const Response answered = trunk.call(method::TrunkAnswer, CallMediaParams{call.id}.toJson());
    QCOMPARE(outcomeOf(answered), QStringLiteral("ok"));
    QCOMPARE(dialOutcome(*m_agent, seen, 5000), QStringLiteral("answered"));
    Result<MediaTicket> farTicket =
        MediaTicket::fromJson(answered.result.value(QLatin1StringView("media")).toObject());
    QVERIFY(farTicket);
    m_customerLeg->open(farTicket.value().socketUrl());
    m_customerLeg->say(kCustomerTone);
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QVERIFY(m_agentLeg->waitToHear(kCustomerTone, kHeard));

    // The far end hangs up: the agent is told, the audio stops, the call
    // waits for its wrap-up; after it the agent is Not Ready again.
    QSignalSpy agentEnded(&m_agentLeg->link(), &qidong::core::MediaLink::ended);
    const qsizetype beforeHangUp = m_agent->events().size();
    QCOMPARE(outcomeOf(trunk.call(method::TrunkHangUp, CallMediaParams{call.id}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(dialOutcome(*m_agent, beforeHangUp, 5000), QStringLiteral("customer-hung-up"));
    QTRY_COMPARE(agentEnded.size(), 1);
    QCOMPARE(outcomeOf(m_agent->call(method::InteractionEnd, InteractionRef{call.id}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(outcomeOf(m_agent->call(method::CallDialNumber,
                                     CallDialNumberParams{QStringLiteral("10086")}.toJson())),
             QStringLiteral("invalid_transition")); // not during the wrap-up
    QCOMPARE(outcomeOf(m_agent->call(method::InteractionWrapUp,
                                     WrapUpParams{call.id, QStringLiteral("resolved")}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(presenceOf(*m_agent), Presence::NotReady);

    // A busy number: the dial is declined, the call stays the agent's to
    // dial again or end. A ringing call the agent cancels is cleared on
    // the trunk too.
    const Response busy = m_agent->call(method::CallDialNumber,
                                        CallDialNumberParams{QStringLiteral("95588")}.toJson());
    QCOMPARE(outcomeOf(busy), QStringLiteral("ok"));
    const QString busyId = interactionIn(busy)->id;
    ring = trunk.waitForEvent(QString(event::TrunkCall), 5000, trunk.events().size() - 1);
    QVERIFY(ring.has_value());
    QCOMPARE(ring->data.value(QLatin1StringView("id")).toString(), busyId);
    const qsizetype beforeBusy = m_agent->events().size();
    QCOMPARE(outcomeOf(trunk.call(method::TrunkReject,
                                  {{QStringLiteral("id"), busyId},
                                   {QStringLiteral("reason"), QStringLiteral("busy")}})),
             QStringLiteral("ok"));
    QCOMPARE(dialOutcome(*m_agent, beforeBusy, 5000), QStringLiteral("declined"));
    const qsizetype trunkSeen = trunk.events().size();
    QCOMPARE(outcomeOf(m_agent->call(method::CallDial, CallMediaParams{busyId}.toJson())),
             QStringLiteral("ok")); // again
    QVERIFY(trunk.waitForEvent(QString(event::TrunkCall), 5000, trunkSeen).has_value());
    QCOMPARE(outcomeOf(m_agent->call(method::CallHangUp, CallMediaParams{busyId}.toJson())),
             QStringLiteral("ok"));
    const std::optional<Event> cleared =
        trunk.waitForEvent(QString(event::TrunkHangUp), 5000, trunkSeen);
    QVERIFY(cleared.has_value());
    QCOMPARE(cleared->data.value(QLatin1StringView("id")).toString(), busyId);
    QCOMPARE(cleared->data.value(QLatin1StringView("reason")).toString(),
             QStringLiteral("hung-up"));
    QCOMPARE(outcomeOf(trunk.call(method::TrunkAnswer, CallMediaParams{busyId}.toJson())),
             QStringLiteral("not_found")); // too late: nothing rings there now
}

void tst_HubVoice::trunkIsAuthenticatedAndItsLossEndsItsCalls()
{
    QVERIFY(setNotReady(*m_agent));
    TestClient stranger(m_hub->trunkSocketUrl());
    QVERIFY(stranger.open());
    QCOMPARE(outcomeOf(stranger.call(method::TrunkAnswer,
                                     {{QStringLiteral("id"), QStringLiteral("i-x")}})),
             QStringLiteral("unauthenticated"));
    QCOMPARE(outcomeOf(stranger.call(method::TrunkRegister,
                                     {{QStringLiteral("token"), QStringLiteral("guess")}})),
             QStringLiteral("unauthenticated"));
    QVERIFY(stranger.waitForDisconnected());
    QVERIFY(m_hub->logged(QStringLiteral("trunk.refused")));

    auto trunk = std::make_unique<TestClient>(m_hub->trunkSocketUrl());

    QVERIFY(registerTrunk(*trunk, m_hub->ingestToken()));
    QCOMPARE(outcomeOf(trunk->call(method::TrunkAnswer, {})), QStringLiteral("invalid_params"));
    const Response placed = m_agent->call(
        method::CallDialNumber, CallDialNumberParams{QStringLiteral("13900139000")}.toJson());
    QCOMPARE(outcomeOf(placed), QStringLiteral("ok"));
    const QString id = interactionIn(placed)->id;
    QVERIFY(trunk->waitForEvent(QString(event::TrunkCall)).has_value());
    QCOMPARE(outcomeOf(trunk->call(method::TrunkAnswer, CallMediaParams{id}.toJson())),
             QStringLiteral("ok"));

    // The trunk's link drops mid-call: the call ends as the far end hanging
    // up, and the number can be dialled again once a trunk is back.
    const qsizetype seen = m_agent->events().size();
    trunk->close();
    QCOMPARE(dialOutcome(*m_agent, seen, 5000), QStringLiteral("customer-hung-up"));
    QVERIFY(m_hub->logged(QStringLiteral("trunk.lost")));
    const Response unreachable = m_agent->call(method::CallDial, CallMediaParams{id}.toJson());
    QCOMPARE(outcomeOf(unreachable), QStringLiteral("invalid_transition"));
    QCOMPARE(unreachable.error->details.value(QLatin1StringView("reason")).toString(),
             QStringLiteral("unreachable"));
    TestClient back(m_hub->trunkSocketUrl());
    QVERIFY(registerTrunk(back, m_hub->ingestToken()));
    QCOMPARE(outcomeOf(m_agent->call(method::CallDial, CallMediaParams{id}.toJson())),
             QStringLiteral("ok"));
    const std::optional<Event> again = back.waitForEvent(QString(event::TrunkCall));
    QVERIFY(again.has_value());
    QCOMPARE(again->data.value(QLatin1StringView("number")).toString(),
             QStringLiteral("13900139000"));
}

void tst_HubVoice::simulatedPhoneNetworkAnswersBusiesAndHangsUp()
{
    QProcess network;
    network.setProcessChannelMode(QProcess::SeparateChannels);
    network.start(HubProcess::executable(),
                  {QStringLiteral("simulate"), QStringLiteral("--web"), m_hub->webUrl().toString(),
                   QStringLiteral("--data-dir"), m_hub->dataDir(),
                   QStringLiteral("--phone-network")});
    QVERIFY(network.waitForStarted());
    QVERIFY(setReady(*m_agent));
    QByteArray out;
    QVERIFY(QTest::qWaitFor(
        [&] {
            out += network.readAllStandardOutput();
            return out.contains("phone.registered");
        },
        10000));

    // A busy line (…486) declines the dial.
    const Response busy = m_agent->call(
        method::CallDialNumber, CallDialNumberParams{QStringLiteral("13800000486")}.toJson());
    QCOMPARE(outcomeOf(busy), QStringLiteral("ok"));
    const QString busyId = interactionIn(busy)->id;
    QCOMPARE(dialOutcome(*m_agent, 0, 10000), QStringLiteral("declined"));
    QCOMPARE(outcomeOf(m_agent->call(method::InteractionEnd, InteractionRef{busyId}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(outcomeOf(m_agent->call(method::InteractionWrapUp,
                                     WrapUpParams{busyId, QStringLiteral("resolved")}.toJson())),
             QStringLiteral("ok"));

    // A demo caller's number: it rings, is answered, and the caller speaks.
    const qsizetype seen = m_agent->events().size();
    const Response placed = m_agent->call(
        method::CallDialNumber, CallDialNumberParams{QStringLiteral("13800138000")}.toJson());
    QCOMPARE(outcomeOf(placed), QStringLiteral("ok"));
    const QString id = interactionIn(placed)->id;
    const std::optional<MediaTicket> ticket = ticketFor(*m_agent, id);
    QVERIFY(ticket.has_value());
    m_agentLeg->open(ticket->socketUrl());
    QVERIFY(m_agentLeg->waitToHear(450.0)); // ringback
    QCOMPARE(dialOutcome(*m_agent, seen), QStringLiteral("answered"));
    QVERIFY(m_agentLeg->waitForSound(-35.0, 300, 10000)); // espeak-ng's voice

    // The agent hangs up first: the simulated far end is told and stops.
    QCOMPARE(outcomeOf(m_agent->call(method::InteractionEnd, InteractionRef{id}.toJson())),
             QStringLiteral("ok"));
    QVERIFY(QTest::qWaitFor(
        [&] {
            out += network.readAllStandardOutput();
            return out.contains("\"event\":\"phone.ended\"") && out.contains("\"why\":\"ended\"");
        },
        10000));
    QVERIFY(out.contains("\"caller\":\"zh-roaming-call\""));
    QVERIFY(out.contains("\"event\":\"phone.busy\""));
    network.terminate();
    QVERIFY(network.waitForFinished(5000));
}

void tst_HubVoice::answeredOutboundCallIsConsultedAndPassedOn()
{
    QVERIFY(setNotReady(*m_agent));
    TestClient trunk(m_hub->trunkSocketUrl());
    QVERIFY(registerTrunk(trunk, m_hub->ingestToken()));
    // Filed under Chinese voice (billing, which wang.wei has too), not
    // li.na's first voice queue (roaming VIP).
    const Response placed = m_agent->call(
        method::CallDialNumber,
        CallDialNumberParams{QStringLiteral("13800138000"), QStringLiteral("cn-voice")}.toJson());
    QCOMPARE(outcomeOf(placed), QStringLiteral("ok"));
    QCOMPARE(interactionIn(placed)->queueId, QStringLiteral("cn-voice"));
    const QString id = interactionIn(placed)->id;
    QVERIFY(trunk.waitForEvent(QString(event::TrunkCall)).has_value());
    // Not answered yet: nothing to consult about.
    QCOMPARE(outcomeOf(m_agent->call(method::CallConsult,
                                     CallConsultParams{id, QStringLiteral("zhang.min")}.toJson())),
             QStringLiteral("invalid_transition"));
    const Response answered = trunk.call(method::TrunkAnswer, CallMediaParams{id}.toJson());
    QCOMPARE(outcomeOf(answered), QStringLiteral("ok"));
    m_customerLeg->open(mediaSocketIn(answered));
    m_customerLeg->say(kCustomerTone);
    std::optional<MediaTicket> ticket = ticketFor(*m_agent, id);
    QVERIFY(ticket.has_value());
    m_agentLeg->open(ticket->socketUrl());
    m_agentLeg->say(kAgentTone);
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));

    // Consulted and handed over: 张敏 talks with the far end, li.na is out.
    TestClient zhang(m_hub->url());
    QVERIFY(zhang.signIn(QStringLiteral("zhang.min")).has_value());
    QVERIFY(setReady(zhang));
    QCOMPARE(outcomeOf(m_agent->call(method::CallConsult,
                                     CallConsultParams{id, QStringLiteral("zhang.min")}.toJson())),
             QStringLiteral("ok"));
    QVERIFY(zhang.waitForEvent(QString(event::CallConsultChanged)).has_value());
    QCOMPARE(outcomeOf(zhang.call(method::CallConsultAnswer, CallMediaParams{id}.toJson())),
             QStringLiteral("ok"));
    ticket = ticketFor(zhang, id);
    QVERIFY(ticket.has_value());
    VoiceLeg zhangLeg(3);
    zhangLeg.open(ticket->socketUrl());
    zhangLeg.say(kColleagueTone);
    QVERIFY(m_agentLeg->waitToHear(kColleagueTone, kHeard));
    QCOMPARE(consultEnd(*m_agent, id, ConsultAction::Transfer), QStringLiteral("ok"));
    QVERIFY(m_customerLeg->waitToHear(kColleagueTone, kHeard));
    QVERIFY(zhangLeg.waitToHear(kCustomerTone, kHeard));

    // Then a blind transfer to wang.wei: the call comes to him connected,
    // and he is told so (call.dial answered), so his desktop joins at once.
    TestClient wang(m_hub->url());
    QVERIFY(wang.signIn(QStringLiteral("wang.wei")).has_value());
    QVERIFY(setReady(wang));
    QCOMPARE(outcomeOf(zhang.call(
                 method::InteractionTransfer,
                 TransferParams{
                     id, {}, QStringLiteral("wang.wei"), QStringLiteral("wants the roaming pack")}
                     .toJson())),
             QStringLiteral("ok"));
    QVERIFY(wang.waitForEvent(QString(event::InteractionOffered)).has_value());
    const qsizetype seen = wang.events().size();
    QCOMPARE(outcomeOf(wang.call(method::InteractionAccept, InteractionRef{id}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(dialOutcome(wang, seen), QStringLiteral("answered"));
    ticket = ticketFor(wang, id);
    QVERIFY(ticket.has_value());
    VoiceLeg wangLeg(4);
    wangLeg.open(ticket->socketUrl());
    wangLeg.say(kAgentTone);
    QVERIFY(wangLeg.waitToHear(kCustomerTone, kHeard));
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
}

void tst_HubVoice::customersWhoLeftThePageAreCalledOnTheirPhone()
{
    TestClient trunk(m_hub->trunkSocketUrl());
    QVERIFY(registerTrunk(trunk, m_hub->ingestToken()));

    // A web chat from a customer who gave their number, answered; then the
    // page closes. "Call customer" rings their phone instead, and the chat
    // stays the same conversation.
    TestClient page(m_hub->customerSocketUrl());
    QVERIFY(page.open());
    const Response started = page.call(method::CustomerStart,
                                       {{QStringLiteral("name"), QStringLiteral("王女士")},
                                        {QStringLiteral("phone"), QStringLiteral("13900139000")}});
    QCOMPARE(outcomeOf(started), QStringLiteral("ok"));
    const QString chatId = started.result.value(QLatin1StringView("conversationId")).toString();
    QVERIFY(setReady(*m_agent));
    QVERIFY(m_agent->waitForEvent(QString(event::InteractionOffered)).has_value());
    QCOMPARE(outcomeOf(m_agent->call(method::InteractionAccept, InteractionRef{chatId}.toJson())),
             QStringLiteral("ok"));
    page.close();
    QVERIFY(page.waitForDisconnected());
    QTest::qWait(200);
    QCOMPARE(outcomeOf(m_agent->call(method::CallDial, CallMediaParams{chatId}.toJson())),
             QStringLiteral("ok"));
    const std::optional<Event> ring = trunk.waitForEvent(QString(event::TrunkCall));
    QVERIFY(ring.has_value());
    QCOMPARE(ring->data.value(QLatin1StringView("id")).toString(), chatId);
    QCOMPARE(ring->data.value(QLatin1StringView("number")).toString(),
             QStringLiteral("13900139000"));
    const Response answered = trunk.call(method::TrunkAnswer, CallMediaParams{chatId}.toJson());
    QCOMPARE(outcomeOf(answered), QStringLiteral("ok"));
    m_customerLeg->open(mediaSocketIn(answered));
    m_customerLeg->say(kCustomerTone);
    const std::optional<MediaTicket> ticket = ticketFor(*m_agent, chatId);
    QVERIFY(ticket.has_value());
    m_agentLeg->open(ticket->socketUrl());
    m_agentLeg->say(kAgentTone);
    QVERIFY(m_agentLeg->waitToHear(kCustomerTone, kHeard));
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    // The phone hangs up: the call ends, the chat is still the agent's.
    const qsizetype seen = m_agent->events().size();
    QCOMPARE(outcomeOf(trunk.call(method::TrunkHangUp, CallMediaParams{chatId}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(dialOutcome(*m_agent, seen), QStringLiteral("customer-hung-up"));
    ChatSendParams reply;
    reply.interactionId = chatId;
    reply.clientMsgId = QStringLiteral("a1");
    reply.text = QStringLiteral("稍后短信发您确认");
    QCOMPARE(outcomeOf(m_agent->call(method::ChatSend, reply.toJson())), QStringLiteral("ok"));
}

void tst_HubVoice::malformedFramesAreDroppedAndCounted()
{
    QVERIFY(m_caller->start(QStringLiteral("王女士")));
    m_customerLeg->open(m_caller->ticket.socketUrl());
    QVERIFY(setReady(*m_agent));
    QVERIFY(m_agent->waitForEvent(QString(event::InteractionOffered)).has_value());
    QCOMPARE(outcomeOf(m_agent->call(method::InteractionAccept,
                                     InteractionRef{m_caller->callId}.toJson())),
             QStringLiteral("ok"));
    const std::optional<MediaTicket> ticket = ticketFor(*m_agent, m_caller->callId);
    QVERIFY(ticket.has_value());

    // A hostile agent leg: raw bytes on a valid ticket.
    QWebSocket raw;
    raw.open(ticket->socketUrl());
    QTRY_COMPARE(raw.state(), QAbstractSocket::ConnectedState);
    qidong::media::SendStream stream(7);
    double phase = 0;
    QByteArray wrongVersion = toneFrame(stream, kAgentTone, phase);
    wrongVersion[0] = char(9);
    QByteArray truncated = toneFrame(stream, kAgentTone, phase).left(10);
    QByteArray badOpus = toneFrame(stream, kAgentTone, phase).left(16) + QByteArray(40, '\xff');
    const QList<QByteArray> garbage{QByteArray(), QByteArrayLiteral("\x01"), wrongVersion,
                                    truncated, QByteArray(3000, '\0')};
    for (const QByteArray& bytes : garbage)
        raw.sendBinaryMessage(bytes);
    raw.sendTextMessage(QStringLiteral("{\"not\":\"audio\"}"));
    raw.sendBinaryMessage(badOpus); // a well-formed header on bad Opus: decoded as loss
    raw.flush();

    // Then real audio on the same socket: it still works.
    QTimer talk;
    talk.setInterval(20);
    connect(&talk, &QTimer::timeout, &raw,
            [&] { raw.sendBinaryMessage(toneFrame(stream, kAgentTone, phase)); });
    talk.start();
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    talk.stop();
    QCOMPARE(raw.state(), QAbstractSocket::ConnectedState);

    raw.close();
    QTRY_VERIFY(m_hub->logged(QStringLiteral("media.leg.closed")));
    const QList<QJsonObject> closed = logLines(*m_hub, QStringLiteral("media.leg.closed"));
    QCOMPARE(closed.size(), 1);
    QCOMPARE(closed.first().value(QLatin1StringView("party")).toString(),
             QStringLiteral("agent:u1001"));
    QCOMPARE(closed.first().value(QLatin1StringView("refused")).toInteger(),
             qint64(garbage.size() + 1));
    QVERIFY(closed.first().value(QLatin1StringView("received")).toInteger() > 0);

    // An oversized message costs the sender its socket, nobody else anything.
    QWebSocket big;
    big.open(ticket->socketUrl());
    QTRY_COMPARE(big.state(), QAbstractSocket::ConnectedState);
    big.sendBinaryMessage(QByteArray(64 * 1024, 'x'));
    QTRY_COMPARE(big.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(int(big.closeCode()), int(QWebSocketProtocol::CloseCodeTooMuchData));
    QVERIFY(m_customerLeg->link().isConnected());
    QCOMPARE(outcomeOf(m_agent->call(method::Ping)), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(tst_HubVoice)
#include "tst_HubVoice.moc"
