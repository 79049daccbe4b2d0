#pragma once

#include "ui/shell/SignInDialog.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace qidong::core {
class AgentSession;
class CallDesk;
class ChatDesk;
class CustomerDesk;
class FloorDesk;
class MonitorDesk;
class ReviewDesk;
class KnowledgeDesk;
class CredentialStore;
class HubConnection;
class VoiceEngine;
} // namespace qidong::core

namespace qidong::ui {
class ShellWindow;
}

namespace qidong::app {

// From start to a signed-in shell: a remembered sign-in from the keychain
// when there is one, the sign-in dialog otherwise, and back to the dialog
// when the session ends. Keeps the keychain in step with the refresh token.
class SignInFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInFlow)

public:
    SignInFlow(core::HubConnection& connection, core::AgentSession& session,
               core::CredentialStore& credentials, QObject* parent = nullptr);
    ~SignInFlow() override;

    // Signs in with what the command line gave (demo), else as remembered, else asks.
    void start(const ui::SignInRequest& fromCommandLine);
    ui::ShellWindow* shell() const { return m_shell.get(); }
    core::ChatDesk& chatDesk() const { return *m_chatDesk; }
    core::VoiceEngine& voiceEngine() const { return *m_voice; }
    core::CallDesk& callDesk() const { return *m_callDesk; }
    core::KnowledgeDesk& knowledgeDesk() const { return *m_knowledgeDesk; }
    core::CustomerDesk& customerDesk() const { return *m_customerDesk; }
    core::FloorDesk& floorDesk() const { return *m_floorDesk; }
    core::MonitorDesk& monitorDesk() const { return *m_monitorDesk; }
    core::ReviewDesk& reviewDesk() const { return *m_reviewDesk; }
    // A tel: or qidong: link (core::DesktopLink): acted on once signed in.
    void openLink(const QString& link);
    ui::SignInDialog* dialog() const { return m_dialog.get(); }

Q_SIGNALS:
    void languageChosen(const QString& language);
    void settingsApplied();

private:
    void askForCredentials(const QString& message = {});
    void signIn(const ui::SignInRequest& request);
    // The hub to sign in to: the site's if locked, else the user's last, else the site's.
    QUrl hubUrl() const;
    void onHealthChanged();
    void actOnLinks();
    void showShell();

    core::HubConnection& m_connection;
    core::AgentSession& m_session;
    core::CredentialStore& m_credentials;
    std::unique_ptr<core::ChatDesk> m_chatDesk;
    std::unique_ptr<core::VoiceEngine> m_voice;
    std::unique_ptr<core::CallDesk> m_callDesk;
    std::unique_ptr<core::KnowledgeDesk> m_knowledgeDesk;
    std::unique_ptr<core::CustomerDesk> m_customerDesk;
    std::unique_ptr<core::FloorDesk> m_floorDesk;
    std::unique_ptr<core::MonitorDesk> m_monitorDesk;
    std::unique_ptr<core::ReviewDesk> m_reviewDesk;
    QStringList m_pendingLinks;
    std::unique_ptr<ui::SignInDialog> m_dialog;
    std::unique_ptr<ui::ShellWindow> m_shell;
    QString m_account;
    bool m_remember = false;
};

} // namespace qidong::app
