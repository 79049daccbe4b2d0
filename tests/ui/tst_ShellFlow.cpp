#include "HubProcess.h"
#include "TestClient.h"
#include "app/SignInFlow.h"
#include "core/connection/HubConnection.h"
#include "core/credentials/CredentialStore.h"
#include "core/session/AgentSession.h"
#include "models/InteractionListModel.h"
#include "protocol/Names.h"
#include "ui/shell/OfferToast.h"
#include "ui/shell/ShellWindow.h"
#include "ui/shell/SignInDialog.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace qidong;
using namespace qidong::protocol;
using namespace qidong::test;
using namespace std::chrono_literals;

namespace {

template <typename Widget> Widget* byAccessibleName(QWidget* root, const QString& name)
{
    const QList<Widget*> all = root->findChildren<Widget*>();
    for (Widget* widget : all) {
        if (widget->accessibleName() == name)
            return widget;
    }
    return nullptr;
}

} // namespace

// The desktop as an agent uses it, through its widgets, against a real hub:
// sign in through the dialog, go Not Ready (lunch) and Ready with the state
// selector and a shortcut, receive an offer, accept it with the keyboard,
// see it in the list. Set QIDONG_SCREENSHOT_DIR to keep a screenshot.
class tst_ShellFlow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agentWorksAShiftThroughTheWidgets();
    void wrongPasswordIsShownInTheDialog();
    void aHubTheOrganisationLockedCannotBeChanged();
};

void tst_ShellFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("QidongTests"));
    QSettings().clear();
}

