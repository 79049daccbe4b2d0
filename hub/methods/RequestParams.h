#pragma once

#include "protocol/Message.h"
#include "server/ClientConnection.h"

#include <optional>

namespace qidong::hub {

// Decodes a request's params into T, or answers the caller with the typed
// error and returns nothing: `if (const auto params = readParams<T>(...))`.
template <typename Params>
std::optional<Params> readParams(ClientConnection& caller, const protocol::Request& request)
{
    protocol::Result<Params> params = Params::fromJson(request.params);
    if (!params) {
        caller.sendError(request.id, params.error());
        return std::nullopt;
    }
    return std::move(params).value();
}

} // namespace qidong::hub
