#include "HubProcess.h"
#include "TestClient.h"
#include "protocol/Names.h"

#include <QJsonArray>
#include <QtTest/QTest>

using namespace qidong::protocol;
using namespace qidong::test;

namespace {

CreateInteractionParams weiboComplaint(const QString& offerTo = {})
{
    CreateInteractionParams params;
    params.channel = Channel::Social;
    params.queueId = QStringLiteral("social-care");
    params.customer = CustomerRef{
        {}, QStringLiteral("王先生"), QStringLiteral("weibo"), QStringLiteral("@wang***")};
    params.offerTo = offerTo;
    return params;
}

} // namespace

// Offers, accept / reject / ring-out (RONA), end and wrap-up, against a
// real hub, with interactions created through the admin-only method.
class tst_HubInteractions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void onlyAdminsCreateInteractions();
    void acceptEndAndWrapUpDriveTheAgentState();
    void rejectedOfferGoesBackToTheQueue();
    void offerThatRingsOutMakesTheAgentNotReady();
    void offersNeedAReadyConnectedAgent();
    void otherAgentsCannotTouchIt();
    void openInteractionsSurviveAHubCrash();
    void wrapUpThatRunsLongMovesTheAgentToAcwOverflow();

private:
    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<TestClient> m_admin;
};

void tst_HubInteractions::init()
{
    m_hub = std::make_unique<HubProcess>();
    QVERIFY(m_hub->start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("800")}));
    m_admin = std::make_unique<TestClient>(m_hub->url());
    QVERIFY(m_admin->signIn(QStringLiteral("admin")).has_value());
}

void tst_HubInteractions::cleanup()
{
    m_admin.reset();
    m_hub.reset();
}

void tst_HubInteractions::onlyAdminsCreateInteractions()
{
    TestClient agent(m_hub->url());
    QVERIFY(agent.signIn(QStringLiteral("li.na")).has_value());
    QCOMPARE(outcomeOf(agent.call(method::AdminCreateInteraction, weiboComplaint().toJson())),
             QStringLiteral("forbidden"));
    const Response created =
        m_admin->call(method::AdminCreateInteraction, weiboComplaint().toJson());
    const std::optional<Interaction> interaction = interactionIn(created);
    QVERIFY(interaction.has_value());
    QCOMPARE(interaction->state, InteractionState::Queued);
    QCOMPARE(interaction->priority, 70); // the social queue's priority
    QVERIFY(interaction->slaDeadlineMs - interaction->createdAtMs == 900 * 1000);
    CreateInteractionParams noQueue = weiboComplaint();
    noQueue.queueId = QStringLiteral("fax");
    QCOMPARE(outcomeOf(m_admin->call(method::AdminCreateInteraction, noQueue.toJson())),
             QStringLiteral("invalid_params"));
}

