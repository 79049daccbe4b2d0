#include "Floor.h"

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

constexpr qint64 kMaxCount = 100'000'000;
// A supervisor's action explains itself in the audit log.
constexpr int kMaxWhyLength = 500;
// The floor of a large centre is paged and chunked to stay under the frame limit.
constexpr int kMaxFloorRows = 5000;

int count(FieldReader& reader, const char* name)
{
    return static_cast<int>(reader.integer(key(name), 0, kMaxCount));
}

int averageSeconds(qint64 totalMs, int n)
{
    return n > 0 ? static_cast<int>((totalMs / n + 500) / 1000) : -1;
}

QList<Skill> readSkills(FieldReader& reader, const char* name)
{
    return readList<Skill>(reader, key(name), 100);
}

QString readWhy(FieldReader& reader)
{
    return reader.string(key("why"), kMaxWhyLength);
}

template <typename Row> void replaceById(QList<Row>& rows, const Row& row, QString Row::*id)
{
    for (Row& existing : rows) {
        if (existing.*id == row.*id) {
            existing = row;
            return;
        }
    }
    rows.append(row);
}

} // namespace

void NpsTally::add(int score)
{
    ++responses;
    if (score >= 9)
        ++promoters;
    else if (score <= 6)
        ++detractors;
}

int NpsTally::score() const
{
    return responses > 0 ? (promoters - detractors) * 100 / responses : 0;
}

QJsonObject NpsTally::toJson() const
{
    return {{QStringLiteral("responses"), responses},
            {QStringLiteral("promoters"), promoters},
            {QStringLiteral("detractors"), detractors}};
}

Result<NpsTally> NpsTally::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    NpsTally tally;
    tally.responses = count(reader, "responses");
    tally.promoters = count(reader, "promoters");
    tally.detractors = count(reader, "detractors");
    if (reader.ok() && tally.promoters + tally.detractors > tally.responses)
        reader.fail(key("responses"), QStringLiteral("fewer than promoters and detractors"));
    if (!reader.ok())
        return reader.error();
    return tally;
}

int ConversionTally::percent() const
{
    return offered > 0 ? accepted * 100 / offered : -1;
}

QJsonObject ConversionTally::toJson() const
{
    return {{QStringLiteral("offered"), offered}, {QStringLiteral("accepted"), accepted}};
}

Result<ConversionTally> ConversionTally::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    ConversionTally tally;
    tally.offered = count(reader, "offered");
    tally.accepted = count(reader, "accepted");
    if (!reader.ok())
        return reader.error();
    return tally;
}

int FloorQueue::serviceLevelPercent() const
{
    const int counted = answered + abandoned;
    return counted > 0 ? answeredInSla * 100 / counted : -1;
}

int FloorQueue::asaSeconds() const
{
    return averageSeconds(answerWaitMs, answered);
}

int FloorQueue::ahtSeconds() const
{
    return averageSeconds(handleMs, handled);
}

QJsonObject FloorQueue::toJson() const
{
    return {{QStringLiteral("queueId"), queueId},
            {QStringLiteral("waiting"), waiting},
            {QStringLiteral("oldestWaitingSince"), oldestWaitingSince},
            {QStringLiteral("offered"), offered},
            {QStringLiteral("answered"), answered},
            {QStringLiteral("answeredInSla"), answeredInSla},
            {QStringLiteral("abandoned"), abandoned},
            {QStringLiteral("answerWaitMs"), answerWaitMs},
            {QStringLiteral("handled"), handled},
            {QStringLiteral("handleMs"), handleMs},
            {QStringLiteral("agents"), QJsonObject{{QStringLiteral("ready"), ready},
                                                   {QStringLiteral("busy"), busy},
                                                   {QStringLiteral("afterCallWork"), afterCallWork},
                                                   {QStringLiteral("notReady"), notReady}}},
            {QStringLiteral("npsToday"), npsToday.toJson()},
            {QStringLiteral("npsWeek"), npsWeek.toJson()},
            {QStringLiteral("conversionToday"), conversionToday.toJson()},
            {QStringLiteral("conversionWeek"), conversionWeek.toJson()}};
}

