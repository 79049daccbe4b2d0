#include "Customer.h"

#include "FieldReader.h"
#include "JsonList.h"
#include "Limits.h"

#include <QJsonArray>

namespace qidong::protocol {

namespace {

QLatin1StringView key(const char* name)
{
    return QLatin1StringView(name);
}

constexpr int kMaxText = 4000;

template <typename T> void readNested(FieldReader& reader, const char* name, T& into)
{
    const QJsonObject object = reader.object(key(name));
    if (!reader.ok())
        return;
    Result<T> value = T::fromJson(object, reader.pathOf(key(name)));
    if (value)
        into = value.value();
    else
        reader.adopt(value.error());
}

} // namespace

QJsonObject CustomerIdentity::toJson() const
{
    return {{QStringLiteral("kind"), kind}, {QStringLiteral("value"), value}};
}

Result<CustomerIdentity> CustomerIdentity::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path, ErrorCode::InvalidMessage);
    CustomerIdentity identity;
    identity.kind = reader.string(key("kind"), kMaxIdentifierLength);
    identity.value = reader.string(key("value"), kMaxNameLength);
    if (!reader.ok())
        return reader.error();
    return identity;
}

QJsonObject ChannelUse::toJson() const
{
    QJsonArray counts;
    for (const int count : byDaypart)
        counts.append(count);
    return {{QStringLiteral("channel"), channel}, {QStringLiteral("byDaypart"), counts}};
}

Result<ChannelUse> ChannelUse::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path, ErrorCode::InvalidMessage);
    ChannelUse use;
    use.channel = reader.string(key("channel"), kMaxIdentifierLength);
    const QJsonArray counts = reader.array(key("byDaypart"), 4);
    for (const QJsonValue& count : counts) {
        const std::optional<qint64> value = toBoundedInteger(count, 0, kMaxSafeInteger);
        if (!value) {
            reader.fail(key("byDaypart"), QStringLiteral("expected counts"));
            break;
        }
        use.byDaypart.append(int(*value));
    }
    if (!reader.ok())
        return reader.error();
    return use;
}

QJsonObject CustomerMetrics::toJson() const
{
    return {{QStringLiteral("nps"), nps},
            {QStringLiteral("npsResponses"), npsResponses},
            {QStringLiteral("offersMade"), offersMade},
            {QStringLiteral("offersAccepted"), offersAccepted},
            {QStringLiteral("contactCount"), contactCount},
            {QStringLiteral("channels"), writeList(channels)}};
}

Result<CustomerMetrics> CustomerMetrics::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path, ErrorCode::InvalidMessage);
    CustomerMetrics metrics;
    metrics.nps = int(reader.integer(key("nps"), -100, 100));
    metrics.npsResponses = int(reader.integer(key("npsResponses"), 0, kMaxSafeInteger));
    metrics.offersMade = int(reader.integer(key("offersMade"), 0, kMaxSafeInteger));
    metrics.offersAccepted = int(reader.integer(key("offersAccepted"), 0, kMaxSafeInteger));
    metrics.contactCount = int(reader.integer(key("contactCount"), 0, kMaxSafeInteger));
    metrics.channels = readList<ChannelUse>(reader, key("channels"), 20);
    if (!reader.ok())
        return reader.error();
    return metrics;
}

QJsonObject CustomerHolding::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("title"), title},
            {QStringLiteral("status"), status},
            {QStringLiteral("amountCents"), amountCents},
            {QStringLiteral("at"), atMs}};
}

Result<CustomerHolding> CustomerHolding::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path, ErrorCode::InvalidMessage);
    CustomerHolding holding;
    holding.id = reader.string(key("id"), kMaxIdentifierLength);
    holding.kind = reader.string(key("kind"), kMaxIdentifierLength);
    holding.title = reader.string(key("title"), kMaxNameLength);
    holding.status = reader.string(key("status"), kMaxIdentifierLength, 0);
    holding.amountCents = reader.integer(key("amountCents"), 0, kMaxSafeInteger);
    holding.atMs = reader.integer(key("at"), 0, kMaxSafeInteger);
    if (!reader.ok())
        return reader.error();
    return holding;
}

QJsonObject CustomerOffer::toJson() const
{
    return {{QStringLiteral("code"), code},
            {QStringLiteral("title"), title},
            {QStringLiteral("partner"), partner},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("status"), status}};
}

Result<CustomerOffer> CustomerOffer::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path, ErrorCode::InvalidMessage);
    CustomerOffer offer;
    offer.code = reader.string(key("code"), kMaxIdentifierLength);
    offer.title = reader.string(key("title"), kMaxNameLength);
    offer.partner = reader.string(key("partner"), kMaxNameLength, 0);
    offer.reason = reader.string(key("reason"), kMaxText, 0);
    offer.status = reader.string(key("status"), kMaxIdentifierLength);
    if (!reader.ok())
        return reader.error();
    return offer;
}

