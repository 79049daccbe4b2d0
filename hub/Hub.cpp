#include "Hub.h"

#include "agents/AgentDirectory.h"
#include "auth/LoginThrottle.h"
#include "interactions/InteractionDirectory.h"
#include "log/HubLog.h"
#include "methods/AgentMethods.h"
#include "methods/AuthMethods.h"
#include "methods/InteractionMethods.h"
#include "methods/SnapshotBuilder.h"
#include "server/HubServer.h"
#include "server/MethodDispatcher.h"
#include "session/SessionRegistry.h"
#include "storage/AccountStore.h"
#include "storage/AgentStateStore.h"
#include "storage/Database.h"
#include "storage/DemoSeeder.h"
#include "storage/InteractionStore.h"
#include "storage/SessionStore.h"

#include "protocol/Names.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSslCertificate>
#include <QSslKey>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

Result<QSslConfiguration> loadTls(const QString& certificatePath, const QString& keyPath)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificatePath, QSsl::Pem);
    if (chain.isEmpty())
        return makeError(ErrorCode::InvalidParams,
                         QStringLiteral("no PEM certificate in %1").arg(certificatePath));
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::InvalidParams,
            QStringLiteral("cannot read key %1: %2").arg(keyPath, keyFile.errorString()));
    const QByteArray pem = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return makeError(ErrorCode::InvalidParams,
                         QStringLiteral("no usable PEM private key in %1").arg(keyPath));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

} // namespace

Hub::Hub(HubOptions options)
    : m_options(std::move(options))
{}

Hub::~Hub() = default;

Result<std::unique_ptr<Hub>> Hub::start(const HubOptions& options)
{
    std::unique_ptr<Hub> hub(new Hub(options));
    Result<bool> opened = hub->open();
    if (!opened)
        return opened.error();
    return hub;
}

Result<bool> Hub::open()
{
    if (!QDir().mkpath(m_options.dataDir))
        return makeError(ErrorCode::StorageFailure,
                         QStringLiteral("cannot create data directory %1").arg(m_options.dataDir));
    const QDir dataDir(m_options.dataDir);
    // One hub per data directory. A lock left by a killed hub is stale and
    // taken over: its process is gone.
    m_lock = std::make_unique<QLockFile>(dataDir.filePath(QStringLiteral("hub.lock")));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0))
        return makeError(ErrorCode::StorageFailure,
                         QStringLiteral("another qidong-hub is using %1").arg(m_options.dataDir));

    Result<std::unique_ptr<Database>> database =
        Database::open(dataDir.filePath(QStringLiteral("qidong-hub.sqlite")));
    if (!database)
        return database.error();
    m_database = std::move(database).value();
    m_accounts = std::make_unique<AccountStore>(*m_database);
    m_agentStates = std::make_unique<AgentStateStore>(*m_database);
    m_sessionStore = std::make_unique<SessionStore>(*m_database);
    m_interactionStore = std::make_unique<InteractionStore>(*m_database);
    if (m_options.demo) {
        Result<bool> seeded = DemoSeeder::seedIfEmpty(*m_database, *m_accounts);
        if (!seeded)
            return seeded.error();
    }

    m_directory =
        std::make_unique<AgentDirectory>(*m_accounts, *m_agentStates, m_options.disconnectGrace);
    m_directory->setAfterCallWorkCap(m_options.afterCallWorkCap);
    m_directory->load();
    m_interactions = std::make_unique<InteractionDirectory>(*m_interactionStore, *m_accounts,
                                                            *m_directory, m_options.offerTimeout);
    m_interactions->load();
    SessionRegistry::Settings sessionSettings;
    sessionSettings.replayCapacity = m_options.replayBuffer;
    sessionSettings.sessionLifetime = m_options.sessionLifetime;
    m_sessions = std::make_unique<SessionRegistry>(*m_sessionStore, *m_accounts, *m_directory,
                                                   sessionSettings);
    m_throttle = std::make_unique<LoginThrottle>();
    m_snapshots = std::make_unique<SnapshotBuilder>(*m_accounts, *m_directory, *m_interactions);
    connect(m_interactions.get(), &InteractionDirectory::offered, m_sessions.get(),
            [this](const QString& agentId, const InteractionOffer& offer) {
                m_sessions->postToAgent(agentId, event::InteractionOffered, offer.toJson());
            });
    connect(m_interactions.get(), &InteractionDirectory::updated, m_sessions.get(),
            [this](const QString& agentId, const Interaction& interaction) {
                m_sessions->postToAgent(agentId, event::InteractionUpdated,
                                        {{QStringLiteral("interaction"), interaction.toJson()}});
            });
    connect(m_interactions.get(), &InteractionDirectory::revoked, m_sessions.get(),
            [this](const QString& agentId, const InteractionRevoked& revoked) {
                m_sessions->postToAgent(agentId, event::InteractionRevoked, revoked.toJson());
            });
    m_dispatcher = std::make_unique<MethodDispatcher>();
    m_authMethods = std::make_unique<AuthMethods>(*m_accounts, *m_sessionStore, *m_sessions,
                                                  *m_directory, *m_throttle, *m_snapshots);
    m_authMethods->registerWith(*m_dispatcher);
    m_agentMethods = std::make_unique<AgentMethods>(*m_directory, *m_snapshots);
    m_agentMethods->registerWith(*m_dispatcher);
    m_interactionMethods = std::make_unique<InteractionMethods>(*m_interactions, *m_accounts);
    m_interactionMethods->registerWith(*m_dispatcher);

    ClientConnection::Settings connectionSettings;
    connectionSettings.heartbeatInterval = m_options.heartbeatInterval;
    m_server = std::make_unique<HubServer>(*m_dispatcher, *m_sessions, connectionSettings);
    connect(m_server.get(), &HubServer::drained, this, [this] {
        if (m_stopped)
            return;
        m_stopped = true;
        logInfo(lcServer, QLatin1StringView("hub.stopped"));
        Q_EMIT stopped();
    });

    std::optional<QSslConfiguration> tls;
    if (!m_options.certificatePath.isEmpty()) {
        Result<QSslConfiguration> loaded = loadTls(m_options.certificatePath, m_options.keyPath);
        if (!loaded)
            return loaded.error();
        tls = loaded.value();
    }
    Result<QUrl> url = m_server->listen(m_options.address, m_options.port, tls);
    if (!url)
        return url.error();
    m_url = url.value();
    logInfo(lcServer, QLatin1StringView("hub.listening"),
            {{QStringLiteral("url"), m_url.toString()},
             {QStringLiteral("dataDir"), m_options.dataDir},
             {QStringLiteral("schema"), m_database->schemaVersion()},
             {QStringLiteral("tls"), tls.has_value()}});
    return true;
}

void Hub::drain(const QString& reason)
{
    m_directory->holdDisconnectTimers();
    m_server->drain(reason, m_options.drainTime);
}

} // namespace qidong::hub
