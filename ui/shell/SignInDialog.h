#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace qidong::ui {

struct SignInRequest
{
    QUrl hubUrl;
    QString username;
    QString password;
    bool rememberMe = false;
    QString language; // "zh_CN" or "en"
};

// Hub address, username, password, "remember me" and language. It only
// collects input and shows progress or the reason for a failure.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    explicit SignInDialog(QWidget* parent = nullptr);
    ~SignInDialog() override;

    void setDefaults(const QUrl& hubUrl, const QString& username, const QString& language);
    // The organisation fixed the hub (site settings): shown, not editable.
    void setHubLocked(bool locked);
    void setBusy(bool busy);
    void showError(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

Q_SIGNALS:
    void signInRequested(const qidong::ui::SignInRequest& request);
    void languageChosen(const QString& language);

private:
    void submit();
    void retranslate();

    QLineEdit* m_hubUrl;
    QLineEdit* m_username;
    QLineEdit* m_password;
    QCheckBox* m_rememberMe;
    QComboBox* m_language;
    QLabel* m_status;
    QPushButton* m_signIn;
    QLabel* m_hubLabel;
    QLabel* m_userLabel;
    QLabel* m_passwordLabel;
    QLabel* m_languageLabel;
};

} // namespace qidong::ui
