#include "FastReconnect.h"
#include "HubProcess.h"
#include "core/chat/ChatDesk.h"
#include "core/connection/HubConnection.h"
#include "core/session/AgentSession.h"
#include "models/ChatTranscriptModel.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest/QTest>

using namespace qidong;
using namespace qidong::protocol;
using namespace qidong::test;

// A customer in a real browser (Debian's chromium, headless, driven by
// playwright-core from customer.mjs) chats with an agent played by the
// real desktop core (HubConnection, AgentSession, ChatDesk): routed, both
// ways, read receipts, a reload that keeps everything, the end, a rating.
class tst_BrowserChat final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void customerInChromiumChatsWithTheDesktopCore();
    void customerFindsAnswersThemselves();
};

void tst_BrowserChat::customerInChromiumChatsWithTheDesktopCore()
{
    const QString e2eDir = QStringLiteral(QIDONG_E2E_DIR);
    QVERIFY2(QFile::exists(e2eDir + QStringLiteral("/node_modules/playwright-core")),
             "playwright-core is not installed: run tools/test (it runs npm ci in tests/e2e)");
    const QString chromium =
        qEnvironmentVariable("QIDONG_CHROMIUM", QStringLiteral("/usr/bin/chromium"));
    QVERIFY2(QFile::exists(chromium), "Debian's chromium is not installed: run tools/test");

    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("60000")}));
    core::HubConnection connection(fastReconnectSettings());
    core::AgentSession session(connection);
    core::ChatDesk desk(connection, session);
    connection.signIn(hub.url(), QStringLiteral("li.na"), QStringLiteral("qidong-demo"));
    QTRY_VERIFY(session.isSignedIn());
    session.requestState(Presence::Ready);
    QTRY_COMPARE(session.state().presence, Presence::Ready);

    // The agent: accepts what is offered, answers the first message, reads.
    QString conversation;
    connect(&session, &core::AgentSession::offerReceived, this, [&](const InteractionOffer& offer) {
        conversation = offer.interaction.id;
        session.accept(offer.interaction.id);
    });
    bool answered = false;
    connect(&desk, &core::ChatDesk::messageArrived, this,
            [&](const QString& id, const ChatMessage& message) {
                if (message.sender != Sender::Customer || answered)
                    return;
                answered = true;
                desk.markRead(id);
                desk.send(id, QStringLiteral("您好，请在App里一键开通国际漫游"));
            });
    connect(&desk, &core::ChatDesk::conversationOpened, this, [&](const QString& id) {
        // A message written before the accept arrives with the history.
        connect(desk.transcript(id), &QAbstractItemModel::rowsInserted, this, [&, id] {
            if (answered || desk.transcript(id)->newestCustomerSeq() == 0)
                return;
            answered = true;
            desk.markRead(id);
            desk.send(id, QStringLiteral("您好，请在App里一键开通国际漫游"));
        });
    });

    QProcess browser;
    browser.setWorkingDirectory(e2eDir);
    browser.setProcessChannelMode(QProcess::SeparateChannels);
    QStringList steps;
    QByteArray pending;
    connect(&browser, &QProcess::readyReadStandardOutput, this, [&] {
        pending += browser.readAllStandardOutput();
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(end)).trimmed();
            pending.remove(0, end + 1);
            if (line.startsWith(QStringLiteral("step:")))
                steps.append(line.mid(5));
            if (line == QStringLiteral("step:reloaded"))
                session.end(conversation); // the page should now ask for a rating
        }
    });
    browser.start(QStringLiteral("node"),
                  {e2eDir + QStringLiteral("/customer.mjs"), hub.webUrl().toString(), chromium});
    QVERIFY(browser.waitForStarted());
    QVERIFY(QTest::qWaitFor([&] { return browser.state() == QProcess::NotRunning; }, 120000));
    const QByteArray errors = browser.readAllStandardError();
    QVERIFY2(browser.exitCode() == 0, errors.constData());
    QCOMPARE(steps, (QStringList{QStringLiteral("started"), QStringLiteral("sent"),
                                 QStringLiteral("replied"), QStringLiteral("reloaded"),
                                 QStringLiteral("rated"), QStringLiteral("english")}));

    // What the page sent is what the agent got, as plain text.
    models::ChatTranscriptModel* transcript = desk.transcript(conversation);
    QVERIFY(transcript);
    QVERIFY(transcript->index(0, 0).data().toString().contains(QStringLiteral("<script>")));

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
    db.setDatabaseName(hub.dataDir() + QStringLiteral("/qidong-hub.sqlite"));
    QVERIFY(db.open());
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT csat, nps, rating_comment FROM chat_conversations WHERE interaction_id = ?"));
    query.addBindValue(conversation);
    QVERIFY(query.exec() && query.next());
    QCOMPARE(query.value(0).toInt(), 5);
    QCOMPARE(query.value(1).toInt(), 9);
    QCOMPARE(query.value(2).toString(), QStringLiteral("很快，谢谢"));
    db.close();
}

void tst_BrowserChat::customerFindsAnswersThemselves()
{
    const QString e2eDir = QStringLiteral(QIDONG_E2E_DIR);
    QVERIFY(QFile::exists(e2eDir + QStringLiteral("/node_modules/playwright-core")));
    const QString chromium =
        qEnvironmentVariable("QIDONG_CHROMIUM", QStringLiteral("/usr/bin/chromium"));
    HubProcess hub;
    QVERIFY(hub.start());
    QProcess browser;
    browser.start(QStringLiteral("node"), {e2eDir + QStringLiteral("/customer_help.mjs"),
                                           hub.webUrl().toString(), chromium});
    QVERIFY(browser.waitForStarted());
    QVERIFY(QTest::qWaitFor([&] { return browser.state() == QProcess::NotRunning; }, 120000));
    const QByteArray errors = browser.readAllStandardError();
    QVERIFY2(browser.exitCode() == 0, errors.constData());
    QStringList steps;
    for (const QByteArray& line : browser.readAllStandardOutput().split('\n')) {
        if (line.startsWith("step:"))
            steps.append(QString::fromUtf8(line.mid(5)).trimmed());
    }
    QCOMPARE(steps, (QStringList{QStringLiteral("found"), QStringLiteral("read"),
                                 QStringLiteral("agent-only"), QStringLiteral("hostile"),
                                 QStringLiteral("english")}));
    // The article read on the page counted as a view, by "web".
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("views"));
    db.setDatabaseName(hub.dataDir() + QStringLiteral("/qidong-hub.sqlite"));
    QVERIFY(db.open());
    {
        QSqlQuery query(db);
        QVERIFY(query.exec(
            QStringLiteral("SELECT COUNT(*) FROM kb_views v JOIN kb_articles a ON a.doc = v.doc"
                           " WHERE a.id = 'baggage-powerbank-zh' AND v.viewer = 'web'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }
    db.close();
}

QTEST_GUILESS_MAIN(tst_BrowserChat)
#include "tst_BrowserChat.moc"
