#pragma once

#include "DomainEnums.h"
#include "LocalizedText.h"
#include "Result.h"

#include <QJsonObject>
#include <QStringList>

namespace qidong::protocol {

struct Queue final
{
    QString id;
    LocalizedText name;
    Channel channel = Channel::Voice;
    QString language; // BCP 47 language the queue is served in
    QStringList requiredSkills;
    int priority = 0;              // 0 (lowest) .. 100
    int slaSeconds = 20;           // answer within this many seconds counts toward service level
    int slaTargetPercent = 80;     // target share answered within slaSeconds
    int afterCallWorkSeconds = 30; // wrap-up time before the agent is moved to acw-overflow
    // How wrap-up works in this queue: "mandatory" (a code must be given;
    // past the time the agent goes NotReady(acw-overflow)), "timed" (after
    // the time the default code is applied) or "optional" (no after-call
    // work; a code may be added until the time is up, then the default).
    QString afterCallWorkMode = QStringLiteral("mandatory");
    QString defaultWrapUpCode{};
    QString overflowQueueId{}; // empty: no overflow
    int overflowAfterSeconds = 0;

    QJsonObject toJson() const;
    static Result<Queue> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const Queue&, const Queue&) = default;
};

struct Team final
{
    QString id;
    LocalizedText name;

    QJsonObject toJson() const;
    static Result<Team> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const Team&, const Team&) = default;
};

// A Not-Ready reason or a wrap-up disposition the whole team shares.
struct ReasonCode final
{
    QString code;
    ReasonKind kind = ReasonKind::NotReady;
    LocalizedText label;

    QJsonObject toJson() const;
    static Result<ReasonCode> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const ReasonCode&, const ReasonCode&) = default;
};

} // namespace qidong::protocol
