#include "FastReconnect.h"
#include "HubProcess.h"
#include "TestClient.h"
#include "WebCustomer.h"
#include "core/chat/ChatDesk.h"
#include "core/knowledge/KnowledgeDesk.h"
#include "core/session/AgentSession.h"
#include "models/ArticleHitListModel.h"
#include "protocol/Names.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest/QTest>

using namespace qidong;
using namespace qidong::protocol;
using namespace qidong::test;

namespace {

QStringList idsIn(const models::ArticleHitListModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.hitAt(row)->id);
    return ids;
}

} // namespace

// KnowledgeDesk against a real hub: typing is debounced into one search,
// an answer to a query the agent has typed past is dropped, suggestions
// follow the conversation chosen and refresh when its customer writes,
// feedback is stored.
class tst_KnowledgeDesk final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void typingIsDebouncedIntoOneSearch();
    void anAnswerToAnOlderQueryIsDropped();
    void withoutAPauseOneSearchIsInFlight();
    void suggestionsFollowTheConversationChosen();
    void openedArticlesTakeFeedback();

private:
    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<core::HubConnection> m_connection;
    std::unique_ptr<core::AgentSession> m_session;
    std::unique_ptr<core::ChatDesk> m_chat;
    std::unique_ptr<core::KnowledgeDesk> m_desk;
};

void tst_KnowledgeDesk::initTestCase()
{
    m_hub = std::make_unique<HubProcess>();
    QVERIFY(m_hub->start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("60000")}));
    m_connection = std::make_unique<core::HubConnection>(fastReconnectSettings());
    m_session = std::make_unique<core::AgentSession>(*m_connection);
    m_chat = std::make_unique<core::ChatDesk>(*m_connection, *m_session);
    m_desk = std::make_unique<core::KnowledgeDesk>(*m_connection, *m_chat,
                                                   core::KnowledgeDesk::Timing{150, 200});
    m_connection->signIn(m_hub->url(), QStringLiteral("li.na"), QStringLiteral("qidong-demo"));
    QTRY_VERIFY(m_session->isSignedIn());
}

void tst_KnowledgeDesk::cleanupTestCase()
{
    m_desk.reset();
    m_chat.reset();
    m_session.reset();
    m_connection.reset();
    m_hub.reset();
}

