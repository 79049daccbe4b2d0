#include "Payloads.h"

#include "FieldReader.h"

#include <QJsonArray>

#include <algorithm>

namespace qidong::protocol {

namespace {

QLatin1StringView key(const char* name)
{
    return QLatin1StringView(name);
}

} // namespace

QJsonObject HelloParams::toJson() const
{
    QJsonArray list;
    for (int version : versions)
        list.append(version);
    return {{QStringLiteral("versions"), list}, {QStringLiteral("client"), client}};
}

Result<HelloParams> HelloParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    HelloParams params;
    const QJsonArray versions = reader.array(key("versions"), 16);
    for (const QJsonValue& value : versions) {
        const std::optional<qint64> version = toBoundedInteger(value, 1, 1000);
        if (!version) {
            reader.fail(key("versions"), QStringLiteral("expected integers in 1..1000"));
            break;
        }
        params.versions.append(static_cast<int>(*version));
    }
    if (reader.ok() && params.versions.isEmpty())
        reader.fail(key("versions"), QStringLiteral("at least one version"));
    params.client = reader.string(key("client"), kMaxIdentifierLength);
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject HelloResult::toJson() const
{
    return {{QStringLiteral("version"), version},
            {QStringLiteral("server"), server},
            {QStringLiteral("heartbeatIntervalMs"), heartbeatIntervalMs},
            {QStringLiteral("maxFrameBytes"), maxFrameBytes}};
}

Result<HelloResult> HelloResult::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    HelloResult result;
    result.version = static_cast<int>(reader.integer(key("version"), 1, 1000));
    result.server = reader.string(key("server"), kMaxIdentifierLength);
    result.heartbeatIntervalMs =
        static_cast<int>(reader.integer(key("heartbeatIntervalMs"), 50, 3600 * 1000));
    result.maxFrameBytes = reader.integer(key("maxFrameBytes"), 1024, kTransportFrameBytes);
    if (!reader.ok())
        return reader.error();
    return result;
}

std::optional<int> negotiateVersion(const QList<int>& clientVersions)
{
    std::optional<int> best;
    for (int version : clientVersions) {
        if (version >= kOldestProtocolVersion && version <= kProtocolVersion)
            best = std::max(best.value_or(version), version);
    }
    return best;
}

QJsonObject LoginParams::toJson() const
{
    return {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
}

Result<LoginParams> LoginParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    LoginParams params;
    params.username = reader.string(key("username"), kMaxIdentifierLength);
    params.password = reader.string(key("password"), kMaxPasswordLength);
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject RefreshParams::toJson() const
{
    return {{QStringLiteral("refreshToken"), refreshToken}};
}

Result<RefreshParams> RefreshParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    RefreshParams params;
    params.refreshToken = reader.string(key("refreshToken"), kMaxTokenLength);
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject SessionGrant::toJson() const
{
    return {{QStringLiteral("sessionToken"), sessionToken},
            {QStringLiteral("refreshToken"), refreshToken},
            {QStringLiteral("expiresAt"), expiresAtMs},
            {QStringLiteral("seq"), seq},
            {QStringLiteral("snapshot"), snapshot.toJson()}};
}

Result<SessionGrant> SessionGrant::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    SessionGrant grant;
    grant.sessionToken = reader.string(key("sessionToken"), kMaxTokenLength);
    grant.refreshToken = reader.string(key("refreshToken"), kMaxTokenLength);
    grant.expiresAtMs = reader.integer(key("expiresAt"), 0, kMaxSafeInteger);
    grant.seq = reader.integer(key("seq"), 0, kMaxSafeInteger);
    const QJsonObject snapshot = reader.object(key("snapshot"));
    if (reader.ok()) {
        Result<SessionSnapshot> decoded =
            SessionSnapshot::fromJson(snapshot, QStringLiteral("snapshot"));
        if (!decoded)
            return decoded.error();
        grant.snapshot = std::move(decoded).value();
    }
    if (!reader.ok())
        return reader.error();
    return grant;
}

QJsonObject ResumeParams::toJson() const
{
    return {{QStringLiteral("token"), token}, {QStringLiteral("lastSeq"), lastSeq}};
}

