#include "Message.h"

#include "FieldReader.h"
#include "Limits.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace qidong::protocol {

namespace {

const QLatin1StringView kId("id");
const QLatin1StringView kMethod("method");
const QLatin1StringView kParams("params");
const QLatin1StringView kResult("result");
const QLatin1StringView kError("error");
const QLatin1StringView kEvent("event");
const QLatin1StringView kSeq("seq");
const QLatin1StringView kData("data");

bool isNameStart(QChar c)
{
    return c >= u'a' && c <= u'z';
}
bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

DecodeFailure failure(ErrorCode code, const QString& message, std::optional<qint64> id = {})
{
    return DecodeFailure{makeError(code, message), id};
}

Result<Message, DecodeFailure> decodeRequest(const QJsonObject& object)
{
    const std::optional<qint64> id = toBoundedInteger(object.value(kId), 0, kMaxSafeInteger);
    if (!id)
        return failure(ErrorCode::InvalidMessage,
                       QStringLiteral("id: expected an integer in 0..2^53-1"));
    const QJsonValue method = object.value(kMethod);
    if (!method.isString() || !isValidMethodName(method.toString()))
        return failure(ErrorCode::InvalidMessage,
                       QStringLiteral("method: expected a name like \"noun.verb\""), id);
    const QJsonValue params = object.value(kParams);
    if (!params.isUndefined() && !params.isNull() && !params.isObject())
        return failure(ErrorCode::InvalidMessage, QStringLiteral("params: expected an object"), id);
    return Message{Request{*id, method.toString(), params.toObject()}};
}

Result<Message, DecodeFailure> decodeResponse(const QJsonObject& object)
{
    Response response;
    const QJsonValue id = object.value(kId);
    if (!id.isNull()) {
        response.id = toBoundedInteger(id, 0, kMaxSafeInteger);
        if (!response.id)
            return failure(ErrorCode::InvalidMessage,
                           QStringLiteral("id: expected an integer in 0..2^53-1 or null"));
    }
    const QJsonValue error = object.value(kError);
    const QJsonValue result = object.value(kResult);
    if (!error.isUndefined()) {
        if (!error.isObject())
            return failure(ErrorCode::InvalidMessage, QStringLiteral("error: expected an object"));
        response.error = Error::fromJson(error.toObject());
        if (!response.error)
            return failure(ErrorCode::InvalidMessage,
                           QStringLiteral("error: expected {code, message}"));
    } else if (!result.isObject()) {
        return failure(ErrorCode::InvalidMessage, QStringLiteral("result: expected an object"));
    }
    response.result = result.toObject();
    return Message{response};
}

Result<Message, DecodeFailure> decodeEvent(const QJsonObject& object)
{
    const QJsonValue name = object.value(kEvent);
    if (!name.isString() || !isValidMethodName(name.toString()))
        return failure(ErrorCode::InvalidMessage,
                       QStringLiteral("event: expected a name like \"noun.pastTense\""));
    Event event{name.toString(), std::nullopt, {}};
    const QJsonValue seq = object.value(kSeq);
    if (!seq.isUndefined()) {
        event.seq = toBoundedInteger(seq, 1, kMaxSafeInteger);
        if (!event.seq)
            return failure(ErrorCode::InvalidMessage,
                           QStringLiteral("seq: expected an integer in 1..2^53-1"));
    }
    const QJsonValue data = object.value(kData);
    if (!data.isUndefined() && !data.isObject())
        return failure(ErrorCode::InvalidMessage, QStringLiteral("data: expected an object"));
    event.data = data.toObject();
    return Message{event};
}

} // namespace

bool isValidMethodName(QStringView name)
{
    if (name.isEmpty() || name.size() > kMaxMethodLength)
        return false;
    bool segmentStart = true;
    for (const QChar c : name) {
        if (segmentStart) {
            if (!isNameStart(c))
                return false;
            segmentStart = false;
        } else if (c == u'.') {
            segmentStart = true;
        } else if (!isNameChar(c)) {
            return false;
        }
    }
    return !segmentStart;
}

Result<Message, DecodeFailure> decodeMessage(QByteArrayView frame)
{
    if (frame.size() > kMaxFrameBytes)
        return failure(ErrorCode::MessageTooLarge,
                       QStringLiteral("frame of %1 bytes is over the limit of %2 bytes")
                           .arg(frame.size())
                           .arg(kMaxFrameBytes));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(frame.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(ErrorCode::BadJson, QStringLiteral("not JSON at offset %1: %2")
                                               .arg(parseError.offset)
                                               .arg(parseError.errorString()));
    if (!document.isObject())
        return failure(ErrorCode::InvalidMessage, QStringLiteral("expected a JSON object"));
    const QJsonObject object = document.object();
    if (object.contains(kMethod))
        return decodeRequest(object);
    if (object.contains(kEvent))
        return decodeEvent(object);
    if (object.contains(kId) && (object.contains(kResult) || object.contains(kError)))
        return decodeResponse(object);
    return failure(ErrorCode::InvalidMessage,
                   QStringLiteral("expected a request, a response or an event"));
}

QByteArray encodeMessage(const Message& message)
{
    QJsonObject object;
    if (const auto* request = std::get_if<Request>(&message)) {
        object.insert(kId, request->id);
        object.insert(kMethod, request->method);
        if (!request->params.isEmpty())
            object.insert(kParams, request->params);
    } else if (const auto* response = std::get_if<Response>(&message)) {
        object.insert(kId, response->id ? QJsonValue(*response->id) : QJsonValue());
        if (response->error)
            object.insert(kError, response->error->toJson());
        else
            object.insert(kResult, response->result);
    } else {
        const auto& event = std::get<Event>(message);
        object.insert(kEvent, event.name);
        if (event.seq)
            object.insert(kSeq, *event.seq);
        object.insert(kData, event.data);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Response makeResult(qint64 id, QJsonObject result)
{
    return Response{id, std::move(result), std::nullopt};
}

Response makeErrorResponse(std::optional<qint64> id, Error error)
{
    return Response{id, {}, std::move(error)};
}

} // namespace qidong::protocol