QJsonObject VocCase::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("interactionId"), interactionId},
            {QStringLiteral("kind"), vocKindName(kind)},
            {QStringLiteral("category"), category},
            {QStringLiteral("department"), department},
            {QStringLiteral("status"), status},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("resolution"), resolution},
            {QStringLiteral("createdAt"), createdAtMs},
            {QStringLiteral("closedLoopAt"), closedLoopAtMs},
            {QStringLiteral("closedLoopChannel"), closedLoopChannel}};
}

Result<VocCase> VocCase::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path, ErrorCode::InvalidMessage);
    VocCase voc;
    voc.id = reader.string(key("id"), kMaxIdentifierLength);
    voc.interactionId = reader.string(key("interactionId"), kMaxIdentifierLength, 0);
    voc.kind = reader.enumeration(key("kind"), vocKindFromName, VocKind::Complaint);
    voc.category = reader.string(key("category"), kMaxIdentifierLength, 0);
    voc.department = reader.string(key("department"), kMaxNameLength, 0);
    voc.status = reader.string(key("status"), kMaxIdentifierLength);
    voc.summary = reader.string(key("summary"), kMaxText, 0);
    voc.resolution = reader.string(key("resolution"), kMaxText, 0);
    voc.createdAtMs = reader.integer(key("createdAt"), 0, kMaxSafeInteger);
    voc.closedLoopAtMs = reader.integer(key("closedLoopAt"), 0, kMaxSafeInteger);
    voc.closedLoopChannel = reader.string(key("closedLoopChannel"), kMaxIdentifierLength, 0);
    if (!reader.ok())
        return reader.error();
    return voc;
}

QJsonObject CustomerNote::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("authorId"), authorId},
            {QStringLiteral("authorName"), authorName},
            {QStringLiteral("body"), body},
            {QStringLiteral("createdAt"), createdAtMs},
            {QStringLiteral("updatedAt"), updatedAtMs}};
}

Result<CustomerNote> CustomerNote::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path, ErrorCode::InvalidMessage);
    CustomerNote note;
    note.id = reader.integer(key("id"), 0, kMaxSafeInteger);
    note.authorId = reader.string(key("authorId"), kMaxIdentifierLength, 0);
    note.authorName = reader.string(key("authorName"), kMaxNameLength, 0);
    note.body = reader.string(key("body"), kMaxNoteLength);
    note.createdAtMs = reader.integer(key("createdAt"), 0, kMaxSafeInteger);
    note.updatedAtMs = reader.integer(key("updatedAt"), 0, kMaxSafeInteger);
    if (!reader.ok())
        return reader.error();
    return note;
}

QJsonObject CustomerProfile::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("segment"), segment},
            {QStringLiteral("valueScore"), valueScore},
            {QStringLiteral("language"), language},
            {QStringLiteral("preferredChannel"), preferredChannel},
            {QStringLiteral("consentMarketing"), consentMarketing},
            {QStringLiteral("consentRecording"), consentRecording},
            {QStringLiteral("phone"), phone},
            {QStringLiteral("nationalId"), nationalId},
            {QStringLiteral("email"), email},
            {QStringLiteral("identities"), writeList(identities)},
            {QStringLiteral("createdAt"), createdAtMs}};
}

Result<CustomerProfile> CustomerProfile::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path, ErrorCode::InvalidMessage);
    CustomerProfile profile;
    profile.id = reader.string(key("id"), kMaxIdentifierLength);
    profile.displayName = reader.string(key("displayName"), kMaxNameLength, 0);
    profile.segment = reader.string(key("segment"), kMaxIdentifierLength, 0);
    profile.valueScore = int(reader.integer(key("valueScore"), 0, 100));
    profile.language = reader.string(key("language"), kMaxIdentifierLength, 0);
    profile.preferredChannel = reader.string(key("preferredChannel"), kMaxIdentifierLength, 0);
    profile.consentMarketing = reader.boolean(key("consentMarketing"));
    profile.consentRecording = reader.boolean(key("consentRecording"));
    profile.phone = reader.string(key("phone"), kMaxNameLength, 0);
    profile.nationalId = reader.string(key("nationalId"), kMaxNameLength, 0);
    profile.email = reader.string(key("email"), kMaxNameLength, 0);
    profile.identities = readList<CustomerIdentity>(reader, key("identities"), 50);
    profile.createdAtMs = reader.integer(key("createdAt"), 0, kMaxSafeInteger);
    if (!reader.ok())
        return reader.error();
    return profile;
}

