#pragma once

#include <QObject>
#include <QString>

namespace qidong::core {

// "Remember me": keeps a hub refresh token in the operating system's
// keychain (Secret Service on Linux, Credential Manager on Windows, the
// Keychain on macOS) — never a password, never in a settings file. When no
// keychain service is available the agent can still sign in; nothing is
// stored and failed() says so in plain words. Jobs run one at a time (a
// keychain job may not start from another's finished signal).
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    enum class Problem
    {
        Unavailable,  // no keychain service on this machine or session
        AccessDenied, // the keychain is locked or the user said no
        Other,
    };
    Q_ENUM(Problem)

    explicit CredentialStore(QString service = QStringLiteral("qidong-desktop"),
                             QObject* parent = nullptr);
    ~CredentialStore() override;

    // `account` names whose token it is, e.g. "li.na@wss://hub.example:8470".
    void store(const QString& account, const QString& refreshToken);
    void load(const QString& account);
    void remove(const QString& account);

    static QString accountFor(const QString& username, const QString& hubUrl);

Q_SIGNALS:
    void stored(const QString& account);
    // An empty token means nothing is remembered for this account.
    void loaded(const QString& account, const QString& refreshToken);
    void removed(const QString& account);
    void failed(const QString& account, qidong::core::CredentialStore::Problem problem,
                const QString& message);

private:
    enum class Operation
    {
        Store,
        Load,
        Remove,
    };
    struct Job
    {
        Operation operation;
        QString account;
        QString secret;
    };

    void enqueue(Job job);
    void startNext();

    QString m_service;
    QList<Job> m_queue;
    bool m_running = false;
};

} // namespace qidong::core
