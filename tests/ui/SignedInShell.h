#pragma once

#include "app/SignInFlow.h"
#include "core/connection/HubConnection.h"
#include "core/credentials/CredentialStore.h"
#include "core/session/AgentSession.h"
#include "ui/shell/ShellWindow.h"

#include <QSettings>
#include <QStandardPaths>
#include <QtTest/QTest>

namespace qidong::test {

// The desktop as app/ composes it, signed in to a hub and shown (for the
// widget tests that drive the whole shell).
struct SignedInShell
{
    // Test settings only, cleared: call once per test program.
    static void isolateSettings()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("QidongTests"));
        QSettings().clear();
    }

    // Signs in and shows the shell at `size`; false if it never appeared.
    bool start(const QUrl& hub, const QString& username, QSize size = {1400, 900})
    {
        flow.start(ui::SignInRequest{hub, username, QStringLiteral("qidong-demo"), false,
                                     QStringLiteral("en")});
        if (!QTest::qWaitFor([this] { return flow.shell() != nullptr; }, 15000))
            return false;
        flow.shell()->resize(size);
        flow.shell()->show();
        return QTest::qWaitForWindowExposed(flow.shell());
    }
    ui::ShellWindow* shell() const { return flow.shell(); }

    core::HubConnection connection{core::HubConnection::Settings{}};
    core::AgentSession session{connection};
    core::CredentialStore credentials{QStringLiteral("qidong-tests")};
    app::SignInFlow flow{connection, session, credentials};
};

} // namespace qidong::test
