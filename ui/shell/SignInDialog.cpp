#include "SignInDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace qidong::ui {

SignInDialog::SignInDialog(QWidget* parent)
    : QDialog(parent)
    , m_hubUrl(new QLineEdit(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_rememberMe(new QCheckBox(this))
    , m_language(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_signIn(new QPushButton(this))
    , m_hubLabel(new QLabel(this))
    , m_userLabel(new QLabel(this))
    , m_passwordLabel(new QLabel(this))
    , m_languageLabel(new QLabel(this))
{
    m_hubUrl->setPlaceholderText(QStringLiteral("wss://hub.example.com:8470"));
    m_password->setEchoMode(QLineEdit::Password);
    m_language->addItem(QStringLiteral("中文"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_signIn->setDefault(true);
    m_hubLabel->setBuddy(m_hubUrl);
    m_userLabel->setBuddy(m_username);
    m_passwordLabel->setBuddy(m_password);
    m_languageLabel->setBuddy(m_language);
    retranslate();

    auto* form = new QFormLayout;
    form->addRow(m_hubLabel, m_hubUrl);
    form->addRow(m_userLabel, m_username);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(QString(), m_rememberMe);
    form->addRow(m_languageLabel, m_language);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_signIn, 0, Qt::AlignRight);

    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInDialog::submit);
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT languageChosen(m_language->currentData().toString()); });
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::retranslate()
{
    setWindowTitle(tr("Sign in to Qidong"));
    m_rememberMe->setText(tr("&Remember me on this computer"));
    m_rememberMe->setToolTip(
        tr("Keeps a sign-in token in the system keychain, never your password."));
    m_signIn->setText(tr("&Sign in"));
    m_hubLabel->setText(tr("&Hub:"));
    m_userLabel->setText(tr("&Username:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_languageLabel->setText(tr("&Language:"));
    m_hubUrl->setAccessibleName(tr("Hub address"));
    m_username->setAccessibleName(tr("Username"));
    m_password->setAccessibleName(tr("Password"));
    m_language->setAccessibleName(tr("Language"));
    m_status->setAccessibleName(tr("Sign-in status"));
}

void SignInDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SignInDialog::setHubLocked(bool locked)
{
    m_hubUrl->setReadOnly(locked);
    m_hubUrl->setToolTip(locked ? tr("Set by your organisation") : QString());
}

void SignInDialog::setDefaults(const QUrl& hubUrl, const QString& username, const QString& language)
{
    m_hubUrl->setText(hubUrl.toString());
    m_username->setText(username);
    const int index = m_language->findData(language);
    if (index >= 0)
        m_language->setCurrentIndex(index);
    (username.isEmpty() ? m_username : m_password)->setFocus();
}

void SignInDialog::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
    if (busy)
        m_status->setText(tr("Signing in…"));
}

void SignInDialog::showError(const QString& message)
{
    setBusy(false);
    m_status->setText(message);
    m_password->selectAll();
    m_password->setFocus();
}

void SignInDialog::submit()
{
    const QUrl url = QUrl::fromUserInput(m_hubUrl->text().trimmed());
    const bool secure = url.scheme() == QStringLiteral("wss");
    if (!url.isValid() || (url.scheme() != QStringLiteral("ws") && !secure)) {
        showError(tr("The hub address must start with ws:// or wss://."));
        m_hubUrl->setFocus();
        return;
    }
    if (m_username->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        showError(tr("Enter your username and password."));
        return;
    }
    setBusy(true);
    Q_EMIT signInRequested(SignInRequest{url, m_username->text().trimmed(), m_password->text(),
                                         m_rememberMe->isChecked(),
                                         m_language->currentData().toString()});
    m_password->clear();
}

} // namespace qidong::ui