void tst_KnowledgeDesk::typingIsDebouncedIntoOneSearch()
{
    QAbstractItemModelTester tester(&m_desk->results(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy answered(m_desk.get(), &core::KnowledgeDesk::resultsChanged);
    for (const QString& typed :
         {QStringLiteral("p"), QStringLiteral("po"), QStringLiteral("pow"), QStringLiteral("power"),
          QStringLiteral("power b"), QStringLiteral("power ba")}) {
        m_desk->setQuery(typed);
        QTest::qWait(30); // faster than the pause
    }
    QTRY_COMPARE(answered.size(), 1);
    QTest::qWait(300);
    QCOMPARE(answered.size(), 1); // one search, for what was typed last
    QVERIFY2(idsIn(m_desk->results()).contains(QStringLiteral("baggage-powerbank-en")),
             qPrintable(idsIn(m_desk->results()).join(u' ')));
}

void tst_KnowledgeDesk::anAnswerToAnOlderQueryIsDropped()
{
    QSignalSpy answered(m_desk.get(), &core::KnowledgeDesk::resultsChanged);
    m_desk->setQuery(QStringLiteral("漫游"));
    m_desk->searchNow();
    m_desk->setQuery(QStringLiteral("充电宝"));
    m_desk->searchNow(); // before the first answer is back
    QTRY_COMPARE(answered.size(), 1);
    QTest::qWait(300);
    QCOMPARE(answered.size(), 1);
    QCOMPARE(m_desk->results().hitAt(0)->id, QStringLiteral("baggage-powerbank-zh"));

    // Clearing the box clears the results without asking the hub.
    m_desk->setQuery(QString());
    m_desk->searchNow();
    QCOMPARE(m_desk->results().rowCount(), 0);
}

void tst_KnowledgeDesk::withoutAPauseOneSearchIsInFlight()
{
    // The desktop's default: search at each keystroke, one request out at a
    // time, the latest text sent when it answers.
    core::KnowledgeDesk desk(*m_connection, *m_chat);
    QSignalSpy requests(&desk, &core::KnowledgeDesk::searchingChanged);
    QSignalSpy answered(&desk, &core::KnowledgeDesk::resultsChanged);
    for (const QString& typed : {QStringLiteral("lo"), QStringLiteral("los"),
                                 QStringLiteral("lost"), QStringLiteral("lost b"),
                                 QStringLiteral("lost bag")})
        desk.setQuery(typed);
    QTRY_COMPARE(answered.size(), 1);
    QTest::qWait(300);
    QCOMPARE(answered.size(), 1);
    int sent = 0;
    for (const QList<QVariant>& change : std::as_const(requests))
        sent += change.at(0).toBool() ? 1 : 0;
    QCOMPARE(sent, 2); // "lo", then "lost bag" once "lo" answered
    QVERIFY2(idsIn(desk.results()).contains(QStringLiteral("baggage-lost-en")),
             qPrintable(idsIn(desk.results()).join(u' ')));
}

void tst_KnowledgeDesk::suggestionsFollowTheConversationChosen()
{
    QAbstractItemModelTester tester(&m_desk->suggestions(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_session->requestState(Presence::Ready);
    QTRY_COMPARE(m_session->state().presence, Presence::Ready);
    WebCustomer traveller(*m_hub);
    QVERIFY(traveller.start(QStringLiteral("出行的孙女士")));
    QCOMPARE(outcomeOf(traveller.send(QStringLiteral("下周去泰国，在那边上网怎么收费？"),
                                      QStringLiteral("t1"))),
             QStringLiteral("ok"));
    QTRY_VERIFY(m_session->ringingOffer().has_value());
    m_session->accept(traveller.conversationId);
    QTRY_VERIFY(m_chat->transcript(traveller.conversationId) != nullptr);
    WebCustomer flyer(*m_hub);
    QVERIFY(flyer.start(QStringLiteral("坐飞机的周先生")));
    QCOMPARE(outcomeOf(flyer.send(QStringLiteral("充电宝可以带上飞机吗"), QStringLiteral("f1"))),
             QStringLiteral("ok"));
    QTRY_VERIFY(m_session->ringingOffer().has_value());
    m_session->accept(flyer.conversationId);
    QTRY_VERIFY(m_chat->transcript(flyer.conversationId) != nullptr);

    m_desk->followConversation(traveller.conversationId);
    QTRY_VERIFY(idsIn(m_desk->suggestions()).contains(QStringLiteral("roaming-rates-th-zh")));
    m_desk->followConversation(flyer.conversationId);
    QCOMPARE(m_desk->suggestions().rowCount(), 0); // nothing of the other chat meanwhile
    QTRY_VERIFY(idsIn(m_desk->suggestions()).contains(QStringLiteral("baggage-powerbank-zh")));

    // The customer moves on; the suggestions follow after a pause.
    QSignalSpy refreshed(m_desk.get(), &core::KnowledgeDesk::suggestionsChanged);
    QCOMPARE(outcomeOf(flyer.send(QStringLiteral("另外我的托运行李延误了，到现在还没拿到"),
                                  QStringLiteral("f2"))),
             QStringLiteral("ok"));
    QTRY_COMPARE(refreshed.size(), 1);
    QVERIFY2(idsIn(m_desk->suggestions()).contains(QStringLiteral("baggage-delayed-zh")),
             qPrintable(idsIn(m_desk->suggestions()).join(u' ')));
    // A message in a chat not followed changes nothing here.
    QSignalSpy changed(m_desk.get(), &core::KnowledgeDesk::suggestionsChanged);
    QCOMPARE(outcomeOf(traveller.send(QStringLiteral("还有日本"), QStringLiteral("t2"))),
             QStringLiteral("ok"));
    QTest::qWait(600);
    QCOMPARE(changed.size(), 0);
    m_desk->followConversation({});
    QCOMPARE(m_desk->suggestions().rowCount(), 0);
}

void tst_KnowledgeDesk::openedArticlesTakeFeedback()
{
    QSignalSpy opened(m_desk.get(), &core::KnowledgeDesk::articleOpened);
    m_desk->open(QStringLiteral("baggage-delayed-zh"));
    QTRY_COMPARE(opened.size(), 1);
    QVERIFY(m_desk->openArticle().has_value());
    QCOMPARE(m_desk->openArticle()->title, QStringLiteral("行李延误怎么办"));
    QCOMPARE(m_desk->articleLink().path(), QStringLiteral("/kb/view"));
    const QString reply = core::KnowledgeDesk::replyText(*m_desk->openArticle());
    QVERIFY(reply.startsWith(QStringLiteral("到达后未提取到托运行李")));
    QVERIFY(reply.contains(QStringLiteral("\n1. 在到达行李查询柜台登记")));
    QVERIFY(reply.contains(QStringLiteral("\n3. ")));

    QSignalSpy stored(m_desk.get(), &core::KnowledgeDesk::feedbackStored);
    m_desk->sendFeedback(true);
    QTRY_COMPARE(stored.size(), 1);
    QCOMPARE(stored.first().at(0).toLongLong(), 1);
    QCOMPARE(stored.first().at(1).toLongLong(), 0);

    QSignalSpy failed(m_desk.get(), &core::KnowledgeDesk::failed);
    m_desk->open(QStringLiteral("no-such-article"));
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).value<Error>().code, ErrorCode::NotFound);
    QCOMPARE(m_desk->openArticle()->id, QStringLiteral("baggage-delayed-zh")); // still open
}

QTEST_GUILESS_MAIN(tst_KnowledgeDesk)
#include "tst_KnowledgeDesk.moc"
