#include "HubProcess.h"
#include "TestClient.h"
#include "VoiceLeg.h"
#include "WebCustomer.h"
#include "protocol/Call.h"
#include "protocol/Chat.h"
#include "protocol/Monitor.h"
#include "protocol/Names.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest/QTest>

using namespace qidong::protocol;
using namespace qidong::test;

namespace {

// Distinct tones, none a harmonic of another nor in the hold music's scale.
constexpr double kCustomerTone = 1000.0;
constexpr double kAgentTone = 620.0;
constexpr double kLeadTone = 1330.0;
constexpr double kColleagueTone = 820.0;
constexpr double kHeard = 0.01;
constexpr double kAbsent = 0.001;

const QString kLina = QStringLiteral("u1001");

Response monitor(TestClient& lead, QLatin1StringView method, const QString& id, MonitorMode mode)
{
    return lead.call(method, MonitorParams{id, mode}.toJson());
}

std::optional<Monitoring> monitoringIn(const QJsonObject& json)
{
    Result<Monitoring> decoded = Monitoring::fromJson(json);
    if (!decoded)
        return std::nullopt;
    return decoded.value();
}

// The latest monitor.changed event the team lead got after `from`.
std::optional<Monitoring> lastChange(const TestClient& lead, qsizetype from)
{
    for (qsizetype i = lead.events().size() - 1; i >= from; --i)
        if (lead.events().at(i).name == event::MonitorChanged)
            return monitoringIn(lead.events().at(i).data);
    return std::nullopt;
}

// The monitor.notice events the agent got after `from`.
QList<MonitorNotice> noticesOf(const TestClient& agent, qsizetype from = 0)
{
    QList<MonitorNotice> notices;
    for (qsizetype i = from; i < agent.events().size(); ++i)
        if (agent.events().at(i).name == event::MonitorNotice)
            if (Result<MonitorNotice> notice = MonitorNotice::fromJson(agent.events().at(i).data))
                notices.append(notice.value());
    return notices;
}

} // namespace

// A team lead on live interactions of a real hub: listening in on a call
// hears both sides and is heard by nobody, a whisper reaches the agent
// only, barging in makes a three-way call (all told by tones of distinct
// frequencies through the real media server); on a chat the lead reads
// along, coaches the agent in notes the customer never receives, and
// joins. The agent is told when the policy says so, and a colleague a
// consultation brings in shows up.
class tst_HubMonitor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void listenWhisperAndBargeOnACall();
    void aConsultedColleagueShowsUpAndTheEndEndsIt();
    void agentsNeverGetAnotherAgentsAudio();
    void chatIsReadCoachedAndJoined();
    void policyCanKeepAgentsUntold();

private:
    // 王女士 calls, 李娜 answers; both legs talk. False on failure.
    bool connectCall(const QStringList& hubArguments = {});

    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<TestClient> m_lead;
    std::unique_ptr<TestClient> m_lina;
    std::unique_ptr<WebCustomer> m_customer;
    std::unique_ptr<VoiceLeg> m_customerLeg;
    std::unique_ptr<VoiceLeg> m_linaLeg;
    std::unique_ptr<VoiceLeg> m_leadLeg;
};

void tst_HubMonitor::init()
{
    m_hub = std::make_unique<HubProcess>();
    m_customerLeg = std::make_unique<VoiceLeg>(1);
    m_linaLeg = std::make_unique<VoiceLeg>(1);
    m_leadLeg = std::make_unique<VoiceLeg>(1);
}

void tst_HubMonitor::cleanup()
{
    m_leadLeg.reset();
    m_linaLeg.reset();
    m_customerLeg.reset();
    m_customer.reset();
    m_lina.reset();
    m_lead.reset();
    m_hub.reset();
}

bool tst_HubMonitor::connectCall(const QStringList& hubArguments)
{
    if (!m_hub->start(hubArguments))
        return false;
    m_lead = std::make_unique<TestClient>(m_hub->url());
    m_lina = std::make_unique<TestClient>(m_hub->url());
    if (!m_lead->signIn(QStringLiteral("zhou.hui")) || !m_lina->signIn(QStringLiteral("li.na")))
        return false;
    m_customer = std::make_unique<WebCustomer>(*m_hub);
    if (!m_customer->call(QStringLiteral("王女士")))
        return false;
    m_customerLeg->open(m_customer->ticket.socketUrl());
    m_customerLeg->say(kCustomerTone);
    if (!setReady(*m_lina) || !m_lina->waitForEvent(QString(event::InteractionOffered)) ||
        outcomeOf(m_lina->call(method::InteractionAccept,
                               InteractionRef{m_customer->conversationId}.toJson())) != u"ok")
        return false;
    const Response media =
        m_lina->call(method::CallMedia, CallMediaParams{m_customer->conversationId}.toJson());
    Result<MediaTicket> ticket = MediaTicket::fromJson(media.result);
    if (!ticket)
        return false;
    m_linaLeg->open(ticket.value().socketUrl());
    m_linaLeg->say(kAgentTone);
    return m_customerLeg->waitToHear(kAgentTone, kHeard) &&
           m_linaLeg->waitToHear(kCustomerTone, kHeard);
}

