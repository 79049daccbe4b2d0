#include "HubProcess.h"
#include "TcpRelay.h"
#include "TestClient.h"
#include "app/SignInFlow.h"
#include "core/chat/ChatDesk.h"
#include "core/connection/HubConnection.h"
#include "core/credentials/CredentialStore.h"
#include "core/session/AgentSession.h"
#include "models/ChatTranscriptModel.h"
#include "protocol/Names.h"
#include "ui/chat/ChatPane.h"
#include "ui/chat/Composer.h"
#include "ui/chat/ConversationView.h"
#include "ui/chat/WrapUpForm.h"
#include "ui/shell/OfferToast.h"
#include "ui/shell/ShellWindow.h"
#include "ui/shell/SignInDialog.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest/QTest>

using namespace qidong;
using namespace qidong::protocol;
using namespace qidong::test;
using namespace std::chrono_literals;

namespace {

bool customerHeard(const TestClient& customer, const QString& text)
{
    for (const Event& event : customer.events()) {
        if (event.name == event::ChatMessage && event.data.value(QLatin1StringView("message"))
                                                        .toObject()
                                                        .value(QLatin1StringView("text"))
                                                        .toString() == text)
            return true;
    }
    return false;
}

int storedCount(const HubProcess& hub, const QString& text)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
    db.setDatabaseName(hub.dataDir() + QStringLiteral("/qidong-hub.sqlite"));
    int count = -1;
    if (db.open()) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT COUNT(*) FROM chat_messages WHERE body = ?"));
        query.addBindValue(text);
        if (query.exec() && query.next())
            count = query.value(0).toInt();
        db.close();
    }
    return count;
}

} // namespace

// The chat pane as an agent uses it, against a real hub and a customer on
// the page's socket: a routed chat opens in a tab, hostile names and texts
// show as plain text, Ctrl+Enter sends, the customer's typing shows, a
// message written while the link is cut waits in the outbox and arrives
// once, canned responses fill in the customer's name, and the wrap-up form
// records the voice of the customer.
class tst_ChatPane final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agentChatsThroughThePane();
};

void tst_ChatPane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QidongTests"));
    QSettings().clear();
}

