#include "HubProcess.h"
#include "TestClient.h"
#include "WebCustomer.h"
#include "protocol/Chat.h"
#include "protocol/CloseCode.h"
#include "protocol/Floor.h"
#include "protocol/Names.h"

#include <QJsonArray>
#include <QtTest/QTest>

using namespace qidong::protocol;
using namespace qidong::test;

namespace {

const QString kLina = QStringLiteral("u1001");
const QString kWangWei = QStringLiteral("u1002");

CreateInteractionParams chatIn(const QString& queueId, const QString& offerTo = {})
{
    CreateInteractionParams params;
    params.channel = queueId == QStringLiteral("social-care") ? Channel::Social : Channel::Chat;
    params.queueId = queueId;
    params.customer = CustomerRef{
        {}, QStringLiteral("陈女士"), QStringLiteral("wechat"), QStringLiteral("chen***")};
    params.offerTo = offerTo;
    return params;
}

// Applies every floor.delta among `events` from `from` on.
void applyDeltas(FloorView& view, const QList<Event>& events, qsizetype from = 0)
{
    for (qsizetype i = from; i < events.size(); ++i) {
        if (events.at(i).name != event::FloorDelta)
            continue;
        Result<FloorDelta> delta = FloorDelta::fromJson(events.at(i).data);
        QVERIFY2(delta.ok(), delta.ok() ? "" : qPrintable(delta.error().message));
        view.apply(delta.value());
    }
}

const FloorAgentRow* rowOf(const FloorView& view, const QString& agentId)
{
    for (const FloorAgentRow& row : view.agents) {
        if (row.agentId == agentId)
            return &row;
    }
    return nullptr;
}

} // namespace

// The supervisor's side of a real hub: only team leads may watch the floor
// or act on agents; the floor arrives as a snapshot plus coalesced deltas
// that survive a reconnect; forced states, sign-outs, reassignments and
// day changes to skills take effect and are audited with the reason.
class tst_HubFloor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void supervisorMethodsAreForbiddenToAgents();
    void snapshotThenDeltasFollowTheFloor();
    void resumeAfterADropLosesNoDelta();
    void forcedNotReadyWaitsForBusyWorkToEnd();
    void forcedSignOutClosesTheDesktop();
    void waitingWorkIsReassigned();
    void skillsAndCapacityChangeForTheDay();
    void intradayCountsToday();
    void agentsNeverSeeAnotherAgentsConversation();
    void alertsReachTheFloorAndAreAcknowledged();

private:
    FloorView subscribe(TestClient& client);
    // 李娜, ready, is offered an online chat and accepts it: its id ("" if not).
    QString linaTakesAChat();
    bool linaFinishes(const QString& id);

    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<TestClient> m_lead;
    std::unique_ptr<TestClient> m_lina;
    std::unique_ptr<TestClient> m_admin;
};

void tst_HubFloor::initTestCase()
{
    m_hub = std::make_unique<HubProcess>();
    QVERIFY2(m_hub->start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("60000"),
                           QStringLiteral("--floor-interval-ms"), QStringLiteral("100"),
                           QStringLiteral("--alert-not-ready-s"), QStringLiteral("2")}),
             m_hub->log().constData());
    m_lead = std::make_unique<TestClient>(m_hub->url());
    QVERIFY(m_lead->signIn(QStringLiteral("zhou.hui")).has_value());
    m_lina = std::make_unique<TestClient>(m_hub->url());
    QVERIFY(m_lina->signIn(QStringLiteral("li.na")).has_value());
    m_admin = std::make_unique<TestClient>(m_hub->url());
    QVERIFY(m_admin->signIn(QStringLiteral("admin")).has_value());
}

void tst_HubFloor::cleanupTestCase()
{
    m_admin.reset();
    m_lina.reset();
    m_lead.reset();
    m_hub.reset();
}

FloorView tst_HubFloor::subscribe(TestClient& client)
{
    const Response answer = client.call(method::FloorSubscribe);
    if (answer.error)
        return {};
    Result<FloorView> view =
        FloorView::fromJson(answer.result.value(QLatin1StringView("view")).toObject());
    return view ? view.value() : FloorView{};
}

