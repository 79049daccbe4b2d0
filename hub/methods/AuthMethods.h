#pragma once

#include "protocol/Message.h"

#include <QObject>

namespace qidong::hub {

class AccountStore;
class AgentDirectory;
class AuditLog;
class ClientConnection;
class LoginThrottle;
class MethodDispatcher;
class SessionRegistry;
class SessionStore;
class SnapshotBuilder;

// auth.login, auth.refresh, auth.logout and session.resume.
class AuthMethods final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthMethods)

public:
    AuthMethods(AccountStore& accounts, SessionStore& sessionStore, SessionRegistry& sessions,
                AgentDirectory& directory, LoginThrottle& throttle,
                const SnapshotBuilder& snapshots, AuditLog& audit, QObject* parent = nullptr);
    ~AuthMethods() override;

    void registerWith(MethodDispatcher& dispatcher);

private:
    void login(ClientConnection& caller, const protocol::Request& request);
    void finishLogin(ClientConnection& caller, qint64 requestId, const QString& username,
                     const QString& agentId, bool verified);
    void refresh(ClientConnection& caller, const protocol::Request& request);
    void logout(ClientConnection& caller, const protocol::Request& request);
    void resume(ClientConnection& caller, const protocol::Request& request);
    void grantSession(ClientConnection& caller, qint64 requestId, const QString& agentId,
                      const QString& refreshFamily);

    AccountStore& m_accounts;
    SessionStore& m_sessionStore;
    SessionRegistry& m_sessions;
    AgentDirectory& m_directory;
    LoginThrottle& m_throttle;
    const SnapshotBuilder& m_snapshots;
    // Sign-ins, failed and throttled ones and reused refresh tokens are
    // kept in the audit log as well as the journal.
    AuditLog& m_audit;
    QString m_decoyHash;
};

} // namespace qidong::hub