void tst_ChatPane::agentChatsThroughThePane()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("30000")}));
    TcpRelay relay(hub.url());
    core::HubConnection::Settings settings;
    settings.backoff = {100ms, 400ms, 0.2};
    core::HubConnection connection(settings);
    core::AgentSession session(connection);
    core::CredentialStore credentials(QStringLiteral("qidong-tests"));
    app::SignInFlow flow(connection, session, credentials);
    flow.start(ui::SignInRequest{relay.url(), QStringLiteral("li.na"),
                                 QStringLiteral("qidong-demo"), false, QStringLiteral("en")});
    QTRY_VERIFY(flow.shell() != nullptr);
    ui::ShellWindow* shell = flow.shell();
    shell->show();
    QVERIFY(QTest::qWaitForWindowExposed(shell));
    session.requestState(Presence::Ready);
    QTRY_COMPARE(session.state().presence, Presence::Ready);

    // A customer with a hostile name starts a chat on the page; it is routed here.
    const QString hostileName = QStringLiteral("<b>Boss</b><img src=x>");
    TestClient customer(hub.customerSocketUrl());
    QVERIFY(customer.open());
    const Response started = customer.call(method::CustomerStart,
                                           {{QStringLiteral("name"), hostileName},
                                            {QStringLiteral("language"), QStringLiteral("zh-CN")}});
    QCOMPARE(outcomeOf(started), QStringLiteral("ok"));
    const QString id = started.result.value(QLatin1StringView("conversationId")).toString();
    QCOMPARE(
        outcomeOf(customer.call(method::CustomerSend,
                                ChatSendParams{{},
                                               QStringLiteral("c1"),
                                               QStringLiteral("<a href='x'>点我</a> 漫游怎么开"),
                                               std::nullopt}
                                    .toJson())),
        QStringLiteral("ok"));
    QTRY_VERIFY(shell->offerToast()->isVisible());
    QTest::keyClick(shell, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);

    ui::ChatPane* pane = shell->chatPane();
    QVERIFY(pane);
    QTRY_VERIFY(pane->view(id) != nullptr);
    ui::ConversationView* view = pane->view(id);
    QCOMPARE(pane->current(), view);
    QTRY_COMPARE(view->transcriptView()->model()->rowCount(), 1);
    // Plain text everywhere: the name and message are shown as typed.
    QCOMPARE(view->transcriptView()->model()->index(0, 0).data().toString(),
             QStringLiteral("<a href='x'>点我</a> 漫游怎么开"));
    const QList<QLabel*> labels = view->findChildren<QLabel*>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [&](const QLabel* label) {
        return label->textFormat() == Qt::PlainText && label->text().contains(hostileName);
    }));
    QVERIFY(
        pane->tabs()->tabText(pane->tabs()->indexOf(view)).startsWith(QStringLiteral("<b>Boss")));
    // The whole window, not only the conversation (the offer, the list,
    // the customer pane): no label renders the name as markup, and no
    // tooltip or list tooltip would.
    const QString tag = QStringLiteral("<b>Boss");
    for (const QLabel* label : shell->findChildren<QLabel*>()) {
        QVERIFY2(!label->text().contains(tag) || label->textFormat() == Qt::PlainText,
                 qPrintable(label->objectName() + QStringLiteral(": ") + label->text()));
    }
    for (const QWidget* widget : shell->findChildren<QWidget*>())
        QVERIFY2(!widget->toolTip().contains(tag), qPrintable(widget->toolTip()));
    for (const QAbstractItemView* list : shell->findChildren<QAbstractItemView*>()) {
        const QAbstractItemModel* model = list->model();
        for (int row = 0; model && row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                const QString tip = model->index(row, column).data(Qt::ToolTipRole).toString();
                QVERIFY2(!tip.contains(tag) && !tip.contains(QStringLiteral("<img")),
                         qPrintable(tip));
            }
        }
    }

    // The customer types; the agent sees it.
    QCOMPARE(outcomeOf(customer.call(method::CustomerTyping, {{QStringLiteral("typing"), true}})),
             QStringLiteral("ok"));
    auto* typing = view->findChild<QLabel*>(QStringLiteral("typingIndicator"));
    QVERIFY(typing);
    QTRY_VERIFY(typing->isVisibleTo(view));

    // Ctrl+Enter sends; the customer receives it and the agent sees "Read".
    QPlainTextEdit* editor = view->composer()->editor();
    editor->setFocus();
    editor->insertPlainText(QStringLiteral("您好，请在App里开通")); // keyClicks is ASCII only
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(editor->toPlainText(), QString());
    QTRY_VERIFY(customerHeard(customer, QStringLiteral("您好，请在App里开通")));
    auto* transcript = qobject_cast<models::ChatTranscriptModel*>(view->transcriptView()->model());
    QVERIFY(transcript);
    QTRY_COMPARE(transcript->rowCount(), 2);
    const qint64 replySeq = transcript->newestSeq();
    QCOMPARE(outcomeOf(customer.call(method::CustomerRead, ChatReadParams{{}, replySeq}.toJson())),
             QStringLiteral("ok"));
    QTRY_COMPARE(transcript->index(1, 0).data(models::ChatTranscriptModel::DeliveryRole).toInt(),
                 int(Delivery::Read));

    const QString screenshots = qEnvironmentVariable("QIDONG_SCREENSHOT_DIR");
    if (!screenshots.isEmpty()) {
        QDir().mkpath(screenshots);
        shell->resize(1280, 760);
        QTest::qWait(1100); // one clock tick: SLA and time columns filled
        QVERIFY(shell->grab().save(QDir(screenshots).filePath(QStringLiteral("chat-pane.png"))));
    }

    // The link drops: what the agent writes waits in the outbox, then arrives once.
    relay.setBlocked(true);
    relay.dropAll();
    QTRY_VERIFY(connection.health() != core::HubConnection::Health::Connected);
    editor->insertPlainText(QStringLiteral("断线时写的消息"));
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(transcript->pendingCount(), 1);
    QVERIFY(transcript->index(transcript->rowCount() - 1, 0)
                .data(models::ChatTranscriptModel::PendingRole)
                .toBool());
    relay.setBlocked(false);
    QTRY_COMPARE_WITH_TIMEOUT(connection.health(), core::HubConnection::Health::Connected, 10000);
    QTRY_COMPARE(transcript->pendingCount(), 0);
    QTRY_VERIFY(customerHeard(customer, QStringLiteral("断线时写的消息")));
    QCOMPARE(storedCount(hub, QStringLiteral("断线时写的消息")), 1);

    // A canned response with the customer's name filled in.
    const QList<CannedResponse> canned = flow.chatDesk().cannedResponses();
    const auto hello = std::find_if(canned.cbegin(), canned.cend(), [](const CannedResponse& c) {
        return c.id == QStringLiteral("cr-hello-zh");
    });
    QVERIFY(hello != canned.cend());
    Q_EMIT view->composer()->cannedChosen(*hello);
    QVERIFY(editor->toPlainText().startsWith(hostileName + QStringLiteral("您好，我是李娜")));
    editor->clear();

    // An attachment of a refused type is stopped with a reason.
    QVERIFY(core::ChatDesk::refuseAttachment(QStringLiteral("application/x-msdownload"), 10)
                .has_value());
    QVERIFY(core::ChatDesk::refuseAttachment(QStringLiteral("image/png"), 10 * 1024 * 1024)
                .has_value());
    QVERIFY(!core::ChatDesk::refuseAttachment(QStringLiteral("image/png"), 2048).has_value());

    // End the chat: the wrap-up form replaces the composer; its record is stored.
    auto* end = view->findChild<QPushButton*>(QStringLiteral("endChat"));
    QVERIFY(end);
    QTest::mouseClick(end, Qt::LeftButton);
    ui::WrapUpForm* form = view->wrapUpForm();
    QTRY_VERIFY(form->isVisibleTo(view));
    QTRY_VERIFY(customer.waitForEvent(QString(event::ConversationState)).has_value());
    auto* voc = form->findChild<QComboBox*>(QStringLiteral("vocKind"));
    auto* code = form->findChild<QComboBox*>(QStringLiteral("wrapUpCode"));
    auto* notes = form->findChild<QPlainTextEdit*>(QStringLiteral("wrapUpNotes"));
    QVERIFY(voc && code && notes);
    voc->setCurrentIndex(voc->findData(int(VocKind::Suggestion)));
    code->setCurrentIndex(code->findData(QStringLiteral("suggestion"), Qt::UserRole + 1));
    notes->insertPlainText(QStringLiteral("希望App直接买漫游包"));
    const WrapUpRecord record = form->record();
    QCOMPARE(record.voc, VocKind::Suggestion);
    QCOMPARE(record.code, QStringLiteral("suggestion"));
    QVERIFY(!record.vocCategory.isEmpty());
    QTest::mouseClick(form->findChild<QPushButton*>(QStringLiteral("finishWrapUp")),
                      Qt::LeftButton);
    QTRY_VERIFY(pane->view(id) == nullptr); // wrapped up: the tab closes
    QTRY_VERIFY(hub.log().contains("\"voc\":\"suggestion\""));
}

QTEST_MAIN(tst_ChatPane)
#include "tst_ChatPane.moc"
