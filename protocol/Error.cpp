#include "Error.h"

#include <array>
#include <utility>

namespace qidong::protocol {

namespace {

constexpr std::array kNames = {
    std::pair{ErrorCode::BadJson, "bad_json"},
    std::pair{ErrorCode::InvalidMessage, "invalid_message"},
    std::pair{ErrorCode::InvalidParams, "invalid_params"},
    std::pair{ErrorCode::UnknownMethod, "unknown_method"},
    std::pair{ErrorCode::MessageTooLarge, "message_too_large"},
    std::pair{ErrorCode::HelloRequired, "hello_required"},
    std::pair{ErrorCode::UnsupportedVersion, "unsupported_version"},
    std::pair{ErrorCode::Unauthenticated, "unauthenticated"},
    std::pair{ErrorCode::InvalidCredentials, "invalid_credentials"},
    std::pair{ErrorCode::Throttled, "throttled"},
    std::pair{ErrorCode::SessionInvalid, "session_invalid"},
    std::pair{ErrorCode::Forbidden, "forbidden"},
    std::pair{ErrorCode::NotFound, "not_found"},
    std::pair{ErrorCode::InvalidTransition, "invalid_transition"},
    std::pair{ErrorCode::Draining, "draining"},
    std::pair{ErrorCode::StorageFailure, "storage_failure"},
    std::pair{ErrorCode::Timeout, "timeout"},
    std::pair{ErrorCode::NotConnected, "not_connected"},
    std::pair{ErrorCode::Internal, "internal"},
    std::pair{ErrorCode::Unknown, "unknown"},
};

} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto& [value, name] : kNames) {
        if (value == code)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("unknown");
}

ErrorCode errorCodeFromName(QStringView name)
{
    for (const auto& [value, text] : kNames) {
        if (name == QLatin1StringView(text))
            return value;
    }
    return ErrorCode::Unknown;
}

QJsonObject Error::toJson() const
{
    QJsonObject object{{QStringLiteral("code"), errorCodeName(code)},
                       {QStringLiteral("message"), message}};
    if (!details.isEmpty())
        object.insert(QStringLiteral("details"), details);
    return object;
}

std::optional<Error> Error::fromJson(const QJsonObject& object)
{
    const QJsonValue code = object.value(QLatin1StringView("code"));
    const QJsonValue message = object.value(QLatin1StringView("message"));
    const QJsonValue details = object.value(QLatin1StringView("details"));
    if (!code.isString() || (!message.isString() && !message.isUndefined()) ||
        (!details.isObject() && !details.isUndefined()))
        return std::nullopt;
    return Error{errorCodeFromName(code.toString()), message.toString(), details.toObject()};
}

Error makeError(ErrorCode code, QString message, QJsonObject details)
{
    return Error{code, std::move(message), std::move(details)};
}

} // namespace qidong::protocol
