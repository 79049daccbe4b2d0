#pragma once

#include "Agent.h"
#include "AgentState.h"
#include "DomainEnums.h"
#include "Result.h"

#include <QJsonObject>
#include <QList>

namespace qidong::protocol {

// Promoters minus detractors over responses, as a whole-number score
// (-100 … 100); `responses` 0 means nobody answered the survey.
struct NpsTally final
{
    int responses = 0;
    int promoters = 0;
    int detractors = 0;

    void add(int score);
    int score() const; // meaningless when responses == 0
    QJsonObject toJson() const;
    static Result<NpsTally> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const NpsTally&, const NpsTally&) = default;
};

// Offers made to customers and how many they took.
struct ConversionTally final
{
    int offered = 0;
    int accepted = 0;

    int percent() const; // -1 when nothing was offered
    QJsonObject toJson() const;
    static Result<ConversionTally> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const ConversionTally&, const ConversionTally&) = default;
};

// One queue as the floor sees it now and today. Durations are sums so a
// reader can average them (ASA = answerWaitMs / answered; AHT =
// handleMs / handled); service level is answered within the queue's
// threshold over answered plus abandoned.
struct FloorQueue final
{
    QString queueId;
    int waiting = 0;
    qint64 oldestWaitingSince = 0; // 0: nobody waits
    int offered = 0;               // entered the queue today
    int answered = 0;
    int answeredInSla = 0;
    int abandoned = 0;
    qint64 answerWaitMs = 0;
    int handled = 0; // wrapped up today
    qint64 handleMs = 0;
    // Agents who could take this queue's work, by presence.
    int ready = 0;
    int busy = 0;
    int afterCallWork = 0;
    int notReady = 0;
    NpsTally npsToday;
    NpsTally npsWeek;
    ConversionTally conversionToday;
    ConversionTally conversionWeek;

    int serviceLevelPercent() const; // -1 when nothing was answered or abandoned
    int asaSeconds() const;          // -1 when nothing was answered
    int ahtSeconds() const;          // -1 when nothing was handled

    QJsonObject toJson() const;
    static Result<FloorQueue> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const FloorQueue&, const FloorQueue&) = default;
};

// A piece of work an agent holds now.
struct FloorWork final
{
    QString interactionId;
    Channel channel = Channel::Voice;
    QString queueId;
    InteractionState state = InteractionState::Active;
    qint64 since = 0; // when they took it

    QJsonObject toJson() const;
    static Result<FloorWork> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const FloorWork&, const FloorWork&) = default;
};

// One agent as their team lead sees them.
struct FloorAgentRow final
{
    QString agentId;
    QString username;
    QString displayName;
    Role role = Role::Agent;
    QString teamId;
    QList<Skill> skills;
    QHash<Channel, int> capacity;
    AgentState state;
    bool connected = false;
    QList<FloorWork> work;
    int handled = 0; // today
    qint64 handleMs = 0;
    NpsTally npsToday;

    int ahtSeconds() const; // -1 when nothing was handled

    QJsonObject toJson() const;
    static Result<FloorAgentRow> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const FloorAgentRow&, const FloorAgentRow&) = default;
};

// What changed since the last delta: whole rows, so applying one twice or
// out of a batch is harmless.
struct FloorDelta final
{
    QList<FloorQueue> queues;
    QList<FloorAgentRow> agents;

    bool isEmpty() const { return queues.isEmpty() && agents.isEmpty(); }
    QJsonObject toJson() const;
    static Result<FloorDelta> fromJson(const QJsonObject& json, const QString& path = {});
};

// The whole floor: the answer to floor.subscribe, kept current by
// floor.delta events. Rows are in the hub's order (queues as configured,
// agents by name); a delta replaces rows by id.
struct FloorView final
{
    qint64 dayStartedAt = 0; // local midnight the "today" figures count from
    qint64 weekStartedAt = 0;
    QList<FloorQueue> queues;
    QList<FloorAgentRow> agents;

    void apply(const FloorDelta& delta);
    QJsonObject toJson() const;
    static Result<FloorView> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const FloorView&, const FloorView&) = default;
};

// A supervisor's action on an agent or a waiting interaction. `why` is
// required: it goes into the audit log.
struct ForceStateParams final
{
    QString agentId;
    Presence presence = Presence::NotReady;
    QString reasonCode;
    QString why;

    QJsonObject toJson() const;
    static Result<ForceStateParams> fromJson(const QJsonObject& json);
};

struct ForceSignOutParams final
{
    QString agentId;
    QString why;

    QJsonObject toJson() const;
    static Result<ForceSignOutParams> fromJson(const QJsonObject& json);
};

// A waiting interaction to another queue, or offered to one named agent.
struct ReassignParams final
{
    QString interactionId;
    QString toQueueId;
    QString toAgentId;
    QString why;

    QJsonObject toJson() const;
    static Result<ReassignParams> fromJson(const QJsonObject& json);
};

// Skills and capacity for the rest of the day; the account's own come
// back at local midnight (or when `reset` is sent).
struct AdjustAgentParams final
{
    QString agentId;
    std::optional<QList<Skill>> skills;
    std::optional<QHash<Channel, int>> capacity;
    bool reset = false;
    QString why;

    QJsonObject toJson() const;
    static Result<AdjustAgentParams> fromJson(const QJsonObject& json);
};

// Today by half hour (local time), for the intraday charts.
struct IntradaySlot final
{
    qint64 startsAt = 0;
    int offered = 0;
    int answered = 0;
    int answeredInSla = 0;
    int abandoned = 0;
    NpsTally nps;

    QJsonObject toJson() const;
    static Result<IntradaySlot> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const IntradaySlot&, const IntradaySlot&) = default;
};

struct IntradayReport final
{
    QString queueId; // empty: every queue
    QList<IntradaySlot> slots;

    QJsonObject toJson() const;
    static Result<IntradayReport> fromJson(const QJsonObject& json);
};

// Something on the floor a team lead should look at. `kind`:
// slaRisk, waitingOverSla (queue / interaction), afterCallWorkTooLong,
// notReadyTooLong (agent), publicPost, keyword (interaction; `detail` is
// the rule's category and the words matched), helpRequested,
// abusiveCustomer (an agent's button; `detail` their note). `severity`:
// info, warning, critical.
struct FloorAlert final
{
    qint64 id = 0;
    QString kind;
    QString severity;
    QString queueId;
    QString agentId;
    QString interactionId;
    QString detail; // plain text, never markup
    qint64 raisedAt = 0;
    QString acknowledgedBy;
    qint64 acknowledgedAt = 0;
    QString assignedTo;

    QJsonObject toJson() const;
    static Result<FloorAlert> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const FloorAlert&, const FloorAlert&) = default;
};

} // namespace qidong::protocol
