#include "Call.h"

#include "EnumNames.h"
#include "FieldReader.h"
#include "Limits.h"

#include <QUrlQuery>

#include <array>
#include <utility>

namespace qidong::protocol {

namespace {

QLatin1StringView key(const char* name)
{
    return QLatin1StringView(name);
}

constexpr std::array kConsultStages = {
    std::pair{ConsultStage::Ringing, "ringing"},
    std::pair{ConsultStage::Talking, "talking"},
    std::pair{ConsultStage::Conference, "conference"},
    std::pair{ConsultStage::Ended, "ended"},
};

constexpr std::array kConsultActions = {
    std::pair{ConsultAction::Transfer, "transfer"},
    std::pair{ConsultAction::Conference, "conference"},
    std::pair{ConsultAction::Return, "return"},
    std::pair{ConsultAction::Leave, "leave"},
};

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

QString consultStageName(ConsultStage stage)
{
    return enumnames::nameOf(kConsultStages, stage);
}

std::optional<ConsultStage> consultStageFromName(QStringView name)
{
    return enumnames::valueOf(kConsultStages, name);
}

QString consultActionName(ConsultAction action)
{
    return enumnames::nameOf(kConsultActions, action);
}

std::optional<ConsultAction> consultActionFromName(QStringView name)
{
    return enumnames::valueOf(kConsultActions, name);
}

QJsonObject Consultation::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("stage"), consultStageName(stage)},
                     {QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), fromAgentId},
                                                          {QStringLiteral("name"), fromName}}},
                     {QStringLiteral("to"), QJsonObject{{QStringLiteral("id"), toAgentId},
                                                        {QStringLiteral("name"), toName}}},
                     {QStringLiteral("customer"), customer.toJson()}};
    if (!outcome.isEmpty())
        json.insert(QStringLiteral("outcome"), outcome);
    return json;
}

Result<Consultation> Consultation::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    Consultation consultation;
    consultation.id = reader.string(key("id"), kMaxIdentifierLength);
    consultation.stage =
        reader.enumeration(key("stage"), consultStageFromName, ConsultStage::Ended);
    const auto party = [&reader](const char* name, QString& id, QString& displayName) {
        const QJsonObject object = reader.object(key(name));
        if (!reader.ok())
            return;
        FieldReader inner(object, reader.pathOf(key(name)));
        id = inner.string(key("id"), kMaxIdentifierLength);
        displayName = inner.string(key("name"));
        if (!inner.ok())
            reader.adopt(inner.error());
    };
    party("from", consultation.fromAgentId, consultation.fromName);
    party("to", consultation.toAgentId, consultation.toName);
    const QJsonObject customer = reader.object(key("customer"));
    if (reader.ok()) {
        Result<CustomerRef> ref = CustomerRef::fromJson(customer, reader.pathOf(key("customer")));
        if (ref)
            consultation.customer = std::move(ref).value();
        else
            reader.adopt(ref.error());
    }
    consultation.outcome =
        reader.optionalString(key("outcome"), kMaxIdentifierLength).value_or(QString());
    if (!reader.ok())
        return reader.error();
    return consultation;
}

QJsonObject CallConsultParams::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("agent"), agentUsername}};
}

Result<CallConsultParams> CallConsultParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    CallConsultParams params;
    params.id = reader.string(key("id"), kMaxIdentifierLength);
    params.agentUsername = reader.string(key("agent"), kMaxIdentifierLength);
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject CallConsultEndParams::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("action"), consultActionName(action)}};
}

Result<CallConsultEndParams> CallConsultEndParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    CallConsultEndParams params;
    params.id = reader.string(key("id"), kMaxIdentifierLength);
    params.action = reader.enumeration(key("action"), consultActionFromName, ConsultAction::Return);
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject CallDialNumberParams::toJson() const
{
    QJsonObject json{{QStringLiteral("number"), number}};
    if (!queueId.isEmpty())
        json.insert(QStringLiteral("queueId"), queueId);
    if (!displayName.isEmpty())
        json.insert(QStringLiteral("displayName"), displayName);
    return json;
}

std::optional<QString> CallDialNumberParams::normalizedNumber(const QString& typed)
{
    // People type numbers with spaces, dashes, dots and brackets.
    QString number;
    for (const QChar c : typed) {
        if (c.isDigit() && c.unicode() < 128)
            number.append(c);
        else if (c == u'+' && number.isEmpty())
            number.append(c);
        else if (c != u' ' && c != u'-' && c != u'.' && c != u'(' && c != u')')
            return std::nullopt;
    }
    const qsizetype digits = number.startsWith(u'+') ? number.size() - 1 : number.size();
    if (digits < 3 || digits > 15) // E.164: at most 15 digits; 3 for service numbers
        return std::nullopt;
    return number;
}

Result<CallDialNumberParams> CallDialNumberParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    CallDialNumberParams params;
    const QString typed = reader.string(key("number"), 40);
    params.queueId =
        reader.optionalString(key("queueId"), kMaxIdentifierLength).value_or(QString());
    params.displayName = reader.optionalString(key("displayName")).value_or(QString());
    if (reader.ok()) {
        if (const std::optional<QString> number = normalizedNumber(typed))
            params.number = *number;
        else
            reader.fail(
                key("number"),
                QStringLiteral("not a phone number: 3 to 15 digits, an optional leading +"));
    }
    if (!reader.ok())
        return reader.error();
    return params;
}

} // namespace qidong::protocol