Result<FloorQueue> FloorQueue::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    FloorQueue queue;
    queue.queueId = reader.string(key("queueId"), kMaxIdentifierLength);
    queue.waiting = count(reader, "waiting");
    queue.oldestWaitingSince = reader.integer(key("oldestWaitingSince"), 0, kMaxSafeInteger);
    queue.offered = count(reader, "offered");
    queue.answered = count(reader, "answered");
    queue.answeredInSla = count(reader, "answeredInSla");
    queue.abandoned = count(reader, "abandoned");
    queue.answerWaitMs = reader.integer(key("answerWaitMs"), 0, kMaxSafeInteger);
    queue.handled = count(reader, "handled");
    queue.handleMs = reader.integer(key("handleMs"), 0, kMaxSafeInteger);
    FieldReader agents(reader.object(key("agents")), reader.pathOf(key("agents")));
    if (reader.ok()) {
        queue.ready = count(agents, "ready");
        queue.busy = count(agents, "busy");
        queue.afterCallWork = count(agents, "afterCallWork");
        queue.notReady = count(agents, "notReady");
        if (!agents.ok())
            reader.adopt(agents.error());
    }
    queue.npsToday = readObject<NpsTally>(reader, key("npsToday"));
    queue.npsWeek = readObject<NpsTally>(reader, key("npsWeek"));
    queue.conversionToday = readObject<ConversionTally>(reader, key("conversionToday"));
    queue.conversionWeek = readObject<ConversionTally>(reader, key("conversionWeek"));
    if (reader.ok() && queue.answeredInSla > queue.answered)
        reader.fail(key("answeredInSla"), QStringLiteral("more than answered"));
    if (!reader.ok())
        return reader.error();
    return queue;
}

QJsonObject FloorWork::toJson() const
{
    return {{QStringLiteral("interactionId"), interactionId},
            {QStringLiteral("channel"), channelName(channel)},
            {QStringLiteral("queueId"), queueId},
            {QStringLiteral("state"), interactionStateName(state)},
            {QStringLiteral("since"), since}};
}

Result<FloorWork> FloorWork::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    FloorWork work;
    work.interactionId = reader.string(key("interactionId"), kMaxIdentifierLength);
    work.channel = reader.enumeration(key("channel"), channelFromName, Channel::Voice);
    work.queueId = reader.string(key("queueId"), kMaxIdentifierLength);
    work.state =
        reader.enumeration(key("state"), interactionStateFromName, InteractionState::Active);
    work.since = reader.integer(key("since"), 0, kMaxSafeInteger);
    if (!reader.ok())
        return reader.error();
    return work;
}

int FloorAgentRow::ahtSeconds() const
{
    return averageSeconds(handleMs, handled);
}

QJsonObject FloorAgentRow::toJson() const
{
    return {{QStringLiteral("agentId"), agentId},
            {QStringLiteral("username"), username},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("role"), roleName(role)},
            {QStringLiteral("teamId"), teamId},
            {QStringLiteral("skills"), writeList(skills)},
            {QStringLiteral("capacity"), capacityToJson(capacity)},
            {QStringLiteral("state"), state.toJson()},
            {QStringLiteral("connected"), connected},
            {QStringLiteral("work"), writeList(work)},
            {QStringLiteral("handled"), handled},
            {QStringLiteral("handleMs"), handleMs},
            {QStringLiteral("npsToday"), npsToday.toJson()}};
}

Result<FloorAgentRow> FloorAgentRow::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    FloorAgentRow row;
    row.agentId = reader.string(key("agentId"), kMaxIdentifierLength);
    row.username = reader.string(key("username"), kMaxIdentifierLength);
    row.displayName = reader.string(key("displayName"));
    row.role = reader.enumeration(key("role"), roleFromName, Role::Agent);
    row.teamId = reader.string(key("teamId"), kMaxIdentifierLength, 0);
    row.skills = readSkills(reader, "skills");
    row.capacity = capacityFromJson(reader.object(key("capacity")));
    row.state = readObject<AgentState>(reader, key("state"));
    row.connected = reader.boolean(key("connected"));
    row.work = readList<FloorWork>(reader, key("work"), 100);
    row.handled = count(reader, "handled");
    row.handleMs = reader.integer(key("handleMs"), 0, kMaxSafeInteger);
    row.npsToday = readObject<NpsTally>(reader, key("npsToday"));
    if (!reader.ok())
        return reader.error();
    return row;
}

