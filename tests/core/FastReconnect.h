#pragma once

#include "core/connection/HubConnection.h"

namespace qidong::test {

// Reconnect quickly so tests of restarts and drops finish in seconds.
inline core::HubConnection::Settings fastReconnectSettings()
{
    core::HubConnection::Settings settings;
    settings.clientName = QStringLiteral("qidong-tests");
    settings.backoff = {std::chrono::milliseconds(200), std::chrono::milliseconds(1000), 0.2};
    return settings;
}

} // namespace qidong::test
