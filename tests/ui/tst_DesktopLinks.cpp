#include "HubProcess.h"
#include "SignedInShell.h"
#include "app/LinkRelay.h"
#include "core/customer/CustomerDesk.h"
#include "core/voice/CallDesk.h"
#include "ui/customer/CustomerPane.h"

#include <QSignalSpy>
#include <QStatusBar>
#include <QtTest/QTest>

using namespace qidong;
using namespace qidong::test;

// Click-to-dial from a CRM page: a second `qidong-desktop tel:…` hands its
// link to the desktop already running, which dials it through the hub; a
// link that does not parse is refused in the status bar, nothing dialled.
class tst_DesktopLinks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { SignedInShell::isolateSettings(); }

    void aSecondStartHandsItsLinksToTheRunningDesktop()
    {
        const QString name = QStringLiteral("qidong-test-links-") +
                             QString::number(QCoreApplication::applicationPid());
        app::LinkRelay starting(name);
        QVERIFY(!starting.forward({QStringLiteral("tel:10086")})); // nobody runs yet
        app::LinkRelay running(name);
        QVERIFY(running.listen());
        QSignalSpy received(&running, &app::LinkRelay::linkReceived);
        // forward() waits for the answer while the listener needs the event
        // loop: the second start is another thread here, as it is another
        // process in use.
        bool forwarded = false;
        QThread* second = QThread::create([&] {
            forwarded = app::LinkRelay(name).forward({QStringLiteral("tel:+86 138 0013 8000"),
                                                      QStringLiteral("qidong:dial?number=10086")});
        });
        second->start();
        QTRY_VERIFY(second->isFinished());
        delete second;
        QVERIFY(forwarded);
        QCOMPARE(received.size(), 2);
        QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("tel:+86 138 0013 8000"));
        QCOMPARE(received.at(1).at(0).toString(), QStringLiteral("qidong:dial?number=10086"));
    }

    void aLinkDialsThroughTheHubOnceSignedIn()
    {
        HubProcess hub;
        QVERIFY(hub.start());
        SignedInShell desktop;
        desktop.session.setLanguage(QStringLiteral("en"));
        // Given before sign-in (the desktop started from the link): kept.
        QSignalSpy failed(&desktop.flow.callDesk(), &core::CallDesk::failed);
        desktop.flow.openLink(QStringLiteral("tel:+86 138-0013-8000"));
        QVERIFY(desktop.start(hub.url(), QStringLiteral("li.na")));
        // The hub got the dial: with no telephone trunk connected, it says so.
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 10000);
        const auto error = failed.first().at(1).value<protocol::Error>();
        QVERIFY2(error.details.value(QLatin1StringView("reason")).toString() ==
                     QStringLiteral("no-trunk"),
                 qPrintable(error.message));

        desktop.flow.openLink(QStringLiteral("tel:call-me-maybe"));
        QTRY_VERIFY(desktop.shell()->statusBar()->currentMessage().contains(
            QStringLiteral("Link not followed")));
        QCOMPARE(failed.size(), 1); // nothing more was dialled
    }

    // A CRM page opens a customer's 360 with no call: by id or by the phone
    // number the CRM has; one the hub does not know is said in the pane.
    void aLinkOpensACustomerWithoutACall()
    {
        HubProcess hub;
        QVERIFY(hub.start());
        SignedInShell desktop;
        desktop.session.setLanguage(QStringLiteral("en"));
        QVERIFY(desktop.start(hub.url(), QStringLiteral("li.na")));
        core::CustomerDesk& customers = desktop.flow.customerDesk();
        QSignalSpy failed(&customers, &core::CustomerDesk::failed);

        desktop.flow.openLink(QStringLiteral("qidong:customer?phone=138-0013-8000"));
        QTRY_VERIFY_WITH_TIMEOUT(customers.customer().has_value(), 10000);
        const QString wangLi = customers.customer()->profile.id;
        QCOMPARE(customers.customer()->profile.displayName, QStringLiteral("王丽"));
        QVERIFY(customers.interactionId().isEmpty()); // no call was made for it
        QVERIFY(desktop.shell()->customerPane()->isVisible());
        // Her history came with her.
        QTRY_VERIFY(customers.timeline().rowCount() > 0);

        desktop.flow.openLink(QStringLiteral("qidong:customer?phone=13900000000"));
        QTRY_VERIFY(!failed.isEmpty());
        QCOMPARE(failed.first().at(0).value<protocol::Error>().code, protocol::ErrorCode::NotFound);

        // Opened by id, from another customer's page first.
        desktop.flow.openLink(QStringLiteral("qidong:customer?id=") + wangLi);
        QTRY_COMPARE(customers.customer().has_value() ? customers.customer()->profile.id
                                                      : QString(),
                     wangLi);
        QCOMPARE(desktop.session.interactions().rowCount(), 0);
    }
};

QTEST_MAIN(tst_DesktopLinks)
#include "tst_DesktopLinks.moc"