QString tst_HubFloor::linaTakesAChat()
{
    const qsizetype from = m_lina->events().size();
    if (outcomeOf(
            m_lina->call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())) !=
            QStringLiteral("ok") ||
        outcomeOf(m_admin->call(
            method::AdminCreateInteraction,
            chatIn(QStringLiteral("online-chat"), QStringLiteral("li.na")).toJson())) !=
            QStringLiteral("ok"))
        return {};
    const std::optional<Event> offered =
        m_lina->waitForEvent(QString(event::InteractionOffered), 10000, from);
    if (!offered)
        return {};
    const QString id = offered->data.value(QLatin1StringView("interaction"))
                           .toObject()
                           .value(QLatin1StringView("id"))
                           .toString();
    return outcomeOf(m_lina->call(method::InteractionAccept, InteractionRef{id}.toJson())) ==
                   QStringLiteral("ok")
               ? id
               : QString();
}

bool tst_HubFloor::linaFinishes(const QString& id)
{
    return outcomeOf(m_lina->call(method::InteractionEnd, InteractionRef{id}.toJson())) ==
               QStringLiteral("ok") &&
           outcomeOf(m_lina->call(method::InteractionWrapUp,
                                  WrapUpParams{id, QStringLiteral("resolved")}.toJson())) ==
               QStringLiteral("ok");
}

void tst_HubFloor::supervisorMethodsAreForbiddenToAgents()
{
    const QJsonObject someAgent{{QStringLiteral("agentId"), kWangWei},
                                {QStringLiteral("presence"), QStringLiteral("notReady")},
                                {QStringLiteral("reason"), QStringLiteral("lunch")},
                                {QStringLiteral("why"), QStringLiteral("test")}};
    const QList<std::pair<QLatin1StringView, QJsonObject>> calls{
        {method::FloorSubscribe, {}},
        {method::FloorUnsubscribe, {}},
        {method::FloorAgents, {}},
        {method::FloorIntraday, {}},
        {method::FloorWaiting, {{QStringLiteral("queueId"), QStringLiteral("en-care")}}},
        {method::AgentForceState, someAgent},
        {method::AgentForceSignOut, someAgent},
        {method::AgentAdjust, someAgent},
        {method::AlertList, {}},
        {method::AlertAcknowledge, {{QStringLiteral("id"), 1}}},
        {method::AlertAssign, {{QStringLiteral("id"), 1}, {QStringLiteral("agentId"), kLina}}},
        {method::MonitorStart,
         {{QStringLiteral("interactionId"), QStringLiteral("i-1")},
          {QStringLiteral("mode"), QStringLiteral("listen")}}},
        {method::MonitorMode,
         {{QStringLiteral("interactionId"), QStringLiteral("i-1")},
          {QStringLiteral("mode"), QStringLiteral("barge")}}},
        {method::MonitorStop, {{QStringLiteral("interactionId"), QStringLiteral("i-1")}}},
        {method::MonitorWhisper,
         {{QStringLiteral("interactionId"), QStringLiteral("i-1")},
          {QStringLiteral("text"), QStringLiteral("hi")}}},
        {method::InteractionReassign,
         {{QStringLiteral("interactionId"), QStringLiteral("i-1")},
          {QStringLiteral("toQueueId"), QStringLiteral("cn-voice")},
          {QStringLiteral("why"), QStringLiteral("test")}}},
    };
    TestClient stranger(m_hub->url());
    QVERIFY(stranger.open());
    QVERIFY(stranger.hello());
    for (const auto& [name, params] : calls) {
        QCOMPARE(outcomeOf(m_lina->call(name, params)), QStringLiteral("forbidden"));
        QCOMPARE(outcomeOf(stranger.call(name, params)), QStringLiteral("unauthenticated"));
    }
    QCOMPARE(m_hub->auditCount(QStringLiteral("agent.forceState"), kWangWei), 0);
    // Admins watch the floor too.
    QCOMPARE(outcomeOf(m_admin->call(method::FloorAgents)), QStringLiteral("ok"));
}

