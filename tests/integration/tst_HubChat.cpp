#include "HttpCall.h"
#include "HubProcess.h"
#include "TestClient.h"
#include "WebCustomer.h"
#include "protocol/Chat.h"
#include "protocol/Names.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QtTest/QTest>

using namespace qidong::protocol;
using namespace qidong::test;

namespace {

std::optional<ChatMessage> messageIn(const std::optional<Event>& event)
{
    if (!event)
        return std::nullopt;
    Result<ChatMessage> message =
        ChatMessage::fromJson(event->data.value(QLatin1StringView("message")).toObject());
    if (!message)
        return std::nullopt;
    return message.value();
}

} // namespace

// Web chat through the real hub: routing, both directions, exactly once,
// resume after a reload and after a crash, wrap-up modes, the ingest API
// and hostile customers.
class tst_HubChat final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void chatIsRoutedToTheLongestIdleAgentAndFlowsBothWays();
    void aRetriedMessageIsStoredOnce();
    void ringOutOffersItToTheNextAgent();
    void capacityLimitsConcurrentChatsAndTheRestWait();
    void reloadResumesTheConversationAndEndedChatsAreRated();
    void transferGoesToTheNamedAgentWithTheNote();
    void optionalAndTimedWrapUp();
    void hubKilledMidConversationLosesNothing();
    void ingestNeedsTheTokenAndRaisesPublicPosts();
    void hostileCustomersGetClearErrorsAndTheHubStaysUp();
    void invalidUtf8ClosesOnlyThatSocket();
    void twoHundredConcurrentChatsEachMessageOnce();
    void simulateSubcommandPlaysConversations();
    void attachmentsReachTheCustomerPageOnly();

private:
    std::unique_ptr<HubProcess> m_hub;
};

void tst_HubChat::init()
{
    m_hub = std::make_unique<HubProcess>();
    QVERIFY(m_hub->start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("800"),
                          QStringLiteral("--acw-cap-ms"), QStringLiteral("600")}));
    QVERIFY(m_hub->webUrl().isValid());
}

void tst_HubChat::cleanup()
{
    m_hub.reset();
}

void tst_HubChat::chatIsRoutedToTheLongestIdleAgentAndFlowsBothWays()
{
    TestClient lina(m_hub->url());
    TestClient zhang(m_hub->url());
    QVERIFY(lina.signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(zhang.signIn(QStringLiteral("zhang.min")).has_value());
    QVERIFY(setReady(lina));
    QTest::qWait(20);
    QVERIFY(setReady(zhang)); // li.na has waited longer

    WebCustomer customer(*m_hub);
    QVERIFY(customer.start(QStringLiteral("王女士")));
    const std::optional<Interaction> offered =
        offeredIn(lina.waitForEvent(QString(event::InteractionOffered)));
    QVERIFY(offered.has_value());
    QCOMPARE(offered->id, customer.conversationId);
    QCOMPARE(offered->customer.displayName, QStringLiteral("王女士"));
    QCOMPARE(offered->customer.identity, QStringLiteral("138****8000")); // masked for the agent
    QVERIFY(m_hub->logged(QStringLiteral("routing.assigned")));
    QVERIFY(!zhang.waitForEvent(QString(event::InteractionOffered), 300).has_value());

    // Written while waiting: kept, and there when the agent opens the chat.
    const QString hostile = QStringLiteral("你好 <script>alert(1)</script> <b>漫游</b>");
    QCOMPARE(outcomeOf(customer.send(hostile, QStringLiteral("m1"))), QStringLiteral("ok"));
    QCOMPARE(outcomeOf(lina.call(method::InteractionAccept, InteractionRef{offered->id}.toJson())),
             QStringLiteral("ok"));
    const std::optional<Event> state =
        customer.socket.waitForEvent(QString(event::ConversationState));
    QVERIFY(state.has_value());
    QCOMPARE(state->data.value(QLatin1StringView("state")).toString(), QStringLiteral("active"));
    QCOMPARE(state->data.value(QLatin1StringView("agentName")).toString(), QStringLiteral("李娜"));

    const Response history =
        lina.call(method::ChatHistory, ChatHistoryParams{offered->id, 0, 50}.toJson());
    Result<ChatHistory> decoded = ChatHistory::fromJson(history.result);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value().messages.size(), 1);
    QCOMPARE(decoded.value().messages.first().text, hostile); // stored verbatim, shown as text

    // Live both ways, with typing and receipts.
    const qsizetype mark = lina.events().size();
    QCOMPARE(outcomeOf(customer.send(QStringLiteral("我在泰国，漫游开不了"), QStringLiteral("m2"))),
             QStringLiteral("ok"));
    const std::optional<ChatMessage> incoming =
        messageIn(lina.waitForEvent(QString(event::ChatMessage), 5000, mark));
    QVERIFY(incoming.has_value());
    QCOMPARE(incoming->seq, 2);
    QCOMPARE(incoming->sender, Sender::Customer);
    QCOMPARE(lina.call(method::ChatTyping, ChatTypingParams{offered->id, true}.toJson()).error,
             std::nullopt);
    const std::optional<Event> typing = customer.socket.waitForEvent(QString(event::ChatTyping));
    QVERIFY(typing.has_value());
    QVERIFY(typing->data.value(QLatin1StringView("typing")).toBool());
    const Response reply = lina.call(
        method::ChatSend, ChatSendParams{offered->id, QStringLiteral("a1"),
                                         QStringLiteral("请在App里一键开通"), std::nullopt}
                              .toJson());
    QCOMPARE(outcomeOf(reply), QStringLiteral("ok"));
    // The page also hears its own messages (other tabs stay in step).
    std::optional<ChatMessage> answered;
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const Event& received : customer.socket.events()) {
                const std::optional<ChatMessage> message = messageIn(received);
                if (received.name == event::ChatMessage && message &&
                    message->sender == Sender::Agent)
                    answered = message;
            }
            return answered.has_value();
        },
        5000));
    QCOMPARE(answered->text, QStringLiteral("请在App里一键开通"));
    QCOMPARE(answered->senderName, QStringLiteral("李娜"));
    QCOMPARE(outcomeOf(customer.socket.call(method::CustomerRead,
                                            ChatReadParams{{}, answered->seq}.toJson())),
             QStringLiteral("ok"));
    // Delivered when it reached the page, read when the customer saw it.
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const Event& received : lina.events()) {
                if (received.name == event::ChatReceipt &&
                    received.data.value(QLatin1StringView("delivery")).toString() ==
                        QStringLiteral("read") &&
                    received.data.value(QLatin1StringView("upToSeq")).toInteger() == answered->seq)
                    return true;
            }
            return false;
        },
        5000));

    // Another agent cannot read or write it.
    QCOMPARE(
        outcomeOf(zhang.call(method::ChatHistory, ChatHistoryParams{offered->id, 0, 50}.toJson())),
        QStringLiteral("not_found"));
    QCOMPARE(
        outcomeOf(zhang.call(method::ChatSend, ChatSendParams{offered->id, QStringLiteral("x"),
                                                              QStringLiteral("hi"), std::nullopt}
                                                   .toJson())),
        QStringLiteral("not_found"));
}

