#include "CloseCode.h"

namespace qidong::protocol {

QString closeCodeName(CloseCode code)
{
    switch (code) {
    case CloseCode::Normal:
        return QStringLiteral("normal");
    case CloseCode::GoingAway:
        return QStringLiteral("going_away");
    case CloseCode::ProtocolError:
        return QStringLiteral("protocol_error");
    case CloseCode::MessageTooBig:
        return QStringLiteral("message_too_big");
    case CloseCode::InternalError:
        return QStringLiteral("internal_error");
    case CloseCode::HelloTimeout:
        return QStringLiteral("hello_timeout");
    case CloseCode::UnsupportedVersion:
        return QStringLiteral("unsupported_version");
    case CloseCode::AuthTimeout:
        return QStringLiteral("auth_timeout");
    case CloseCode::SessionReplaced:
        return QStringLiteral("session_replaced");
    case CloseCode::HeartbeatTimeout:
        return QStringLiteral("heartbeat_timeout");
    case CloseCode::SignedOut:
        return QStringLiteral("signed_out");
    case CloseCode::TooManyErrors:
        return QStringLiteral("too_many_errors");
    case CloseCode::MediaTokenInvalid:
        return QStringLiteral("media_token_invalid");
    case CloseCode::MediaLegEnded:
        return QStringLiteral("media_leg_ended");
    }
    return QStringLiteral("unknown");
}

bool closeCodeAllowsResume(quint16 code)
{
    switch (static_cast<CloseCode>(code)) {
    case CloseCode::UnsupportedVersion:
    case CloseCode::SessionReplaced:
    case CloseCode::SignedOut:
    case CloseCode::MediaTokenInvalid:
    case CloseCode::MediaLegEnded:
        return false;
    default:
        return true;
    }
}

} // namespace qidong::protocol