QJsonObject Customer360::toJson() const
{
    return {{QStringLiteral("profile"), profile.toJson()},
            {QStringLiteral("metrics"), metrics.toJson()},
            {QStringLiteral("holdings"), writeList(holdings)},
            {QStringLiteral("offers"), writeList(offers)},
            {QStringLiteral("cases"), writeList(cases)},
            {QStringLiteral("notes"), writeList(notes)}};
}

Result<Customer360> Customer360::fromJson(const QJsonObject& json)
{
    FieldReader reader(json, {}, ErrorCode::InvalidMessage);
    Customer360 customer;
    readNested(reader, "profile", customer.profile);
    readNested(reader, "metrics", customer.metrics);
    customer.holdings = readList<CustomerHolding>(reader, key("holdings"), 200);
    customer.offers = readList<CustomerOffer>(reader, key("offers"), 50);
    customer.cases = readList<VocCase>(reader, key("cases"), 200);
    customer.notes = readList<CustomerNote>(reader, key("notes"), 200);
    if (!reader.ok())
        return reader.error();
    return customer;
}

QJsonObject TimelineEntry::toJson() const
{
    return {{QStringLiteral("interactionId"), interactionId},
            {QStringLiteral("channel"), channelName(channel)},
            {QStringLiteral("queueId"), queueId},
            {QStringLiteral("at"), atMs},
            {QStringLiteral("endedAt"), endedAtMs},
            {QStringLiteral("state"), state},
            {QStringLiteral("agentName"), agentName},
            {QStringLiteral("wrapUp"), wrapUp.code.isEmpty() ? QJsonObject() : wrapUp.toJson()},
            {QStringLiteral("nps"), nps},
            {QStringLiteral("recorded"), recorded}};
}

Result<TimelineEntry> TimelineEntry::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path, ErrorCode::InvalidMessage);
    TimelineEntry entry;
    entry.interactionId = reader.string(key("interactionId"), kMaxIdentifierLength);
    entry.channel = reader.enumeration(key("channel"), channelFromName, Channel::Chat);
    entry.queueId = reader.string(key("queueId"), kMaxIdentifierLength, 0);
    entry.atMs = reader.integer(key("at"), 0, kMaxSafeInteger);
    entry.endedAtMs = reader.integer(key("endedAt"), 0, kMaxSafeInteger);
    entry.state = reader.string(key("state"), kMaxIdentifierLength);
    entry.agentName = reader.string(key("agentName"), kMaxNameLength, 0);
    const QJsonObject wrapUp = reader.object(key("wrapUp"));
    if (reader.ok() && !wrapUp.isEmpty()) { // empty until wrapped up
        Result<WrapUpRecord> record = WrapUpRecord::fromJson(wrapUp, reader.pathOf(key("wrapUp")));
        if (record)
            entry.wrapUp = record.value();
        else
            reader.adopt(record.error());
    }
    entry.nps = int(reader.integer(key("nps"), -1, 10));
    entry.recorded = reader.boolean(key("recorded"));
    if (!reader.ok())
        return reader.error();
    return entry;
}

QJsonObject TimelineParams::toJson() const
{
    QJsonObject json{{QStringLiteral("customerId"), customerId},
                     {QStringLiteral("before"), beforeMs},
                     {QStringLiteral("limit"), limit}};
    if (!channel.isEmpty())
        json.insert(QStringLiteral("channel"), channel);
    if (!beforeId.isEmpty())
        json.insert(QStringLiteral("beforeId"), beforeId);
    return json;
}

Result<TimelineParams> TimelineParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    TimelineParams params;
    params.customerId = reader.string(key("customerId"), kMaxIdentifierLength);
    params.channel =
        reader.optionalString(key("channel"), kMaxIdentifierLength).value_or(QString());
    if (reader.ok() && !params.channel.isEmpty() && !channelFromName(params.channel))
        reader.fail(key("channel"), QStringLiteral("unknown channel"));
    params.beforeMs = reader.optionalInteger(key("before"), 0, kMaxSafeInteger).value_or(0);
    params.beforeId =
        reader.optionalString(key("beforeId"), kMaxIdentifierLength).value_or(QString());
    params.limit = int(reader.optionalInteger(key("limit"), 1, 200).value_or(50));
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject TimelinePage::toJson() const
{
    return {{QStringLiteral("entries"), writeList(entries)}, {QStringLiteral("hasMore"), hasMore}};
}

Result<TimelinePage> TimelinePage::fromJson(const QJsonObject& json)
{
    FieldReader reader(json, {}, ErrorCode::InvalidMessage);
    TimelinePage page;
    page.entries = readList<TimelineEntry>(reader, key("entries"), 200);
    page.hasMore = reader.boolean(key("hasMore"));
    if (!reader.ok())
        return reader.error();
    return page;
}

} // namespace qidong::protocol
