// Chat benchmarks (issue 4). Hub: customer message -> agent event latency
// with 500 concurrent chats on loopback, sustained messages per second,
// hub memory per 1,000 open conversations. Desktop: opening a 10,000-message
// transcript in the chat view, and memory with 10 concurrent chats open in
// the shell. Prints Markdown; tools/bench puts it into docs/benchmarks.md.
// Figures, not assertions.
#include "BenchFigures.h"
#include "HubProcess.h"
#include "TestClient.h"
#include "core/chat/ChatDesk.h"
#include "core/connection/HubConnection.h"
#include "core/customer/CustomerDesk.h"
#include "core/knowledge/KnowledgeDesk.h"
#include "core/session/AgentSession.h"
#include "core/voice/CallDesk.h"
#include "core/voice/VoiceEngine.h"
#include "models/ChatTranscriptModel.h"
#include "protocol/Chat.h"
#include "protocol/Names.h"
#include "ui/chat/ChatPane.h"
#include "ui/chat/MessageDelegate.h"
#include "ui/shell/ShellWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QtTest/QTest>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace qidong;
using namespace qidong::protocol;
using qidong::bench::percentile;
using qidong::bench::residentMegabytes;
using namespace qidong::test;

namespace {

std::unique_ptr<TestClient> startCustomer(const HubProcess& hub, int n)
{
    auto customer = std::make_unique<TestClient>(hub.customerSocketUrl());
    if (!customer->open())
        return nullptr;
    const Response started = customer->call(
        method::CustomerStart, {{QStringLiteral("name"), QStringLiteral("顾客%1").arg(n)}});
    return started.error ? nullptr : std::move(customer);
}

struct Row
{
    QString measure;
    QString figure;
    QString target;
};

void print(const QList<Row>& rows)
{
    std::printf("| measure | figure | target |\n|---|---|---|\n");
    for (const Row& row : rows)
        std::printf("| %s | %s | %s |\n", qPrintable(row.measure), qPrintable(row.figure),
                    qPrintable(row.target));
}

// Agents that accept every offer as it comes.
struct AgentDesk
{
    std::vector<std::unique_ptr<TestClient>> agents;
    std::vector<qsizetype> cursors;
    QHash<QString, TestClient*> holder; // interaction -> agent

