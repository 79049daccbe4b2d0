#include "Hub.h"
#include "HubConfig.h"

#include "Clock.h"

#include "agents/AgentDirectory.h"
#include "auth/LoginThrottle.h"
#include "auth/SecretToken.h"
#include "chat/ChatService.h"
#include "customers/CustomerInsights.h"
#include "customers/CustomerStore.h"
#include "customers/DemoCustomers.h"
#include "customers/RecordingLinks.h"
#include "customers/VocCases.h"
#include "floor/AlertMonitor.h"
#include "floor/FloorBoard.h"
#include "floor/FloorFeed.h"
#include "floor/FloorTallies.h"
#include "floor/LiveMonitors.h"
#include "interactions/InteractionDirectory.h"
#include "knowledge/DemoKnowledge.h"
#include "knowledge/KnowledgeSearch.h"
#include "knowledge/KnowledgeStore.h"
#include "log/HubLog.h"
#include "media/ConsultCalls.h"
#include "media/MediaEngine.h"
#include "media/QueueAnnouncer.h"
#include "media/VoiceCalls.h"
#include "methods/AgentMethods.h"
#include "methods/AuthMethods.h"
#include "methods/CallMethods.h"
#include "methods/ChatMethods.h"
#include "methods/CustomerMethods.h"
#include "methods/InteractionMethods.h"
#include "methods/KnowledgeMethods.h"
#include "methods/ReviewMethods.h"
#include "methods/SnapshotBuilder.h"
#include "methods/SupervisorMethods.h"
#include "routing/Router.h"
#include "server/HubServer.h"
#include "server/MethodDispatcher.h"
#include "session/SessionRegistry.h"
#include "storage/AccountStore.h"
#include "storage/AgentStateStore.h"
#include "storage/AuditLog.h"
#include "storage/ChatStore.h"
#include "storage/Database.h"
#include "storage/DemoSeeder.h"
#include "storage/InteractionStore.h"
#include "storage/ReviewStore.h"
#include "storage/SessionStore.h"
#include "web/CustomerGateway.h"
#include "web/PhoneTrunk.h"
#include "web/SelfServiceKnowledge.h"
#include "web/WebFront.h"

#include "protocol/Names.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSslCertificate>
#include <QSslKey>

namespace qidong::hub {

using namespace qidong::protocol;

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
    m_chatStore = std::make_unique<ChatStore>(*m_database);
    m_knowledge = std::make_unique<KnowledgeStore>(*m_database);
    m_knowledgeSearch = std::make_unique<KnowledgeSearch>(*m_knowledge);
    m_customerStore = std::make_unique<CustomerStore>(*m_database);
    m_customerInsights = std::make_unique<CustomerInsights>(*m_database);
    m_vocCases = std::make_unique<VocCases>(*m_database, *m_customerStore);
    m_recordingLinks = std::make_unique<RecordingLinks>();
    m_audit = std::make_unique<AuditLog>(*m_database);
    if (Result<int> sealed = m_audit->sealUnchained(); !sealed)
        return sealed.error();
    else if (sealed.value() > 0)
        logInfo(lcServer, QLatin1StringView("audit.sealed"),
                {{QStringLiteral("entries"), sealed.value()}});
    m_reviews = std::make_unique<ReviewStore>(*m_database);
    m_customerInsights->setRecordings(m_recordingLinks.get());
    if (m_options.demo) {
        Result<bool> seeded = DemoSeeder::seedIfEmpty(*m_database, *m_accounts);
        if (!seeded)
            return seeded.error();
        if (m_options.demoFloorAgents > 0) {
            Result<bool> floor = DemoSeeder::seedFloor(
                *m_database, *m_accounts, m_options.demoFloorAgents, m_options.demoFloorQueues);
            if (!floor)
                return floor.error();
        }
        Result<int> articles = DemoKnowledge::seedIfEmpty(*m_knowledge);
        if (!articles)
            return articles.error();
        Result<bool> catalog = DemoCustomers::seedCatalog(*m_database);
        if (!catalog)
            return catalog.error();
        Result<int> customers =
            DemoCustomers::seedIfEmpty(*m_database, *m_customerStore, m_options.demoCustomers);
        if (!customers)
            return customers.error();
    }

