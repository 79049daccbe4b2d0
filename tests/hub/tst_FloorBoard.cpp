#include "Clock.h"
#include "agents/AgentDirectory.h"
#include "auth/PasswordHasher.h"
#include "floor/FloorBoard.h"
#include "floor/FloorFeed.h"
#include "floor/FloorTallies.h"
#include "interactions/InteractionDirectory.h"
#include "storage/AccountStore.h"
#include "storage/AgentStateStore.h"
#include "storage/Database.h"
#include "storage/DemoSeeder.h"
#include "storage/InteractionStore.h"

#include <QDir>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <climits>

using namespace qidong::hub;
using namespace qidong::protocol;
using namespace std::chrono_literals;

// The floor a team lead watches, over real SQLite and the real agent and
// interaction directories: a snapshot kept current by deltas must equal a
// fresh snapshot whatever happened in between, and today's tallies kept
// live must equal the ones read back from the database after a restart.
class tst_FloorBoard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void snapshotPlusDeltasEqualsAFreshSnapshot();
    void talliesCountServiceLevelAndHandleTime();
    void intradaySlotsCoverTheDaySoFar();
    void dayOverridesChangeSkillsUntilReset();
    void viewIsPagedById();

private:
    void restartDirectories();
    QString createIn(const QString& queueId, Channel channel);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<AgentStateStore> m_states;
    std::unique_ptr<InteractionStore> m_store;
    std::unique_ptr<AgentDirectory> m_agents;
    std::unique_ptr<InteractionDirectory> m_interactions;
    std::unique_ptr<FloorTallies> m_tallies;
    std::unique_ptr<FloorBoard> m_board;
    int m_created = 0;
};

void tst_FloorBoard::initTestCase()
{
    QVERIFY(PasswordHasher::initialize());
}

