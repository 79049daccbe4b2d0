#include "HubProcess.h"
#include "SignedInShell.h"
#include "TestClient.h"
#include "WebCustomer.h"
#include "app/SignInFlow.h"
#include "core/connection/HubConnection.h"
#include "core/credentials/CredentialStore.h"
#include "core/session/AgentSession.h"
#include "models/ArticleHitListModel.h"
#include "models/InteractionListModel.h"
#include "protocol/Names.h"
#include "ui/chat/ChatPane.h"
#include "ui/chat/Composer.h"
#include "ui/chat/ConversationView.h"
#include "ui/knowledge/KnowledgePane.h"
#include "ui/shell/OfferToast.h"
#include "ui/shell/ShellWindow.h"

#include <QApplication>
#include <QDir>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTextEdit>
#include <QtTest/QTest>

using namespace qidong;
using namespace qidong::protocol;
using namespace qidong::test;

namespace {

QStringList idsIn(const QListView* view)
{
    QStringList ids;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        ids.append(
            view->model()->index(row, 0).data(models::ArticleHitListModel::IdRole).toString());
    return ids;
}

bool customerReceived(const TestClient& customer, const QString& prefix)
{
    for (const Event& event : customer.events()) {
        if (event.name == event::ChatMessage && event.data.value(QLatin1StringView("message"))
                                                    .toObject()
                                                    .value(QLatin1StringView("text"))
                                                    .toString()
                                                    .startsWith(prefix))
            return true;
    }
    return false;
}

} // namespace

// The knowledge pane in the shell against a real hub: suggestions follow
// the interaction selected, an article opens from them, "insert into reply"
// fills the composer, "send link" reaches the customer, Ctrl+K searches.
class tst_KnowledgePane final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agentFindsAndUsesTheAnswer();
};

void tst_KnowledgePane::initTestCase()
{
    SignedInShell::isolateSettings();
}

void tst_KnowledgePane::agentFindsAndUsesTheAnswer()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("60000")}));
    SignedInShell desktop;
    QVERIFY(desktop.start(hub.url(), QStringLiteral("li.na")));
    ui::ShellWindow* shell = desktop.shell();
    core::AgentSession& session = desktop.session;
    ui::KnowledgePane* pane = shell->knowledgePane();
    QVERIFY(pane);
    session.requestState(Presence::Ready);
    QTRY_COMPARE(session.state().presence, Presence::Ready);

    // Two chats: one about roaming in Thailand, one about a power bank.
    WebCustomer traveller(hub);
    QVERIFY(traveller.start(QStringLiteral("孙女士")));
    QCOMPARE(outcomeOf(traveller.send(QStringLiteral("下周去泰国，在那边上网怎么收费？"),
                                      QStringLiteral("t1"))),
             QStringLiteral("ok"));
    QTRY_VERIFY(shell->offerToast()->isVisible());
    QTest::keyClick(shell, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(shell->chatPane()->view(traveller.conversationId) != nullptr);
    WebCustomer flyer(hub);
    QVERIFY(flyer.start(QStringLiteral("周先生")));
    QCOMPARE(outcomeOf(flyer.send(QStringLiteral("充电宝可以带上飞机吗"), QStringLiteral("f1"))),
             QStringLiteral("ok"));
    QTRY_VERIFY(shell->offerToast()->isVisible());
    QTest::keyClick(shell, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(shell->chatPane()->view(flyer.conversationId) != nullptr);

    // Selecting an interaction switches the conversation and its suggestions.
    QTableView* list = shell->interactionView();
    const auto select = [&](const QString& id) {
        list->setCurrentIndex(list->model()->index(session.interactions().rowOf(id), 0));
    };
    select(traveller.conversationId);
    QTRY_COMPARE(shell->chatPane()->current()->interactionId(), traveller.conversationId);
    QTRY_VERIFY(idsIn(pane->suggestionsView()).contains(QStringLiteral("roaming-rates-th-zh")));
    select(flyer.conversationId);
    QTRY_COMPARE(shell->chatPane()->current()->interactionId(), flyer.conversationId);
    QTRY_VERIFY(idsIn(pane->suggestionsView()).contains(QStringLiteral("baggage-powerbank-zh")));
    QVERIFY(!idsIn(pane->suggestionsView()).contains(QStringLiteral("roaming-rates-th-zh")));

    // Open the suggestion and put its answer into the reply.
    const int row = idsIn(pane->suggestionsView()).indexOf(QStringLiteral("baggage-powerbank-zh"));
    const QModelIndex suggestion = pane->suggestionsView()->model()->index(row, 0);
    QTest::mouseClick(pane->suggestionsView()->viewport(), Qt::LeftButton, {},
                      pane->suggestionsView()->visualRect(suggestion).center());
    QTRY_VERIFY(
        pane->articleView()->toPlainText().startsWith(QStringLiteral("充电宝和锂电池携带规定")));
    QVERIFY(pane->insertButton()->isEnabled());
    QTest::mouseClick(pane->insertButton(), Qt::LeftButton);
    QPlainTextEdit* editor = shell->chatPane()->current()->composer()->editor();
    QVERIFY(editor->toPlainText().startsWith(QStringLiteral("充电宝和备用锂电池严禁托运")));
    QVERIFY(editor->toPlainText().contains(QStringLiteral("\n2. 放在随身行李中")));

    // Send the link: the customer gets it in the chat.
    QVERIFY(pane->sendLinkButton()->isEnabled());
    QTest::mouseClick(pane->sendLinkButton(), Qt::LeftButton);
    QTRY_VERIFY(customerReceived(flyer.socket, QStringLiteral("充电宝和锂电池携带规定: http")));
    QVERIFY(!customerReceived(traveller.socket, QStringLiteral("充电宝和锂电池携带规定")));

    // Ctrl+K goes to the search box; typing shows marked results.
    QTest::keyClick(shell, Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(pane->searchBox()->hasFocus());
    // Chinese arrives from an input method as a committed string.
    QInputMethodEvent typed;
    typed.setCommitString(QStringLiteral("行李延误"));
    QApplication::sendEvent(pane->searchBox(), &typed);
    QCOMPARE(pane->searchBox()->text(), QStringLiteral("行李延误"));
    QTRY_VERIFY(idsIn(pane->resultsView()).contains(QStringLiteral("baggage-delayed-zh")));
    const auto title = pane->resultsView()
                           ->model()
                           ->index(0, 0)
                           .data(models::ArticleHitListModel::TitleRole)
                           .value<MarkedText>();
    QVERIFY(!title.marks.isEmpty());

    const QString screenshots = qEnvironmentVariable("QIDONG_SCREENSHOT_DIR");
    if (!screenshots.isEmpty()) {
        QDir().mkpath(screenshots);
        shell->resize(1400, 900);
        QTest::qWait(300);
        QVERIFY(
            shell->grab().save(QDir(screenshots).filePath(QStringLiteral("knowledge-pane.png"))));
    }
}

QTEST_MAIN(tst_KnowledgePane)
#include "tst_KnowledgePane.moc"