    m_directory =
        std::make_unique<AgentDirectory>(*m_accounts, *m_agentStates, m_options.disconnectGrace);
    m_directory->setAfterCallWorkCap(m_options.afterCallWorkCap);
    m_directory->load();
    m_interactions = std::make_unique<InteractionDirectory>(*m_interactionStore, *m_accounts,
                                                            *m_directory, m_options.offerTimeout);
    m_interactions->load();
    // A new contact is found in the customer store by its phone, email or
    // handle (created there on first contact).
    m_interactions->setCustomerResolver([this](const NewInteraction& contact) {
        const Result<QString> found =
            m_customerStore->resolve({contact.params.customer.identityKind, contact.rawIdentity,
                                      contact.params.customer.displayName, contact.language,
                                      channelName(contact.params.channel)});
        return found ? found.value() : QString();
    });
    SessionRegistry::Settings sessionSettings;
    sessionSettings.replayCapacity = m_options.replayBuffer;
    sessionSettings.sessionLifetime = m_options.sessionLifetime;
    m_sessions = std::make_unique<SessionRegistry>(*m_sessionStore, *m_accounts, *m_directory,
                                                   sessionSettings);
    m_throttle = std::make_unique<LoginThrottle>();
    m_snapshots = std::make_unique<SnapshotBuilder>(*m_accounts, *m_directory, *m_interactions);
    m_floorTallies = std::make_unique<FloorTallies>(*m_database);
    m_floorTallies->load(FloorFeed::dayStartOf(nowMs()), FloorFeed::weekStartOf(nowMs()));
    m_floor =
        std::make_unique<FloorBoard>(*m_accounts, *m_directory, *m_interactions, *m_floorTallies);
    m_floorFeed = std::make_unique<FloorFeed>(*m_floor, *m_sessions, m_options.floorInterval);
    KeywordRules keywords = KeywordRules::defaults();
    if (!m_options.alertKeywordsFile.isEmpty()) {
        Result<KeywordRules> fromFile = KeywordRules::fromFile(m_options.alertKeywordsFile);
        if (!fromFile)
            return fromFile.error();
        keywords = fromFile.value();
    }
    AlertMonitor::Settings alertSettings;
    alertSettings.afterCallWorkLimit = m_options.alertAfterCallWork;
    alertSettings.notReadyLimit = m_options.alertNotReady;
    m_alerts = std::make_unique<AlertMonitor>(*m_accounts, *m_directory, *m_interactions,
                                              *m_floorTallies, std::move(keywords), alertSettings);
    connect(m_interactions.get(), &InteractionDirectory::changed, m_alerts.get(),
            &AlertMonitor::onInteractionChanged);
    connect(m_alerts.get(), &AlertMonitor::raised, m_floorFeed.get(), &FloorFeed::postAlert);
    connect(m_alerts.get(), &AlertMonitor::changed, m_floorFeed.get(), &FloorFeed::postAlert);
    m_router = std::make_unique<Router>(*m_accounts, *m_directory, *m_interactions);
    m_router->setChatCapacity(m_options.chatCapacity);
    m_chat = std::make_unique<ChatService>(*m_chatStore, *m_interactions, *m_interactionStore,
                                           *m_accounts);
    m_media = std::make_unique<MediaEngine>(
        m_options.mediaThreads > 0 ? m_options.mediaThreads : QThread::idealThreadCount());
    m_voice = std::make_unique<VoiceCalls>(*m_interactions, *m_media);
    m_announcer = std::make_unique<QueueAnnouncer>(
        *m_interactions, *m_media, m_options.announceAfter, m_options.announceAfter * 10);
    m_consults = std::make_unique<ConsultCalls>(*m_interactions, *m_accounts, *m_directory,
                                                *m_voice, m_options.offerTimeout);
    m_monitors = std::make_unique<LiveMonitors>(*m_interactions, *m_accounts, *m_voice, *m_chat,
                                                m_options.tellMonitored);
    m_customers =
        std::make_unique<CustomerGateway>(*m_chat, *m_interactions, *m_accounts, *m_voice);
    // After the gateway: a dialled customer still on the page rings there first.
    m_trunk = std::make_unique<PhoneTrunk>(*m_interactions, *m_accounts, *m_voice);
    connectEvents();
    m_dispatcher = std::make_unique<MethodDispatcher>();
    m_authMethods =
        std::make_unique<AuthMethods>(*m_accounts, *m_sessionStore, *m_sessions, *m_directory,
                                      *m_throttle, *m_snapshots, *m_audit);
    m_authMethods->registerWith(*m_dispatcher);
    m_agentMethods = std::make_unique<AgentMethods>(*m_directory, *m_snapshots, *m_alerts);
    m_agentMethods->registerWith(*m_dispatcher);
    m_interactionMethods = std::make_unique<InteractionMethods>(*m_interactions, *m_accounts);
    m_interactionMethods->registerWith(*m_dispatcher);
    m_chatMethods = std::make_unique<ChatMethods>(*m_chat, *m_accounts, *m_directory);
    m_chatMethods->registerWith(*m_dispatcher);
    m_callMethods = std::make_unique<CallMethods>(*m_interactions, *m_voice, *m_consults, *m_trunk,
                                                  *m_customerStore);
    m_callMethods->registerWith(*m_dispatcher);
    m_knowledgeMethods = std::make_unique<KnowledgeMethods>(*m_knowledge, *m_knowledgeSearch,
                                                            *m_chat, *m_interactions);
    m_knowledgeMethods->registerWith(*m_dispatcher);
    m_customerMethods = std::make_unique<CustomerMethods>(
        *m_customerStore, *m_customerInsights, *m_vocCases, *m_interactions, *m_recordingLinks);
    m_customerMethods->registerWith(*m_dispatcher);
    m_customerMethods->setOfferRecorded(
        [this](const QString& interactionId) { m_floor->scoresChanged(interactionId); });
    m_supervisorMethods = std::make_unique<SupervisorMethods>(SupervisorMethods::Services{
        *m_floor, *m_floorFeed, *m_floorTallies, *m_accounts, *m_directory, *m_interactions,
        *m_sessions, *m_audit, *m_alerts, *m_monitors});
    m_supervisorMethods->registerWith(*m_dispatcher);
    m_reviewMethods =
        std::make_unique<ReviewMethods>(*m_reviews, *m_chatStore, *m_recordingLinks, *m_audit);
    m_reviewMethods->registerWith(*m_dispatcher);

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
        Result<QSslConfiguration> loaded =
            loadTlsFiles(m_options.certificatePath, m_options.keyPath);
        if (!loaded)
            return loaded.error();
        tls = loaded.value();
    }
    Result<QUrl> url = m_server->listen(m_options.address, m_options.port, tls);
    if (!url)
        return url.error();
    m_url = url.value();
    Result<QUrl> mediaUrl = m_media->start(m_options.mediaAddress, m_options.mediaPort, tls);
    if (!mediaUrl)
        return mediaUrl.error();
    const QString recordings = QDir(m_options.dataDir).filePath(QStringLiteral("recordings"));
    if (QDir().mkpath(recordings)) {
        m_voice->setRecordingsDir(recordings);
        m_recordingLinks->setDir(recordings);
    } else
        logWarning(lcMedia, QLatin1StringView("recording.unavailable"),
                   {{QStringLiteral("dir"), recordings}});
    m_voice->load();
    if (m_options.webEnabled) {
        Result<QString> token = ingestToken(m_options.dataDir);
        if (!token)
            return token.error();
        m_trunk->setToken(token.value());
        m_web = std::make_unique<WebFront>(*m_customers, *m_trunk, *m_chat, *m_interactions,
                                           token.value());
        m_selfService = std::make_unique<SelfServiceKnowledge>(*m_knowledge, *m_knowledgeSearch);
        m_web->setKnowledge(m_selfService.get());
        m_web->setNotifications(m_vocCases.get());
        m_web->setRecordings(m_recordingLinks.get());
        Result<QUrl> webUrl = m_web->listen(m_options.webAddress, m_options.webPort);
        if (!webUrl)
            return webUrl.error();
        m_webUrl = webUrl.value();
        m_knowledgeMethods->setCustomerPageUrl(m_webUrl);
        m_customerMethods->setWebUrl(m_webUrl);
    }
    m_router->schedule(); // whatever waited when the last hub stopped
    logInfo(lcServer, QLatin1StringView("hub.listening"),
            {{QStringLiteral("url"), m_url.toString()},
             {QStringLiteral("webUrl"), m_webUrl.toString()},
             {QStringLiteral("mediaUrl"), m_media->url().toString()},
             {QStringLiteral("mediaThreads"), m_media->threadCount()},
             {QStringLiteral("dataDir"), m_options.dataDir},
             {QStringLiteral("schema"), m_database->schemaVersion()},
             {QStringLiteral("tls"), tls.has_value()}});
    return true;
}