void tst_FloorBoard::init()
{
    // Ten thousand stored changes: on tmpfs where there is one, since what
    // is tested here is the floor's arithmetic, not the disk's fsync.
    m_dir = QDir(QStringLiteral("/dev/shm")).exists()
                ? std::make_unique<QTemporaryDir>(QStringLiteral("/dev/shm/tst_floorboard-XXXXXX"))
                : std::make_unique<QTemporaryDir>();
    Result<std::unique_ptr<Database>> db =
        Database::open(m_dir->filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_accounts = std::make_unique<AccountStore>(*m_db);
    m_states = std::make_unique<AgentStateStore>(*m_db);
    m_store = std::make_unique<InteractionStore>(*m_db);
    QVERIFY(DemoSeeder::seedIfEmpty(*m_db, *m_accounts).ok());
    restartDirectories();
}

void tst_FloorBoard::restartDirectories()
{
    m_board.reset();
    m_tallies.reset();
    m_interactions.reset();
    m_agents.reset();
    m_agents = std::make_unique<AgentDirectory>(*m_accounts, *m_states, 1h);
    m_agents->load();
    m_interactions = std::make_unique<InteractionDirectory>(*m_store, *m_accounts, *m_agents, 1h);
    m_interactions->load();
    m_tallies = std::make_unique<FloorTallies>(*m_db);
    m_tallies->load(FloorFeed::dayStartOf(nowMs()), FloorFeed::weekStartOf(nowMs()));
    m_board = std::make_unique<FloorBoard>(*m_accounts, *m_agents, *m_interactions, *m_tallies);
}

void tst_FloorBoard::cleanup()
{
    m_board.reset();
    m_tallies.reset();
    m_interactions.reset();
    m_agents.reset();
    m_store.reset();
    m_states.reset();
    m_accounts.reset();
    m_db.reset();
    m_dir.reset();
}

QString tst_FloorBoard::createIn(const QString& queueId, Channel channel)
{
    NewInteraction request;
    request.params.channel = channel;
    request.params.queueId = queueId;
    request.params.customer.displayName = QStringLiteral("客户%1").arg(++m_created);
    request.params.customer.identityKind = QStringLiteral("phone");
    const Result<Interaction> created = m_interactions->create(request);
    return created ? created.value().id : QString();
}

void tst_FloorBoard::snapshotPlusDeltasEqualsAFreshSnapshot()
{
    QRandomGenerator random(20261127);
    QStringList agentIds;
    for (const Agent& agent : m_accounts->agents()) {
        if (agent.role != Role::Admin) {
            agentIds.append(agent.id);
            m_agents->markConnected(agent.id);
        }
    }
    const QList<Queue> queues = m_accounts->queues();
    FloorView watched = m_board->view(INT_MAX, nullptr);
    (void)m_board->takeDelta(); // sign-in changes are in the snapshot already
    int deltas = 0;
    int applied = 0;
    const auto anyOpen = [&](auto accept) -> std::optional<Interaction> {
        QList<Interaction> matching;
        for (const Interaction& interaction : m_interactions->open()) {
            if (accept(interaction))
                matching.append(interaction);
        }
        if (matching.isEmpty())
            return std::nullopt;
        return matching.at(random.bounded(int(matching.size())));
    };
    for (int step = 0; step < 10000; ++step) {
        const QString agentId = agentIds.at(random.bounded(int(agentIds.size())));
        const Queue& queue = queues.at(random.bounded(int(queues.size())));
        bool changed = false;
        switch (random.bounded(10)) {
        case 0: { // presence, as the agent or a team lead chooses it
            const int pick = random.bounded(3);
            const SetStateParams params =
                pick == 0   ? SetStateParams{Presence::Ready, {}}
                : pick == 1 ? SetStateParams{Presence::NotReady, QStringLiteral("lunch")}
                            : SetStateParams{Presence::Offline, {}};
            changed = m_agents->requestState(agentId, params, QStringLiteral("agent")).ok();
            if (pick == 2)
                m_agents->markConnected(agentId); // signs in again at once
            break;
        }
        case 1:
        case 2:
            changed = !createIn(queue.id, queue.channel).isEmpty();
            break;
        case 3:
            if (const auto waiting = anyOpen(
                    [](const Interaction& i) { return i.state == InteractionState::Queued; }))
                changed = m_interactions->offer(waiting->id, agentId).ok();
            break;
        case 4:
            if (const auto offered = anyOpen(
                    [](const Interaction& i) { return i.state == InteractionState::Offered; }))
                changed =
                    (random.bounded(4) == 0 ? m_interactions->reject(offered->agentId, offered->id)
                                            : m_interactions->accept(offered->agentId, offered->id))
                        .ok();
            break;
        case 5:
            if (const auto active = anyOpen(
                    [](const Interaction& i) { return i.state == InteractionState::Active; }))
                changed = m_interactions->end(active->agentId, active->id).ok();
            break;
        case 6:
            if (const auto wrapping = anyOpen(
                    [](const Interaction& i) { return i.state == InteractionState::WrapUp; }))
                changed =
                    m_interactions
                        ->wrapUp(
                            wrapping->agentId, wrapping->id,
                            WrapUpRecord{
                                QStringLiteral("resolved"), VocKind::None, {}, {}, false, false})
                        .ok();
            break;
        case 7:
            if (const auto any = anyOpen([](const Interaction& i) {
                    return i.state == InteractionState::Queued ||
                           i.state == InteractionState::Offered;
                }))
                changed = m_interactions->endByCustomer(any->id).ok();
            break;
        case 8:
            if (const auto waiting = anyOpen([](const Interaction& i) {
                    return i.state == InteractionState::Queued ||
                           i.state == InteractionState::Offered;
                }))
                changed =
                    (random.bounded(2) == 0 ? m_interactions->reassign(waiting->id, queue.id, {})
                                            : m_interactions->reassign(waiting->id, {}, agentId))
                        .ok();
            break;
        case 9: {
            AccountStore::DayOverride change;
            change.capacity = QHash<Channel, int>{{Channel::Chat, 1 + random.bounded(4)}};
            if (random.bounded(2) == 0)
                change.skills = QList<Skill>{{QStringLiteral("roaming"), 5}};
            changed = m_accounts->setDayOverride(agentId, change, QStringLiteral("u9001")).ok();
            m_board->agentChanged(agentId);
            break;
        }
        }
        applied += changed ? 1 : 0;
        // Deltas are taken at random moments, as the feed's timer would.
        if (random.bounded(25) == 0) {
            const FloorDelta delta = m_board->takeDelta();
            // Round trip through the wire form, as a desktop receives it.
            Result<FloorDelta> received = FloorDelta::fromJson(delta.toJson());
            QVERIFY(received.ok());
            watched.apply(received.value());
            ++deltas;
        }
    }
    watched.apply(m_board->takeDelta());
    const FloorView fresh = m_board->view(INT_MAX, nullptr);
    QVERIFY2(applied > 3000, qPrintable(QString::number(applied)));
    QVERIFY(deltas > 100);
    QCOMPARE(watched.queues.size(), fresh.queues.size());
    for (qsizetype i = 0; i < fresh.queues.size(); ++i)
        QCOMPARE(watched.queues.at(i).toJson(), fresh.queues.at(i).toJson());
    QCOMPARE(watched.agents.size(), fresh.agents.size());
    for (qsizetype i = 0; i < fresh.agents.size(); ++i)
        QCOMPARE(watched.agents.at(i).toJson(), fresh.agents.at(i).toJson());
    QVERIFY(watched == fresh);

    // Something happened worth counting.
    int offered = 0;
    int handled = 0;
    for (const FloorQueue& queue : fresh.queues) {
        offered += queue.offered;
        handled += queue.handled;
    }
    QVERIFY(offered > 500);
    QVERIFY(handled > 20);

    // A restarted hub reads the same tallies back from SQLite.
    FloorTallies reloaded(*m_db);
    reloaded.load(m_tallies->dayStartMs(), m_tallies->weekStartMs());
    for (const Queue& queue : queues) {
        QCOMPARE(reloaded.queue(queue.id).offered, m_tallies->queue(queue.id).offered);
        QVERIFY(reloaded.queue(queue.id) == m_tallies->queue(queue.id));
    }
    for (const QString& agentId : agentIds)
        QVERIFY(reloaded.agent(agentId) == m_tallies->agent(agentId));
}

void tst_FloorBoard::talliesCountServiceLevelAndHandleTime()
{
    const QString lina = QStringLiteral("u1001");
    m_agents->markConnected(lina);
    QVERIFY(m_agents->requestState(lina, {Presence::Ready, {}}, QStringLiteral("agent")).ok());
    const QString queueId = QStringLiteral("online-chat");
    const QString answered = createIn(queueId, Channel::Chat);
    const QString abandoned = createIn(queueId, Channel::Chat);
    QVERIFY(m_interactions->offer(answered, lina).ok());
    QVERIFY(m_interactions->accept(lina, answered).ok());
    QTest::qWait(30);
    QVERIFY(m_interactions->end(lina, answered).ok());
    QVERIFY(m_interactions
                ->wrapUp(lina, answered,
                         {QStringLiteral("resolved"), VocKind::None, {}, {}, false, false})
                .ok());
    QVERIFY(m_interactions->endByCustomer(abandoned).ok());

    const FloorTallies::Queue queue = m_tallies->queue(queueId);
    QCOMPARE(queue.offered, 2);
    QCOMPARE(queue.answered, 1);
    QCOMPARE(queue.answeredInSla, 1);
    QCOMPARE(queue.abandoned, 1);
    QCOMPARE(queue.handled, 1);
    QVERIFY(queue.handleMs >= 30);
    const FloorTallies::Agent agent = m_tallies->agent(lina);
    QCOMPARE(agent.handled, 1);
    QCOMPARE(agent.handleMs, queue.handleMs);

    FloorQueue row;
    row.answered = queue.answered;
    row.answeredInSla = queue.answeredInSla;
    row.abandoned = queue.abandoned;
    QCOMPARE(row.serviceLevelPercent(), 50); // one in time, one gave up

    // Survey answers and offers are read from the database when they arrive.
    QSqlQuery survey(m_db->connection());
    survey.prepare(QStringLiteral(
        "INSERT INTO chat_conversations(interaction_id, csat, nps) VALUES (?, 5, 10)"));
    survey.addBindValue(answered);
    QVERIFY(survey.exec());
    m_board->scoresChanged(answered);
    QCOMPARE(m_tallies->queue(queueId).npsToday.responses, 1);
    QCOMPARE(m_tallies->queue(queueId).npsToday.score(), 100);
    QCOMPARE(m_tallies->queue(queueId).npsWeek.responses, 1);
    QCOMPARE(m_tallies->agent(lina).npsToday.promoters, 1);
    const FloorDelta delta = m_board->takeDelta();
    QVERIFY(std::any_of(delta.queues.cbegin(), delta.queues.cend(),
                        [&](const FloorQueue& q) { return q.queueId == queueId; }));
}

void tst_FloorBoard::intradaySlotsCoverTheDaySoFar()
{
    const QString queueId = QStringLiteral("online-chat");
    (void)createIn(queueId, Channel::Chat);
    (void)createIn(queueId, Channel::Chat);
    const IntradayReport report = m_tallies->intraday(queueId, nowMs());
    const qint64 dayStart = m_tallies->dayStartMs();
    QCOMPARE(report.slots.size(), qsizetype((nowMs() - dayStart) / 1800000 + 1));
    QCOMPARE(report.slots.constFirst().startsAt, dayStart);
    QCOMPARE(report.slots.constLast().offered, 2);
    int total = 0;
    for (const IntradaySlot& slot : report.slots)
        total += slot.offered;
    QCOMPARE(total, 2);
    QCOMPARE(m_tallies->intraday(QStringLiteral("roaming-vip"), nowMs()).slots.constLast().offered,
             0);
    Result<IntradayReport> decoded = IntradayReport::fromJson(report.toJson());
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value().slots, report.slots);
}

