#include "CredentialStore.h"

#include "core/CoreLog.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

namespace qidong::core {

namespace {

CredentialStore::Problem problemOf(QKeychain::Error error, const QString& detail)
{
    // QtKeychain 0.13 reports an unreachable Secret Service (no D-Bus
    // session, no keyring daemon) as OtherError; its text tells them apart.
    static const QStringList unreachable{
        QStringLiteral("D-Bus"), QStringLiteral("Could not connect"),
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("ServiceUnknown"),
        QStringLiteral("not provided by any .service")};
    if (error == QKeychain::OtherError) {
        for (const QString& hint : unreachable) {
            if (detail.contains(hint, Qt::CaseInsensitive))
                return CredentialStore::Problem::Unavailable;
        }
    }
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return CredentialStore::Problem::Unavailable;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return CredentialStore::Problem::AccessDenied;
    default:
        return CredentialStore::Problem::Other;
    }
}

} // namespace

CredentialStore::CredentialStore(QString service, QObject* parent)
    : QObject(parent)
    , m_service(std::move(service))
{}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::accountFor(const QString& username, const QString& hubUrl)
{
    return username + u'@' + hubUrl;
}

void CredentialStore::store(const QString& account, const QString& refreshToken)
{
    enqueue({Operation::Store, account, refreshToken});
}

void CredentialStore::load(const QString& account)
{
    enqueue({Operation::Load, account, {}});
}

void CredentialStore::remove(const QString& account)
{
    enqueue({Operation::Remove, account, {}});
}

void CredentialStore::enqueue(Job job)
{
    m_queue.append(std::move(job));
    if (!m_running)
        QTimer::singleShot(0, this, &CredentialStore::startNext);
}

void CredentialStore::startNext()
{
    if (m_running || m_queue.isEmpty())
        return;
    m_running = true;
    const Job job = m_queue.takeFirst();

    QKeychain::Job* keychainJob = nullptr;
    switch (job.operation) {
    case Operation::Store: {
        auto* write = new QKeychain::WritePasswordJob(m_service, this);
        write->setTextData(job.secret);
        keychainJob = write;
        break;
    }
    case Operation::Load:
        keychainJob = new QKeychain::ReadPasswordJob(m_service, this);
        break;
    case Operation::Remove:
        keychainJob = new QKeychain::DeletePasswordJob(m_service, this);
        break;
    }
    // Never the plaintext fallback: a token in a file is worse than none.
    keychainJob->setInsecureFallback(false);
    keychainJob->setAutoDelete(true);
    keychainJob->setKey(job.account);
    connect(keychainJob, &QKeychain::Job::finished, this, [this, job](QKeychain::Job* finished) {
        const QKeychain::Error error = finished->error();
        const bool notFound = error == QKeychain::EntryNotFound;
        if (error == QKeychain::NoError || notFound) {
            switch (job.operation) {
            case Operation::Store:
                Q_EMIT stored(job.account);
                break;
            case Operation::Load:
                Q_EMIT loaded(job.account,
                              notFound
                                  ? QString()
                                  : static_cast<QKeychain::ReadPasswordJob*>(finished)->textData());
                break;
            case Operation::Remove:
                Q_EMIT removed(job.account);
                break;
            }
        } else {
            const Problem problem = problemOf(error, finished->errorString());
            qCWarning(lcCore) << "keychain:" << finished->errorString();
            const QString message =
                problem == Problem::Unavailable
                    ? tr("No keychain service is available, so Qidong cannot remember your "
                         "sign-in. "
                         "You can still sign in; you will be asked for your password next time.")
                : problem == Problem::AccessDenied
                    ? tr("The keychain refused access, so Qidong cannot remember your sign-in.")
                    : tr("The keychain failed (%1), so Qidong cannot remember your sign-in.")
                          .arg(finished->errorString());
            Q_EMIT failed(job.account, problem, message);
        }
        m_running = false;
        // The next job starts from the event loop, not from this signal.
        QTimer::singleShot(0, this, &CredentialStore::startNext);
    });
    keychainJob->start();
}

} // namespace qidong::core
