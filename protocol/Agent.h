#pragma once

#include "DomainEnums.h"
#include "Result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace qidong::protocol {

struct Skill final
{
    QString name;
    int level = 1; // 1 (can handle) .. 10 (expert)

    QJsonObject toJson() const;
    static Result<Skill> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const Skill&, const Skill&) = default;
};

// A person who signs in: an agent, a team lead (supervisor) or an administrator.
struct Agent final
{
    QString id;
    QString username;
    QString displayName;
    Role role = Role::Agent;
    QString teamId;
    QList<Skill> skills;
    QStringList languages; // BCP 47: "zh-CN", "en"
    // How many interactions of each channel the agent handles at once.
    QHash<Channel, int> capacity{};

    int capacityFor(Channel channel) const;

    QJsonObject toJson() const;
    static Result<Agent> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const Agent&, const Agent&) = default;
};

// {"voice": 1, "chat": 3}; unknown channels and out-of-range counts are dropped.
QJsonObject capacityToJson(const QHash<Channel, int>& capacity);
QHash<Channel, int> capacityFromJson(const QJsonObject& json);

} // namespace qidong::protocol