QJsonObject FloorDelta::toJson() const
{
    return {{QStringLiteral("queues"), writeList(queues)},
            {QStringLiteral("agents"), writeList(agents)}};
}

Result<FloorDelta> FloorDelta::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    FloorDelta delta;
    delta.queues = readList<FloorQueue>(reader, key("queues"), kMaxFloorRows);
    delta.agents = readList<FloorAgentRow>(reader, key("agents"), kMaxFloorRows);
    if (!reader.ok())
        return reader.error();
    return delta;
}

void FloorView::apply(const FloorDelta& delta)
{
    for (const FloorQueue& queue : delta.queues)
        replaceById(queues, queue, &FloorQueue::queueId);
    for (const FloorAgentRow& agent : delta.agents)
        replaceById(agents, agent, &FloorAgentRow::agentId);
}

QJsonObject FloorView::toJson() const
{
    return {{QStringLiteral("dayStartedAt"), dayStartedAt},
            {QStringLiteral("weekStartedAt"), weekStartedAt},
            {QStringLiteral("queues"), writeList(queues)},
            {QStringLiteral("agents"), writeList(agents)}};
}

Result<FloorView> FloorView::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    FloorView view;
    view.dayStartedAt = reader.integer(key("dayStartedAt"), 0, kMaxSafeInteger);
    view.weekStartedAt = reader.integer(key("weekStartedAt"), 0, kMaxSafeInteger);
    view.queues = readList<FloorQueue>(reader, key("queues"), kMaxFloorRows);
    view.agents = readList<FloorAgentRow>(reader, key("agents"), kMaxFloorRows);
    if (!reader.ok())
        return reader.error();
    return view;
}

QJsonObject ForceStateParams::toJson() const
{
    QJsonObject json{{QStringLiteral("agentId"), agentId},
                     {QStringLiteral("presence"), presenceName(presence)},
                     {QStringLiteral("why"), why}};
    if (!reasonCode.isEmpty())
        json.insert(QStringLiteral("reason"), reasonCode);
    return json;
}

Result<ForceStateParams> ForceStateParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    ForceStateParams params;
    params.agentId = reader.string(key("agentId"), kMaxIdentifierLength);
    params.presence = reader.enumeration(key("presence"), presenceFromName, Presence::NotReady);
    params.reasonCode =
        reader.optionalString(key("reason"), kMaxIdentifierLength).value_or(QString());
    params.why = readWhy(reader);
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject ForceSignOutParams::toJson() const
{
    return {{QStringLiteral("agentId"), agentId}, {QStringLiteral("why"), why}};
}

Result<ForceSignOutParams> ForceSignOutParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    ForceSignOutParams params;
    params.agentId = reader.string(key("agentId"), kMaxIdentifierLength);
    params.why = readWhy(reader);
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject ReassignParams::toJson() const
{
    QJsonObject json{{QStringLiteral("interactionId"), interactionId},
                     {QStringLiteral("why"), why}};
    if (!toQueueId.isEmpty())
        json.insert(QStringLiteral("toQueueId"), toQueueId);
    if (!toAgentId.isEmpty())
        json.insert(QStringLiteral("toAgentId"), toAgentId);
    return json;
}

Result<ReassignParams> ReassignParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    ReassignParams params;
    params.interactionId = reader.string(key("interactionId"), kMaxIdentifierLength);
    params.toQueueId =
        reader.optionalString(key("toQueueId"), kMaxIdentifierLength).value_or(QString());
    params.toAgentId =
        reader.optionalString(key("toAgentId"), kMaxIdentifierLength).value_or(QString());
    params.why = readWhy(reader);
    if (reader.ok() && params.toQueueId.isEmpty() == params.toAgentId.isEmpty())
        reader.fail(key("toQueueId"), QStringLiteral("give either toQueueId or toAgentId"));
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject AdjustAgentParams::toJson() const
{
    QJsonObject json{{QStringLiteral("agentId"), agentId}, {QStringLiteral("why"), why}};
    if (skills)
        json.insert(QStringLiteral("skills"), writeList(*skills));
    if (capacity)
        json.insert(QStringLiteral("capacity"), capacityToJson(*capacity));
    if (reset)
        json.insert(QStringLiteral("reset"), true);
    return json;
}