void tst_ShellFlow::agentWorksAShiftThroughTheWidgets()
{
    HubProcess hub;
    QVERIFY(hub.start());
    core::HubConnection::Settings settings;
    settings.backoff = {200ms, 1000ms, 0.2};
    core::HubConnection connection(settings);
    core::AgentSession session(connection);
    core::CredentialStore credentials(QStringLiteral("qidong-tests"));
    app::SignInFlow flow(connection, session, credentials);
    flow.start({});

    ui::SignInDialog* dialog = flow.dialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto* hubField = byAccessibleName<QLineEdit>(dialog, QStringLiteral("Hub address"));
    auto* userField = byAccessibleName<QLineEdit>(dialog, QStringLiteral("Username"));
    auto* passwordField = byAccessibleName<QLineEdit>(dialog, QStringLiteral("Password"));
    QVERIFY(hubField && userField && passwordField);
    hubField->clear();
    QTest::keyClicks(hubField, hub.url().toString());
    QTest::keyClicks(userField, QStringLiteral("li.na"));
    QTest::keyClicks(passwordField, QStringLiteral("qidong-demo"));
    QTest::keyClick(passwordField, Qt::Key_Return);

    QTRY_VERIFY(flow.shell() != nullptr);
    ui::ShellWindow* shell = flow.shell();
    QVERIFY(QTest::qWaitForWindowExposed(shell));
    QVERIFY(!dialog->isVisible());
    QVERIFY(shell->windowTitle().contains(QStringLiteral("李娜")));
    auto* health = byAccessibleName<QLabel>(shell, QStringLiteral("Connection to the hub"));
    QVERIFY(health);
    QTRY_VERIFY(health->text().contains(QStringLiteral("Connected")));

    // Not Ready (lunch), chosen with the keyboard in the state selector.
    auto* state = byAccessibleName<QComboBox>(shell, QStringLiteral("Agent state"));
    QVERIFY(state);
    const int lunch = state->findData(QStringLiteral("lunch"));
    QVERIFY(lunch > 0);
    state->setFocus();
    state->setCurrentIndex(0);
    for (int i = 0; i < lunch; ++i)
        QTest::keyClick(state, Qt::Key_Down);
    QTRY_COMPARE(session.state().presence, Presence::NotReady);
    QCOMPARE(session.state().reasonCode, QStringLiteral("lunch"));
    QCOMPARE(state->currentIndex(), lunch);

    // Ready by shortcut.
    QTest::keyClick(shell, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(session.state().presence, Presence::Ready);
    QTRY_COMPARE(state->currentData().toString(), QStringLiteral("ready"));

    // A Weibo complaint is offered; the toast shows it; Ctrl+Shift+A accepts.
    TestClient admin(hub.url());
    QVERIFY(admin.signIn(QStringLiteral("admin")).has_value());
    CreateInteractionParams complaint;
    complaint.channel = Channel::Social;
    complaint.queueId = QStringLiteral("social-care");
    complaint.customer = CustomerRef{{},
                                     QStringLiteral("王先生（微博投诉）"),
                                     QStringLiteral("weibo"),
                                     QStringLiteral("@wang***")};
    complaint.offerTo = QStringLiteral("li.na");
    QVERIFY(admin.call(method::AdminCreateInteraction, complaint.toJson())
                .result.value(QLatin1StringView("offered"))
                .toBool());
    ui::OfferToast* toast = shell->offerToast();
    QTRY_VERIFY(toast->isVisible());
    const QList<QLabel*> labels = toast->findChildren<QLabel*>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel* label) {
        return label->text() == QStringLiteral("王先生（微博投诉）");
    }));
    QTableView* list = shell->interactionView();
    QCOMPARE(list->model()->rowCount(), 1);

    QTest::keyClick(shell, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(!toast->isVisible());
    QTRY_COMPARE(list->model()->index(0, 0).data(models::InteractionListModel::StateRole).toInt(),
                 int(InteractionState::Active));
    QTRY_COMPARE(session.state().presence, Presence::Busy);
    QCOMPARE(
        list->model()->index(0, models::InteractionListModel::CustomerColumn).data().toString(),
        QStringLiteral("王先生（微博投诉）"));

    const QString screenshots = qEnvironmentVariable("QIDONG_SCREENSHOT_DIR");
    if (!screenshots.isEmpty()) {
        QDir().mkpath(screenshots);
        QTest::qWait(1100); // one clock tick, so the time columns are filled
        QVERIFY(shell->grab().save(QDir(screenshots).filePath(QStringLiteral("main-window.png"))));
    }

    // End it from the keyboard: wrap-up starts and its time counts down.
    list->setCurrentIndex(list->model()->index(0, 0));
    QTest::keyClick(shell, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(session.state().presence, Presence::AfterCallWork);
    QVERIFY(session.state().untilMs > session.state().sinceMs);
    auto* timeInState = byAccessibleName<QLabel>(shell, QStringLiteral("Time in state"));
    QVERIFY(timeInState);
    QTRY_VERIFY(timeInState->text().contains(QStringLiteral("wrap-up")));
    QVERIFY(timeInState->text().contains(QStringLiteral("left")));
    session.wrapUp(session.interactions().interactionAt(0)->id, QStringLiteral("complaint-case"));
    QTRY_COMPARE(session.state().presence, Presence::Ready);
    QTRY_COMPARE(list->model()->rowCount(), 0);

    // Signing out returns to the dialog.
    QTest::keyClick(shell, Qt::Key_Q, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(flow.dialog()->isVisible());
    QTRY_VERIFY(flow.shell() == nullptr);
}

void tst_ShellFlow::wrongPasswordIsShownInTheDialog()
{
    HubProcess hub;
    QVERIFY(hub.start());
    core::HubConnection connection({});
    core::AgentSession session(connection);
    core::CredentialStore credentials(QStringLiteral("qidong-tests"));
    app::SignInFlow flow(connection, session, credentials);
    flow.start({});
    ui::SignInDialog* dialog = flow.dialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto* hubField = byAccessibleName<QLineEdit>(dialog, QStringLiteral("Hub address"));
    auto* userField = byAccessibleName<QLineEdit>(dialog, QStringLiteral("Username"));
    auto* passwordField = byAccessibleName<QLineEdit>(dialog, QStringLiteral("Password"));
    hubField->setText(hub.url().toString());
    userField->setText(QStringLiteral("wang.wei"));
    QTest::keyClicks(passwordField, QStringLiteral("not-it"));
    QTest::keyClick(passwordField, Qt::Key_Return);
    auto* status = byAccessibleName<QLabel>(dialog, QStringLiteral("Sign-in status"));
    QTRY_COMPARE(status->text(), QStringLiteral("Wrong username or password."));
    QVERIFY(flow.shell() == nullptr);
    QVERIFY(passwordField->text().isEmpty()); // a password is never kept around

    // A hub address that is not ws:// or wss:// is caught before connecting.
    hubField->setText(QStringLiteral("http://example.com"));
    QTest::keyClicks(passwordField, QStringLiteral("x"));
    QTest::keyClick(passwordField, Qt::Key_Return);
    QCOMPARE(status->text(), QStringLiteral("The hub address must start with ws:// or wss://."));
}

void tst_ShellFlow::aHubTheOrganisationLockedCannotBeChanged()
{
    HubProcess hub;
    QVERIFY(hub.start());
    // IT's machine-wide file fixes the hub; this user had typed another.
    QTemporaryDir dir;
    const QString site = dir.filePath(QStringLiteral("qidong-desktop.conf"));
    QFile file(site);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[signIn]\nhubUrl=" + hub.url().toString().toUtf8() +
               "\n[locked]\nkeys=signIn/hubUrl\n");
    file.close();
    qputenv("QIDONG_SITE_SETTINGS", site.toLocal8Bit());
    QSettings().setValue(QStringLiteral("signIn/hubUrl"), QStringLiteral("ws://127.0.0.1:1"));

    core::HubConnection connection({});
    core::AgentSession session(connection);
    core::CredentialStore credentials(QStringLiteral("qidong-tests"));
    app::SignInFlow flow(connection, session, credentials);
    flow.start({});
    ui::SignInDialog* dialog = flow.dialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto* hubField = byAccessibleName<QLineEdit>(dialog, QStringLiteral("Hub address"));
    QCOMPARE(hubField->text(), hub.url().toString());
    QVERIFY(hubField->isReadOnly());
    // Even a changed field signs in to the organisation's hub.
    hubField->setText(QStringLiteral("ws://127.0.0.1:2"));
    byAccessibleName<QLineEdit>(dialog, QStringLiteral("Username"))
        ->setText(QStringLiteral("li.na"));
    auto* passwordField = byAccessibleName<QLineEdit>(dialog, QStringLiteral("Password"));
    QTest::keyClicks(passwordField, QStringLiteral("qidong-demo"));
    QTest::keyClick(passwordField, Qt::Key_Return);
    QTRY_VERIFY(flow.shell() != nullptr);
    QCOMPARE(connection.url(), hub.url());
    qunsetenv("QIDONG_SITE_SETTINGS");
}

QTEST_MAIN(tst_ShellFlow)
#include "tst_ShellFlow.moc"
