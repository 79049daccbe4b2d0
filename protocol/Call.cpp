#include "Call.h"

#include "FieldReader.h"
#include "Limits.h"

#include <QUrlQuery>

namespace qidong::protocol {

namespace {

QLatin1StringView key(const char* name)
{
    return QLatin1StringView(name);
}

} // namespace

QUrl MediaTicket::socketUrl(const QString& reachedHost) const
{
    QUrl socket = url;
    const QString host = url.host();
    if (!reachedHost.isEmpty() &&
        (host == QStringLiteral("0.0.0.0") || host == QStringLiteral("::")))
        socket.setHost(reachedHost);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("token"), token);
    socket.setQuery(query);
    return socket;
}

QJsonObject MediaTicket::toJson() const
{
    return {{QStringLiteral("url"), url.toString()},
            {QStringLiteral("token"), token},
            {QStringLiteral("expiresAtMs"), expiresAtMs}};
}

Result<MediaTicket> MediaTicket::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    MediaTicket ticket;
    ticket.url = QUrl(reader.string(key("url"), kMaxUrlLength));
    ticket.token = reader.string(key("token"), kMaxTokenLength);
    ticket.expiresAtMs = reader.optionalInteger(key("expiresAtMs"), 0, kMaxSafeInteger).value_or(0);
    if (reader.ok() && (!ticket.url.isValid() || (ticket.url.scheme() != QStringLiteral("ws") &&
                                                  ticket.url.scheme() != QStringLiteral("wss"))))
        reader.fail(key("url"), QStringLiteral("not a ws:// or wss:// URL"));
    if (!reader.ok())
        return reader.error();
    return ticket;
}

QJsonObject CallMediaParams::toJson() const
{
    return {{QStringLiteral("id"), id}};
}

Result<CallMediaParams> CallMediaParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    CallMediaParams params;
    params.id = reader.string(key("id"), kMaxIdentifierLength);
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject CallHoldParams::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("held"), held}};
}

Result<CallHoldParams> CallHoldParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    CallHoldParams params;
    params.id = reader.string(key("id"), kMaxIdentifierLength);
    params.held = reader.boolean(key("held"));
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject CallRecordParams::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("paused"), paused}};
}

Result<CallRecordParams> CallRecordParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    CallRecordParams params;
    params.id = reader.string(key("id"), kMaxIdentifierLength);
    params.paused = reader.boolean(key("paused"));
    if (!reader.ok())
        return reader.error();
    return params;
}

} // namespace qidong::protocol