void tst_HubInteractions::acceptEndAndWrapUpDriveTheAgentState()
{
    TestClient agent(m_hub->url());
    QVERIFY(agent.signIn(QStringLiteral("liu.yang")).has_value());
    QCOMPARE(
        outcomeOf(agent.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));
    const Response created = m_admin->call(method::AdminCreateInteraction,
                                           weiboComplaint(QStringLiteral("liu.yang")).toJson());
    QVERIFY(created.result.value(QLatin1StringView("offered")).toBool());
    const std::optional<Event> offered = agent.waitForEvent(QString(event::InteractionOffered));
    QVERIFY(offered.has_value());
    Result<InteractionOffer> offer = InteractionOffer::fromJson(offered->data);
    QVERIFY(offer.ok());
    QCOMPARE(offer.value().interaction.customer.displayName, QStringLiteral("王先生"));
    QCOMPARE(offer.value().interaction.state, InteractionState::Offered);
    QVERIFY(offer.value().expiresAtMs > QDateTime::currentMSecsSinceEpoch());
    const QString id = offer.value().interaction.id;

    // The agent changes their mind about lunch while working: it waits.
    QCOMPARE(outcomeOf(agent.call(method::InteractionAccept, InteractionRef{id}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(presenceOf(agent), Presence::Busy);
    QCOMPARE(
        outcomeOf(agent.call(method::AgentSetState,
                             SetStateParams{Presence::NotReady, QStringLiteral("lunch")}.toJson())),
        QStringLiteral("ok"));
    QCOMPARE(presenceOf(agent), Presence::Busy);
    QTest::qWait(1200); // past the offer timeout: an accepted offer does not ring out
    QCOMPARE(presenceOf(agent), Presence::Busy);

    QCOMPARE(outcomeOf(agent.call(method::InteractionEnd, InteractionRef{id}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(presenceOf(agent), Presence::AfterCallWork);
    QCOMPARE(outcomeOf(agent.call(method::InteractionWrapUp,
                                  WrapUpParams{id, QStringLiteral("lunch")}.toJson())),
             QStringLiteral("invalid_params")); // a Not-Ready reason is no wrap-up code
    const Response wrapped = agent.call(
        method::InteractionWrapUp, WrapUpParams{id, QStringLiteral("complaint-case")}.toJson());
    QCOMPARE(interactionIn(wrapped)->state, InteractionState::Ended);
    QCOMPARE(presenceOf(agent), Presence::NotReady); // the queued lunch
    const Response snapshot = agent.call(method::SessionSnapshot);
    QVERIFY(snapshot.result.value(QLatin1StringView("snapshot"))
                .toObject()
                .value(QLatin1StringView("interactions"))
                .toArray()
                .isEmpty());
}

void tst_HubInteractions::rejectedOfferGoesBackToTheQueue()
{
    TestClient agent(m_hub->url());
    QVERIFY(agent.signIn(QStringLiteral("chen.jing")).has_value());
    QCOMPARE(
        outcomeOf(agent.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));
    const std::optional<Interaction> created = interactionIn(m_admin->call(
        method::AdminCreateInteraction, weiboComplaint(QStringLiteral("chen.jing")).toJson()));
    QVERIFY(created.has_value());
    QVERIFY(agent.waitForEvent(QString(event::InteractionOffered)).has_value());
    const Response rejected =
        agent.call(method::InteractionReject, InteractionRef{created->id}.toJson());
    QCOMPARE(interactionIn(rejected)->state, InteractionState::Queued);
    const std::optional<Event> revoked = agent.waitForEvent(QString(event::InteractionRevoked));
    QVERIFY(revoked.has_value());
    QCOMPARE(InteractionRevoked::fromJson(revoked->data).value().reason,
             QStringLiteral("rejected"));
    QCOMPARE(presenceOf(agent), Presence::Ready); // rejecting is a choice, not a miss
    QTest::qWait(1200);
    QCOMPARE(presenceOf(agent), Presence::Ready); // and its timer is gone
}

void tst_HubInteractions::offerThatRingsOutMakesTheAgentNotReady()
{
    TestClient supervisor(m_hub->url());
    QVERIFY(supervisor.signIn(QStringLiteral("zhou.hui")).has_value());
    TestClient agent(m_hub->url());
    const std::optional<SessionGrant> grant = agent.signIn(QStringLiteral("zhao.lei"));
    QVERIFY(grant.has_value());
    QCOMPARE(
        outcomeOf(agent.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));
    QVERIFY(interactionIn(m_admin->call(method::AdminCreateInteraction,
                                        weiboComplaint(QStringLiteral("zhao.lei")).toJson())));
    const std::optional<Event> revoked =
        agent.waitForEvent(QString(event::InteractionRevoked), 5000);
    QVERIFY(revoked.has_value());
    QCOMPARE(InteractionRevoked::fromJson(revoked->data).value().reason, QStringLiteral("timeout"));
    QCOMPARE(presenceOf(agent), Presence::NotReady);
    // The team lead sees why.
    const auto missedChange = [&]() -> std::optional<StateChangedEvent> {
        for (const Event& event : supervisor.events()) {
            if (event.name != event::AgentStateChanged)
                continue;
            const StateChangedEvent change = StateChangedEvent::fromJson(event.data).value();
            if (change.state.reasonCode == QStringLiteral("missed"))
                return change;
        }
        return std::nullopt;
    };
    QTRY_VERIFY(missedChange().has_value());
    QCOMPARE(missedChange()->agentId, grant->snapshot.agent.id);
    QCOMPARE(missedChange()->cause, QStringLiteral("system"));
    QVERIFY(m_hub->logged(QStringLiteral("offer.timed_out")));
}

void tst_HubInteractions::offersNeedAReadyConnectedAgent()
{
    TestClient agent(m_hub->url());
    QVERIFY(agent.signIn(QStringLiteral("amy.lin")).has_value());
    const Response notReady = m_admin->call(method::AdminCreateInteraction,
                                            weiboComplaint(QStringLiteral("amy.lin")).toJson());
    QCOMPARE(outcomeOf(notReady), QStringLiteral("ok"));                    // created...
    QVERIFY(!notReady.result.value(QLatin1StringView("offered")).toBool()); // ...but not offered
    QCOMPARE(notReady.result.value(QLatin1StringView("offerError"))
                 .toObject()
                 .value(QLatin1StringView("code"))
                 .toString(),
             QStringLiteral("invalid_transition"));
    // Signed out agents are never offered work, whatever state they left in.
    QCOMPARE(
        outcomeOf(agent.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));
    agent.drop();
    QTest::qWait(200);
    const Response gone = m_admin->call(method::AdminCreateInteraction,
                                        weiboComplaint(QStringLiteral("amy.lin")).toJson());
    QVERIFY(!gone.result.value(QLatin1StringView("offered")).toBool());
    QCOMPARE(outcomeOf(m_admin->call(method::AdminCreateInteraction,
                                     weiboComplaint(QStringLiteral("nobody")).toJson())),
             QStringLiteral("not_found"));
}

void tst_HubInteractions::otherAgentsCannotTouchIt()
{
    TestClient owner(m_hub->url());
    QVERIFY(owner.signIn(QStringLiteral("li.na")).has_value());
    QCOMPARE(
        outcomeOf(owner.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));
    const std::optional<Interaction> created = interactionIn(m_admin->call(
        method::AdminCreateInteraction, weiboComplaint(QStringLiteral("li.na")).toJson()));
    QVERIFY(created.has_value());
    TestClient other(m_hub->url());
    QVERIFY(other.signIn(QStringLiteral("wang.wei")).has_value());
    QCOMPARE(outcomeOf(other.call(method::InteractionAccept, InteractionRef{created->id}.toJson())),
             QStringLiteral("not_found"));
    QCOMPARE(outcomeOf(owner.call(method::InteractionEnd, InteractionRef{created->id}.toJson())),
             QStringLiteral("invalid_transition")); // not accepted yet
    QCOMPARE(outcomeOf(owner.call(method::InteractionAccept,
                                  InteractionRef{QStringLiteral("i-none")}.toJson())),
             QStringLiteral("not_found"));
}

void tst_HubInteractions::openInteractionsSurviveAHubCrash()
{
    TestClient agent(m_hub->url());
    const std::optional<SessionGrant> grant = agent.signIn(QStringLiteral("david.wu"));
    QVERIFY(grant.has_value());
    QCOMPARE(
        outcomeOf(agent.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));
    CreateInteractionParams english = weiboComplaint(QStringLiteral("david.wu"));
    english.channel = Channel::Chat;
    english.queueId = QStringLiteral("en-care");
    english.customer.displayName = QStringLiteral("Ms. Taylor (lost baggage)");
    const std::optional<Interaction> created =
        interactionIn(m_admin->call(method::AdminCreateInteraction, english.toJson()));
    QVERIFY(created.has_value());
    QVERIFY(agent.waitForEvent(QString(event::InteractionOffered)).has_value());
    QCOMPARE(outcomeOf(agent.call(method::InteractionAccept, InteractionRef{created->id}.toJson())),
             QStringLiteral("ok"));

    m_hub->kill();
    QVERIFY(m_hub->restart());
    TestClient back(m_hub->url());
    QVERIFY(back.open());
    QVERIFY(back.hello());
    const Response resumed = back.call(method::SessionResume,
                                       ResumeParams{grant->sessionToken, agent.lastSeq()}.toJson());
    Result<ResumeResult> result = ResumeResult::fromJson(resumed.result);
    QVERIFY(result.ok());
    QCOMPARE(result.value().snapshot->interactions.size(), 1);
    QCOMPARE(result.value().snapshot->interactions.first().id, created->id);
    QCOMPARE(result.value().snapshot->interactions.first().state, InteractionState::Active);
    QCOMPARE(result.value().snapshot->interactions.first().customer.displayName,
             QStringLiteral("Ms. Taylor (lost baggage)"));
    QCOMPARE(result.value().snapshot->state.presence, Presence::Busy);
}

void tst_HubInteractions::wrapUpThatRunsLongMovesTheAgentToAcwOverflow()
{
    m_admin.reset();
    m_hub = std::make_unique<HubProcess>();
    QVERIFY(m_hub->start({QStringLiteral("--acw-cap-ms"), QStringLiteral("700")}));
    m_admin = std::make_unique<TestClient>(m_hub->url());
    QVERIFY(m_admin->signIn(QStringLiteral("admin")).has_value());
    TestClient agent(m_hub->url());
    QVERIFY(agent.signIn(QStringLiteral("wang.wei")).has_value());
    QCOMPARE(
        outcomeOf(agent.call(method::AgentSetState, SetStateParams{Presence::Ready, {}}.toJson())),
        QStringLiteral("ok"));
    const std::optional<Interaction> created = interactionIn(m_admin->call(
        method::AdminCreateInteraction, weiboComplaint(QStringLiteral("wang.wei")).toJson()));
    QVERIFY(created.has_value());
    QCOMPARE(outcomeOf(agent.call(method::InteractionAccept, InteractionRef{created->id}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(outcomeOf(agent.call(method::InteractionEnd, InteractionRef{created->id}.toJson())),
             QStringLiteral("ok"));
    const Response during = agent.call(method::SessionSnapshot);
    const AgentState wrapUp =
        AgentState::fromJson(during.result.value(QLatin1StringView("snapshot"))
                                 .toObject()
                                 .value(QLatin1StringView("state"))
                                 .toObject())
            .value();
    QCOMPARE(wrapUp.presence, Presence::AfterCallWork);
    QCOMPARE(wrapUp.untilMs - wrapUp.sinceMs, 700); // the site cap beats the queue's 60 s
    QTRY_COMPARE(presenceOf(agent), Presence::NotReady);
    // The code can still be recorded; the agent stays out of rotation until they choose.
    QCOMPARE(
        outcomeOf(agent.call(method::InteractionWrapUp,
                             WrapUpParams{created->id, QStringLiteral("complaint-case")}.toJson())),
        QStringLiteral("ok"));
    QCOMPARE(presenceOf(agent), Presence::NotReady);
}

QTEST_GUILESS_MAIN(tst_HubInteractions)
#include "tst_HubInteractions.moc"