    int acceptOffers()
    {
        int accepted = 0;
        for (std::size_t a = 0; a < agents.size(); ++a) {
            TestClient& agent = *agents[a];
            while (cursors[a] < agent.events().size()) {
                const Event event = agent.events().at(cursors[a]++);
                if (event.name != event::InteractionOffered)
                    continue;
                const QString id = event.data.value(QLatin1StringView("interaction"))
                                       .toObject()
                                       .value(QLatin1StringView("id"))
                                       .toString();
                if (!agent.call(method::InteractionAccept, InteractionRef{id}.toJson()).error) {
                    holder.insert(id, &agent);
                    ++accepted;
                }
            }
        }
        return accepted;
    }
};

QList<Row> hubFigures()
{
    QList<Row> rows;
    HubProcess hub;
    if (!hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("600000"),
                    QStringLiteral("--chat-capacity"), QStringLiteral("200")})) {
        std::fprintf(stderr, "hub did not start\n");
        return rows;
    }
    const double hubIdle = residentMegabytes(hub.pid());

    AgentDesk desk;
    for (const char* name : {"li.na", "zhang.min", "chen.jing"}) {
        desk.agents.push_back(std::make_unique<TestClient>(hub.url()));
        desk.agents.back()->signIn(QString::fromLatin1(name));
        desk.agents.back()->call(method::AgentSetState,
                                 SetStateParams{Presence::Ready, {}}.toJson());
        desk.cursors.push_back(0);
    }
    constexpr int kChats = 500;
    std::vector<std::unique_ptr<TestClient>> customers;
    QStringList ids;
    for (int i = 0; i < kChats; ++i) {
        customers.push_back(startCustomer(hub, i));
        desk.acceptOffers();
    }
    QElapsedTimer waiting;
    waiting.start();
    while (desk.holder.size() < kChats && waiting.elapsed() < 60000) {
        QTest::qWait(20);
        desk.acceptOffers();
    }
    rows.append({QStringLiteral("concurrent chats held by 3 agents"),
                 QString::number(desk.holder.size()), QStringLiteral("500")});

    // Latency: each customer writes once a second for 10 s (500 messages/s);
    // the time from send to the agent's chat.message event, same clock.
    QHash<QString, qint64> sentAt; // clientMsgId -> ns
    QElapsedTimer clock;
    clock.start();
    std::vector<double> latencies;
    // Timed as each event arrives, not when the benchmark looks.
    for (const auto& agent : desk.agents) {
        QObject::connect(agent.get(), &TestClient::eventArrived, agent.get(),
                         [&](const Event& event) {
                             if (event.name != event::ChatMessage)
                                 return;
                             const QString id = event.data.value(QLatin1StringView("message"))
                                                    .toObject()
                                                    .value(QLatin1StringView("clientMsgId"))
                                                    .toString();
                             const auto sent = sentAt.constFind(id);
                             if (sent != sentAt.cend())
                                 latencies.push_back(double(clock.nsecsElapsed() - *sent) / 1e6);
                         });
    }
    const auto collect = [] { QCoreApplication::processEvents(); };
    constexpr int kSeconds = 10;
    int sent = 0;
    // One message every 2 ms, each written out at once; the loop keeps
    // receiving in between, as separate customers and agents would.
    for (int second = 0; second < kSeconds; ++second) {
        for (int i = 0; i < kChats; ++i) {
            const qint64 due = (qint64(second) * kChats + i) * 1000000000LL / kChats;
            while (clock.nsecsElapsed() < due)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            const QString id = QStringLiteral("lat-%1-%2").arg(second).arg(i);
            sentAt.insert(id, clock.nsecsElapsed());
            TestClient& customer = *customers[std::size_t(i)];
            customer.sendText(QString::fromUtf8(encodeMessage(
                Request{qint64(1000000 + sent), QString(method::CustomerSend),
                        ChatSendParams{{}, id, QStringLiteral("在吗？我的订单到哪了"), std::nullopt}
                            .toJson()})));
            customer.flush();
            ++sent;
        }
    }
    QElapsedTimer drain;
    drain.start();
    while (int(latencies.size()) < sent && drain.elapsed() < 20000) {
        QTest::qWait(10);
        collect();
    }
    rows.append({QStringLiteral("customer message -> agent event, p50 / p99 (500 chats, 500 msg/s, "
                                "%1 messages)")
                     .arg(latencies.size()),
                 QStringLiteral("%1 / %2 ms")
                     .arg(percentile(latencies, 0.5), 0, 'f', 1)
                     .arg(percentile(latencies, 0.99), 0, 'f', 1),
                 QStringLiteral("p99 ≤ 20 ms")});

    // Sustained: every customer writes 10 messages as fast as it can.
    latencies.clear();
    const qint64 burstStart = clock.nsecsElapsed();
    const int before = sent;
    for (int round = 0; round < 10; ++round) {
        for (int i = 0; i < kChats; ++i) {
            const QString id = QStringLiteral("burst-%1-%2").arg(round).arg(i);
            sentAt.insert(id, clock.nsecsElapsed());
            customers[std::size_t(i)]->sendText(QString::fromUtf8(encodeMessage(
                Request{qint64(2000000 + sent), QString(method::CustomerSend),
                        ChatSendParams{{}, id, QStringLiteral("burst"), std::nullopt}.toJson()})));
            ++sent;
        }
        QTest::qWait(1);
        collect();
    }
    drain.restart();
    while (int(latencies.size()) < sent - before && drain.elapsed() < 60000) {
        QTest::qWait(5);
        collect();
    }
    const double burstSeconds = double(clock.nsecsElapsed() - burstStart) / 1e9;
    rows.append({QStringLiteral("sustained: 5,000 messages stored and delivered to agents"),
                 QStringLiteral("%1 msg/s (%2 of %3 in %4 s)")
                     .arg(double(latencies.size()) / burstSeconds, 0, 'f', 0)
                     .arg(latencies.size())
                     .arg(sent - before)
                     .arg(burstSeconds, 0, 'f', 2),
                 QStringLiteral("")});
    const double hubWith500 = residentMegabytes(hub.pid());

    // Memory: 1,000 more conversations opened and waiting.
    std::vector<std::unique_ptr<TestClient>> waitingCustomers;
    const double beforeThousand = residentMegabytes(hub.pid());
    for (int i = 0; i < 1000; ++i)
        waitingCustomers.push_back(startCustomer(hub, 10000 + i));
    QTest::qWait(1500);
    const double afterThousand = residentMegabytes(hub.pid());
    rows.append({QStringLiteral("hub resident memory: idle / 500 active chats after the runs"),
                 QStringLiteral("%1 / %2 MB").arg(hubIdle, 0, 'f', 1).arg(hubWith500, 0, 'f', 1),
                 QStringLiteral("")});
    rows.append({QStringLiteral("hub memory per 1,000 more open conversations (with sockets)"),
                 QStringLiteral("%1 MB").arg(afterThousand - beforeThousand, 0, 'f', 1),
                 QStringLiteral("")});
    return rows;
}

