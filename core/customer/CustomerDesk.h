#pragma once

#include "core/connection/HubConnection.h"
#include "models/TimelineModel.h"
#include "protocol/Customer.h"
#include "protocol/Error.h"

#include <QHash>
#include <QObject>
#include <QUrl>

#include <optional>

namespace qidong::core {

// The customer behind the interaction shown: their 360 fetched in the
// background (the last few kept, so switching back shows them at once and
// refreshes quietly; an answer for a customer no longer shown is dropped),
// the timeline a page at a time, reveals (audited by the hub), notes, offer
// outcomes and closing the loop on a case.
class CustomerDesk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerDesk)

public:
    explicit CustomerDesk(HubConnection& connection, QObject* parent = nullptr);
    ~CustomerDesk() override;

    // The interaction whose customer to show ("" for none).
    void showInteraction(const QString& interactionId);
    // A customer with no interaction open (a CRM's qidong:customer link):
    // by id, or found by an identity ("phone", "email", "wechat"); one
    // nobody has is reported through failed().
    void showCustomer(const QString& customerId);
    void findCustomer(const QString& identityKind, const QString& identity);
    QString interactionId() const { return m_interactionId; }
    const std::optional<protocol::Customer360>& customer() const { return m_customer; }
    bool isLoading() const { return m_loading; }
    models::TimelineModel& timeline() { return m_timeline; }
    bool hasOlderTimeline() const { return m_timelineHasMore; }
    QString timelineChannel() const { return m_channel; }

    void setTimelineChannel(const QString& channel); // "" for all
    void loadOlderTimeline();
    void reveal(const QString& field);
    void addNote(const QString& body);
    void editNote(qint64 noteId, const QString& body);
    void recordOffer(const QString& code, const QString& outcome);
    void closeLoop(const QString& caseId, const QString& message);
    // The agent learned another identity of theirs (a WeChat id, say).
    void linkIdentity(const QString& kind, const QString& value);
    // The record found by this identity is the same person: it becomes part
    // of the customer shown (the hub audits it; merged() gives its id so it
    // can be undone).
    void mergeWith(const QString& kind, const QString& value);
    void undoMerge(qint64 mergeId);
    // A short-lived link to a recorded call of the timeline (audited).
    void fetchRecordingLink(const QString& interactionId);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void customerChanged(); // shown, refreshed, or cleared
    void revealed(const QString& field, const QString& value);
    void merged(qint64 mergeId);
    void recordingLinkReady(const QString& interactionId, const QUrl& url);
    void failed(const qidong::protocol::Error& error);

private:
    void fetchCustomer();
    void fetchTimeline(bool older);
    void adopt(const protocol::Customer360& customer);
    void refresh();
    // A change the hub answers with {}: on success the 360 is fetched again.
    void changeThenRefresh(const QString& method, const QJsonObject& params,
                           HubConnection::Delivery delivery = HubConnection::Delivery::Now);
    void setLoading(bool loading);

    HubConnection& m_connection;
    models::TimelineModel m_timeline;
    QString m_interactionId;
    QString m_customerId; // shown without an interaction
    std::optional<protocol::Customer360> m_customer;
    QHash<QString, protocol::Customer360> m_recent; // by interaction id
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_timelineHasMore = false;
    bool m_timelineLoading = false;
    QString m_channel;
};

} // namespace qidong::core