Result<ResumeParams> ResumeParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    ResumeParams params;
    params.token = reader.string(key("token"), kMaxTokenLength);
    params.lastSeq = reader.integer(key("lastSeq"), 0, kMaxSafeInteger);
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject ResumeResult::toJson() const
{
    QJsonObject json{{QStringLiteral("mode"),
                      mode == Mode::Replay ? QStringLiteral("replay") : QStringLiteral("resync")},
                     {QStringLiteral("seq"), seq},
                     {QStringLiteral("replayed"), replayed}};
    if (snapshot)
        json.insert(QStringLiteral("snapshot"), snapshot->toJson());
    return json;
}

Result<ResumeResult> ResumeResult::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    ResumeResult result;
    result.mode = reader.enumeration(
        key("mode"),
        [](QStringView name) -> std::optional<Mode> {
            if (name == u"replay")
                return Mode::Replay;
            if (name == u"resync")
                return Mode::Resync;
            return std::nullopt;
        },
        Mode::Replay);
    result.seq = reader.integer(key("seq"), 0, kMaxSafeInteger);
    result.replayed = static_cast<int>(reader.integer(key("replayed"), 0, 1'000'000));
    if (const auto snapshot = reader.optionalObject(key("snapshot"))) {
        Result<SessionSnapshot> decoded =
            SessionSnapshot::fromJson(*snapshot, QStringLiteral("snapshot"));
        if (!decoded)
            return decoded.error();
        result.snapshot = std::move(decoded).value();
    }
    if (reader.ok() && result.mode == Mode::Resync && !result.snapshot)
        reader.fail(key("snapshot"), QStringLiteral("required for resync"));
    if (!reader.ok())
        return reader.error();
    return result;
}

QJsonObject SetStateParams::toJson() const
{
    QJsonObject json{{QStringLiteral("presence"), presenceName(presence)}};
    if (!reasonCode.isEmpty())
        json.insert(QStringLiteral("reason"), reasonCode);
    return json;
}

Result<SetStateParams> SetStateParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    SetStateParams params;
    params.presence = reader.enumeration(key("presence"), presenceFromName, Presence::Ready);
    params.reasonCode =
        reader.optionalString(key("reason"), kMaxIdentifierLength).value_or(QString());
    if (reader.ok() && params.presence == Presence::NotReady && params.reasonCode.isEmpty())
        reader.fail(key("reason"), QStringLiteral("required for notReady"));
    if (reader.ok() && params.presence != Presence::NotReady && !params.reasonCode.isEmpty())
        reader.fail(key("reason"), QStringLiteral("only notReady takes a reason"));
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject SetStateResult::toJson() const
{
    return {{QStringLiteral("state"), state.toJson()}, {QStringLiteral("queued"), queued}};
}

Result<SetStateResult> SetStateResult::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    SetStateResult result;
    const QJsonObject state = reader.object(key("state"));
    result.queued = reader.boolean(key("queued"));
    if (!reader.ok())
        return reader.error();
    Result<AgentState> decoded = AgentState::fromJson(state, QStringLiteral("state"));
    if (!decoded)
        return decoded.error();
    result.state = std::move(decoded).value();
    return result;
}

QJsonObject StateChangedEvent::toJson() const
{
    return {{QStringLiteral("agentId"), agentId},
            {QStringLiteral("state"), state.toJson()},
            {QStringLiteral("cause"), cause}};
}

Result<StateChangedEvent> StateChangedEvent::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    StateChangedEvent event;
    event.agentId = reader.string(key("agentId"), kMaxIdentifierLength);
    const QJsonObject state = reader.object(key("state"));
    event.cause = reader.string(key("cause"), kMaxIdentifierLength);
    if (!reader.ok())
        return reader.error();
    Result<AgentState> decoded = AgentState::fromJson(state, QStringLiteral("state"));
    if (!decoded)
        return decoded.error();
    event.state = std::move(decoded).value();
    return event;
}

QJsonObject DrainingNotice::toJson() const
{
    return {{QStringLiteral("reason"), reason},
            {QStringLiteral("closesInMs"), closesInMs},
            {QStringLiteral("reconnectAfterMs"), reconnectAfterMs}};
}

