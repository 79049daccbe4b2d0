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
