#include "CustomerDesk.h"

#include "core/connection/HubConnection.h"
#include "protocol/Names.h"

namespace qidong::core {

using namespace qidong::protocol;

namespace {

constexpr int kTimelinePage = 30;
constexpr qsizetype kRecentCustomers = 8;

} // namespace

CustomerDesk::CustomerDesk(HubConnection& connection, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
{}

CustomerDesk::~CustomerDesk() = default;

void CustomerDesk::showInteraction(const QString& interactionId)
{
    if (interactionId == m_interactionId)
        return;
    m_interactionId = interactionId;
    m_customerId.clear();
    ++m_generation;
    m_timelineHasMore = false;
    m_timelineLoading = false;
    if (interactionId.isEmpty()) {
        m_customer.reset();
        m_timeline.reset({});
        setLoading(false);
        Q_EMIT customerChanged();
        return;
    }
    // Known from a moment ago: shown at once, refreshed behind it.
    const auto recent = m_recent.constFind(interactionId);
    if (recent != m_recent.constEnd()) {
        m_customer = *recent;
        Q_EMIT customerChanged();
    } else {
        m_customer.reset();
        m_timeline.reset({});
        Q_EMIT customerChanged();
    }
    fetchCustomer();
}

void CustomerDesk::showCustomer(const QString& customerId)
{
    m_interactionId.clear();
    m_customerId = customerId;
    ++m_generation;
    m_timelineHasMore = false;
    m_timelineLoading = false;
    m_customer.reset();
    m_timeline.reset({});
    Q_EMIT customerChanged();
    fetchCustomer();
}

void CustomerDesk::findCustomer(const QString& identityKind, const QString& identity)
{
    const quint64 generation = ++m_generation;
    setLoading(true);
    m_connection.request(
        QString(method::CustomerLookup),
        {{QStringLiteral("kind"), identityKind}, {QStringLiteral("value"), identity}}, this,
        [this, generation](const Response& response) {
            if (generation != m_generation)
                return; // something else was opened meanwhile
            setLoading(false);
            if (response.error) {
                Q_EMIT failed(*response.error);
                return;
            }
            showCustomer(response.result.value(QLatin1StringView("customerId")).toString());
        });
}

void CustomerDesk::setLoading(bool loading)
{
    if (loading == m_loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void CustomerDesk::fetchCustomer()
{
    const quint64 generation = m_generation;
    const QString interactionId = m_interactionId;
    const QJsonObject params = interactionId.isEmpty()
                                   ? QJsonObject{{QStringLiteral("customerId"), m_customerId}}
                                   : QJsonObject{{QStringLiteral("interactionId"), interactionId}};
    setLoading(true);
    m_connection.request(QString(method::CustomerGet), params, this,
                         [this, generation, interactionId](const Response& response) {
                             if (generation != m_generation)
                                 return; // another interaction is shown now
                             setLoading(false);
                             if (response.error) {
                                 Q_EMIT failed(*response.error);
                                 return;
                             }
                             Result<Customer360> customer = Customer360::fromJson(response.result);
                             if (!customer) {
                                 Q_EMIT failed(customer.error());
                                 return;
                             }
                             if (!interactionId.isEmpty()) {
                                 if (m_recent.size() >= kRecentCustomers &&
                                     !m_recent.contains(interactionId))
                                     m_recent.erase(m_recent.begin());
                                 m_recent.insert(interactionId, customer.value());
                             }
                             adopt(customer.value());
                             fetchTimeline(false);
                         });
}

void CustomerDesk::adopt(const Customer360& customer)
{
    m_customer = customer;
    Q_EMIT customerChanged();
}

void CustomerDesk::refresh()
{
    ++m_generation;
    fetchCustomer();
}

void CustomerDesk::setTimelineChannel(const QString& channel)
{
    if (channel == m_channel)
        return;
    m_channel = channel;
    ++m_generation;
    m_timelineLoading = false;
    fetchTimeline(false);
}

void CustomerDesk::loadOlderTimeline()
{
    if (m_timelineHasMore && !m_timelineLoading)
        fetchTimeline(true);
}

void CustomerDesk::fetchTimeline(bool older)
{
    if (!m_customer)
        return;
    TimelineParams params;
    params.customerId = m_customer->profile.id;
    params.channel = m_channel;
    params.limit = kTimelinePage;
    if (older) {
        const protocol::TimelineEntry* last = m_timeline.entryAt(m_timeline.rowCount() - 1);
        if (last) {
            params.beforeMs = last->atMs;
            params.beforeId = last->interactionId;
        }
    }
    const quint64 generation = m_generation;
    m_timelineLoading = true;
    m_connection.request(QString(method::CustomerTimeline), params.toJson(), this,
                         [this, generation, older](const Response& response) {
                             if (generation != m_generation)
                                 return;
                             m_timelineLoading = false;
                             if (response.error) {
                                 Q_EMIT failed(*response.error);
                                 return;
                             }
                             Result<TimelinePage> page = TimelinePage::fromJson(response.result);
                             if (!page) {
                                 Q_EMIT failed(page.error());
                                 return;
                             }
                             m_timelineHasMore = page.value().hasMore;
                             if (older)
                                 m_timeline.appendOlder(page.value().entries);
                             else
                                 m_timeline.reset(page.value().entries);
                         });
}

void CustomerDesk::reveal(const QString& field)
{
    if (!m_customer)
        return;
    m_connection.request(
        QString(method::CustomerReveal),
        {{QStringLiteral("customerId"), m_customer->profile.id}, {QStringLiteral("field"), field}},
        this, [this, field](const Response& response) {
            if (response.error)
                Q_EMIT failed(*response.error);
            else
                Q_EMIT revealed(field,
                                response.result.value(QLatin1StringView("value")).toString());
        });
}

void CustomerDesk::changeThenRefresh(const QString& method, const QJsonObject& params,
                                     HubConnection::Delivery delivery)
{
    m_connection.request(
        method, params, this,
        [this](const Response& response) {
            if (response.error)
                Q_EMIT failed(*response.error);
            else
                refresh(); // the 360 as it is now
        },
        delivery);
}

void CustomerDesk::addNote(const QString& body)
{
    if (!m_customer)
        return;
    changeThenRefresh(
        QString(method::CustomerNoteAdd),
        {{QStringLiteral("customerId"), m_customer->profile.id}, {QStringLiteral("body"), body}},
        HubConnection::Delivery::Reliable);
}

void CustomerDesk::editNote(qint64 noteId, const QString& body)
{
    changeThenRefresh(QString(method::CustomerNoteEdit),
                      {{QStringLiteral("noteId"), noteId}, {QStringLiteral("body"), body}},
                      HubConnection::Delivery::Reliable);
}

void CustomerDesk::recordOffer(const QString& code, const QString& outcome)
{
    if (!m_customer)
        return;
    m_connection.request(
        QString(method::CustomerOffer),
        {{QStringLiteral("customerId"), m_customer->profile.id},
         {QStringLiteral("code"), code},
         {QStringLiteral("outcome"), outcome},
         {QStringLiteral("interactionId"), m_interactionId}},
        this,
        [this](const Response& response) {
            if (response.error) {
                Q_EMIT failed(*response.error);
                return;
            }
            Result<Customer360> customer = Customer360::fromJson(
                response.result.value(QLatin1StringView("customer")).toObject());
            if (customer && m_customer && customer.value().profile.id == m_customer->profile.id) {
                m_recent.insert(m_interactionId, customer.value());
                adopt(customer.value());
            }
        },
        HubConnection::Delivery::Reliable);
}

void CustomerDesk::closeLoop(const QString& caseId, const QString& message)
{
    changeThenRefresh(QString(method::CaseCloseLoop),
                      {{QStringLiteral("caseId"), caseId}, {QStringLiteral("message"), message}},
                      HubConnection::Delivery::Reliable);
}

void CustomerDesk::linkIdentity(const QString& kind, const QString& value)
{
    if (!m_customer)
        return;
    changeThenRefresh(QString(method::CustomerLink),
                      {{QStringLiteral("customerId"), m_customer->profile.id},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("value"), value}});
}

void CustomerDesk::mergeWith(const QString& kind, const QString& value)
{
    if (!m_customer)
        return;
    const QString into = m_customer->profile.id;
    m_connection.request(
        QString(method::CustomerLookup),
        {{QStringLiteral("kind"), kind}, {QStringLiteral("value"), value}}, this,
        [this, into](const Response& found) {
            if (found.error) {
                Q_EMIT failed(*found.error);
                return;
            }
            const QString from = found.result.value(QLatin1StringView("customerId")).toString();
            m_connection.request(
                QString(method::CustomerMerge),
                {{QStringLiteral("customerId"), from}, {QStringLiteral("intoId"), into}}, this,
                [this](const Response& response) {
                    if (response.error) {
                        Q_EMIT failed(*response.error);
                        return;
                    }
                    Q_EMIT merged(response.result.value(QLatin1StringView("mergeId")).toInteger());
                    refresh();
                });
        });
}

void CustomerDesk::undoMerge(qint64 mergeId)
{
    changeThenRefresh(QString(method::CustomerUnmerge), {{QStringLiteral("mergeId"), mergeId}});
}

void CustomerDesk::fetchRecordingLink(const QString& interactionId)
{
    m_connection.request(
        QString(method::CustomerRecordingLink), {{QStringLiteral("interactionId"), interactionId}},
        this, [this, interactionId](const Response& response) {
            if (response.error)
                Q_EMIT failed(*response.error);
            else
                Q_EMIT recordingLinkReady(
                    interactionId,
                    QUrl(response.result.value(QLatin1StringView("url")).toString()));
        });
}

} // namespace qidong::core
