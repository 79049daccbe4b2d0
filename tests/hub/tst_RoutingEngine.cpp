#include "routing/RoutingEngine.h"

#include <QtTest/QTest>

using namespace qidong::hub::routing;
using qidong::protocol::Channel;

namespace {

constexpr qint64 kNow = 1'000'000;

RoutableAgent agent(const char* id, qint64 idleFor,
                    QHash<QString, int> skills = {{QStringLiteral("retail"), 5}},
                    QStringList languages = {QStringLiteral("zh-CN")})
{
    RoutableAgent a;
    a.id = QString::fromLatin1(id);
    a.skills = std::move(skills);
    a.languages = std::move(languages);
    a.acceptsWork = true;
    a.capacity = {{Channel::Chat, 3}, {Channel::Voice, 1}};
    a.idleSinceMs = kNow - idleFor;
    return a;
}

RoutableQueue chatQueue(const char* id = "online-chat", int priority = 40)
{
    return RoutableQueue{QString::fromLatin1(id),
                         {QStringLiteral("retail")},
                         QStringLiteral("zh-CN"),
                         priority,
                         {},
                         0,
                         120000};
}

WaitingInteraction chat(const char* id, qint64 waitedFor, const char* queue = "online-chat",
                        int priority = 0)
{
    return WaitingInteraction{QString::fromLatin1(id), QString::fromLatin1(queue),
                              Channel::Chat,           priority,
                              kNow - waitedFor,        {}};
}

QStringList pairs(const QList<Assignment>& assignments)
{
    QStringList out;
    for (const Assignment& a : assignments)
        out << a.interactionId + u'>' + a.agentId;
    return out;
}

} // namespace

class tst_RoutingEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longestIdleAgentFirst();
    void oneOfferRingsAtATime();
    void skillsAndLanguageMustMatch();
    void capacityPerChannelIsRespected();
    void priorityThenLongestWaiting();
    void agentsWhoLetItGoAreSkipped();
    void overflowAfterTheConfiguredWait();
    void nobodyGetsAnInteractionTwice();
    void notAcceptingWorkMeansNoOffers();
    void positionsAndEstimatedWait();
    void decisionsSayWhy();
};

void tst_RoutingEngine::longestIdleAgentFirst()
{
    const QList<Assignment> result =
        RoutingEngine::assign({chat("i1", 10000)}, {chatQueue()},
                              {agent("a", 5000), agent("b", 60000), agent("c", 30000)}, kNow);
    QCOMPARE(pairs(result), QStringList{QStringLiteral("i1>b")});
}

void tst_RoutingEngine::skillsAndLanguageMustMatch()
{
    const RoutableAgent noSkill = agent("noskill", 90000, {{QStringLiteral("billing"), 9}});
    const RoutableAgent english =
        agent("english", 80000, {{QStringLiteral("retail"), 5}}, {QStringLiteral("en")});
    const RoutableAgent fits =
        agent("fits", 1000, {{QStringLiteral("retail"), 2}}, {QStringLiteral("zh-TW")});
    QCOMPARE(pairs(RoutingEngine::assign({chat("i1", 1)}, {chatQueue()}, {noSkill, english, fits},
                                         kNow)),
             QStringList{QStringLiteral("i1>fits")}); // zh-TW speaks the zh queue's language
    QVERIFY(
        RoutingEngine::assign({chat("i1", 1)}, {chatQueue()}, {noSkill, english}, kNow).isEmpty());
}

