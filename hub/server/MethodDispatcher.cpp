#include "MethodDispatcher.h"

#include "ClientConnection.h"
#include "session/Session.h"

namespace qidong::hub {

using namespace qidong::protocol;

void MethodDispatcher::add(QLatin1StringView method, Access access, Handler handler)
{
    m_methods.insert(QString(method), Entry{std::move(access), std::move(handler)});
}

void MethodDispatcher::dispatch(ClientConnection& caller, const Request& request) const
{
    const auto it = m_methods.constFind(request.method);
    if (it == m_methods.cend()) {
        caller.sendError(request.id,
                         makeError(ErrorCode::UnknownMethod,
                                   QStringLiteral("no method \"%1\"").arg(request.method)));
        return;
    }
    const Access& access = it->access;
    if (access.refusedWhileDraining && m_draining) {
        caller.sendError(
            request.id, makeError(ErrorCode::Draining, QStringLiteral("the hub is shutting down")));
        return;
    }
    if (access.refusedWhenSignedIn && caller.session()) {
        caller.sendError(request.id,
                         makeError(ErrorCode::InvalidTransition,
                                   QStringLiteral("this connection is already signed in")));
        return;
    }
    if (access.needsSession) {
        const Session* session = caller.session();
        if (!session) {
            caller.sendError(
                request.id, makeError(ErrorCode::Unauthenticated, QStringLiteral("sign in first")));
            return;
        }
        if (!access.roles.isEmpty() && !access.roles.contains(session->role())) {
            caller.sendError(request.id,
                             makeError(ErrorCode::Forbidden,
                                       QStringLiteral("role %1 may not call %2")
                                           .arg(roleName(session->role()), request.method)));
            return;
        }
    }
    it->handler(caller, request);
}

} // namespace qidong::hub