void tst_HubChat::aRetriedMessageIsStoredOnce()
{
    TestClient lina(m_hub->url());
    QVERIFY(lina.signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(setReady(lina));
    WebCustomer customer(*m_hub);
    QVERIFY(customer.start(QStringLiteral("陈先生")));
    const std::optional<Interaction> offered =
        offeredIn(lina.waitForEvent(QString(event::InteractionOffered)));
    QVERIFY(offered.has_value());
    QCOMPARE(outcomeOf(lina.call(method::InteractionAccept, InteractionRef{offered->id}.toJson())),
             QStringLiteral("ok"));
    const qsizetype mark = lina.events().size();
    const Response first = customer.send(QStringLiteral("在吗"), QStringLiteral("dup-1"));
    const Response again = customer.send(QStringLiteral("在吗"), QStringLiteral("dup-1"));
    QCOMPARE(outcomeOf(again), QStringLiteral("ok"));
    QCOMPARE(
        first.result.value(QLatin1StringView("message")).toObject().value(QLatin1StringView("seq")),
        again.result.value(QLatin1StringView("message"))
            .toObject()
            .value(QLatin1StringView("seq")));
    // The agent side too: a reliable resend after a reconnect is applied once.
    const ChatSendParams reply{offered->id, QStringLiteral("agent-1"), QStringLiteral("在的"),
                               std::nullopt};
    QCOMPARE(outcomeOf(lina.call(method::ChatSend, reply.toJson())), QStringLiteral("ok"));
    QCOMPARE(outcomeOf(lina.call(method::ChatSend, reply.toJson())), QStringLiteral("ok"));
    QTest::qWait(200);
    qsizetype seen = 0;
    for (qsizetype i = mark; i < lina.events().size(); ++i)
        seen += lina.events().at(i).name == event::ChatMessage ? 1 : 0;
    QCOMPARE(seen, 1); // the customer's message once; the agent's own reply is not echoed
    const Response history =
        lina.call(method::ChatHistory, ChatHistoryParams{offered->id, 0, 50}.toJson());
    QCOMPARE(history.result.value(QLatin1StringView("messages")).toArray().size(), 2);
}

void tst_HubChat::ringOutOffersItToTheNextAgent()
{
    TestClient lina(m_hub->url());
    TestClient zhang(m_hub->url());
    QVERIFY(lina.signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(zhang.signIn(QStringLiteral("zhang.min")).has_value());
    QVERIFY(setReady(lina));
    QTest::qWait(20);
    QVERIFY(setReady(zhang));
    WebCustomer customer(*m_hub);
    QVERIFY(customer.start(QStringLiteral("刘女士")));
    QVERIFY(offeredIn(lina.waitForEvent(QString(event::InteractionOffered))).has_value());
    // li.na lets it ring (800 ms): RONA, and zhang.min is offered it next.
    const std::optional<Interaction> second =
        offeredIn(zhang.waitForEvent(QString(event::InteractionOffered), 5000));
    QVERIFY(second.has_value());
    QCOMPARE(second->id, customer.conversationId);
    QVERIFY(lina.waitForEvent(QString(event::InteractionRevoked)).has_value());
    QCOMPARE(presenceOf(lina), Presence::NotReady);
}

void tst_HubChat::capacityLimitsConcurrentChatsAndTheRestWait()
{
    TestClient lina(m_hub->url());
    QVERIFY(lina.signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(setReady(lina));
    std::vector<std::unique_ptr<WebCustomer>> customers;
    for (int i = 0; i < 4; ++i) {
        customers.push_back(std::make_unique<WebCustomer>(*m_hub));
        QVERIFY(customers.back()->start(QStringLiteral("顾客%1").arg(i)));
    }
    int accepted = 0;
    qsizetype from = 0;
    while (accepted < 3) {
        const std::optional<Event> event =
            lina.waitForEvent(QString(event::InteractionOffered), 5000, from);
        QVERIFY(event.has_value());
        from = lina.events().indexOf(*event) + 1;
        const std::optional<Interaction> offered = offeredIn(event);
        QCOMPARE(
            outcomeOf(lina.call(method::InteractionAccept, InteractionRef{offered->id}.toJson())),
            QStringLiteral("ok"));
        ++accepted;
    }
    QCOMPARE(presenceOf(lina), Presence::Busy);
    // The fourth waits: no offer, and the customer is told where they stand.
    QVERIFY(!lina.waitForEvent(QString(event::InteractionOffered), 1500, from).has_value());
    WebCustomer* fourth = nullptr;
    for (const auto& customer : customers) {
        const Response resumed = customer->socket.call(
            method::CustomerResume, {{QStringLiteral("token"), customer->token}});
        if (resumed.result.value(QLatin1StringView("state")).toString() ==
            QStringLiteral("waiting"))
            fourth = customer.get();
    }
    QVERIFY(fourth != nullptr);
    // Told where they stand as the queue moves; last, first in line.
    QVERIFY(QTest::qWaitFor(
        [&] {
            int latest = 0;
            for (const Event& received : fourth->socket.events()) {
                if (received.name == event::QueuePosition)
                    latest = received.data.value(QLatin1StringView("position")).toInt();
            }
            return latest == 1;
        },
        5000));
}

void tst_HubChat::reloadResumesTheConversationAndEndedChatsAreRated()
{
    TestClient lina(m_hub->url());
    QVERIFY(lina.signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(setReady(lina));
    QString token;
    QString id;
    {
        WebCustomer customer(*m_hub);
        QVERIFY(customer.start(QStringLiteral("张先生")));
        token = customer.token;
        id = customer.conversationId;
        QCOMPARE(outcomeOf(customer.send(QStringLiteral("第一条"), QStringLiteral("r1"))),
                 QStringLiteral("ok"));
        QCOMPARE(
            outcomeOf(customer.socket.call(method::CustomerRate, {{QStringLiteral("nps"), 9}})),
            QStringLiteral("invalid_transition")); // not before it has ended
    }                                              // the page is closed
    QVERIFY(offeredIn(lina.waitForEvent(QString(event::InteractionOffered))).has_value());
    QCOMPARE(outcomeOf(lina.call(method::InteractionAccept, InteractionRef{id}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(
        outcomeOf(lina.call(method::ChatSend, ChatSendParams{id, QStringLiteral("a"),
                                                             QStringLiteral("您好"), std::nullopt}
                                                  .toJson())),
        QStringLiteral("ok"));

    TestClient reloaded(m_hub->customerSocketUrl());
    QVERIFY(reloaded.open());
    QCOMPARE(outcomeOf(reloaded.call(method::CustomerResume,
                                     {{QStringLiteral("token"), QStringLiteral("forged")}})),
             QStringLiteral("session_invalid"));
    const Response resumed =
        reloaded.call(method::CustomerResume, {{QStringLiteral("token"), token}});
    QCOMPARE(outcomeOf(resumed), QStringLiteral("ok"));
    QCOMPARE(resumed.result.value(QLatin1StringView("state")).toString(), QStringLiteral("active"));
    const QJsonArray messages = resumed.result.value(QLatin1StringView("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(1).toObject().value(QLatin1StringView("text")).toString(),
             QStringLiteral("您好"));

    QCOMPARE(outcomeOf(lina.call(method::InteractionEnd, InteractionRef{id}.toJson())),
             QStringLiteral("ok"));
    const std::optional<Event> ended = reloaded.waitForEvent(QString(event::ConversationState));
    QVERIFY(ended.has_value());
    QCOMPARE(ended->data.value(QLatin1StringView("state")).toString(), QStringLiteral("ended"));
    QCOMPARE(outcomeOf(reloaded.call(
                 method::CustomerSend,
                 ChatSendParams{{}, QStringLiteral("late"), QStringLiteral("还在吗"), std::nullopt}
                     .toJson())),
             QStringLiteral("invalid_transition"));
    QCOMPARE(outcomeOf(reloaded.call(method::CustomerRate, {{QStringLiteral("nps"), 11}})),
             QStringLiteral("invalid_params"));
    const Response rated =
        reloaded.call(method::CustomerRate, {{QStringLiteral("csat"), 5},
                                             {QStringLiteral("nps"), 9},
                                             {QStringLiteral("comment"), QStringLiteral("很快")}});
    QCOMPARE(outcomeOf(rated), QStringLiteral("ok"));
    QVERIFY(rated.result.value(QLatin1StringView("rated")).toBool());

    // Wrap-up with voice-of-the-customer tags is stored on the interaction.
    WrapUpParams wrapUp{id, QStringLiteral("suggestion")};
    wrapUp.voc = VocKind::Suggestion;
    wrapUp.vocCategory = QStringLiteral("app");
    wrapUp.notes = QStringLiteral("希望App里能直接买漫游包");
    wrapUp.followUp = true;
    QCOMPARE(outcomeOf(lina.call(method::InteractionWrapUp, wrapUp.toJson())),
             QStringLiteral("ok"));

    // The same customer (same phone) comes back: the wrap-up is in their history.
    const qsizetype mark = lina.events().size();
    WebCustomer again(*m_hub);
    QVERIFY(again.start(QStringLiteral("张先生")));
    const std::optional<Interaction> second =
        offeredIn(lina.waitForEvent(QString(event::InteractionOffered), 5000, mark));
    QVERIFY(second.has_value());
    QCOMPARE(outcomeOf(lina.call(method::InteractionAccept, InteractionRef{second->id}.toJson())),
             QStringLiteral("ok"));
    const Response history = lina.call(method::HistoryList, InteractionRef{second->id}.toJson());
    QCOMPARE(outcomeOf(history), QStringLiteral("ok"));
    const QJsonArray past = history.result.value(QLatin1StringView("interactions")).toArray();
    QVERIFY(!past.isEmpty());
    Result<PastInteraction> latest = PastInteraction::fromJson(past.first().toObject());
    QVERIFY(latest.ok());
    QCOMPARE(latest.value().id, id);
    QCOMPARE(latest.value().wrapUp.voc, VocKind::Suggestion);
    QCOMPARE(latest.value().wrapUp.notes, QStringLiteral("希望App里能直接买漫游包"));
    QVERIFY(latest.value().wrapUp.followUp);
    QCOMPARE(latest.value().nps, 9);
    QCOMPARE(latest.value().agentName, QStringLiteral("李娜"));
}

void tst_HubChat::transferGoesToTheNamedAgentWithTheNote()
{
    TestClient lina(m_hub->url());
    TestClient chen(m_hub->url());
    QVERIFY(lina.signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(chen.signIn(QStringLiteral("chen.jing")).has_value());
    QVERIFY(setReady(lina));
    WebCustomer customer(*m_hub);
    QVERIFY(customer.start(QStringLiteral("赵女士")));
    const std::optional<Interaction> offered =
        offeredIn(lina.waitForEvent(QString(event::InteractionOffered)));
    QVERIFY(offered.has_value());
    QCOMPARE(outcomeOf(lina.call(method::InteractionAccept, InteractionRef{offered->id}.toJson())),
             QStringLiteral("ok"));
    QVERIFY(setReady(chen));
    const TransferParams transfer{
        offered->id, {}, QStringLiteral("chen.jing"), QStringLiteral("银行App问题，请跟进")};
    QCOMPARE(outcomeOf(lina.call(method::InteractionTransfer, transfer.toJson())),
             QStringLiteral("ok"));
    const std::optional<Interaction> moved =
        offeredIn(chen.waitForEvent(QString(event::InteractionOffered), 5000));
    QVERIFY(moved.has_value());
    QCOMPARE(moved->note, QStringLiteral("银行App问题，请跟进"));
    QCOMPARE(presenceOf(lina), Presence::Ready); // a transfer needs no wrap-up
    const std::optional<ChatMessage> notice =
        messageIn(customer.socket.waitForEvent(QString(event::ChatMessage)));
    QVERIFY(notice.has_value());
    QCOMPARE(notice->sender, Sender::System);
    QCOMPARE(notice->text, QStringLiteral("transferred"));
    QCOMPARE(
        outcomeOf(lina.call(method::InteractionTransfer,
                            TransferParams{offered->id, QStringLiteral("fax"), {}, {}}.toJson())),
        QStringLiteral("not_found")); // no longer li.na's
}

void tst_HubChat::optionalAndTimedWrapUp()
{
    // en-care wraps up optionally: the agent is Ready at once; online-chat
    // is timed: the default code closes it when the (capped) time is up.
    TestClient amy(m_hub->url());
    QVERIFY(amy.signIn(QStringLiteral("amy.lin")).has_value());
    QVERIFY(setReady(amy));
    WebCustomer english(*m_hub);
    QVERIFY(english.start(QStringLiteral("Ms Taylor"), QStringLiteral("en")));
    const std::optional<Interaction> offered =
        offeredIn(amy.waitForEvent(QString(event::InteractionOffered)));
    QVERIFY(offered.has_value());
    QCOMPARE(offered->queueId, QStringLiteral("en-care"));
    QCOMPARE(outcomeOf(amy.call(method::InteractionAccept, InteractionRef{offered->id}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(outcomeOf(amy.call(method::InteractionEnd, InteractionRef{offered->id}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(presenceOf(amy), Presence::Ready);

    TestClient lina(m_hub->url());
    QVERIFY(lina.signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(setReady(lina));
    WebCustomer chinese(*m_hub);
    QVERIFY(chinese.start(QStringLiteral("孙先生")));
    const std::optional<Interaction> chat =
        offeredIn(lina.waitForEvent(QString(event::InteractionOffered)));
    QVERIFY(chat.has_value());
    QCOMPARE(outcomeOf(lina.call(method::InteractionAccept, InteractionRef{chat->id}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(outcomeOf(lina.call(method::InteractionEnd, InteractionRef{chat->id}.toJson())),
             QStringLiteral("ok"));
    // Seen in the events, not a later snapshot: the (capped) 600 ms may be
    // over before a snapshot is answered on a loaded machine.
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const Event& received : lina.events()) {
                if (received.name == event::AgentStateChanged &&
                    received.data.value(QLatin1StringView("state"))
                            .toObject()
                            .value(QLatin1StringView("presence"))
                            .toString() == QStringLiteral("afterCallWork"))
                    return true;
            }
            return false;
        },
        5000));
    QVERIFY(QTest::qWaitFor([&] { return presenceOf(lina) == Presence::Ready; }, 5000));
    QVERIFY(m_hub->log().contains("\"automatic\":true"));
}

void tst_HubChat::hubKilledMidConversationLosesNothing()
{
    QString id;
    QString token;
    {
        TestClient lina(m_hub->url());
        QVERIFY(lina.signIn(QStringLiteral("li.na")).has_value());
        QVERIFY(setReady(lina));
        WebCustomer customer(*m_hub);
        QVERIFY(customer.start(QStringLiteral("钱女士")));
        token = customer.token;
        id = customer.conversationId;
        QVERIFY(offeredIn(lina.waitForEvent(QString(event::InteractionOffered))).has_value());
        QCOMPARE(outcomeOf(lina.call(method::InteractionAccept, InteractionRef{id}.toJson())),
                 QStringLiteral("ok"));
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(outcomeOf(customer.send(QStringLiteral("消息%1").arg(i),
                                             QStringLiteral("k%1").arg(i))),
                     QStringLiteral("ok"));
            QCOMPARE(
                outcomeOf(lina.call(method::ChatSend,
                                    ChatSendParams{id, QStringLiteral("ka%1").arg(i),
                                                   QStringLiteral("回复%1").arg(i), std::nullopt}
                                        .toJson())),
                QStringLiteral("ok"));
        }
        m_hub->kill(); // SIGKILL: every acknowledged message must survive
    }
    QVERIFY(m_hub->restart({QStringLiteral("--offer-timeout-ms"), QStringLiteral("800")}));

    WebCustomer customer(*m_hub);
    QVERIFY(customer.socket.open());
    const Response resumed =
        customer.socket.call(method::CustomerResume, {{QStringLiteral("token"), token}});
    QCOMPARE(outcomeOf(resumed), QStringLiteral("ok"));
    QCOMPARE(resumed.result.value(QLatin1StringView("messages")).toArray().size(), 10);
    QCOMPARE(resumed.result.value(QLatin1StringView("state")).toString(), QStringLiteral("active"));

    TestClient lina(m_hub->url());
    QVERIFY(lina.signIn(QStringLiteral("li.na")).has_value());
    const Response history = lina.call(method::ChatHistory, ChatHistoryParams{id, 0, 100}.toJson());
    QCOMPARE(history.result.value(QLatin1StringView("messages")).toArray().size(), 10);
    // Both sides carry on.
    QCOMPARE(outcomeOf(customer.send(QStringLiteral("恢复了吗"), QStringLiteral("after"))),
             QStringLiteral("ok"));
    const std::optional<ChatMessage> incoming =
        messageIn(lina.waitForEvent(QString(event::ChatMessage)));
    QVERIFY(incoming.has_value());
    QCOMPARE(incoming->seq, 11);
}

void tst_HubChat::ingestNeedsTheTokenAndRaisesPublicPosts()
{
    QNetworkAccessManager network;
    QUrl url = m_hub->webUrl();
    url.setPath(QStringLiteral("/ingest/v1/messages"));
    const QJsonObject post{{QStringLiteral("channel"), QStringLiteral("weibo")},
                           {QStringLiteral("thread"), QStringLiteral("wb-1001")},
                           {QStringLiteral("from"),
                            QJsonObject{{QStringLiteral("handle"), QStringLiteral("@旅行的猫")}}},
                           {QStringLiteral("visibility"), QStringLiteral("public")},
                           {QStringLiteral("text"), QStringLiteral("@某运营商 漫游扣费离谱！")},
                           {QStringLiteral("messageId"), QStringLiteral("wb-msg-1")}};
    QCOMPARE(httpCall(network, "POST", url, QStringLiteral("wrong"), post).status, 401);
    const QString token = m_hub->ingestToken();
    QVERIFY(!token.isEmpty());
    QJsonObject bad = post;
    bad.insert(QStringLiteral("channel"), QStringLiteral("fax"));
    const HttpAnswer refused = httpCall(network, "POST", url, token, bad);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.body.value(QLatin1StringView("error"))
                 .toObject()
                 .value(QLatin1StringView("details"))
                 .toObject()
                 .value(QLatin1StringView("field"))
                 .toString(),
             QStringLiteral("channel"));

    TestClient lina(m_hub->url());
    QVERIFY(lina.signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(setReady(lina));
    const HttpAnswer created = httpCall(network, "POST", url, token, post);
    QCOMPARE(created.status, 201);
    const QString id = created.body.value(QLatin1StringView("interactionId")).toString();
    QCOMPARE(httpCall(network, "POST", url, token, post).status,
             200); // same messageId: stored once
    const std::optional<Interaction> offered =
        offeredIn(lina.waitForEvent(QString(event::InteractionOffered)));
    QVERIFY(offered.has_value());
    QCOMPARE(offered->id, id);
    QCOMPARE(offered->channel, Channel::Social);
    QCOMPARE(offered->visibility, QStringLiteral("public"));
    QCOMPARE(offered->priority, 90); // social-care 70, raised for a public post
    QCOMPARE(outcomeOf(lina.call(method::InteractionAccept, InteractionRef{id}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(
        outcomeOf(lina.call(method::ChatSend,
                            ChatSendParams{id, QStringLiteral("p1"),
                                           QStringLiteral("您好，已私信您核实扣费"), std::nullopt}
                                .toJson())),
        QStringLiteral("ok"));
    QUrl replies = m_hub->webUrl();
    replies.setPath(QStringLiteral("/ingest/v1/replies"));
    replies.setQuery(QStringLiteral("channel=weibo&thread=wb-1001&after=0"));
    const HttpAnswer answer = httpCall(network, "GET", replies, token);
    QCOMPARE(answer.status, 200);
    const QJsonArray messages = answer.body.value(QLatin1StringView("messages")).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().toObject().value(QLatin1StringView("text")).toString(),
             QStringLiteral("您好，已私信您核实扣费"));
}

void tst_HubChat::hostileCustomersGetClearErrorsAndTheHubStaysUp()
{
    WebCustomer customer(*m_hub);
    QVERIFY(customer.socket.open());
    QCOMPARE(outcomeOf(customer.send(QStringLiteral("hi"), QStringLiteral("early"))),
             QStringLiteral("invalid_transition")); // no conversation yet
    QCOMPARE(outcomeOf(customer.socket.call(method::CustomerStart, {{QStringLiteral("name"), 42}})),
             QStringLiteral("invalid_params"));
    QCOMPARE(outcomeOf(customer.socket.call(QStringLiteral("auth.login"))),
             QStringLiteral("unknown_method")); // agent methods do not exist here
    QVERIFY(customer.start(QStringLiteral("<img src=x onerror=alert(1)>")));
    QCOMPARE(outcomeOf(customer.send(QString(5000, u'长'), QStringLiteral("long"))),
             QStringLiteral("invalid_params"));
    // Over the frame limit: a typed error, the socket stays.
    customer.socket.sendText(
        QStringLiteral("{\"id\":7,\"method\":\"customer.send\",\"params\":{\"text\":\"") +
        QString(300 * 1024, u'x') + QStringLiteral("\"}}"));
    const std::optional<Response> tooLarge = customer.socket.waitForOrphanResponse();
    QVERIFY(tooLarge.has_value());
    QCOMPARE(outcomeOf(*tooLarge), QStringLiteral("message_too_large"));

    // A flood of 1,000 messages at once: most are throttled, some stored,
    // and then the socket is closed; the hub carries on.
    for (int i = 0; i < 1000; ++i)
        customer.socket.sendText(
            QStringLiteral("{\"id\":%1,\"method\":\"customer.send\",\"params\":{\"clientMsgId\":"
                           "\"f%1\",\"text\":\"flood\"}}")
                .arg(1000 + i));
    QVERIFY(customer.socket.waitForDisconnected(10000));
    QVERIFY(m_hub->logged(QStringLiteral("web.frame_rejected")));
    QVERIFY(m_hub->log().contains("\"count\":200")); // closed at the limit
    const QByteArray log = m_hub->log();
    QVERIFY(log.contains("\"code\":\"throttled\""));

    WebCustomer next(*m_hub);
    QVERIFY(next.start(QStringLiteral("下一位")));
    QCOMPARE(outcomeOf(next.send(QStringLiteral("还好吗"), QStringLiteral("n1"))),
             QStringLiteral("ok"));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
    db.setDatabaseName(m_hub->dataDir() + QStringLiteral("/qidong-hub.sqlite"));
    QVERIFY(db.open());
    QSqlQuery stored(db);
    QVERIFY(stored.exec(QStringLiteral("SELECT COUNT(*) FROM chat_messages WHERE body = 'flood'")));
    QVERIFY(stored.next());
    QVERIFY(stored.value(0).toInt() > 0);
    QVERIFY(stored.value(0).toInt() < 100);
    db.close();
}

void tst_HubChat::invalidUtf8ClosesOnlyThatSocket()
{
    // QWebSocket cannot send broken text, so speak the protocol by hand.
    QTcpSocket raw;
    raw.connectToHost(m_hub->webUrl().host(), quint16(m_hub->webUrl().port()));
    QVERIFY(raw.waitForConnected(5000));
    raw.write("GET /customer/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
              "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              "Sec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY(QTest::qWaitFor([&] { return raw.bytesAvailable() > 0 || !raw.isOpen(); }, 5000));
    QVERIFY(raw.readAll().startsWith("HTTP/1.1 101"));
    const QByteArray payload("\xff\xfe\xfd", 3);
    const QByteArray mask("\x01\x02\x03\x04", 4);
    QByteArray frame;
    frame.append(char(0x81));                  // FIN + text
    frame.append(char(0x80 | payload.size())); // masked, length
    frame.append(mask);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload[i] ^ mask[i % 4]));
    raw.write(frame);
    QVERIFY(
        QTest::qWaitFor([&] { return raw.state() == QAbstractSocket::UnconnectedState; }, 10000));
    WebCustomer after(*m_hub);
    QVERIFY(after.start(QStringLiteral("后来者")));
}

void tst_HubChat::twoHundredConcurrentChatsEachMessageOnce()
{
    constexpr int kCustomers = 200;
    constexpr int kMessagesEach = 2;
    // This test is single-threaded: offers must wait while it serves others.
    m_hub = std::make_unique<HubProcess>();
    QVERIFY(m_hub->start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("60000")}));
    // Every customer is connected at once and writes while waiting.
    std::vector<std::unique_ptr<WebCustomer>> customers;
    for (int i = 0; i < kCustomers; ++i) {
        customers.push_back(std::make_unique<WebCustomer>(*m_hub));
        QVERIFY(customers.back()->start(QStringLiteral("顾客%1").arg(i)));
        for (int m = 0; m < kMessagesEach; ++m)
            QCOMPARE(outcomeOf(customers.back()->send(QStringLiteral("第%1条").arg(m),
                                                      QStringLiteral("c%1-%2").arg(i).arg(m))),
                     QStringLiteral("ok"));
    }

    const QStringList names{QStringLiteral("li.na"), QStringLiteral("zhang.min"),
                            QStringLiteral("chen.jing")};
    std::vector<std::unique_ptr<TestClient>> agents;
    for (const QString& name : names) {
        agents.push_back(std::make_unique<TestClient>(m_hub->url()));
        QVERIFY(agents.back()->signIn(name).has_value());
        QVERIFY(setReady(*agents.back()));
    }

    // Agents take each offer, read the conversation, answer, end, wrap up.
    QSet<QString> handled;
    QHash<QString, int> customerMessagesSeen;
    std::vector<qsizetype> cursor(agents.size(), 0);
    QElapsedTimer clock;
    clock.start();
    while (handled.size() < kCustomers && clock.elapsed() < 240000) {
        bool progressed = false;
        for (std::size_t a = 0; a < agents.size(); ++a) {
            TestClient& agent = *agents[a];
            const QList<Event>& events = agent.events();
            while (cursor[a] < events.size()) {
                const Event received = events.at(cursor[a]++);
                if (received.name != event::InteractionOffered)
                    continue;
                const std::optional<Interaction> offered = offeredIn(received);
                QVERIFY(offered.has_value());
                QVERIFY2(!handled.contains(offered->id), "offered twice after it was handled");
                QCOMPARE(outcomeOf(agent.call(method::InteractionAccept,
                                              InteractionRef{offered->id}.toJson())),
                         QStringLiteral("ok"));
                const Result<ChatHistory> history = ChatHistory::fromJson(
                    agent.call(method::ChatHistory, ChatHistoryParams{offered->id, 0, 100}.toJson())
                        .result);
                QVERIFY(history.ok());
                QSet<qint64> seqs;
                for (const ChatMessage& message : history.value().messages) {
                    QVERIFY(!seqs.contains(message.seq));
                    seqs.insert(message.seq);
                    if (message.sender == Sender::Customer)
                        ++customerMessagesSeen[offered->id];
                }
                QCOMPARE(outcomeOf(agent.call(method::ChatSend,
                                              ChatSendParams{offered->id, QStringLiteral("r"),
                                                             QStringLiteral("收到"), std::nullopt}
                                                  .toJson())),
                         QStringLiteral("ok"));
                QCOMPARE(outcomeOf(agent.call(method::InteractionEnd,
                                              InteractionRef{offered->id}.toJson())),
                         QStringLiteral("ok"));
                QCOMPARE(outcomeOf(agent.call(
                             method::InteractionWrapUp,
                             WrapUpParams{offered->id, QStringLiteral("resolved")}.toJson())),
                         QStringLiteral("ok"));
                handled.insert(offered->id);
                progressed = true;
            }
        }
        if (!progressed)
            QTest::qWait(20);
    }
    QCOMPARE(handled.size(), kCustomers);
    for (const auto& customer : customers)
        QCOMPARE(customerMessagesSeen.value(customer->conversationId), kMessagesEach);

    // Each customer heard the answer; the store holds every message once.
    for (const auto& customer : customers) {
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const Event& received : customer->socket.events()) {
                    const std::optional<ChatMessage> message = messageIn(received);
                    if (message && message->sender == Sender::Agent)
                        return true;
                }
                return false;
            },
            5000));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
    db.setDatabaseName(m_hub->dataDir() + QStringLiteral("/qidong-hub.sqlite"));
    QVERIFY(db.open());
    QSqlQuery query(db);
    QVERIFY(query.exec(
        QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT interaction_id || '/' || client_msg_id)"
                       " FROM chat_messages WHERE sender = 'customer'")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), kCustomers * kMessagesEach);
    QCOMPARE(query.value(1).toInt(), kCustomers * kMessagesEach);
    db.close();
}

void tst_HubChat::simulateSubcommandPlaysConversations()
{
    TestClient lina(m_hub->url());
    QVERIFY(lina.signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(setReady(lina));
    QProcess simulate;
    simulate.setProcessChannelMode(QProcess::SeparateChannels);
    simulate.start(HubProcess::executable(),
                   {QStringLiteral("simulate"), QStringLiteral("--web"), m_hub->webUrl().toString(),
                    QStringLiteral("--data-dir"), m_hub->dataDir(), QStringLiteral("--scenario"),
                    QStringLiteral("sms-bank-app"), QStringLiteral("--scenario"),
                    QStringLiteral("weibo-praise"), QStringLiteral("--reply-wait-ms"),
                    QStringLiteral("20000"), QStringLiteral("--poll-ms"), QStringLiteral("100")});
    QVERIFY(simulate.waitForStarted());
    // The agent answers whatever is offered, as a person at the desk would.
    QSet<QString> answered;
    qsizetype cursor = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            while (cursor < lina.events().size()) {
                const Event received = lina.events().at(cursor++);
                const std::optional<Interaction> offered =
                    received.name == event::InteractionOffered ? offeredIn(received) : std::nullopt;
                if (!offered)
                    continue;
                if (outcomeOf(lina.call(method::InteractionAccept,
                                        InteractionRef{offered->id}.toJson())) !=
                    QStringLiteral("ok"))
                    return true; // fails below
                lina.call(method::ChatSend,
                          ChatSendParams{offered->id, QStringLiteral("ans"),
                                         QStringLiteral("您好，马上为您处理"), std::nullopt}
                              .toJson());
                answered.insert(offered->id);
            }
            return simulate.state() == QProcess::NotRunning;
        },
        60000));
    QCOMPARE(simulate.exitStatus(), QProcess::NormalExit);
    QCOMPARE(simulate.exitCode(), 0);
    const QByteArray output = simulate.readAllStandardOutput();
    QCOMPARE(answered.size(), 2);
    QVERIFY(output.contains("\"event\":\"answered\""));
    QCOMPARE(output.count("\"event\":\"posted\""), 3); // sms: two lines; weibo praise: one
    QVERIFY(!output.contains("post.failed"));

    QProcess badToken;
    badToken.start(HubProcess::executable(),
                   {QStringLiteral("simulate"), QStringLiteral("--web"), m_hub->webUrl().toString(),
                    QStringLiteral("--token"), QStringLiteral("wrong"),
                    QStringLiteral("--scenario"), QStringLiteral("weibo-praise")});
    QVERIFY(badToken.waitForFinished(20000));
    QCOMPARE(badToken.exitCode(), 1);
    QVERIFY(badToken.readAllStandardOutput().contains("\"status\":401"));
}

void tst_HubChat::attachmentsReachTheCustomerPageOnly()
{
    TestClient lina(m_hub->url());
    QVERIFY(lina.signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(setReady(lina));
    WebCustomer customer(*m_hub);
    QVERIFY(customer.start(QStringLiteral("周先生")));
    const std::optional<Interaction> offered =
        offeredIn(lina.waitForEvent(QString(event::InteractionOffered)));
    QVERIFY(offered.has_value());
    QCOMPARE(outcomeOf(lina.call(method::InteractionAccept, InteractionRef{offered->id}.toJson())),
             QStringLiteral("ok"));
    const QByteArray guide("roaming guide: open the app, tap Roaming, choose a day pass\n");
    ChatSendParams withFile{
        offered->id, QStringLiteral("f1"), QStringLiteral("开通指南"),
        AttachmentUpload{QStringLiteral("指南.txt"), QStringLiteral("text/plain"), guide}};
    const Response sent = lina.call(method::ChatSend, withFile.toJson());
    QCOMPARE(outcomeOf(sent), QStringLiteral("ok"));
    Result<ChatMessage> stored =
        ChatMessage::fromJson(sent.result.value(QLatin1StringView("message")).toObject());
    QVERIFY(stored.ok() && stored.value().attachment.has_value());
    QCOMPARE(stored.value().attachment->size, guide.size());
    withFile.clientMsgId = QStringLiteral("f2");
    withFile.attachment->mimeType = QStringLiteral("application/x-msdownload");
    QCOMPARE(outcomeOf(lina.call(method::ChatSend, withFile.toJson())),
             QStringLiteral("invalid_params"));

    // The page fetches it with its conversation token; nobody else can.
    QNetworkAccessManager network;
    QUrl url = m_hub->webUrl();
    url.setPath(QStringLiteral("/chat/attachments/") + stored.value().attachment->id);
    url.setQuery(QStringLiteral("token=") +
                 QString::fromLatin1(QUrl::toPercentEncoding(customer.token)));
    QNetworkReply* reply = network.get(QNetworkRequest(url));
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->readAll(), guide);
    QVERIFY(reply->rawHeader("Content-Disposition").startsWith("attachment"));
    reply->deleteLater();
    url.setQuery(QStringLiteral("token=someone-else"));
    reply = network.get(QNetworkRequest(url));
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    reply->deleteLater();
    // And the agent holding the conversation can read it back.
    const Response back =
        lina.call(method::ChatAttachment, InteractionRef{stored.value().attachment->id}.toJson());
    QCOMPARE(outcomeOf(back), QStringLiteral("ok"));
    QCOMPARE(
        QByteArray::fromBase64(back.result.value(QLatin1StringView("data")).toString().toLatin1()),
        guide);
}

QTEST_GUILESS_MAIN(tst_HubChat)
#include "tst_HubChat.moc"