void Hub::connectEvents()
{
    connect(m_customers.get(), &CustomerGateway::rated, m_floor.get(), &FloorBoard::scoresChanged);
    // The text-quality monitor reads what customers write as it is stored.
    connect(m_chat.get(), &ChatService::messagePosted, m_alerts.get(), &AlertMonitor::onMessage);
    // A complaint or suggestion at wrap-up opens a case for its department.
    connect(m_interactions.get(), &InteractionDirectory::wrappedUp, this,
            [this](const Interaction& interaction, const WrapUpRecord& record) {
                const Result<std::optional<VocCase>> opened =
                    m_vocCases->openFromWrapUp(interaction, record);
                if (!opened)
                    logWarning(lcInteractions, QLatin1StringView("voc.case.unopened"),
                               {{QStringLiteral("interaction"), interaction.id},
                                {QStringLiteral("error"), opened.error().message}});
            });
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
    connect(m_voice.get(), &VoiceCalls::dtmf, m_sessions.get(),
            [this](const QString& agentId, const QString& interactionId, QChar key) {
                m_sessions->notifyAgent(
                    agentId, event::CallDtmf,
                    {{QStringLiteral("id"), interactionId}, {QStringLiteral("key"), QString(key)}});
            });
    connect(m_voice.get(), &VoiceCalls::dialChanged, m_sessions.get(),
            [this](const QString& agentId, const QString& interactionId, const QString& state) {
                m_sessions->postToAgent(
                    agentId, event::CallDialChanged,
                    {{QStringLiteral("id"), interactionId}, {QStringLiteral("state"), state}});
            });
    connect(m_consults.get(), &ConsultCalls::changed, m_sessions.get(),
            [this](const QString& agentId, const Consultation& consultation) {
                m_sessions->postToAgent(agentId, event::CallConsultChanged, consultation.toJson());
                // A monitoring team lead sees the colleague come and go.
                m_monitors->refresh(consultation.id);
            });
    connect(m_monitors.get(), &LiveMonitors::changed, m_sessions.get(),
            [this](const QString& supervisorId, const Monitoring& monitoring) {
                m_sessions->postToAgent(supervisorId, event::MonitorChanged, monitoring.toJson());
            });
    connect(m_monitors.get(), &LiveMonitors::notice, m_sessions.get(),
            [this](const QString& agentId, const MonitorNotice& notice) {
                m_sessions->postToAgent(agentId, event::MonitorNotice, notice.toJson());
            });
    connect(m_monitors.get(), &LiveMonitors::whispered, m_sessions.get(),
            [this](const QString& agentId, const WhisperNote& note) {
                m_sessions->postToAgent(agentId, event::MonitorWhisper, note.toJson());
            });
    // A team lead who signs out (or is signed out) stops monitoring.
    connect(m_directory.get(), &AgentDirectory::stateChanged, m_monitors.get(),
            [this](const QString& agentId, const AgentState& state) {
                if (state.presence == Presence::Offline)
                    m_monitors->stopAll(agentId);
            });
    connect(m_router.get(), &Router::positionChanged, m_customers.get(),
            &CustomerGateway::onPositionChanged);
    connect(m_router.get(), &Router::positionChanged, m_announcer.get(),
            &QueueAnnouncer::onPositionChanged);
    // The agent holding a conversation hears its messages, typing and receipts.
    const auto holder = [this](const QString& interactionId) {
        const std::optional<Interaction> interaction = m_interactions->find(interactionId);
        const bool holds = interaction && (interaction->state == InteractionState::Active ||
                                           interaction->state == InteractionState::WrapUp);
        return holds ? interaction->agentId : QString();
    };
    connect(m_chat.get(), &ChatService::messagePosted, m_sessions.get(),
            [this, holder](const ChatMessage& message) {
                // Team leads monitoring it read along (their own lines too:
                // the desktop keeps one copy per seq).
                for (const QString& supervisorId : m_monitors->supervisorsOn(message.interactionId))
                    m_sessions->postToAgent(supervisorId, event::ChatMessage,
                                            {{QStringLiteral("message"), message.toJson()}});
                const QString agentId = holder(message.interactionId);
                // The agent's own messages come back as the answer to chat.send.
                if (agentId.isEmpty() || message.sender == Sender::Agent)
                    return;
                const bool connected = m_sessions->postToAgent(
                    agentId, event::ChatMessage, {{QStringLiteral("message"), message.toJson()}});
                if (connected && message.sender == Sender::Customer)
                    m_chat->markDelivered(message.interactionId, Sender::Agent, message.seq);
            });
    connect(m_chat.get(), &ChatService::typingChanged, m_sessions.get(),
            [this, holder](const TypingNotice& notice) {
                const QString agentId = holder(notice.interactionId);
                if (!agentId.isEmpty() && notice.sender == Sender::Customer)
                    m_sessions->notifyAgent(agentId, event::ChatTyping, notice.toJson());
            });
    connect(m_chat.get(), &ChatService::receiptChanged, m_sessions.get(),
            [this, holder](const ReceiptNotice& notice, Sender reader) {
                const QString agentId = holder(notice.interactionId);
                if (!agentId.isEmpty() && reader == Sender::Customer)
                    m_sessions->postToAgent(agentId, event::ChatReceipt, notice.toJson());
            });
    // Both sides see a transfer and an ending in the transcript.
    connect(m_interactions.get(), &InteractionDirectory::revoked, m_chat.get(),
            [this](const QString&, const InteractionRevoked& revoked) {
                if (revoked.reason == QStringLiteral("transferred"))
                    m_chat->postSystem(revoked.id, QStringLiteral("transferred"));
            });
    connect(m_interactions.get(), &InteractionDirectory::customerFacingChanged, m_chat.get(),
            [this](const Interaction& interaction) {
                if (interaction.state == InteractionState::WrapUp)
                    m_chat->postSystem(interaction.id, QStringLiteral("ended"));
            });
}

