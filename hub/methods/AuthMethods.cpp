#include "AuthMethods.h"

#include "Clock.h"
#include "storage/AuditLog.h"

#include "RequestParams.h"
#include "SnapshotBuilder.h"
#include "agents/AgentDirectory.h"
#include "auth/LoginThrottle.h"
#include "auth/PasswordHasher.h"
#include "auth/SecretToken.h"
#include "log/HubLog.h"
#include "protocol/Names.h"
#include "protocol/Payloads.h"
#include "server/ClientConnection.h"
#include "server/MethodDispatcher.h"
#include "session/SessionRegistry.h"
#include "storage/AccountStore.h"
#include "storage/SessionStore.h"

#include <QDateTime>
#include <QtConcurrent/QtConcurrentRun>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

Error alreadySignedIn()
{
    return makeError(ErrorCode::InvalidTransition,
                     QStringLiteral("this connection is already signed in"));
}

} // namespace

AuthMethods::AuthMethods(AccountStore& accounts, SessionStore& sessionStore,
                         SessionRegistry& sessions, AgentDirectory& directory,
                         LoginThrottle& throttle, const SnapshotBuilder& snapshots, AuditLog& audit,
                         QObject* parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_sessionStore(sessionStore)
    , m_sessions(sessions)
    , m_directory(directory)
    , m_throttle(throttle)
    , m_snapshots(snapshots)
    , m_audit(audit)
    , m_decoyHash(PasswordHasher::decoyHash())
{}

AuthMethods::~AuthMethods() = default;

void AuthMethods::registerWith(MethodDispatcher& dispatcher)
{
    const MethodDispatcher::Access beforeSignIn{false, {}, true, true};
    dispatcher.add(
        method::AuthLogin, beforeSignIn,
        [this](ClientConnection& caller, const Request& request) { login(caller, request); });
    dispatcher.add(
        method::AuthRefresh, beforeSignIn,
        [this](ClientConnection& caller, const Request& request) { refresh(caller, request); });
    dispatcher.add(
        method::SessionResume, beforeSignIn,
        [this](ClientConnection& caller, const Request& request) { resume(caller, request); });
    dispatcher.add(
        method::AuthLogout, {true, {}, false},
        [this](ClientConnection& caller, const Request& request) { logout(caller, request); });
}

void AuthMethods::login(ClientConnection& caller, const Request& request)
{
    const std::optional<LoginParams> params = readParams<LoginParams>(caller, request);
    if (!params)
        return;
    const QString username = params->username;
    const QString peer = caller.peerAddress();
    const qint64 now = nowMs();
    if (const std::optional<qint64> wait = m_throttle.retryAfterMs(username, peer, now)) {
        logWarning(lcAuth, QLatin1StringView("login.throttled"),
                   {{QStringLiteral("user"), username}, {QStringLiteral("peer"), peer}});
        (void)m_audit.write(username, QStringLiteral("auth.login.throttled"), username,
                            {{QStringLiteral("peer"), peer}});
        caller.sendError(request.id,
                         makeError(ErrorCode::Throttled,
                                   QStringLiteral("too many failed sign-ins; try again later"),
                                   {{QStringLiteral("retryAfterMs"), *wait}}));
        return;
    }
    m_throttle.recordAttempt(username, peer, now);

    // An unknown username is checked against a decoy hash so that both
    // answers take the same time.
    const std::optional<AccountRecord> account = m_accounts.findByUsername(username);
    const QString hash = account ? account->passwordHash : m_decoyHash;
    const QString agentId = account ? account->agent.id : QString();
    const QString password = params->password;
    const qint64 requestId = request.id;
    // argon2id takes tens of milliseconds: verify off the event loop. The
    // continuation runs on this thread, and not at all if the caller is gone.
    QtConcurrent::run([hash, password] {
        return PasswordHasher::verify(hash, password);
    }).then(&caller, [this, caller = &caller, requestId, username, agentId](bool verified) {
        finishLogin(*caller, requestId, username, agentId, verified);
    });
}

void AuthMethods::finishLogin(ClientConnection& caller, qint64 requestId, const QString& username,
                              const QString& agentId, bool verified)
{
    if (!verified || agentId.isEmpty()) {
        logWarning(
            lcAuth, QLatin1StringView("login.failed"),
            {{QStringLiteral("user"), username}, {QStringLiteral("peer"), caller.peerAddress()}});
        (void)m_audit.write(username, QStringLiteral("auth.login.failed"), username,
                            {{QStringLiteral("peer"), caller.peerAddress()}});
        caller.sendError(requestId, makeError(ErrorCode::InvalidCredentials,
                                              QStringLiteral("wrong username or password")));
        return;
    }
    if (caller.session()) {
        caller.sendError(requestId, alreadySignedIn());
        return;
    }
    m_throttle.recordSuccess(username, caller.peerAddress());
    grantSession(caller, requestId, agentId, {});
}

void AuthMethods::refresh(ClientConnection& caller, const Request& request)
{
    const std::optional<RefreshParams> params = readParams<RefreshParams>(caller, request);
    if (!params)
        return;
    const RefreshCheck check =
        m_sessionStore.consumeRefreshToken(SecretToken::digest(params->refreshToken), nowMs());
    if (check.outcome == RefreshOutcome::Reused) {
        // A rotated token came back: someone holds a copy. End the family.
        logWarning(lcAuth, QLatin1StringView("refresh.reused"),
                   {{QStringLiteral("agent"), check.agentId},
                    {QStringLiteral("peer"), caller.peerAddress()}});
        (void)m_audit.write(check.agentId, QStringLiteral("auth.refresh.reused"), check.agentId,
                            {{QStringLiteral("peer"), caller.peerAddress()}});
        m_sessions.revokeFamily(check.family);
    }
    if (check.outcome != RefreshOutcome::Valid) {
        caller.sendError(request.id,
                         makeError(ErrorCode::InvalidCredentials,
                                   QStringLiteral("unknown, used or expired refresh token")));
        return;
    }
    grantSession(caller, request.id, check.agentId, check.family);
}

void AuthMethods::grantSession(ClientConnection& caller, qint64 requestId, const QString& agentId,
                               const QString& refreshFamily)
{
    Result<SessionRegistry::Issued> issued = m_sessions.open(agentId, refreshFamily);
    if (!issued) {
        caller.sendError(requestId, issued.error());
        return;
    }
    Session& session = *issued.value().session;
    m_sessions.attach(session, caller);
    SessionGrant grant;
    grant.sessionToken = issued.value().sessionToken;
    grant.refreshToken = issued.value().refreshToken;
    grant.expiresAtMs = session.expiresAtMs();
    grant.seq = session.events().lastSeq();
    grant.snapshot = m_snapshots.build(session);
    caller.sendResult(requestId, grant.toJson());
    (void)m_audit.write(
        agentId, QStringLiteral("auth.login"), agentId,
        {{QStringLiteral("peer"), caller.peerAddress()},
         {QStringLiteral("via"),
          refreshFamily.isEmpty() ? QStringLiteral("password") : QStringLiteral("refresh")}});
    logInfo(lcAuth, QLatin1StringView("login.succeeded"),
            {{QStringLiteral("agent"), agentId},
             {QStringLiteral("session"), session.id()},
             {QStringLiteral("via"),
              refreshFamily.isEmpty() ? QStringLiteral("password") : QStringLiteral("refresh")}});
}

void AuthMethods::logout(ClientConnection& caller, const Request& request)
{
    Session* session = caller.session();
    const QString agentId = session->agentId();
    const QString family = session->refreshFamily();
    // As everywhere, the caller's own event (Offline) precedes the answer.
    m_directory.goOffline(agentId, QStringLiteral("agent"));
    caller.sendResult(request.id, {});
    m_sessions.end(*session, CloseCode::SignedOut, QStringLiteral("signed out"));
    (void)m_sessionStore.revokeFamily(family);
}

void AuthMethods::resume(ClientConnection& caller, const Request& request)
{
    const std::optional<ResumeParams> params = readParams<ResumeParams>(caller, request);
    if (!params)
        return;
    Session* session = m_sessions.find(params->token);
    if (!session) {
        caller.sendError(request.id,
                         makeError(ErrorCode::SessionInvalid,
                                   QStringLiteral("unknown or expired session; sign in again")));
        return;
    }
    m_sessions.attach(*session, caller);
    const qint64 lastSeq = params->lastSeq;
    ResumeResult result;
    result.seq = session->events().lastSeq();
    QList<Event> missed;
    if (session->events().covers(lastSeq)) {
        missed = session->events().after(lastSeq);
        result.mode = ResumeResult::Mode::Replay;
        result.replayed = static_cast<int>(missed.size());
    } else {
        result.mode = ResumeResult::Mode::Resync;
        result.snapshot = m_snapshots.build(*session);
    }
    caller.sendResult(request.id, result.toJson());
    for (const Event& event : std::as_const(missed))
        caller.sendEvent(event);
    logInfo(lcSessions, QLatin1StringView("session.resumed"),
            {{QStringLiteral("session"), session->id()},
             {QStringLiteral("agent"), session->agentId()},
             {QStringLiteral("mode"), result.mode == ResumeResult::Mode::Replay
                                          ? QStringLiteral("replay")
                                          : QStringLiteral("resync")},
             {QStringLiteral("lastSeq"), lastSeq},
             {QStringLiteral("replayed"), result.replayed}});
}

} // namespace qidong::hub