void tst_FloorBoard::dayOverridesChangeSkillsUntilReset()
{
    const QString lina = QStringLiteral("u1001");
    const Agent before = *m_accounts->findById(lina);
    AccountStore::DayOverride change;
    change.skills = QList<Skill>{{QStringLiteral("baggage"), 7}};
    QVERIFY(m_accounts->setDayOverride(lina, change, QStringLiteral("u9001")).ok());
    change = {};
    change.capacity = QHash<Channel, int>{{Channel::Chat, 5}};
    QVERIFY(m_accounts->setDayOverride(lina, change, QStringLiteral("u9001")).ok());
    const Agent during = *m_accounts->findById(lina);
    QCOMPARE(during.skills, (QList<Skill>{{QStringLiteral("baggage"), 7}})); // kept
    QCOMPARE(during.capacityFor(Channel::Chat), 5);
    QCOMPARE(during.displayName, before.displayName);

    // Yesterday's change no longer applies.
    QSqlQuery age(m_db->connection());
    QVERIFY(age.exec(QStringLiteral("UPDATE agent_day_overrides SET day = '2000-01-01'")));
    AccountStore fresh(*m_db);
    QCOMPARE(fresh.findById(lina)->skills, before.skills);

    QVERIFY(m_accounts->clearDayOverride(lina).ok());
    QCOMPARE(m_accounts->findById(lina)->skills, before.skills);
    QCOMPARE(m_accounts->findById(lina)->capacity, before.capacity);
}

void tst_FloorBoard::viewIsPagedById()
{
    QString after;
    const FloorView first = m_board->view(3, &after);
    QCOMPARE(first.agents.size(), 3);
    QCOMPARE(after, first.agents.constLast().agentId);
    QStringList ids;
    for (const FloorAgentRow& row : first.agents)
        ids.append(row.agentId);
    while (!after.isEmpty()) {
        const QList<FloorAgentRow> page = m_board->agents(after, 3, &after);
        for (const FloorAgentRow& row : page)
            ids.append(row.agentId);
    }
    QStringList sorted = ids;
    sorted.sort();
    QCOMPARE(ids, sorted);
    QCOMPARE(ids.size(), m_board->view(INT_MAX, nullptr).agents.size());
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    for (const QString& id : ids)
        QVERIFY(m_accounts->findById(id)->role != Role::Admin);
}

QTEST_GUILESS_MAIN(tst_FloorBoard)
#include "tst_FloorBoard.moc"
