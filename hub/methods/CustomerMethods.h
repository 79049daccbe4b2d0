#pragma once

#include "protocol/Customer.h"
#include "protocol/Message.h"

#include <QUrl>

#include <functional>

namespace qidong::hub {

class ClientConnection;
class CustomerInsights;
class Session;
class CustomerStore;
class InteractionDirectory;
class MethodDispatcher;
class RecordingLinks;
class VocCases;

// customer.get / timeline / lookup / reveal / link / noteAdd / noteEdit /
// merge / unmerge / offer, case.resolve and case.closeLoop: the customer
// 360 for agents and supervisors. Personal data leaves masked; a reveal is
// for a supervisor, or an agent handling that customer now, and is audited.
class CustomerMethods final
{
    Q_DISABLE_COPY_MOVE(CustomerMethods)

public:
    CustomerMethods(CustomerStore& customers, const CustomerInsights& insights, VocCases& cases,
                    const InteractionDirectory& interactions, RecordingLinks& recordings);
    // Where the web port is: recording links point there.
    void setWebUrl(const QUrl& url) { m_webUrl = url; }
    // Told of each offer outcome recorded during an interaction (the floor's conversion).
    void setOfferRecorded(std::function<void(const QString& interactionId)> onRecorded)
    {
        m_offerRecorded = std::move(onRecorded);
    }

    void registerWith(MethodDispatcher& dispatcher);

private:
    void get(ClientConnection& caller, const protocol::Request& request);
    void reveal(ClientConnection& caller, const protocol::Request& request);
    // The 360 of a customer (with the records merged into it).
    protocol::Customer360 assemble(const QString& customerId) const;
    // The customer id a request names, canonical; an error answered if none.
    std::optional<QString> customerIn(ClientConnection& caller, const protocol::Request& request);
    bool isHandling(const QString& agentId, const QString& customerId) const;
    // A call's recording: a team lead's for any call; an agent's for their
    // own, or for the customer they are handling now (as reveal is).
    bool mayHear(const Session& session, const QString& interactionId) const;

    CustomerStore& m_customers;
    const CustomerInsights& m_insights;
    VocCases& m_cases;
    const InteractionDirectory& m_interactions;
    RecordingLinks& m_recordings;
    QUrl m_webUrl;
    std::function<void(const QString&)> m_offerRecorded;
};

} // namespace qidong::hub