void tst_HubMonitor::listenWhisperAndBargeOnACall()
{
    QVERIFY(connectCall());
    const QString id = m_customer->conversationId;

    // Listen: the lead hears both sides, nobody hears the lead.
    const Response started = monitor(*m_lead, method::MonitorStart, id, MonitorMode::Listen);
    QCOMPARE(outcomeOf(started), QStringLiteral("ok"));
    const std::optional<Monitoring> watching = monitoringIn(started.result);
    QVERIFY(watching.has_value());
    QVERIFY(watching->active);
    QCOMPARE(watching->interaction.id, id);
    QCOMPARE(watching->agents.size(), 1);
    QCOMPARE(watching->agents.first().displayName, QStringLiteral("李娜"));
    QVERIFY(watching->ticket.has_value());
    QVERIFY(watching->agentNotified);
    m_leadLeg->open(watching->ticket->socketUrl());
    m_leadLeg->say(kLeadTone);
    QVERIFY(m_leadLeg->waitToHear(kCustomerTone, kHeard));
    QVERIFY(m_leadLeg->waitToHear(kAgentTone, kHeard));
    QTest::qWait(600);
    QVERIFY(m_customerLeg->heard(kLeadTone) < kAbsent);
    QVERIFY(m_linaLeg->heard(kLeadTone) < kAbsent);
    // 李娜 is told (the default policy), with who and how.
    QTRY_COMPARE(noticesOf(*m_lina).size(), 1);
    QCOMPARE(noticesOf(*m_lina).first().supervisorName, QStringLiteral("周慧"));
    QCOMPARE(noticesOf(*m_lina).first().mode, MonitorMode::Listen);
    QVERIFY(noticesOf(*m_lina).first().active);

    // Whisper: 李娜 hears the lead, the customer does not.
    QCOMPARE(outcomeOf(monitor(*m_lead, method::MonitorMode, id, MonitorMode::Whisper)),
             QStringLiteral("ok"));
    QVERIFY(m_linaLeg->waitToHear(kLeadTone, kHeard));
    QVERIFY(m_linaLeg->waitToHear(kCustomerTone, kHeard)); // still, beside the whisper
    QTest::qWait(600);
    QVERIFY(m_customerLeg->heard(kLeadTone) < kAbsent);
    QVERIFY(m_leadLeg->heard(kCustomerTone) > kHeard);
    QTRY_COMPARE(noticesOf(*m_lina).last().mode, MonitorMode::Whisper);

    // Barge: a three-way call.
    QCOMPARE(outcomeOf(monitor(*m_lead, method::MonitorMode, id, MonitorMode::Barge)),
             QStringLiteral("ok"));
    QVERIFY(m_customerLeg->waitToHear(kLeadTone, kHeard));
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QVERIFY(m_linaLeg->waitToHear(kLeadTone, kHeard));
    QVERIFY(m_leadLeg->waitToHear(kCustomerTone, kHeard));

    // Back to listening: silent again.
    QCOMPARE(outcomeOf(monitor(*m_lead, method::MonitorMode, id, MonitorMode::Listen)),
             QStringLiteral("ok"));
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QTRY_VERIFY_WITH_TIMEOUT(m_customerLeg->heard(kLeadTone) < kAbsent, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(m_linaLeg->heard(kLeadTone) < kAbsent, 3000);

    // Stop: the lead's leg closes; the call goes on; 李娜 is told.
    QSignalSpy leadEnded(&m_leadLeg->link(), &qidong::core::MediaLink::ended);
    const qsizetype from = m_lead->events().size();
    QCOMPARE(outcomeOf(m_lead->call(method::MonitorStop, {{QStringLiteral("interactionId"), id}})),
             QStringLiteral("ok"));
    QTRY_COMPARE(leadEnded.size(), 1);
    QTRY_VERIFY(lastChange(*m_lead, from).has_value());
    QVERIFY(!lastChange(*m_lead, from)->active);
    QCOMPARE(lastChange(*m_lead, from)->endReason, QStringLiteral("stopped"));
    QTRY_VERIFY(!noticesOf(*m_lina).last().active);
    QVERIFY(m_customerLeg->waitToHear(kAgentTone, kHeard));
    QCOMPARE(outcomeOf(m_lead->call(method::MonitorStop, {{QStringLiteral("interactionId"), id}})),
             QStringLiteral("not_found"));

    // Every step is audited.
    QCOMPARE(m_hub->auditCount(QStringLiteral("monitor.start"), id), 1);
    QCOMPARE(m_hub->auditCount(QStringLiteral("monitor.mode"), id), 3);
    QCOMPARE(m_hub->auditCount(QStringLiteral("monitor.stop"), id), 2);
}

void tst_HubMonitor::aConsultedColleagueShowsUpAndTheEndEndsIt()
{
    QVERIFY(connectCall());
    const QString id = m_customer->conversationId;
    const Response started = monitor(*m_lead, method::MonitorStart, id, MonitorMode::Listen);
    const std::optional<Monitoring> watching = monitoringIn(started.result);
    QVERIFY(watching && watching->ticket);
    m_leadLeg->open(watching->ticket->socketUrl());
    QVERIFY(m_leadLeg->waitToHear(kAgentTone, kHeard));

    // 李娜 consults 张敏, then brings everyone together.
    TestClient zhang(m_hub->url());
    QVERIFY(zhang.signIn(QStringLiteral("zhang.min")).has_value());
    QVERIFY(setReady(zhang));
    const qsizetype from = m_lead->events().size();
    QCOMPARE(outcomeOf(m_lina->call(method::CallConsult,
                                    CallConsultParams{id, QStringLiteral("zhang.min")}.toJson())),
             QStringLiteral("ok"));
    QVERIFY(zhang.waitForEvent(QString(event::CallConsultChanged)).has_value());
    QCOMPARE(outcomeOf(zhang.call(method::CallConsultAnswer, CallMediaParams{id}.toJson())),
             QStringLiteral("ok"));
    const Result<MediaTicket> zhangTicket =
        MediaTicket::fromJson(zhang.call(method::CallMedia, CallMediaParams{id}.toJson()).result);
    QVERIFY(zhangTicket.ok());
    VoiceLeg zhangLeg(3);
    zhangLeg.open(zhangTicket.value().socketUrl());
    zhangLeg.say(kColleagueTone);
    QTRY_VERIFY(lastChange(*m_lead, from) && lastChange(*m_lead, from)->agents.size() == 2);
    const MonitoredAgent colleague = lastChange(*m_lead, from)->agents.at(1);
    QCOMPARE(colleague.displayName, QStringLiteral("张敏"));
    QVERIFY(!colleague.holder);
    // The lead hears the two agents consulting while the caller is on hold.
    QVERIFY(m_leadLeg->waitToHear(kColleagueTone, kHeard));
    QVERIFY(m_leadLeg->waitToHear(kAgentTone, kHeard));

    // 张敏 takes the call over: the lead stays on, with 张敏 as the holder.
    QCOMPARE(outcomeOf(m_lina->call(method::CallConsultEnd,
                                    CallConsultEndParams{id, ConsultAction::Transfer}.toJson())),
             QStringLiteral("ok"));
    QTRY_VERIFY(lastChange(*m_lead, from)->interaction.agentId == QStringLiteral("u1003") ||
                lastChange(*m_lead, from)->agents.first().displayName == QStringLiteral("张敏"));
    QVERIFY(lastChange(*m_lead, from)->active);
    QVERIFY(m_leadLeg->waitToHear(kCustomerTone, kHeard));
    QVERIFY(m_leadLeg->waitToHear(kColleagueTone, kHeard));
    QTRY_VERIFY(!noticesOf(zhang).isEmpty() && noticesOf(zhang).last().active);

    // The call ends: so does the monitoring, and the lead's leg.
    QSignalSpy leadEnded(&m_leadLeg->link(), &qidong::core::MediaLink::ended);
    QCOMPARE(outcomeOf(zhang.call(method::InteractionEnd, InteractionRef{id}.toJson())),
             QStringLiteral("ok"));
    QTRY_VERIFY(!lastChange(*m_lead, from)->active);
    QCOMPARE(lastChange(*m_lead, from)->endReason, QStringLiteral("ended"));
    QTRY_COMPARE(leadEnded.size(), 1);
}

void tst_HubMonitor::agentsNeverGetAnotherAgentsAudio()
{
    QVERIFY(connectCall());
    const QString id = m_customer->conversationId;
    TestClient wang(m_hub->url());
    QVERIFY(wang.signIn(QStringLiteral("wang.wei")).has_value());
    // No ticket for someone else's call, and no monitoring for an agent.
    QCOMPARE(outcomeOf(wang.call(method::CallMedia, CallMediaParams{id}.toJson())),
             QStringLiteral("not_found"));
    QCOMPARE(outcomeOf(monitor(wang, method::MonitorStart, id, MonitorMode::Listen)),
             QStringLiteral("forbidden"));
    // A guessed token gets nothing.
    const std::optional<Monitoring> watching =
        monitoringIn(monitor(*m_lead, method::MonitorStart, id, MonitorMode::Listen).result);
    QVERIFY(watching && watching->ticket);
    MediaTicket forged = *watching->ticket;
    forged.token = QStringLiteral("not-a-token");
    VoiceLeg eavesdropper(9);
    QSignalSpy refused(&eavesdropper.link(), &qidong::core::MediaLink::ticketRefused);
    eavesdropper.open(forged.socketUrl());
    QTRY_COMPARE(refused.size(), 1);
    QTest::qWait(300);
    QVERIFY(eavesdropper.heard(kCustomerTone) < kAbsent);
    QVERIFY(eavesdropper.heard(kAgentTone) < kAbsent);
    // Nothing to monitor where nothing is open.
    QCOMPARE(outcomeOf(monitor(*m_lead, method::MonitorStart, QStringLiteral("nope"),
                               MonitorMode::Listen)),
             QStringLiteral("not_found"));
}

void tst_HubMonitor::chatIsReadCoachedAndJoined()
{
    QVERIFY(m_hub->start());
    m_lead = std::make_unique<TestClient>(m_hub->url());
    m_lina = std::make_unique<TestClient>(m_hub->url());
    QVERIFY(m_lead->signIn(QStringLiteral("zhou.hui")).has_value());
    QVERIFY(m_lina->signIn(QStringLiteral("li.na")).has_value());
    WebCustomer customer(*m_hub);
    QVERIFY(customer.start(QStringLiteral("陈女士")));
    QCOMPARE(
        outcomeOf(customer.send(QStringLiteral("我的流量包为什么没生效？"), QStringLiteral("c-1"))),
        QStringLiteral("ok"));
    QVERIFY(setReady(*m_lina));
    const std::optional<Interaction> chat =
        offeredIn(m_lina->waitForEvent(QString(event::InteractionOffered)));
    QVERIFY(chat.has_value());
    const QString id = chat->id;
    QCOMPARE(outcomeOf(m_lina->call(method::InteractionAccept, InteractionRef{id}.toJson())),
             QStringLiteral("ok"));

    // Listen: the transcript so far, then every line as it comes.
    const Response started = monitor(*m_lead, method::MonitorStart, id, MonitorMode::Listen);
    const std::optional<Monitoring> watching = monitoringIn(started.result);
    QVERIFY(watching.has_value());
    QVERIFY(!watching->ticket.has_value());
    QCOMPARE(watching->transcript.size(), 1);
    QCOMPARE(watching->transcript.first().text, QStringLiteral("我的流量包为什么没生效？"));
    qsizetype from = m_lead->events().size();
    QCOMPARE(
        outcomeOf(m_lina->call(method::ChatSend,
                               ChatSendParams{id, QStringLiteral("a-1"),
                                              QStringLiteral("您好，我帮您查一下"), std::nullopt}
                                   .toJson())),
        QStringLiteral("ok"));
    const std::optional<Event> line = m_lead->waitForEvent(QString(event::ChatMessage), 5000, from);
    QVERIFY(line.has_value());
    QCOMPARE(ChatMessage::fromJson(line->data.value(QLatin1StringView("message")).toObject())
                 .value()
                 .text,
             QStringLiteral("您好，我帮您查一下"));
    // Listening only: the lead neither writes to the customer nor coaches.
    QCOMPARE(outcomeOf(m_lead->call(
                 method::ChatSend,
                 ChatSendParams{id, QStringLiteral("s-0"), QStringLiteral("我是主管"), std::nullopt}
                     .toJson())),
             QStringLiteral("not_found"));
    QCOMPARE(outcomeOf(m_lead->call(method::MonitorWhisper,
                                    WhisperParams{id, QStringLiteral("先核实套餐")}.toJson())),
             QStringLiteral("invalid_transition"));

    // Whisper: a note the agent gets and the customer never does.
    QCOMPARE(outcomeOf(monitor(*m_lead, method::MonitorMode, id, MonitorMode::Whisper)),
             QStringLiteral("ok"));
    qsizetype linaFrom = m_lina->events().size();
    QCOMPARE(outcomeOf(m_lead->call(
                 method::MonitorWhisper,
                 WhisperParams{id, QStringLiteral("先核实套餐生效时间，再道歉")}.toJson())),
             QStringLiteral("ok"));
    const std::optional<Event> note =
        m_lina->waitForEvent(QString(event::MonitorWhisper), 5000, linaFrom);
    QVERIFY(note.has_value());
    const Result<WhisperNote> whisper = WhisperNote::fromJson(note->data);
    QVERIFY(whisper.ok());
    QCOMPARE(whisper.value().text, QStringLiteral("先核实套餐生效时间，再道歉"));
    QCOMPARE(whisper.value().supervisorName, QStringLiteral("周慧"));
    QCOMPARE(m_hub->auditCount(QStringLiteral("monitor.whisper"), id), 1);

    // Barge: the lead writes to the customer, as a team lead; both see it.
    QCOMPARE(outcomeOf(monitor(*m_lead, method::MonitorMode, id, MonitorMode::Barge)),
             QStringLiteral("ok"));
    linaFrom = m_lina->events().size();
    const qsizetype customerFrom = customer.socket.events().size();
    const Response joined =
        m_lead->call(method::ChatSend,
                     ChatSendParams{id, QStringLiteral("s-1"),
                                    QStringLiteral("陈女士您好，我是值班主管周慧"), std::nullopt}
                         .toJson());
    QCOMPARE(outcomeOf(joined), QStringLiteral("ok"));
    const std::optional<Event> atCustomer =
        customer.socket.waitForEvent(QString(event::ChatMessage), 5000, customerFrom);
    QVERIFY(atCustomer.has_value());
    const ChatMessage seen =
        ChatMessage::fromJson(atCustomer->data.value(QLatin1StringView("message")).toObject())
            .value();
    QCOMPARE(seen.sender, Sender::Supervisor);
    QCOMPARE(seen.senderName, QStringLiteral("周慧"));
    const std::optional<Event> atAgent =
        m_lina->waitForEvent(QString(event::ChatMessage), 5000, linaFrom);
    QVERIFY(atAgent.has_value());

    // The customer never got the whisper: not as an event, not in history.
    for (const Event& event : customer.socket.events()) {
        QVERIFY(!event.name.startsWith(QStringLiteral("monitor.")));
        QVERIFY(!QJsonDocument(event.data).toJson().contains("先核实套餐"));
    }
    const Response history = m_lina->call(method::ChatHistory, ChatHistoryParams{id}.toJson());
    QVERIFY(!QJsonDocument(history.result).toJson().contains("先核实套餐"));

    // The chat ends: the monitoring with it.
    from = m_lead->events().size();
    QCOMPARE(outcomeOf(m_lina->call(method::InteractionEnd, InteractionRef{id}.toJson())),
             QStringLiteral("ok"));
    QTRY_VERIFY(lastChange(*m_lead, from) && !lastChange(*m_lead, from)->active);
    QCOMPARE(lastChange(*m_lead, from)->endReason, QStringLiteral("ended"));
    QCOMPARE(outcomeOf(m_lead->call(
                 method::ChatSend,
                 ChatSendParams{id, QStringLiteral("s-2"), QStringLiteral("还在吗"), std::nullopt}
                     .toJson())),
             QStringLiteral("not_found"));
}

void tst_HubMonitor::policyCanKeepAgentsUntold()
{
    QVERIFY(connectCall({QStringLiteral("--monitor-notice"), QStringLiteral("off")}));
    const QString id = m_customer->conversationId;
    const std::optional<Monitoring> watching =
        monitoringIn(monitor(*m_lead, method::MonitorStart, id, MonitorMode::Listen).result);
    QVERIFY(watching.has_value());
    QVERIFY(!watching->agentNotified);
    QCOMPARE(outcomeOf(monitor(*m_lead, method::MonitorMode, id, MonitorMode::Whisper)),
             QStringLiteral("ok"));
    QCOMPARE(outcomeOf(m_lead->call(method::MonitorStop, {{QStringLiteral("interactionId"), id}})),
             QStringLiteral("ok"));
    QTest::qWait(300);
    QVERIFY(noticesOf(*m_lina).isEmpty());
}

QTEST_GUILESS_MAIN(tst_HubMonitor)
#include "tst_HubMonitor.moc"