Result<DrainingNotice> DrainingNotice::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    DrainingNotice notice;
    notice.reason = reader.string(key("reason"), kMaxIdentifierLength);
    notice.closesInMs = static_cast<int>(reader.integer(key("closesInMs"), 0, 3600 * 1000));
    notice.reconnectAfterMs =
        static_cast<int>(reader.integer(key("reconnectAfterMs"), 0, 3600 * 1000));
    if (!reader.ok())
        return reader.error();
    return notice;
}

QJsonObject InteractionRef::toJson() const
{
    return {{QStringLiteral("id"), id}};
}

Result<InteractionRef> InteractionRef::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    InteractionRef ref;
    ref.id = reader.string(key("id"), kMaxIdentifierLength);
    if (!reader.ok())
        return reader.error();
    return ref;
}

QJsonObject WrapUpParams::toJson() const
{
    QJsonObject json = record().toJson();
    json.insert(QStringLiteral("id"), id);
    return json;
}

Result<WrapUpParams> WrapUpParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    WrapUpParams params;
    params.id = reader.string(key("id"), kMaxIdentifierLength);
    if (!reader.ok())
        return reader.error();
    Result<WrapUpRecord> record = WrapUpRecord::fromJson(json);
    if (!record)
        return record.error();
    params.code = record.value().code;
    params.voc = record.value().voc;
    params.vocCategory = record.value().vocCategory;
    params.notes = record.value().notes;
    params.followUp = record.value().followUp;
    return params;
}

QJsonObject InteractionOffer::toJson() const
{
    return {{QStringLiteral("interaction"), interaction.toJson()},
            {QStringLiteral("expiresAt"), expiresAtMs}};
}

Result<InteractionOffer> InteractionOffer::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    InteractionOffer offer;
    const QJsonObject interaction = reader.object(key("interaction"));
    offer.expiresAtMs = reader.integer(key("expiresAt"), 0, kMaxSafeInteger);
    if (!reader.ok())
        return reader.error();
    Result<Interaction> decoded = Interaction::fromJson(interaction, QStringLiteral("interaction"));
    if (!decoded)
        return decoded.error();
    offer.interaction = std::move(decoded).value();
    return offer;
}

QJsonObject InteractionRevoked::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("reason"), reason}};
}

Result<InteractionRevoked> InteractionRevoked::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    InteractionRevoked revoked;
    revoked.id = reader.string(key("id"), kMaxIdentifierLength);
    revoked.reason = reader.string(key("reason"), kMaxIdentifierLength);
    if (!reader.ok())
        return reader.error();
    return revoked;
}

QJsonObject CreateInteractionParams::toJson() const
{
    QJsonObject json{{QStringLiteral("channel"), channelName(channel)},
                     {QStringLiteral("queueId"), queueId},
                     {QStringLiteral("customer"), customer.toJson()},
                     {QStringLiteral("priority"), priority}};
    if (!offerTo.isEmpty())
        json.insert(QStringLiteral("offerTo"), offerTo);
    return json;
}

Result<CreateInteractionParams> CreateInteractionParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    CreateInteractionParams params;
    params.channel = reader.enumeration(key("channel"), channelFromName, Channel::Chat);
    params.queueId = reader.string(key("queueId"), kMaxIdentifierLength);
    QJsonObject customer = reader.object(key("customer"));
    params.priority = static_cast<int>(reader.optionalInteger(key("priority"), 0, 100).value_or(0));
    params.offerTo =
        reader.optionalString(key("offerTo"), kMaxIdentifierLength).value_or(QString());
    if (!reader.ok())
        return reader.error();
    // A new customer has no id yet: the hub assigns one.
    if (customer.value(QLatin1StringView("id")).toString().isEmpty())
        customer.insert(QStringLiteral("id"), QStringLiteral("pending"));
    Result<CustomerRef> decoded = CustomerRef::fromJson(customer, QStringLiteral("customer"));
    if (!decoded)
        return decoded.error();
    params.customer = std::move(decoded).value();
    return params;
}

} // namespace qidong::protocol
