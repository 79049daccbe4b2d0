#pragma once

#include "Session.h"
#include "protocol/AgentState.h"
#include "protocol/CloseCode.h"
#include "protocol/Result.h"

#include <QObject>

#include <chrono>
#include <memory>
#include <unordered_map>

namespace qidong::hub {

class AccountStore;
class AgentDirectory;
class ClientConnection;
class SessionStore;

// All sessions of this hub, live or waiting for their desktop to come back,
// and the fan-out of events to them.
class SessionRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionRegistry)

public:
    struct Settings
    {
        int replayCapacity = 1024;
        std::chrono::milliseconds sessionLifetime = std::chrono::hours(12);
        std::chrono::milliseconds refreshLifetime = std::chrono::hours(24 * 30);
    };

    struct Issued
    {
        Session* session = nullptr;
        QString sessionToken;
        QString refreshToken;
    };

    SessionRegistry(SessionStore& store, AccountStore& accounts, AgentDirectory& directory,
                    Settings settings, QObject* parent = nullptr);
    ~SessionRegistry() override;

    // A new session for `agentId`; any earlier session of the same person
    // ends (one desktop per person). `refreshFamily` continues a token family
    // on auth.refresh; empty starts a new one.
    protocol::Result<Issued> open(const QString& agentId, const QString& refreshFamily = {});
    // The session a token belongs to, restoring it from storage after a hub
    // restart; nullptr when unknown or expired.
    Session* find(const QString& sessionToken);
    void end(Session& session, protocol::CloseCode code, const QString& reason);
    // Signs the whole token family out (a reused refresh token was seen).
    void revokeFamily(const QString& family);

    void attach(Session& session, ClientConnection& connection);
    void detach(ClientConnection& connection);

    QList<Session*> sessions() const;
    // Posts a session event to every session of one person.
    // Answers whether one of them is connected right now.
    bool postToAgent(const QString& agentId, QLatin1StringView event, const QJsonObject& data);
    void notifyAgent(const QString& agentId, QLatin1StringView event, const QJsonObject& data);

private:
    void onAgentStateChanged(const QString& agentId, const protocol::AgentState& state,
                             const QString& cause);
    Session* adopt(std::unique_ptr<Session> session);
    void forget(Session& session);

    SessionStore& m_store;
    AccountStore& m_accounts;
    AgentDirectory& m_directory;
    Settings m_settings;
    std::unordered_map<QString, std::unique_ptr<Session>> m_sessions; // by session id
    QHash<QByteArray, Session*> m_byTokenHash;
};

} // namespace qidong::hub
