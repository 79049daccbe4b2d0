#include "SessionRegistry.h"
#include "Clock.h"

#include "agents/AgentDirectory.h"
#include "auth/SecretToken.h"
#include "log/HubLog.h"
#include "protocol/Names.h"
#include "protocol/Payloads.h"
#include "server/ClientConnection.h"
#include "storage/AccountStore.h"
#include "storage/SessionStore.h"

#include <QDateTime>

namespace qidong::hub {

using namespace qidong::protocol;

SessionRegistry::SessionRegistry(SessionStore& store, AccountStore& accounts,
                                 AgentDirectory& directory, Settings settings, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_accounts(accounts)
    , m_directory(directory)
    , m_settings(settings)
{
    connect(&m_directory, &AgentDirectory::stateChanged, this,
            &SessionRegistry::onAgentStateChanged);
}

SessionRegistry::~SessionRegistry() = default;

Result<SessionRegistry::Issued> SessionRegistry::open(const QString& agentId,
                                                      const QString& refreshFamily)
{
    const std::optional<Agent> agent = m_accounts.findById(agentId);
    if (!agent)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such account"));

    // One desktop per person: earlier sessions end, live or stored.
    for (Session* other : sessions()) {
        if (other->agentId() == agentId)
            end(*other, CloseCode::SessionReplaced, QStringLiteral("signed in elsewhere"));
    }
    for (const SessionRecord& stale : m_store.sessionsOf(agentId))
        (void)m_store.deleteSession(stale.id);

    const qint64 now = nowMs();
    Issued issued;
    issued.sessionToken = SecretToken::generate();
    issued.refreshToken = SecretToken::generate();
    SessionRecord record{SecretToken::randomId(),
                         agentId,
                         SecretToken::digest(issued.sessionToken),
                         refreshFamily.isEmpty() ? SecretToken::randomId() : refreshFamily,
                         now,
                         now + m_settings.sessionLifetime.count()};
    Result<bool> stored = m_store.insertSession(record);
    if (!stored)
        return stored.error();
    stored =
        m_store.insertRefreshToken(SecretToken::digest(issued.refreshToken), agentId,
                                   record.refreshFamily, now + m_settings.refreshLifetime.count());
    if (!stored) {
        (void)m_store.deleteSession(record.id);
        return stored.error();
    }
    issued.session =
        adopt(std::make_unique<Session>(std::move(record), agent->role, m_settings.replayCapacity));
    logInfo(
        lcSessions, QLatin1StringView("session.opened"),
        {{QStringLiteral("session"), issued.session->id()}, {QStringLiteral("agent"), agentId}});
    return issued;
}

Session* SessionRegistry::find(const QString& sessionToken)
{
    const QByteArray hash = SecretToken::digest(sessionToken);
    const qint64 now = nowMs();
    if (Session* live = m_byTokenHash.value(hash)) {
        if (live->expiresAtMs() > now)
            return live;
        end(*live, CloseCode::SignedOut, QStringLiteral("session expired"));
        return nullptr;
    }
    std::optional<SessionRecord> record = m_store.findSession(hash, now);
    if (!record)
        return nullptr;
    const std::optional<Agent> agent = m_accounts.findById(record->agentId);
    if (!agent)
        return nullptr;
    auto restored =
        std::make_unique<Session>(std::move(*record), agent->role, m_settings.replayCapacity);
    restored->events().markRestored();
    logInfo(lcSessions, QLatin1StringView("session.restored"),
            {{QStringLiteral("session"), restored->id()},
             {QStringLiteral("agent"), restored->agentId()}});
    return adopt(std::move(restored));
}

void SessionRegistry::end(Session& session, CloseCode code, const QString& reason)
{
    if (ClientConnection* connection = session.connection()) {
        detach(*connection);
        connection->close(code, reason);
    }
    (void)m_store.deleteSession(session.id());
    logInfo(lcSessions, QLatin1StringView("session.ended"),
            {{QStringLiteral("session"), session.id()},
             {QStringLiteral("agent"), session.agentId()},
             {QStringLiteral("reason"), reason}});
    forget(session);
}

void SessionRegistry::revokeFamily(const QString& family)
{
    for (Session* session : sessions()) {
        if (session->refreshFamily() == family)
            end(*session, CloseCode::SignedOut, QStringLiteral("refresh token reused"));
    }
    (void)m_store.revokeFamily(family);
}

void SessionRegistry::attach(Session& session, ClientConnection& connection)
{
    if (ClientConnection* previous = session.connection(); previous && previous != &connection) {
        detach(*previous);
        previous->close(CloseCode::SessionReplaced,
                        QStringLiteral("resumed on another connection"));
    }
    if (connection.session() && connection.session() != &session)
        detach(connection);
    if (session.connection() == &connection)
        return;
    session.setConnection(&connection);
    connection.setSession(&session);
    m_directory.markConnected(session.agentId());
}

void SessionRegistry::detach(ClientConnection& connection)
{
    Session* session = connection.session();
    if (!session)
        return;
    connection.setSession(nullptr);
    if (session->connection() == &connection) {
        session->setConnection(nullptr);
        m_directory.markDisconnected(session->agentId());
    }
}

QList<Session*> SessionRegistry::sessions() const
{
    QList<Session*> all;
    all.reserve(static_cast<qsizetype>(m_sessions.size()));
    for (const auto& [id, session] : m_sessions)
        all.append(session.get());
    return all;
}

bool SessionRegistry::postToAgent(const QString& agentId, QLatin1StringView event,
                                  const QJsonObject& data)
{
    bool connected = false;
    for (const auto& [id, session] : m_sessions) {
        if (session->agentId() == agentId) {
            session->post(QString(event), data);
            connected = connected || session->isConnected();
        }
    }
    return connected;
}

void SessionRegistry::notifyAgent(const QString& agentId, QLatin1StringView event,
                                  const QJsonObject& data)
{
    for (const auto& [id, session] : m_sessions) {
        if (session->agentId() == agentId)
            session->notify(QString(event), data);
    }
}

void SessionRegistry::onAgentStateChanged(const QString& agentId, const AgentState& state,
                                          const QString& cause)
{
    const QJsonObject data = StateChangedEvent{agentId, state, cause}.toJson();
    for (const auto& [id, session] : m_sessions) {
        if (session->agentId() == agentId || (session->seesFloor() && !session->watchesFloor()))
            session->post(event::AgentStateChanged, data);
    }
}

Session* SessionRegistry::adopt(std::unique_ptr<Session> session)
{
    Session* raw = session.get();
    m_byTokenHash.insert(raw->tokenHash(), raw);
    m_sessions[raw->id()] = std::move(session);
    return raw;
}

void SessionRegistry::forget(Session& session)
{
    m_byTokenHash.remove(session.tokenHash());
    m_sessions.erase(session.id()); // destroys `session`
}

} // namespace qidong::hub