void tst_HubFloor::snapshotThenDeltasFollowTheFloor()
{
    FloorView view = subscribe(*m_lead);
    QCOMPARE(view.agents.size(), 9); // 8 agents and the supervisor; admins take no work
    QVERIFY(view.queues.size() >= 5);
    QVERIFY(view.dayStartedAt > 0 && view.weekStartedAt <= view.dayStartedAt);
    const qsizetype from = m_lead->events().size();

    const QString id = linaTakesAChat();
    QVERIFY(!id.isEmpty());

    // The supervisor's copy catches up through deltas alone.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            FloorView copy = view;
            applyDeltas(copy, m_lead->events(), from);
            const FloorAgentRow* lina = rowOf(copy, kLina);
            return lina && lina->state.presence == Presence::Busy && lina->work.size() == 1 &&
                   lina->work.constFirst().interactionId == id;
        }(),
        5000);
    // Coalesced: far fewer deltas than changes would be one by one.
    applyDeltas(view, m_lead->events(), from);
    // A fresh snapshot flushes what is pending first, so the copy kept by
    // deltas equals it once those are applied.
    const qsizetype before = m_lead->events().size();
    const FloorView fresh = subscribe(*m_lead);
    applyDeltas(view, m_lead->events(), before);
    QCOMPARE(view.toJson(), fresh.toJson());
    const FloorQueue* chat = nullptr;
    for (const FloorQueue& queue : fresh.queues) {
        if (queue.queueId == QStringLiteral("online-chat"))
            chat = &queue;
    }
    QVERIFY(chat);
    QVERIFY(chat->offered >= 1);
    QVERIFY(chat->answered >= 1);
    QVERIFY(chat->busy >= 1);

    // Events of other agents' states come as floor rows now, not one by one.
    for (qsizetype i = from; i < m_lead->events().size(); ++i) {
        const Event& event = m_lead->events().at(i);
        if (event.name == event::AgentStateChanged)
            QVERIFY(event.data.value(QLatin1StringView("agentId")).toString() != kLina);
    }

    // Finish the work for the tests that follow.
    QVERIFY(linaFinishes(id));
}