void tst_RoutingEngine::capacityPerChannelIsRespected()
{
    RoutableAgent a = agent("a", 60000);
    a.load = {{Channel::Chat, 2}}; // one chat of room left
    RoutableAgent b = agent("b", 1000);
    b.capacity = {{Channel::Chat, 1}};
    const QList<Assignment> result = RoutingEngine::assign(
        {chat("i1", 3000), chat("i2", 2000), chat("i3", 1000)}, {chatQueue()}, {a, b}, kNow);
    QCOMPARE(pairs(result), (QStringList{QStringLiteral("i1>a"), QStringLiteral("i2>b")}));

    // A voice call needs voice room: the agent on a call takes no second one.
    RoutableAgent onCall = agent("oncall", 99000);
    onCall.load = {{Channel::Voice, 1}};
    const RoutableQueue voice{
        QStringLiteral("cn-voice"), {}, QStringLiteral("zh-CN"), 50, {}, 0, 180000};
    WaitingInteraction call{
        QStringLiteral("v1"), QStringLiteral("cn-voice"), Channel::Voice, 0, kNow, {}};
    QVERIFY(RoutingEngine::assign({call}, {voice}, {onCall}, kNow).isEmpty());
    // ...but can still take a chat.
    QCOMPARE(RoutingEngine::assign({chat("c1", 1)}, {chatQueue()}, {onCall}, kNow).size(), 1);
}

void tst_RoutingEngine::oneOfferRingsAtATime()
{
    // Room for three chats, but one offer slot: one now, the next after an answer.
    RoutableAgent a = agent("a", 60000);
    a.offerSlots = 1;
    const QList<Assignment> first = RoutingEngine::assign(
        {chat("i1", 3000), chat("i2", 2000), chat("i3", 1000)}, {chatQueue()}, {a}, kNow);
    QCOMPARE(pairs(first), QStringList{QStringLiteral("i1>a")});
    a.offerSlots = 0; // i1 is ringing
    QVERIFY(RoutingEngine::assign({chat("i2", 2000)}, {chatQueue()}, {a}, kNow).isEmpty());
    // A second agent still gets the next one in the same run.
    RoutableAgent b = agent("b", 1000);
    b.offerSlots = 1;
    a.offerSlots = 1;
    QCOMPARE(pairs(RoutingEngine::assign({chat("i2", 2000), chat("i3", 1000)}, {chatQueue()},
                                         {a, b}, kNow)),
             (QStringList{QStringLiteral("i2>a"), QStringLiteral("i3>b")}));
}

void tst_RoutingEngine::priorityThenLongestWaiting()
{
    // One agent, three waiting: the public Weibo complaint (high priority)
    // goes first, then the longest-waiting chat.
    const QList<RoutableQueue> queues{chatQueue(), chatQueue("social-care", 70)};
    RoutableAgent only = agent("only", 10000);
    only.capacity = {{Channel::Chat, 2}};
    const QList<Assignment> result = RoutingEngine::assign(
        {chat("old-chat", 90000), chat("new-chat", 1000), chat("weibo", 500, "social-care")},
        queues, {only}, kNow);
    QCOMPARE(pairs(result),
             (QStringList{QStringLiteral("weibo>only"), QStringLiteral("old-chat>only")}));
}

void tst_RoutingEngine::agentsWhoLetItGoAreSkipped()
{
    WaitingInteraction rang = chat("i1", 30000);
    rang.excludedAgents = {QStringLiteral("b")}; // b let it ring out (RONA)
    QCOMPARE(pairs(RoutingEngine::assign({rang}, {chatQueue()},
                                         {agent("a", 1000), agent("b", 99000)}, kNow)),
             QStringList{QStringLiteral("i1>a")});
}

void tst_RoutingEngine::overflowAfterTheConfiguredWait()
{
    RoutableQueue vip{QStringLiteral("roaming-vip"),
                      {QStringLiteral("roaming")},
                      QStringLiteral("zh-CN"),
                      80,
                      QStringLiteral("cn-voice"),
                      60000,
                      180000};
    const RoutableQueue general{QStringLiteral("cn-voice"),
                                {QStringLiteral("billing")},
                                QStringLiteral("zh-CN"),
                                50,
                                {},
                                0,
                                180000};
    const RoutableAgent billing = agent("billing", 50000, {{QStringLiteral("billing"), 6}});
    WaitingInteraction call{
        QStringLiteral("v1"), QStringLiteral("roaming-vip"), Channel::Voice, 0, kNow - 30000, {}};
    QVERIFY(RoutingEngine::assign({call}, {vip, general}, {billing}, kNow).isEmpty()); // not yet
    call.enqueuedAtMs = kNow - 61000;
    const QList<Assignment> result = RoutingEngine::assign({call}, {vip, general}, {billing}, kNow);
    QCOMPARE(pairs(result), QStringList{QStringLiteral("v1>billing")});
    QCOMPARE(result.first().queueId, QStringLiteral("cn-voice"));
    QVERIFY(result.first().why.contains(QStringLiteral("overflow")));
}

