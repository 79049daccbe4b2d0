#pragma once

#include "Chat.h"
#include "Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// The customer 360 (docs/protocol.md, "Customers"): who the customer is on
// every channel, what they think of the service, what they hold, what they
// were offered, their open cases and every contact. Personal data leaves
// the hub masked; customer.reveal unmasks one field for a permitted caller
// and is audited.
namespace qidong::protocol {

struct CustomerIdentity final
{
    QString kind;  // phone, email, wechat, weibo, web
    QString value; // masked for phone and email

    QJsonObject toJson() const;
    static Result<CustomerIdentity> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const CustomerIdentity&, const CustomerIdentity&) = default;
};

// How often the customer got in touch on a channel, by time of day
// (00-06, 06-12, 12-18, 18-24): the omnichannel preference matrix.
struct ChannelUse final
{
    QString channel;
    QList<int> byDaypart; // four counts

    QJsonObject toJson() const;
    static Result<ChannelUse> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const ChannelUse&, const ChannelUse&) = default;
};

struct CustomerMetrics final
{
    int nps = 0;          // -100..100 over the customer's survey answers
    int npsResponses = 0; // 0: no answer yet, nps means nothing
    int offersMade = 0;   // offered, accepted or declined
    int offersAccepted = 0;
    int contactCount = 0;
    QList<ChannelUse> channels;

    QJsonObject toJson() const;
    static Result<CustomerMetrics> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const CustomerMetrics&, const CustomerMetrics&) = default;
};

// An order, a product held or a subscription.
struct CustomerHolding final
{
    QString id;
    QString kind; // order, product, subscription
    QString title;
    QString status;
    qint64 amountCents = 0;
    qint64 atMs = 0;

    QJsonObject toJson() const;
    static Result<CustomerHolding> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const CustomerHolding&, const CustomerHolding&) = default;
};

// A next-best offer, our own or a partner's (seed 001: roaming -> travel
// insurance, car hire), and what became of it.
struct CustomerOffer final
{
    QString code;
    QString title;
    QString partner; // empty: our own offer
    QString reason;  // why it fits this customer
    QString status;  // suggested, offered, accepted, declined

    QJsonObject toJson() const;
    static Result<CustomerOffer> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const CustomerOffer&, const CustomerOffer&) = default;
};

// A complaint or suggestion routed to the department that owns it (seed 003).
struct VocCase final
{
    QString id;
    QString interactionId;
    VocKind kind = VocKind::Complaint;
    QString category;
    QString department;
    QString status; // open, inProgress, resolved, closed
    QString summary;
    QString resolution;
    qint64 createdAtMs = 0;
    qint64 closedLoopAtMs = 0; // when the customer was told the outcome
    QString closedLoopChannel;

    QJsonObject toJson() const;
    static Result<VocCase> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const VocCase&, const VocCase&) = default;
};

struct CustomerNote final
{
    qint64 id = 0;
    QString authorId;
    QString authorName;
    QString body;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    QJsonObject toJson() const;
    static Result<CustomerNote> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const CustomerNote&, const CustomerNote&) = default;
};

struct CustomerProfile final
{
    QString id;
    QString displayName;
    QString segment;    // standard, silver, gold, platinum
    int valueScore = 0; // 0..100
    QString language;
    QString preferredChannel;
    bool consentMarketing = false;
    bool consentRecording = true;
    QString phone;      // masked: 138****8000
    QString nationalId; // masked: 110***********1234
    QString email;      // masked: l***@example.com
    QList<CustomerIdentity> identities;
    qint64 createdAtMs = 0;

    QJsonObject toJson() const;
    static Result<CustomerProfile> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const CustomerProfile&, const CustomerProfile&) = default;
};

// customer.get: everything but the timeline, which pages separately.
struct Customer360 final
{
    CustomerProfile profile;
    CustomerMetrics metrics;
    QList<CustomerHolding> holdings;
    QList<CustomerOffer> offers;
    QList<VocCase> cases;
    QList<CustomerNote> notes;

    QJsonObject toJson() const;
    static Result<Customer360> fromJson(const QJsonObject& json);
};

// One contact on any channel, newest first in a timeline.
struct TimelineEntry final
{
    QString interactionId;
    Channel channel = Channel::Chat;
    QString queueId;
    qint64 atMs = 0;
    qint64 endedAtMs = 0;
    QString state;
    QString agentName;
    WrapUpRecord wrapUp;
    int nps = -1;
    bool recorded = false; // a call recording exists

    QJsonObject toJson() const;
    static Result<TimelineEntry> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const TimelineEntry&, const TimelineEntry&) = default;
};

// customer.timeline: a page of entries older than the cursor.
struct TimelineParams final
{
    QString customerId;
    QString channel;     // empty: every channel
    qint64 beforeMs = 0; // 0: the newest
    QString beforeId;    // ties on beforeMs are broken by id
    int limit = 50;

    QJsonObject toJson() const;
    static Result<TimelineParams> fromJson(const QJsonObject& json);
};

struct TimelinePage final
{
    QList<TimelineEntry> entries;
    bool hasMore = false;

    QJsonObject toJson() const;
    static Result<TimelinePage> fromJson(const QJsonObject& json);
};

} // namespace qidong::protocol
