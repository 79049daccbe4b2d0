#include "SignInDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
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
    , m_rememberMe(new QCheckBox(tr("&Remember me on this computer"), this))
    , m_language(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_signIn(new QPushButton(tr("&Sign in"), this))
{
    setWindowTitle(tr("Sign in to Qidong"));
    m_hubUrl->setPlaceholderText(QStringLiteral("wss://hub.example.com:8470"));
    m_hubUrl->setAccessibleName(tr("Hub address"));
    m_username->setAccessibleName(tr("Username"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_rememberMe->setToolTip(
        tr("Keeps a sign-in token in the system keychain, never your password."));
    m_language->addItem(QStringLiteral("中文"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setAccessibleName(tr("Language"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAccessibleName(tr("Sign-in status"));
    m_signIn->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Hub:"), m_hubUrl);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_rememberMe);
    form->addRow(tr("&Language:"), m_language);
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
