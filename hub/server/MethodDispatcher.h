#pragma once

#include "protocol/DomainEnums.h"
#include "protocol/Message.h"

#include <QHash>
#include <QList>

#include <functional>

namespace qidong::hub {

class ClientConnection;

// Maps method names to handlers and checks, before any handler runs, that
// the caller may call it: signed in if needed, with an allowed role, and not
// starting new work while the hub drains.
class MethodDispatcher final
{
    Q_DISABLE_COPY_MOVE(MethodDispatcher)

public:
    using Handler = std::function<void(ClientConnection& caller, const protocol::Request& request)>;

    struct Access
    {
        bool needsSession = true;
        QList<protocol::Role> roles; // empty: any signed-in role
        bool refusedWhileDraining = false;
        bool refusedWhenSignedIn = false; // sign-in methods on a signed-in connection
    };

    MethodDispatcher() = default;

    void add(QLatin1StringView method, Access access, Handler handler);
    void dispatch(ClientConnection& caller, const protocol::Request& request) const;
    void setDraining(bool draining) { m_draining = draining; }
    bool draining() const { return m_draining; }

private:
    struct Entry
    {
        Access access;
        Handler handler;
    };

    QHash<QString, Entry> m_methods;
    bool m_draining = false;
};

} // namespace qidong::hub
