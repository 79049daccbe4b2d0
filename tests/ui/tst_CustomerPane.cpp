#include "HubProcess.h"
#include "SignedInShell.h"
#include "TestClient.h"
#include "WebCustomer.h"
#include "app/SignInFlow.h"
#include "core/connection/HubConnection.h"
#include "core/credentials/CredentialStore.h"
#include "core/customer/CustomerDesk.h"
#include "core/session/AgentSession.h"
#include "protocol/Names.h"
#include "ui/customer/CustomerPane.h"
#include "ui/customer/PreferenceMatrix.h"
#include "ui/shell/OfferToast.h"
#include "ui/shell/ShellWindow.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeWidget>
#include <QtTest/QTest>

using namespace qidong;
using namespace qidong::protocol;
using namespace qidong::test;

namespace {

QTreeWidgetItem* itemWithCode(QTreeWidget* tree, const QString& code)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->data(0, Qt::UserRole).toString() == code)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

// The customer 360 in the shell against a real hub with demo customers: it
// follows the interaction selected, shows personal data masked until a
// reveal, the history a page at a time, offers with one-click outcome,
// notes, and never reads a customer's text as markup.
class tst_CustomerPane final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theWholeCustomerFollowsTheSelection();
};

void tst_CustomerPane::initTestCase()
{
    SignedInShell::isolateSettings();
}

void tst_CustomerPane::theWholeCustomerFollowsTheSelection()
{
    HubProcess hub;
    QVERIFY(hub.start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("60000")}));
    SignedInShell desktop;
    QVERIFY(desktop.start(hub.url(), QStringLiteral("li.na")));
    ui::ShellWindow* shell = desktop.shell();
    core::AgentSession& session = desktop.session;
    ui::CustomerPane* pane = shell->customerPane();
    QVERIFY(pane);
    QCOMPARE(pane->nameLabel()->textFormat(), Qt::PlainText);
    session.requestState(Presence::Ready);
    QTRY_COMPARE(session.state().presence, Presence::Ready);

    // 王丽 writes from the page with her phone; a new customer with a
    // hostile name from another.
    WebCustomer wangLi(hub);
    QVERIFY(wangLi.start(QStringLiteral("王女士")));
    QTRY_VERIFY(shell->offerToast()->isVisible());
    QTest::keyClick(shell, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    WebCustomer stranger(hub);
    QVERIFY(stranger.socket.open());
    const Response started = stranger.socket.call(
        method::CustomerStart, {{QStringLiteral("name"), QStringLiteral("<b>Boss</b><img src=x>")},
                                {QStringLiteral("phone"), QStringLiteral("13912345678")}});
    QCOMPARE(outcomeOf(started), QStringLiteral("ok"));
    const QString strangerChat =
        started.result.value(QLatin1StringView("conversationId")).toString();
    QTRY_VERIFY(shell->offerToast()->isVisible());
    QTest::keyClick(shell, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(session.interactions().rowCount(), 2);

    QTableView* list = shell->interactionView();
    const auto select = [&](const QString& id) {
        list->setCurrentIndex(list->model()->index(session.interactions().rowOf(id), 0));
    };
    select(wangLi.conversationId);
    QTRY_COMPARE(pane->nameLabel()->text(), QStringLiteral("王丽"));
    QCOMPARE(pane->phoneLabel()->text(), QStringLiteral("138****8000"));
    QVERIFY(pane->metricsLabel()->text().contains(QStringLiteral("NPS")));
    QTRY_VERIFY(pane->timelineView()->model()->rowCount() >= 13);
    QVERIFY(pane->preferenceMatrix()->sizeHint().height() > 20);

    // Another interaction: another customer, their name as typed.
    select(strangerChat);
    QTRY_COMPARE(pane->nameLabel()->text(), QStringLiteral("<b>Boss</b><img src=x>"));
    QCOMPARE(pane->phoneLabel()->text(), QStringLiteral("139****5678"));
    QTRY_COMPARE(pane->timelineView()->model()->rowCount(), 1); // this chat only

    // Back: shown at once from what was fetched, refreshed behind it.
    select(wangLi.conversationId);
    QCOMPARE(pane->nameLabel()->text(), QStringLiteral("王丽"));
    QVERIFY(!pane->loadingLabel()->isVisible());

    // Reveal: allowed while handling her chat; the label shows the number.
    QVERIFY(pane->revealPhoneButton()->isVisible());
    QTest::mouseClick(pane->revealPhoneButton(), Qt::LeftButton);
    QTRY_COMPARE(pane->phoneLabel()->text(), QStringLiteral("13800138000"));
    QVERIFY(!pane->revealPhoneButton()->isVisible());

    // An offer's outcome in one click.
    QTRY_VERIFY(itemWithCode(pane->offersView(), QStringLiteral("car-hire")) != nullptr);
    pane->offersView()->setCurrentItem(
        itemWithCode(pane->offersView(), QStringLiteral("car-hire")));
    QTest::mouseClick(pane->findChild<QPushButton*>(QStringLiteral("offer-accepted")),
                      Qt::LeftButton);
    QTRY_COMPARE(itemWithCode(pane->offersView(), QStringLiteral("car-hire"))->text(2),
                 QStringLiteral("Accepted"));

    // A note for everyone who serves her.
    pane->noteEditor()->setPlainText(QStringLiteral("常去日本，喜欢微信联系"));
    QTest::mouseClick(pane->addNoteButton(), Qt::LeftButton);
    QTRY_VERIFY(pane->notesView()->count() > 0 &&
                pane->notesView()->item(0)->text().startsWith(QStringLiteral("常去日本")));

    const QString screenshots = qEnvironmentVariable("QIDONG_SCREENSHOT_DIR");
    if (!screenshots.isEmpty()) {
        QDir().mkpath(screenshots);
        QTest::qWait(300);
        QVERIFY(shell->grab().save(QDir(screenshots).filePath(QStringLiteral("customer-360.png"))));
    }
}

QTEST_MAIN(tst_CustomerPane)
#include "tst_CustomerPane.moc"
