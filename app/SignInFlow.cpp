#include "SignInFlow.h"

#include "core/chat/ChatDesk.h"
#include "core/connection/HubConnection.h"
#include "core/credentials/CredentialStore.h"
#include "core/customer/CustomerDesk.h"
#include "core/knowledge/KnowledgeDesk.h"
#include "core/links/DesktopLink.h"
#include "core/session/AgentSession.h"
#include "core/settings/SettingKeys.h"
#include "core/settings/SiteSettings.h"
#include "core/supervisor/FloorDesk.h"
#include "core/supervisor/MonitorDesk.h"
#include "core/supervisor/ReviewDesk.h"
#include "core/voice/CallDesk.h"
#include "core/voice/VoiceEngine.h"
#include "ui/shell/ErrorText.h"
#include "ui/shell/ShellWindow.h"

#include <QSettings>
#include <QStatusBar>

namespace qidong::app {

using Health = core::HubConnection::Health;

namespace Key = core::SettingKey;

SignInFlow::SignInFlow(core::HubConnection& connection, core::AgentSession& session,
                       core::CredentialStore& credentials, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_session(session)
    , m_credentials(credentials)
    , m_chatDesk(std::make_unique<core::ChatDesk>(connection, session))
    , m_voice(std::make_unique<core::VoiceEngine>())
    , m_callDesk(std::make_unique<core::CallDesk>(connection, session, *m_voice))
    , m_knowledgeDesk(std::make_unique<core::KnowledgeDesk>(connection, *m_chatDesk))
    , m_customerDesk(std::make_unique<core::CustomerDesk>(connection))
    , m_floorDesk(std::make_unique<core::FloorDesk>(connection, session))
    , m_monitorDesk(std::make_unique<core::MonitorDesk>(connection, *m_callDesk))
    , m_reviewDesk(std::make_unique<core::ReviewDesk>(connection))
{
    connect(&m_connection, &core::HubConnection::healthChanged, this, &SignInFlow::onHealthChanged);
    connect(&m_connection, &core::HubConnection::refreshTokenChanged, this,
            [this](const QString& token) {
                if (m_account.isEmpty())
                    return;
                if (token.isEmpty())
                    m_credentials.remove(m_account);
                else if (m_remember)
                    m_credentials.store(m_account, token);
            });
    connect(&m_credentials, &core::CredentialStore::loaded, this,
            [this](const QString& account, const QString& token) {
                if (account != m_account || m_connection.health() != Health::Offline)
                    return;
                if (token.isEmpty()) {
                    askForCredentials();
                    return;
                }
                m_connection.signInWithRefreshToken(hubUrl(), token);
            });
    connect(&m_credentials, &core::CredentialStore::failed, this,
            [this](const QString&, core::CredentialStore::Problem, const QString& message) {
                if (m_dialog && m_dialog->isVisible())
                    m_dialog->showError(message);
                else if (m_connection.health() == Health::Offline)
                    askForCredentials(message);
            });
    connect(&m_session, &core::AgentSession::signedInChanged, this, [this](bool signedIn) {
        if (signedIn)
            showShell();
    });
}

SignInFlow::~SignInFlow() = default;

void SignInFlow::start(const ui::SignInRequest& fromCommandLine)
{
    QSettings settings;
    if (!fromCommandLine.username.isEmpty() && !fromCommandLine.password.isEmpty()) {
        signIn(fromCommandLine);
        return;
    }
    m_account = core::CredentialStore::accountFor(settings.value(Key::username).toString(),
                                                  hubUrl().toString());
    m_remember = settings.value(Key::remember, false).toBool();
    if (m_remember && !settings.value(Key::username).toString().isEmpty()) {
        m_credentials.load(m_account);
        return;
    }
    askForCredentials();
}

void SignInFlow::askForCredentials(const QString& message)
{
    if (!m_dialog) {
        m_dialog = std::make_unique<ui::SignInDialog>();
        connect(m_dialog.get(), &ui::SignInDialog::signInRequested, this, &SignInFlow::signIn);
        connect(m_dialog.get(), &ui::SignInDialog::languageChosen, this,
                &SignInFlow::languageChosen);
    }
    QSettings settings;
    m_dialog->setHubLocked(core::SiteSettings().isLocked(Key::hubUrl));
    m_dialog->setDefaults(
        hubUrl(), settings.value(Key::username).toString(),
        core::SiteSettings().value(Key::language, QStringLiteral("zh_CN")).toString());
    if (!message.isEmpty())
        m_dialog->showError(message);
    m_dialog->show();
    m_dialog->raise();
}

QUrl SignInFlow::hubUrl() const
{
    return QUrl(
        core::SiteSettings().value(Key::hubUrl, QStringLiteral("ws://127.0.0.1:8470")).toString());
}

void SignInFlow::signIn(const ui::SignInRequest& given)
{
    ui::SignInRequest request = given;
    // A hub the organisation fixed cannot be changed, whatever was typed.
    if (core::SiteSettings site; site.isLocked(Key::hubUrl))
        request.hubUrl = QUrl(site.value(Key::hubUrl).toString());
    QSettings settings;
    settings.setValue(Key::hubUrl, request.hubUrl.toString());
    settings.setValue(Key::username, request.username);
    const bool wasRemembered = settings.value(Key::remember, false).toBool();
    settings.setValue(Key::remember, request.rememberMe);
    if (!request.language.isEmpty())
        core::SiteSettings().setValue(Key::language, request.language);
    m_account = core::CredentialStore::accountFor(request.username, request.hubUrl.toString());
    m_remember = request.rememberMe;
    if (!m_remember && wasRemembered)
        m_credentials.remove(m_account); // "remember me" was unticked: forget
    m_connection.signIn(request.hubUrl, request.username, request.password);
}

void SignInFlow::onHealthChanged()
{
    const Health health = m_connection.health();
    if (health != Health::Offline && health != Health::AuthFailed)
        return;
    if (m_shell) {
        m_shell->hide();
        m_shell.release()->deleteLater();
    }
    const protocol::Error error = m_connection.lastError();
    askForCredentials(error.message.isEmpty() ? QString() : ui::ErrorText::describe(error));
}

void SignInFlow::showShell()
{
    if (m_dialog)
        m_dialog->hide();
    if (!m_shell) {
        m_shell = std::make_unique<ui::ShellWindow>(m_connection, m_session, *m_chatDesk,
                                                    *m_callDesk, *m_knowledgeDesk, *m_customerDesk);
        connect(m_shell.get(), &ui::ShellWindow::signOutRequested, &m_connection,
                &core::HubConnection::signOut);
        connect(m_shell.get(), &ui::ShellWindow::settingsApplied, this,
                &SignInFlow::settingsApplied);
        if (m_session.isSupervisor())
            m_shell->addSupervisorWorkspace(*m_floorDesk, *m_monitorDesk, *m_reviewDesk);
    }
    m_shell->show();
    // After the sign-in has settled (this runs while its snapshot is applied).
    QMetaObject::invokeMethod(this, &SignInFlow::actOnLinks, Qt::QueuedConnection);
}

void SignInFlow::openLink(const QString& link)
{
    m_pendingLinks.append(link);
    if (m_shell && m_session.isSignedIn())
        actOnLinks();
}

void SignInFlow::actOnLinks()
{
    if (!m_shell || !m_session.isSignedIn())
        return;
    const QStringList links = std::exchange(m_pendingLinks, {});
    for (const QString& text : links) {
        const protocol::Result<core::DesktopLink> link =
            core::DesktopLink::parse(QUrl(text, QUrl::StrictMode));
        if (!link) {
            m_shell->statusBar()->showMessage(tr("Link not followed: %1").arg(link.error().message),
                                              10000);
            continue;
        }
        m_shell->raise();
        m_shell->activateWindow();
        const core::DesktopLink& followed = link.value();
        switch (followed.action) {
        case core::DesktopLink::Action::Dial:
            m_callDesk->dialNumber(followed.number);
            break;
        case core::DesktopLink::Action::CallCustomer:
            m_callDesk->dialCustomer(followed.customerId);
            break;
        case core::DesktopLink::Action::OpenCustomer:
            m_shell->showCustomerPane();
            if (followed.customerId.isEmpty())
                m_customerDesk->findCustomer(followed.identityKind, followed.identity);
            else
                m_customerDesk->showCustomer(followed.customerId);
            break;
        }
    }
}

} // namespace qidong::app
