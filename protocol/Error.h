#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace qidong::protocol {

// Every failure that crosses the wire has one of these codes. The desktop
// turns a code into words for the agent; `message` is for logs and developers.
enum class ErrorCode
{
    BadJson,            // the frame is not valid JSON
    InvalidMessage,     // valid JSON, but not a request, response or event
    InvalidParams,      // a parameter is missing, of the wrong type or out of range
    UnknownMethod,      // no such method
    MessageTooLarge,    // the frame is over the size limit
    HelloRequired,      // the first request on a connection must be `hello`
    UnsupportedVersion, // no protocol version in common
    Unauthenticated,    // the method needs a signed-in session
    InvalidCredentials, // wrong username or password, or an unknown refresh token
    Throttled,          // too many failed sign-ins; details.retryAfterMs says how long to wait
    SessionInvalid,     // the session token is unknown, expired or revoked
    Forbidden,          // the caller's role may not call this method
    NotFound,           // the thing named does not exist
    InvalidTransition,  // the requested state change is not allowed from the current state
    Draining,           // the hub is shutting down; reconnect later
    StorageFailure,     // the hub could not store the change; nothing was applied
    Timeout,            // no answer in time (raised by clients, never sent by the hub)
    NotConnected,       // no link to the hub right now (raised by clients, never sent by the hub)
    Internal,           // a bug; the hub logged it
    Unknown,            // a code this build does not know (from a newer peer)
};

QString errorCodeName(ErrorCode code);
// Unknown names map to ErrorCode::Unknown so newer hubs do not break older clients.
ErrorCode errorCodeFromName(QStringView name);

struct Error final
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QJsonObject details;

    QJsonObject toJson() const;
    static std::optional<Error> fromJson(const QJsonObject& object);

    friend bool operator==(const Error&, const Error&) = default;
};

Error makeError(ErrorCode code, QString message, QJsonObject details = {});

} // namespace qidong::protocol