Result<QString> Hub::ingestToken(const QString& dataDir) const
{
    if (!m_options.ingestToken.isEmpty())
        return m_options.ingestToken;
    // Generated once and kept beside the database, readable by the hub's user only.
    QFile file(QDir(dataDir).filePath(QStringLiteral("ingest.token")));
    if (file.open(QIODevice::ReadOnly)) {
        const QString token = QString::fromUtf8(file.readAll()).trimmed();
        if (!token.isEmpty())
            return token;
        file.close();
    }
    const QString token = SecretToken::generate();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(token.toUtf8() + '\n') < 0)
        return makeError(
            ErrorCode::StorageFailure,
            QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    return token;
}

Result<bool> Hub::reload()
{
    if (!m_options.alertKeywordsFile.isEmpty()) {
        Result<KeywordRules> rules = KeywordRules::fromFile(m_options.alertKeywordsFile);
        if (!rules) {
            logWarning(lcServer, QLatin1StringView("hub.reload_failed"),
                       {{QStringLiteral("error"), rules.error().message}});
            return rules.error();
        }
        m_alerts->setRules(std::move(rules).value());
    }
    logInfo(lcServer, QLatin1StringView("hub.reloaded"),
            {{QStringLiteral("alertKeywords"), m_options.alertKeywordsFile}});
    return true;
}

void Hub::drain(const QString& reason)
{
    if (m_customers)
        m_customers->closeAll();
    if (m_trunk)
        m_trunk->closeAll();
    m_directory->holdDisconnectTimers();
    m_server->drain(reason, m_options.drainTime);
}

} // namespace qidong::hub