QList<Row> desktopFigures()
{
    QList<Row> rows;
    // Opening a 10,000-message transcript: model filled, view shown, laid
    // out and painted at the newest message.
    std::vector<double> openTimes;
    for (int run = 0; run < 5; ++run) {
        QList<ChatMessage> messages;
        messages.reserve(10000);
        for (int seq = 1; seq <= 10000; ++seq) {
            ChatMessage message;
            message.interactionId = QStringLiteral("i-bench");
            message.seq = seq;
            message.sender = seq % 2 ? Sender::Customer : Sender::Agent;
            message.senderName = seq % 2 ? QStringLiteral("王女士") : QStringLiteral("李娜");
            message.text = seq % 7 == 0
                               ? QStringLiteral("我在泰国，国际漫游一直开不了，流量包也买不了，"
                                                "能帮我看一下吗？订单号 20261120-%1")
                                     .arg(seq)
                               : QStringLiteral("好的，第 %1 条").arg(seq);
            message.sentAtMs = 1763884800000 + seq * 1000;
            messages.append(message);
        }
        QElapsedTimer timer;
        timer.start();
        models::ChatTranscriptModel model;
        model.addAll(messages);
        QListView view;
        view.setItemDelegate(new ui::MessageDelegate(&view));
        view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view.setResizeMode(QListView::Adjust);
        view.resize(520, 640);
        view.setModel(&model);
        view.show();
        view.scrollToBottom();
        (void)QTest::qWaitForWindowExposed(&view);
        view.grab(); // a full paint of what is visible
        openTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    rows.append(
        {QStringLiteral("open a 10,000-message transcript (fill, lay out, paint at the end), "
                        "median of 5"),
         QStringLiteral("%1 ms").arg(percentile(openTimes, 0.5), 0, 'f', 0),
         QStringLiteral("≤ 150 ms")});

    // Memory with 10 chats open in the shell, 40 messages each.
    HubProcess hub;
    if (!hub.start({QStringLiteral("--chat-capacity"), QStringLiteral("10")}))
        return rows;
    const double base = residentMegabytes();
    core::HubConnection connection({});
    core::AgentSession session(connection);
    core::ChatDesk desk(connection, session);
    core::VoiceEngine voice;
    core::CallDesk calls(connection, session, voice);
    core::KnowledgeDesk knowledge(connection, desk);
    core::CustomerDesk customerDesk(connection);
    connection.signIn(hub.url(), QStringLiteral("li.na"), QStringLiteral("qidong-demo"));
    (void)QTest::qWaitFor([&] { return session.isSignedIn(); }, 10000);
    ui::ShellWindow shell(connection, session, desk, calls, knowledge, customerDesk);
    shell.show();
    (void)QTest::qWaitForWindowExposed(&shell);
    session.requestState(Presence::Ready);
    std::vector<std::unique_ptr<TestClient>> customers;
    for (int i = 0; i < 10; ++i) {
        customers.push_back(startCustomer(hub, i));
        for (int m = 0; m < 20; ++m)
            customers.back()->call(
                method::CustomerSend,
                ChatSendParams{{},
                               QStringLiteral("m%1").arg(m),
                               QStringLiteral("第 %1 条消息，关于漫游和流量包").arg(m),
                               std::nullopt}
                    .toJson());
    }
    QElapsedTimer accepting;
    accepting.start();
    while (desk.conversations().size() < 10 && accepting.elapsed() < 30000) {
        if (const std::optional<InteractionOffer> offer = session.ringingOffer())
            session.accept(offer->interaction.id);
        QTest::qWait(20);
    }
    QTest::qWait(1500);
    for (const QString& id : desk.conversations()) {
        shell.chatPane()->showConversation(id); // every tab laid out once
        QTest::qWait(50);
    }
    const double withChats = residentMegabytes();
    rows.append(
        {QStringLiteral("desktop resident memory, shell with %1 chats open (20 messages each)")
             .arg(desk.conversations().size()),
         QStringLiteral("%1 MB").arg(withChats, 0, 'f', 1), QStringLiteral("")});
    rows.append(
        {QStringLiteral("(same process before sign-in, incl. the benchmark's own test clients)"),
         QStringLiteral("%1 MB").arg(base, 0, 'f', 1), QStringLiteral("")});
    return rows;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const bool desktopOnly = app.arguments().contains(QStringLiteral("--desktop"));
    const bool hubOnly = app.arguments().contains(QStringLiteral("--hub"));
    QList<Row> rows;
    if (!desktopOnly)
        rows += hubFigures();
    if (!hubOnly)
        rows += desktopFigures();
    print(rows);
    return 0;
}