void tst_RoutingEngine::nobodyGetsAnInteractionTwice()
{
    // Many agents, many interactions: every interaction at most once, no
    // agent beyond capacity (the hub applies one decision list at a time,
    // so concurrent accepts cannot double-book either).
    QList<RoutableAgent> agents;
    for (int i = 0; i < 7; ++i)
        agents.append(agent(qPrintable(QStringLiteral("a%1").arg(i)), 1000 * (i + 1)));
    QList<WaitingInteraction> waiting;
    for (int i = 0; i < 40; ++i)
        waiting.append(chat(qPrintable(QStringLiteral("i%1").arg(i)), 100 * i));
    const QList<Assignment> result = RoutingEngine::assign(waiting, {chatQueue()}, agents, kNow);
    QCOMPARE(result.size(), 21); // 7 agents x 3 chats
    QSet<QString> interactions;
    QHash<QString, int> perAgent;
    for (const Assignment& a : result) {
        QVERIFY(!interactions.contains(a.interactionId));
        interactions.insert(a.interactionId);
        ++perAgent[a.agentId];
    }
    for (int load : std::as_const(perAgent))
        QVERIFY(load <= 3);
    // Spread: the first seven go to seven different agents.
    QSet<QString> firstRound;
    for (int i = 0; i < 7; ++i)
        firstRound.insert(result.at(i).agentId);
    QCOMPARE(firstRound.size(), 7);
}

void tst_RoutingEngine::notAcceptingWorkMeansNoOffers()
{
    RoutableAgent onLunch = agent("lunch", 99000);
    onLunch.acceptsWork = false;
    QVERIFY(RoutingEngine::assign({chat("i1", 1)}, {chatQueue()}, {onLunch}, kNow).isEmpty());
}

void tst_RoutingEngine::positionsAndEstimatedWait()
{
    RoutableAgent a = agent("a", 1);
    RoutableAgent b = agent("b", 1);
    const QList<QueuePosition> positions =
        RoutingEngine::positions({chat("third", 1000), chat("first", 9000), chat("second", 5000),
                                  chat("weibo", 10, "social-care")},
                                 {chatQueue(), chatQueue("social-care", 70)}, {a, b}, kNow);
    QCOMPARE(positions.size(), 4);
    QCOMPARE(positions.at(0).interactionId, QStringLiteral("weibo"));
    QCOMPARE(positions.at(0).position, 1);
    QCOMPARE(positions.at(1).interactionId, QStringLiteral("first"));
    QCOMPARE(positions.at(1).position, 1);
    QCOMPARE(positions.at(1).estimatedWaitMs, 0);
    QCOMPARE(positions.at(3).interactionId, QStringLiteral("third"));
    QCOMPARE(positions.at(3).position, 3);
    QCOMPARE(positions.at(3).estimatedWaitMs, 120000); // two served at a time
    // Nobody staffed: the wait is unknown, not zero.
    QCOMPARE(
        RoutingEngine::positions({chat("x", 1)}, {chatQueue()}, {}, kNow).first().estimatedWaitMs,
        -1);
}

void tst_RoutingEngine::decisionsSayWhy()
{
    const QList<Assignment> result = RoutingEngine::assign(
        {chat("i1", 1)}, {chatQueue()}, {agent("a", 42000), agent("b", 1000)}, kNow);
    QCOMPARE(result.size(), 1);
    QVERIFY2(result.first().why.contains(QStringLiteral("42 s")), qPrintable(result.first().why));
    QVERIFY(result.first().why.contains(QStringLiteral("2 eligible")));
}

QTEST_GUILESS_MAIN(tst_RoutingEngine)
#include "tst_RoutingEngine.moc"