Result<AdjustAgentParams> AdjustAgentParams::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    AdjustAgentParams params;
    params.agentId = reader.string(key("agentId"), kMaxIdentifierLength);
    if (json.contains(key("skills")))
        params.skills = readSkills(reader, "skills");
    if (const std::optional<QJsonObject> capacity = reader.optionalObject(key("capacity"))) {
        params.capacity = capacityFromJson(*capacity);
        if (params.capacity->size() != capacity->size())
            reader.fail(key("capacity"), QStringLiteral("channels with 0..20 each"));
    }
    params.reset = reader.optionalBoolean(key("reset")).value_or(false);
    params.why = readWhy(reader);
    if (reader.ok() && !params.reset && !params.skills && !params.capacity)
        reader.fail(key("skills"), QStringLiteral("give skills, capacity or reset"));
    if (!reader.ok())
        return reader.error();
    return params;
}

QJsonObject IntradaySlot::toJson() const
{
    return {
        {QStringLiteral("startsAt"), startsAt},   {QStringLiteral("offered"), offered},
        {QStringLiteral("answered"), answered},   {QStringLiteral("answeredInSla"), answeredInSla},
        {QStringLiteral("abandoned"), abandoned}, {QStringLiteral("nps"), nps.toJson()}};
}

Result<IntradaySlot> IntradaySlot::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    IntradaySlot slot;
    slot.startsAt = reader.integer(key("startsAt"), 0, kMaxSafeInteger);
    slot.offered = count(reader, "offered");
    slot.answered = count(reader, "answered");
    slot.answeredInSla = count(reader, "answeredInSla");
    slot.abandoned = count(reader, "abandoned");
    slot.nps = readObject<NpsTally>(reader, key("nps"));
    if (!reader.ok())
        return reader.error();
    return slot;
}

QJsonObject IntradayReport::toJson() const
{
    QJsonObject json{{QStringLiteral("slots"), writeList(slots)}};
    if (!queueId.isEmpty())
        json.insert(QStringLiteral("queueId"), queueId);
    return json;
}

Result<IntradayReport> IntradayReport::fromJson(const QJsonObject& json)
{
    FieldReader reader(json);
    IntradayReport report;
    report.queueId =
        reader.optionalString(key("queueId"), kMaxIdentifierLength).value_or(QString());
    report.slots = readList<IntradaySlot>(reader, key("slots"), 48);
    if (!reader.ok())
        return reader.error();
    return report;
}

QJsonObject FloorAlert::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("kind"), kind},
                     {QStringLiteral("severity"), severity},
                     {QStringLiteral("raisedAt"), raisedAt}};
    const auto optional = [&json](const char* name, const QString& value) {
        if (!value.isEmpty())
            json.insert(QLatin1StringView(name), value);
    };
    optional("queueId", queueId);
    optional("agentId", agentId);
    optional("interactionId", interactionId);
    optional("detail", detail);
    optional("acknowledgedBy", acknowledgedBy);
    optional("assignedTo", assignedTo);
    if (acknowledgedAt > 0)
        json.insert(QStringLiteral("acknowledgedAt"), acknowledgedAt);
    return json;
}

Result<FloorAlert> FloorAlert::fromJson(const QJsonObject& json, const QString& path)
{
    FieldReader reader(json, path);
    FloorAlert alert;
    alert.id = reader.integer(key("id"), 1, kMaxSafeInteger);
    alert.kind = reader.string(key("kind"), kMaxIdentifierLength);
    alert.severity = reader.string(key("severity"), kMaxIdentifierLength);
    alert.raisedAt = reader.integer(key("raisedAt"), 0, kMaxSafeInteger);
    const auto optional = [&reader](const char* name, int length) {
        return reader.optionalString(key(name), length).value_or(QString());
    };
    alert.queueId = optional("queueId", kMaxIdentifierLength);
    alert.agentId = optional("agentId", kMaxIdentifierLength);
    alert.interactionId = optional("interactionId", kMaxIdentifierLength);
    alert.detail = optional("detail", kMaxWhyLength);
    alert.acknowledgedBy = optional("acknowledgedBy", kMaxIdentifierLength);
    alert.assignedTo = optional("assignedTo", kMaxIdentifierLength);
    alert.acknowledgedAt =
        reader.optionalInteger(key("acknowledgedAt"), 0, kMaxSafeInteger).value_or(0);
    if (!reader.ok())
        return reader.error();
    return alert;
}

} // namespace qidong::protocol
