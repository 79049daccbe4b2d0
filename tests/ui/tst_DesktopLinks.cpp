#include "HubProcess.h"
#include "SignedInShell.h"
#include "app/LinkRelay.h"
#include "core/voice/CallDesk.h"

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
};

QTEST_MAIN(tst_DesktopLinks)
#include "tst_DesktopLinks.moc"
