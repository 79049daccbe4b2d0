#pragma once

#include "Error.h"
#include "Result.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>
#include <variant>

namespace qidong::protocol {

// {"id":17,"method":"agent.setState","params":{...}}
struct Request final
{
    qint64 id = 0;
    QString method;
    QJsonObject params;
    friend bool operator==(const Request&, const Request&) = default;
};

// {"id":17,"result":{...}} or {"id":17,"error":{"code":"forbidden","message":"..."}}.
// `id` is null when the request it answers could not be read at all.
struct Response final
{
    std::optional<qint64> id;
    QJsonObject result;
    std::optional<Error> error;
    friend bool operator==(const Response&, const Response&) = default;
};

// {"event":"agent.stateChanged","seq":1042,"data":{...}}. Session events carry
// a per-session `seq`; transient notices (hub.draining) carry none and are
// never replayed.
struct Event final
{
    QString name;
    std::optional<qint64> seq;
    QJsonObject data;
    friend bool operator==(const Event&, const Event&) = default;
};

using Message = std::variant<Request, Response, Event>;

// Why a frame could not be decoded, and the request id when one could be read
// so the error answer can still be matched to its request.
struct DecodeFailure final
{
    Error error;
    std::optional<qint64> requestId;
};

Result<Message, DecodeFailure> decodeMessage(QByteArrayView frame);
QByteArray encodeMessage(const Message& message);

Response makeResult(qint64 id, QJsonObject result = {});
Response makeErrorResponse(std::optional<qint64> id, Error error);

bool isValidMethodName(QStringView name);

} // namespace qidong::protocol