void tst_HubFloor::resumeAfterADropLosesNoDelta()
{
    TestClient lead(m_hub->url());
    const std::optional<SessionGrant> grant = lead.signIn(QStringLiteral("zhou.hui"));
    QVERIFY(grant.has_value());
    m_lead.reset(); // the earlier desktop of the same person was replaced
    FloorView view = subscribe(lead);
    QVERIFY(!view.agents.isEmpty());
    QTest::qWait(300);
    applyDeltas(view, lead.events());
    const qint64 lastSeen = lead.lastSeq();
    lead.drop();

    // While the supervisor is away, li.na changes state three times.
    for (const SetStateParams& change :
         {SetStateParams{Presence::NotReady, QStringLiteral("break")},
          SetStateParams{Presence::Ready, {}},
          SetStateParams{Presence::NotReady, QStringLiteral("training")}})
        QCOMPARE(outcomeOf(m_lina->call(method::AgentSetState, change.toJson())),
                 QStringLiteral("ok"));
    QTest::qWait(400); // the feed sends its deltas into the session's buffer

    TestClient back(m_hub->url());
    QVERIFY(back.open());
    QVERIFY(back.hello());
    const Response resumed =
        back.call(method::SessionResume, ResumeParams{grant->sessionToken, lastSeen}.toJson());
    QCOMPARE(outcomeOf(resumed), QStringLiteral("ok"));
    QCOMPARE(resumed.result.value(QLatin1StringView("mode")).toString(), QStringLiteral("replay"));
    QTRY_VERIFY(back.lastSeq() >= resumed.result.value(QLatin1StringView("seq")).toInteger());
    applyDeltas(view, back.events());
    const FloorAgentRow* lina = rowOf(view, kLina);
    QVERIFY(lina);
    QCOMPARE(lina->state.presence, Presence::NotReady);
    QCOMPARE(lina->state.reasonCode, QStringLiteral("training"));

    // Still subscribed after the resume: new changes keep coming.
    const qsizetype from = back.events().size();
    QCOMPARE(outcomeOf(
                 m_lina->call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
             QStringLiteral("ok"));
    QVERIFY(back.waitForEvent(QString(event::FloorDelta), 5000, from).has_value());
    m_lead = std::make_unique<TestClient>(m_hub->url());
    QVERIFY(m_lead->signIn(QStringLiteral("zhou.hui")).has_value());
}

void tst_HubFloor::forcedNotReadyWaitsForBusyWorkToEnd()
{
    const QString id = linaTakesAChat();
    QVERIFY(!id.isEmpty());

    ForceStateParams force{kLina, Presence::NotReady, QStringLiteral("coaching"),
                           QStringLiteral("一对一辅导 coaching session")};
    // Without a reason for the audit log it is refused.
    QJsonObject unexplained = force.toJson();
    unexplained.remove(QStringLiteral("why"));
    QCOMPARE(outcomeOf(m_lead->call(method::AgentForceState, unexplained)),
             QStringLiteral("invalid_params"));
    QJsonObject busy = force.toJson();
    busy.insert(QStringLiteral("presence"), QStringLiteral("busy"));
    QCOMPARE(outcomeOf(m_lead->call(method::AgentForceState, busy)),
             QStringLiteral("invalid_params"));
    QJsonObject nobody = force.toJson();
    nobody.insert(QStringLiteral("agentId"), QStringLiteral("u9999"));
    QCOMPARE(outcomeOf(m_lead->call(method::AgentForceState, nobody)), QStringLiteral("not_found"));
    QCOMPARE(m_hub->auditCount(QStringLiteral("agent.forceState"), kLina), 0);

    const qsizetype seen = m_lina->events().size();
    const Response forced = m_lead->call(method::AgentForceState, force.toJson());
    QCOMPARE(outcomeOf(forced), QStringLiteral("ok"));
    QCOMPARE(forced.result.value(QLatin1StringView("queued")).toBool(), true);
    QCOMPARE(m_hub->auditCount(QStringLiteral("agent.forceState"), kLina), 1);
    // The agent's desktop hears it, and from whom.
    const std::optional<Event> told =
        m_lina->waitForEvent(QString(event::AgentStateChanged), 5000, seen);
    QVERIFY(told.has_value());
    QCOMPARE(told->data.value(QLatin1StringView("cause")).toString(), QStringLiteral("supervisor"));

    QVERIFY(linaFinishes(id));
    const std::optional<FloorAgentRow> after = m_lead->floorAgent(QStringLiteral("li.na"));
    QVERIFY(after.has_value());
    QCOMPARE(after->state.presence, Presence::NotReady);
    QCOMPARE(after->state.reasonCode, QStringLiteral("coaching"));
    QVERIFY(after->handled >= 2);
}

void tst_HubFloor::forcedSignOutClosesTheDesktop()
{
    TestClient wang(m_hub->url());
    QVERIFY(wang.signIn(QStringLiteral("wang.wei")).has_value());
    QVERIFY(m_lead->floorAgent(QStringLiteral("wang.wei"))->connected);
    const Response out = m_lead->call(
        method::AgentForceSignOut,
        ForceSignOutParams{kWangWei, QStringLiteral("离开工位未登出 left the desk")}.toJson());
    QCOMPARE(outcomeOf(out), QStringLiteral("ok"));
    QCOMPARE(out.result.value(QLatin1StringView("sessionsEnded")).toInt(), 1);
    QVERIFY(wang.waitForDisconnected());
    QCOMPARE(wang.closeCode(), int(CloseCode::SignedOut));
    const std::optional<FloorAgentRow> row = m_lead->floorAgent(QStringLiteral("wang.wei"));
    QCOMPARE(row->state.presence, Presence::Offline);
    QVERIFY(!row->connected);
    QCOMPARE(m_hub->auditCount(QStringLiteral("agent.forceSignOut"), kWangWei), 1);
    // A team lead signs themselves out the usual way.
    QCOMPARE(outcomeOf(m_lead->call(
                 method::AgentForceSignOut,
                 ForceSignOutParams{QStringLiteral("u2001"), QStringLiteral("x")}.toJson())),
             QStringLiteral("invalid_params"));
}

void tst_HubFloor::waitingWorkIsReassigned()
{
    // Nobody signed in speaks English: it waits in en-care.
    QCOMPARE(outcomeOf(m_lina->call(
                 method::AgentSetState,
                 SetStateParams{Presence::NotReady, QStringLiteral("lunch")}.toJson())),
             QStringLiteral("ok"));
    const Response created =
        m_admin->call(method::AdminCreateInteraction, chatIn(QStringLiteral("en-care")).toJson());
    QCOMPARE(outcomeOf(created), QStringLiteral("ok"));
    const QString id = created.result.value(QLatin1StringView("interaction"))
                           .toObject()
                           .value(QLatin1StringView("id"))
                           .toString();
    QVERIFY(!id.isEmpty());

    const Response waiting = m_lead->call(method::FloorWaiting,
                                          {{QStringLiteral("queueId"), QStringLiteral("en-care")}});
    QCOMPARE(outcomeOf(waiting), QStringLiteral("ok"));
    const QJsonArray list = waiting.result.value(QLatin1StringView("interactions")).toArray();
    QVERIFY(std::any_of(list.cbegin(), list.cend(), [&](const QJsonValue& value) {
        return value.toObject().value(QLatin1StringView("id")).toString() == id;
    }));
    ReassignParams toQueue{id, QStringLiteral("online-chat"), {}, QStringLiteral("英文组无人")};
    const Response moved = m_lead->call(method::InteractionReassign, toQueue.toJson());
    QCOMPARE(outcomeOf(moved), QStringLiteral("ok"));
    QCOMPARE(moved.result.value(QLatin1StringView("interaction"))
                 .toObject()
                 .value(QLatin1StringView("queueId"))
                 .toString(),
             QStringLiteral("online-chat"));
    QCOMPARE(m_hub->auditCount(QStringLiteral("interaction.reassign"), id), 1);

    // To one agent by name: offered to her when she is ready, skills or not.
    ReassignParams toLina{id, {}, kLina, QStringLiteral("她会处理 she knows this customer")};
    QCOMPARE(outcomeOf(m_lead->call(method::InteractionReassign, toLina.toJson())),
             QStringLiteral("ok"));
    const qsizetype from = m_lina->events().size();
    QCOMPARE(outcomeOf(
                 m_lina->call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
             QStringLiteral("ok"));
    const std::optional<Event> offered =
        m_lina->waitForEvent(QString(event::InteractionOffered), 10000, from);
    QVERIFY(offered.has_value());
    QCOMPARE(offered->data.value(QLatin1StringView("interaction"))
                 .toObject()
                 .value(QLatin1StringView("id"))
                 .toString(),
             id);
    QCOMPARE(outcomeOf(m_lina->call(method::InteractionAccept, InteractionRef{id}.toJson())),
             QStringLiteral("ok"));

    // Work in hand is not reassigned; both targets at once are refused.
    QCOMPARE(outcomeOf(m_lead->call(method::InteractionReassign, toQueue.toJson())),
             QStringLiteral("invalid_transition"));
    QJsonObject both = toQueue.toJson();
    both.insert(QStringLiteral("toAgentId"), kLina);
    QCOMPARE(outcomeOf(m_lead->call(method::InteractionReassign, both)),
             QStringLiteral("invalid_params"));
    QVERIFY(linaFinishes(id));
}

void tst_HubFloor::skillsAndCapacityChangeForTheDay()
{
    AdjustAgentParams adjust;
    adjust.agentId = kLina;
    adjust.capacity = QHash<Channel, int>{{Channel::Chat, 1}};
    adjust.skills = QList<Skill>{{QStringLiteral("english"), 6}, {QStringLiteral("retail"), 5}};
    adjust.why = QStringLiteral("英文组缺人 cover English care today");
    const Response changed = m_lead->call(method::AgentAdjust, adjust.toJson());
    QCOMPARE(outcomeOf(changed), QStringLiteral("ok"));
    Result<Agent> agent =
        Agent::fromJson(changed.result.value(QLatin1StringView("agent")).toObject());
    QVERIFY(agent.ok());
    QCOMPARE(agent.value().capacityFor(Channel::Chat), 1);
    QCOMPARE(agent.value().skills.size(), 2);
    QCOMPARE(m_lead->floorAgent(QStringLiteral("li.na"))->skills, *adjust.skills);
    QCOMPARE(m_hub->auditCount(QStringLiteral("agent.adjust"), kLina), 1);

    QJsonObject nothing{{QStringLiteral("agentId"), kLina},
                        {QStringLiteral("why"), QStringLiteral("x")}};
    QCOMPARE(outcomeOf(m_lead->call(method::AgentAdjust, nothing)),
             QStringLiteral("invalid_params"));
    QJsonObject tooMany = adjust.toJson();
    tooMany.insert(QStringLiteral("capacity"), QJsonObject{{QStringLiteral("chat"), 99}});
    QCOMPARE(outcomeOf(m_lead->call(method::AgentAdjust, tooMany)),
             QStringLiteral("invalid_params"));

    AdjustAgentParams reset;
    reset.agentId = kLina;
    reset.reset = true;
    reset.why = QStringLiteral("back to normal");
    QCOMPARE(outcomeOf(m_lead->call(method::AgentAdjust, reset.toJson())), QStringLiteral("ok"));
    const std::optional<FloorAgentRow> lina = m_lead->floorAgent(QStringLiteral("li.na"));
    QCOMPARE(lina->skills.size(), 4); // her own: roaming, billing, retail, social
    QCOMPARE(m_hub->auditCount(QStringLiteral("agent.adjust"), kLina), 2);
}

void tst_HubFloor::intradayCountsToday()
{
    const Response all = m_lead->call(method::FloorIntraday);
    QCOMPARE(outcomeOf(all), QStringLiteral("ok"));
    Result<IntradayReport> report = IntradayReport::fromJson(all.result);
    QVERIFY(report.ok());
    QVERIFY(!report.value().slots.isEmpty());
    int offered = 0;
    for (const IntradaySlot& slot : report.value().slots)
        offered += slot.offered;
    QVERIFY(offered >= 3); // the chats of this test, and the demo's contacts of today
    QCOMPARE(outcomeOf(m_lead->call(method::FloorIntraday,
                                    {{QStringLiteral("queueId"), QStringLiteral("nope")}})),
             QStringLiteral("invalid_params"));
}

void tst_HubFloor::agentsNeverSeeAnotherAgentsConversation()
{
    TestClient wang(m_hub->url());
    QVERIFY(wang.signIn(QStringLiteral("wang.wei")).has_value());
    const QString id = linaTakesAChat();
    QVERIFY(!id.isEmpty());
    QCOMPARE(
        outcomeOf(m_lina->call(method::ChatSend,
                               ChatSendParams{id, QStringLiteral("m-1"),
                                              QStringLiteral("您好，李娜为您服务"), std::nullopt}
                                   .toJson())),
        QStringLiteral("ok"));
    const QString outcome =
        outcomeOf(wang.call(method::ChatHistory, ChatHistoryParams{id}.toJson()));
    QVERIFY2(outcome == QStringLiteral("forbidden") || outcome == QStringLiteral("not_found"),
             qPrintable(outcome));
    QTest::qWait(200);
    for (const Event& event : wang.events())
        QVERIFY(!event.name.startsWith(QStringLiteral("chat.")));
}

void tst_HubFloor::alertsReachTheFloorAndAreAcknowledged()
{
    (void)subscribe(*m_lead);
    const auto alertOf = [](const Event& event) {
        return FloorAlert::fromJson(event.data.value(QLatin1StringView("alert")).toObject());
    };
    const auto waitForAlert = [&](const QString& kind, qsizetype from, int timeoutMs) {
        std::optional<FloorAlert> found;
        (void)QTest::qWaitFor(
            [&] {
                for (qsizetype i = from; i < m_lead->events().size() && !found; ++i) {
                    const Event& event = m_lead->events().at(i);
                    if (event.name != event::FloorAlert)
                        continue;
                    Result<FloorAlert> alert = alertOf(event);
                    if (alert && alert.value().kind == kind)
                        found = alert.value();
                }
                return found.has_value();
            },
            timeoutMs);
        return found;
    };

    // The agent's button.
    qsizetype from = m_lead->events().size();
    QCOMPARE(outcomeOf(m_lina->call(
                 method::AgentRequestHelp,
                 {{QStringLiteral("kind"), QStringLiteral("help")},
                  {QStringLiteral("note"), QStringLiteral("客户要求赔偿，超出权限")}})),
             QStringLiteral("ok"));
    const std::optional<FloorAlert> help =
        waitForAlert(QStringLiteral("helpRequested"), from, 5000);
    QVERIFY(help.has_value());
    QCOMPARE(help->agentId, kLina);
    QCOMPARE(help->severity, QStringLiteral("critical"));
    QCOMPARE(help->detail, QStringLiteral("客户要求赔偿，超出权限"));
    QCOMPARE(outcomeOf(m_lina->call(method::AgentRequestHelp,
                                    {{QStringLiteral("kind"), QStringLiteral("panic")}})),
             QStringLiteral("invalid_params"));
    QCOMPARE(outcomeOf(m_lina->call(method::AgentRequestHelp,
                                    {{QStringLiteral("kind"), QStringLiteral("abusive")},
                                     {QStringLiteral("interactionId"), QStringLiteral("i-nope")}})),
             QStringLiteral("not_found"));

    // Acknowledged by the lead: every watcher hears it, and it is audited.
    from = m_lead->events().size();
    const Response acknowledged =
        m_lead->call(method::AlertAcknowledge, {{QStringLiteral("id"), help->id}});
    QCOMPARE(outcomeOf(acknowledged), QStringLiteral("ok"));
    QTRY_VERIFY(std::any_of(
        m_lead->events().cbegin() + from, m_lead->events().cend(), [&](const Event& event) {
            const Result<FloorAlert> alert = alertOf(event);
            return event.name == event::FloorAlert && alert && alert.value().id == help->id &&
                   alert.value().acknowledgedBy == QStringLiteral("u2001");
        }));
    QCOMPARE(m_hub->auditCount(QStringLiteral("alert.acknowledge"), QString::number(help->id)), 1);
    QCOMPARE(outcomeOf(m_lead->call(method::AlertAcknowledge, {{QStringLiteral("id"), 999999}})),
             QStringLiteral("not_found"));

    // The text-quality monitor: a customer threatens to go to the regulator.
    from = m_lead->events().size();
    WebCustomer angry(*m_hub);
    QVERIFY(angry.start(QStringLiteral("赵先生")));
    QCOMPARE(outcomeOf(angry.send(QStringLiteral("再不解决我就去12315投诉，还要找媒体曝光！"),
                                  QStringLiteral("w-1"))),
             QStringLiteral("ok"));
    const std::optional<FloorAlert> keyword = waitForAlert(QStringLiteral("keyword"), from, 5000);
    QVERIFY(keyword.has_value());
    QCOMPARE(keyword->interactionId, angry.conversationId);
    QVERIFY2(keyword->detail.startsWith(QStringLiteral("publicity: ")),
             qPrintable(keyword->detail));
    // The same threat again is the same alert, not a new one.
    QCOMPARE(outcomeOf(angry.send(QStringLiteral("我说了，要曝光"), QStringLiteral("w-2"))),
             QStringLiteral("ok"));
    QTest::qWait(300);
    const Response listed = m_lead->call(method::AlertList);
    int keywordAlerts = 0;
    for (const QJsonValue& value : listed.result.value(QLatin1StringView("alerts")).toArray()) {
        const QJsonObject alert = value.toObject();
        keywordAlerts +=
            alert.value(QLatin1StringView("kind")).toString() == QStringLiteral("keyword") &&
                    alert.value(QLatin1StringView("interactionId")).toString() ==
                        angry.conversationId
                ? 1
                : 0;
    }
    QCOMPARE(keywordAlerts, 1);

    // An agent Not Ready longer than the site allows (2 s in this hub).
    TestClient zhang(m_hub->url());
    QVERIFY(zhang.signIn(QStringLiteral("zhang.min")).has_value());
    from = m_lead->events().size();
    QCOMPARE(
        outcomeOf(zhang.call(method::AgentSetState,
                             SetStateParams{Presence::NotReady, QStringLiteral("break")}.toJson())),
        QStringLiteral("ok"));
    const std::optional<FloorAlert> idle =
        waitForAlert(QStringLiteral("notReadyTooLong"), from, 6000);
    QVERIFY(idle.has_value());
    QCOMPARE(idle->agentId, QStringLiteral("u1003"));

    // A caller waits in Roaming VIP (SLA 10 s) with nobody ready for it:
    // first the queue is at risk, then the call is past its SLA.
    from = m_lead->events().size();
    CreateInteractionParams call;
    call.channel = Channel::Voice;
    call.queueId = QStringLiteral("roaming-vip");
    call.customer = CustomerRef{
        {}, QStringLiteral("孙先生"), QStringLiteral("phone"), QStringLiteral("139****0000")};
    QCOMPARE(outcomeOf(m_admin->call(method::AdminCreateInteraction, call.toJson())),
             QStringLiteral("ok"));
    const std::optional<FloorAlert> risk = waitForAlert(QStringLiteral("slaRisk"), from, 15000);
    QVERIFY(risk.has_value());
    QCOMPARE(risk->queueId, QStringLiteral("roaming-vip"));
    const std::optional<FloorAlert> late =
        waitForAlert(QStringLiteral("waitingOverSla"), from, 15000);
    QVERIFY(late.has_value());
    QCOMPARE(late->queueId, QStringLiteral("roaming-vip"));

    // Assigned to someone to handle, audited.
    QCOMPARE(outcomeOf(m_lead->call(method::AlertAssign, {{QStringLiteral("id"), late->id},
                                                          {QStringLiteral("agentId"), kLina}})),
             QStringLiteral("ok"));
    QCOMPARE(m_hub->auditCount(QStringLiteral("alert.assign"), QString::number(late->id)), 1);
}

QTEST_GUILESS_MAIN(tst_HubFloor)
#include "tst_HubFloor.moc"
