#pragma once

#include "HubOptions.h"
#include "protocol/Result.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QLockFile;

namespace qidong::hub {

class AccountStore;
class AgentDirectory;
class AgentMethods;
class AgentStateStore;
class AlertMonitor;
class LiveMonitors;
class AuditLog;
class FloorBoard;
class FloorFeed;
class FloorTallies;
class SupervisorMethods;
class ReviewMethods;
class ReviewStore;
class AuthMethods;
class CallMethods;
class MediaEngine;
class ConsultCalls;
class QueueAnnouncer;
class VoiceCalls;
class ChatMethods;
class ChatService;
class ChatStore;
class CustomerInsights;
class CustomerMethods;
class CustomerStore;
class VocCases;
class RecordingLinks;
class CustomerGateway;
class PhoneTrunk;
class Router;
class SelfServiceKnowledge;
class WebFront;
class Database;
class HubServer;
class InteractionDirectory;
class InteractionMethods;
class InteractionStore;
class KnowledgeMethods;
class KnowledgeSearch;
class KnowledgeStore;
class LoginThrottle;
class MethodDispatcher;
class SessionRegistry;
class SessionStore;
class SnapshotBuilder;

// The composition root of qidong-hub: opens the data directory, builds the
// services in dependency order and serves them. Members are declared in the
// order they are built, so they are destroyed in reverse.
class Hub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Hub)

public:
    static protocol::Result<std::unique_ptr<Hub>> start(const HubOptions& options);
    ~Hub() override;

    QUrl url() const { return m_url; }
    QUrl webUrl() const { return m_webUrl; }
    // Tells every client, waits options.drainTime, closes, then emits stopped().
    void drain(const QString& reason);
    // SIGHUP: re-reads what can change while running (the text-quality
    // monitor's keyword lists). A file that does not load keeps the old.
    protocol::Result<bool> reload();

Q_SIGNALS:
    void stopped();

private:
    explicit Hub(HubOptions options);
    protocol::Result<bool> open();
    void connectEvents();
    protocol::Result<QString> ingestToken(const QString& dataDir) const;

    HubOptions m_options;
    QUrl m_url;
    QUrl m_webUrl;
    bool m_stopped = false;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<AgentStateStore> m_agentStates;
    std::unique_ptr<SessionStore> m_sessionStore;
    std::unique_ptr<InteractionStore> m_interactionStore;
    std::unique_ptr<ChatStore> m_chatStore;
    std::unique_ptr<KnowledgeStore> m_knowledge;
    std::unique_ptr<KnowledgeSearch> m_knowledgeSearch;
    std::unique_ptr<CustomerStore> m_customerStore;
    std::unique_ptr<CustomerInsights> m_customerInsights;
    std::unique_ptr<VocCases> m_vocCases;
    std::unique_ptr<RecordingLinks> m_recordingLinks;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<ReviewStore> m_reviews;
    std::unique_ptr<AgentDirectory> m_directory;
    std::unique_ptr<InteractionDirectory> m_interactions;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<ChatService> m_chat;
    std::unique_ptr<MediaEngine> m_media;
    std::unique_ptr<VoiceCalls> m_voice;
    std::unique_ptr<ConsultCalls> m_consults;
    std::unique_ptr<QueueAnnouncer> m_announcer;
    std::unique_ptr<SessionRegistry> m_sessions;
    std::unique_ptr<LoginThrottle> m_throttle;
    std::unique_ptr<SnapshotBuilder> m_snapshots;
    std::unique_ptr<FloorTallies> m_floorTallies;
    std::unique_ptr<FloorBoard> m_floor;
    std::unique_ptr<FloorFeed> m_floorFeed;
    std::unique_ptr<AlertMonitor> m_alerts;
    std::unique_ptr<LiveMonitors> m_monitors;
    std::unique_ptr<MethodDispatcher> m_dispatcher;
    std::unique_ptr<AuthMethods> m_authMethods;
    std::unique_ptr<AgentMethods> m_agentMethods;
    std::unique_ptr<InteractionMethods> m_interactionMethods;
    std::unique_ptr<ChatMethods> m_chatMethods;
    std::unique_ptr<CallMethods> m_callMethods;
    std::unique_ptr<KnowledgeMethods> m_knowledgeMethods;
    std::unique_ptr<CustomerMethods> m_customerMethods;
    std::unique_ptr<SupervisorMethods> m_supervisorMethods;
    std::unique_ptr<ReviewMethods> m_reviewMethods;
    std::unique_ptr<HubServer> m_server;
    std::unique_ptr<CustomerGateway> m_customers;
    std::unique_ptr<PhoneTrunk> m_trunk;
    std::unique_ptr<SelfServiceKnowledge> m_selfService;
    std::unique_ptr<WebFront> m_web;
};

} // namespace qidong::hub
