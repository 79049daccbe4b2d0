#include "FastReconnect.h"
#include "HubProcess.h"
#include "TestClient.h"
#include "core/chat/ChatDesk.h"
#include "core/session/AgentSession.h"
#include "models/ChatTranscriptModel.h"
#include "protocol/Names.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest/QTest>

using namespace qidong;
using namespace qidong::protocol;
using namespace qidong::test;

namespace {} // namespace

// ChatDesk against a real hub: a long conversation opens with its newest
// page and pages back without gaps or repeats; unread counts follow the
// customer and reading clears them; after a hub restart the transcript is
// fetched again and merged, not doubled.
class tst_ChatDesk final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longConversationPagesBackAndSurvivesARestart();
};

void tst_ChatDesk::longConversationPagesBackAndSurvivesARestart()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("60000")}));
    // 250 messages written while the chat waits (10/s is the page's limit,
    // so they go over several customer sockets of the same conversation).
    TestClient first(hub.customerSocketUrl());
    QVERIFY(first.open());
    const Response started =
        first.call(method::CustomerStart, {{QStringLiteral("name"), QStringLiteral("长聊客户")}});
    const QString token = started.result.value(QLatin1StringView("token")).toString();
    const QString id = started.result.value(QLatin1StringView("conversationId")).toString();
    QVERIFY(!token.isEmpty());
    for (int batch = 0; batch < 10; ++batch) {
        TestClient page(hub.customerSocketUrl());
        QVERIFY(page.open());
        QCOMPARE(outcomeOf(page.call(method::CustomerResume, {{QStringLiteral("token"), token}})),
                 QStringLiteral("ok"));
        for (int i = 0; i < 25; ++i)
            QCOMPARE(
                outcomeOf(page.call(method::CustomerSend,
                                    ChatSendParams{{},
                                                   QStringLiteral("m%1-%2").arg(batch).arg(i),
                                                   QStringLiteral("第%1条").arg(batch * 25 + i),
                                                   std::nullopt}
                                        .toJson())),
                QStringLiteral("ok"));
    }

    core::HubConnection connection(fastReconnectSettings());
    core::AgentSession session(connection);
    core::ChatDesk desk(connection, session);
    connection.signIn(hub.url(), QStringLiteral("li.na"), QStringLiteral("qidong-demo"));
    QTRY_VERIFY(session.isSignedIn());
    QSignalSpy opened(&desk, &core::ChatDesk::conversationOpened);
    session.requestState(Presence::Ready);
    QTRY_VERIFY(session.ringingOffer().has_value());
    session.accept(id);
    QTRY_COMPARE(opened.size(), 1);
    models::ChatTranscriptModel* transcript = desk.transcript(id);
    QVERIFY(transcript);
    QAbstractItemModelTester tester(transcript,
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QTRY_COMPARE(transcript->rowCount(), 100); // the newest page
    QCOMPARE(transcript->newestSeq(), 250);
    QVERIFY(desk.hasOlderHistory(id));
    QCOMPARE(desk.unread(id), 250);
    QCOMPARE(session.interactions()
                 .index(0, models::InteractionListModel::UnreadColumn)
                 .data(models::InteractionListModel::UnreadRole)
                 .toInt(),
             250);
    desk.loadOlder(id);
    QTRY_COMPARE(transcript->rowCount(), 200);
    desk.loadOlder(id);
    QTRY_COMPARE(transcript->rowCount(), 250);
    QVERIFY(!desk.hasOlderHistory(id));
    for (int row = 0; row < 250; ++row)
        QCOMPARE(transcript->messageAt(row)->seq, row + 1);
    desk.markRead(id);
    QCOMPARE(desk.unread(id), 0);
    // The hub keeps the mark (it survives the restart below).
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
    db.setDatabaseName(hub.dataDir() + QStringLiteral("/qidong-hub.sqlite"));
    QVERIFY(db.open());
    const auto agentRead = [&db, &id] {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("SELECT agent_read FROM chat_conversations WHERE interaction_id = ?"));
        query.addBindValue(id);
        return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
    };
    QTRY_COMPARE(agentRead(), 250);
    db.close();

    // A canned response has its variables filled in.
    QTRY_VERIFY(!desk.cannedResponses().isEmpty());
    const CannedResponse hello = desk.cannedResponses().constFirst();
    QVERIFY(!desk.expand(hello, id).contains(u'{'));

    // The hub restarts: the desktop resyncs, the transcript is merged, not doubled.
    hub.kill();
    QVERIFY(hub.restart({QStringLiteral("--offer-timeout-ms"), QStringLiteral("60000")}));
    TestClient after(hub.customerSocketUrl());
    QVERIFY(after.open());
    QCOMPARE(outcomeOf(after.call(method::CustomerResume, {{QStringLiteral("token"), token}})),
             QStringLiteral("ok"));
    QCOMPARE(outcomeOf(after.call(
                 method::CustomerSend,
                 ChatSendParams{
                     {}, QStringLiteral("after"), QStringLiteral("重启后还在吗"), std::nullopt}
                     .toJson())),
             QStringLiteral("ok"));
    QTRY_COMPARE_WITH_TIMEOUT(transcript->rowCount(), 251, 15000);
    QCOMPARE(transcript->newestSeq(), 251);
    QTRY_COMPARE(desk.unread(id), 1);
}

QTEST_GUILESS_MAIN(tst_ChatDesk)
#include "tst_ChatDesk.moc"
