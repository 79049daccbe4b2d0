#pragma once

#include <QString>

namespace qidong::protocol {

// WebSocket close codes the hub sends, with their meaning for the client:
// whether to reconnect by itself, and whether the session survives.
enum class CloseCode : quint16
{
    Normal = 1000,             // the client signed out or closed
    GoingAway = 1001,          // the hub stopped after draining; reconnect and resume
    ProtocolError = 1002,      // WebSocket-level protocol violation
    MessageTooBig = 1009,      // a frame exceeded the transport limit
    InternalError = 1011,      // the hub failed; reconnect and resume
    HelloTimeout = 4000,       // no `hello` in time
    UnsupportedVersion = 4001, // no protocol version in common; do not retry
    AuthTimeout = 4002,        // not signed in in time
    SessionReplaced = 4003,    // the same session was resumed on another connection; do not retry
    HeartbeatTimeout = 4004,   // two heartbeats missed; reconnect and resume
    SignedOut = 4005,          // the session ended (sign-out, expiry or forced); sign in again
    TooManyErrors = 4006,      // too many invalid frames; reconnect with a fixed client
    MediaTokenInvalid = 4007,  // a media socket with a missing, unknown or expired token
    MediaLegEnded = 4008,      // the call ended or this party left it; do not reconnect
};

QString closeCodeName(CloseCode code);
// True when a client should reconnect by itself and resume its session.
bool closeCodeAllowsResume(quint16 code);

} // namespace qidong::protocol
