#pragma once

#include "DomainEnums.h"
#include "Result.h"

#include <QJsonObject>

namespace qidong::protocol {

// Who the customer is, as much as an interaction needs to show; the full
// record lives in the customer store. `identity` is already masked by the hub.
struct CustomerRef final
{
    QString id;
    QString displayName;
    QString identityKind; // phone, email, wechat, weibo, web
    QString identity;

    QJsonObject toJson() const;
    static Result<CustomerRef> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const CustomerRef&, const CustomerRef&) = default;
};

struct Interaction final
{
    QString id;
    Channel channel = Channel::Chat;
    QString queueId;
    CustomerRef customer;
    InteractionState state = InteractionState::Queued;
    int priority = 0;
    qint64 createdAtMs = 0;
    qint64 slaDeadlineMs = 0;
    QString agentId;      // empty while queued
    QString language{};   // BCP 47 the customer writes in, when known
    QString visibility{}; // social posts: "public" or "private"; empty otherwise
    QString note{};       // the last transfer's note for the receiving agent

    QJsonObject toJson() const;
    static Result<Interaction> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const Interaction&, const Interaction&) = default;
};

} // namespace qidong::protocol
