#pragma once

#include "protocol/Customer.h"

#include <QStringList>

#include <optional>

namespace qidong::hub {

class Database;
class RecordingLinks;

// What the 360 shows beside the profile, read from what the hub stores:
// service NPS from the customer's survey answers, offer conversion, contacts
// by channel and time of day, holdings, offers (made, and the catalog's
// next-best ones that fit), VoC cases, and the timeline of every contact.
// `ids` is a customer with the records merged into it.
class CustomerInsights final
{
    Q_DISABLE_COPY_MOVE(CustomerInsights)

public:
    explicit CustomerInsights(Database& database);

    void setRecordings(const RecordingLinks* recordings) { m_recordings = recordings; }

    protocol::CustomerMetrics metrics(const QStringList& ids) const;
    QList<protocol::CustomerHolding> holdings(const QStringList& ids) const;
    // Offers made, then the catalog's offers that fit what the customer holds
    // or asked about, titled in `language`.
    QList<protocol::CustomerOffer> offers(const QStringList& ids, const QString& language) const;
    QList<protocol::VocCase> cases(const QStringList& ids) const;
    // Whose an interaction (open or ended) was: its customer, and the agent
    // who had it last. Nothing for an id the hub never had.
    struct Parties
    {
        QString customerId;
        QString agentId;
    };
    std::optional<Parties> partiesOf(const QString& interactionId) const;
    protocol::TimelinePage timeline(const QStringList& ids,
                                    const protocol::TimelineParams& params) const;

private:
    Database& m_database;
    const RecordingLinks* m_recordings = nullptr;
};

} // namespace qidong::hub
