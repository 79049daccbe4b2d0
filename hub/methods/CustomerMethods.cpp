#include "CustomerMethods.h"

#include "customers/CustomerInsights.h"
#include "customers/CustomerStore.h"
#include "customers/RecordingLinks.h"
#include "customers/VocCases.h"
#include "interactions/InteractionDirectory.h"
#include "protocol/FieldReader.h"
#include "protocol/Names.h"
#include "server/ClientConnection.h"
#include "server/MethodDispatcher.h"
#include "session/Session.h"

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

QLatin1StringView key(const char* name)
{
    return QLatin1StringView(name);
}

// Reads a request's params with `read`, answering the caller's error if
// they do not hold.
template <typename Read>
bool readFields(ClientConnection& caller, const Request& request, Read read)
{
    FieldReader reader(request.params);
    read(reader);
    if (reader.ok())
        return true;
    caller.sendError(request.id, reader.error());
    return false;
}

Error noCustomer()
{
    return makeError(ErrorCode::NotFound, QStringLiteral("no such customer"));
}

} // namespace

CustomerMethods::CustomerMethods(CustomerStore& customers, const CustomerInsights& insights,
                                 VocCases& cases, const InteractionDirectory& interactions,
                                 RecordingLinks& recordings)
    : m_customers(customers)
    , m_insights(insights)
    , m_cases(cases)
    , m_interactions(interactions)
    , m_recordings(recordings)
{}

Customer360 CustomerMethods::assemble(const QString& customerId) const
{
    const QStringList ids = m_customers.family(customerId);
    Customer360 customer;
    customer.profile = m_customers.profile(customerId).value_or(CustomerProfile{});
    customer.metrics = m_insights.metrics(ids);
    customer.holdings = m_insights.holdings(ids);
    customer.offers = m_insights.offers(ids, customer.profile.language);
    customer.cases = m_insights.cases(ids);
    customer.notes = m_customers.notes(ids);
    return customer;
}

std::optional<QString> CustomerMethods::customerIn(ClientConnection& caller, const Request& request)
{
    QString customerId;
    if (!readFields(caller, request, [&](FieldReader& reader) {
            customerId = reader.string(key("customerId"), kMaxIdentifierLength);
        }))
        return std::nullopt;
    const QString canonical = m_customers.canonical(customerId);
    if (!m_customers.exists(canonical)) {
        caller.sendError(request.id, noCustomer());
        return std::nullopt;
    }
    return canonical;
}

bool CustomerMethods::isHandling(const QString& agentId, const QString& customerId) const
{
    const QStringList family = m_customers.family(customerId);
    for (const Interaction& interaction : m_interactions.ofAgent(agentId)) {
        if (family.contains(m_customers.canonical(interaction.customer.id)) ||
            family.contains(interaction.customer.id))
            return true;
    }
    return false;
}

bool CustomerMethods::mayHear(const Session& session, const QString& interactionId) const
{
    // Team leads review any call (and the Quality tab's searches are theirs).
    if (session.role() == Role::Supervisor)
        return true;
    const std::optional<CustomerInsights::Parties> parties = m_insights.partiesOf(interactionId);
    if (!parties)
        return true; // no such call: answered as "no recording", like any unknown id
    return parties->agentId == session.agentId() ||
           (!parties->customerId.isEmpty() &&
            isHandling(session.agentId(), m_customers.canonical(parties->customerId)));
}

void CustomerMethods::registerWith(MethodDispatcher& dispatcher)
{
    const MethodDispatcher::Access workers{true, {Role::Agent, Role::Supervisor}, false, false};
    const MethodDispatcher::Access supervisors{true, {Role::Supervisor}, false, false};
    dispatcher.add(
        method::CustomerGet, workers,
        [this](ClientConnection& caller, const Request& request) { get(caller, request); });
    dispatcher.add(
        method::CustomerReveal, workers,
        [this](ClientConnection& caller, const Request& request) { reveal(caller, request); });
    dispatcher.add(method::CustomerTimeline, workers,
                   [this](ClientConnection& caller, const Request& request) {
                       Result<TimelineParams> params = TimelineParams::fromJson(request.params);
                       if (!params) {
                           caller.sendError(request.id, params.error());
                           return;
                       }
                       const QString id = m_customers.canonical(params.value().customerId);
                       if (!m_customers.exists(id)) {
                           caller.sendError(request.id, noCustomer());
                           return;
                       }
                       caller.sendResult(
                           request.id,
                           m_insights.timeline(m_customers.family(id), params.value()).toJson());
                   });
    dispatcher.add(method::CustomerLookup, workers,
                   [this](ClientConnection& caller, const Request& request) {
                       QString kind;
                       QString value;
                       if (!readFields(caller, request, [&](FieldReader& reader) {
                               kind = reader.string(key("kind"), kMaxIdentifierLength);
                               value = reader.string(key("value"), kMaxNameLength);
                           }))
                           return;
                       const std::optional<QString> found = m_customers.lookup(kind, value);
                       if (!found) {
                           caller.sendError(request.id, noCustomer());
                           return;
                       }
                       caller.sendResult(request.id, {{QStringLiteral("customerId"), *found}});
                   });
    dispatcher.add(method::CustomerLink, workers,
                   [this](ClientConnection& caller, const Request& request) {
                       const std::optional<QString> id = customerIn(caller, request);
                       QString kind;
                       QString value;
                       if (!id || !readFields(caller, request, [&](FieldReader& reader) {
                               kind = reader.string(key("kind"), kMaxIdentifierLength);
                               value = reader.string(key("value"), kMaxNameLength);
                           }))
                           return;
                       const Result<bool> linked = m_customers.link(*id, kind, value);
                       if (!linked)
                           caller.sendError(request.id, linked.error());
                       else
                           caller.sendResult(
                               request.id, {{QStringLiteral("customer"), assemble(*id).toJson()}});
                   });
    dispatcher.add(
        method::CustomerNoteAdd, workers, [this](ClientConnection& caller, const Request& request) {
            const std::optional<QString> id = customerIn(caller, request);
            QString body;
            if (!id || !readFields(caller, request, [&](FieldReader& reader) {
                    body = reader.string(key("body"), kMaxNoteLength);
                }))
                return;
            const Result<CustomerNote> note =
                m_customers.addNote(*id, caller.session()->agentId(), body);
            if (!note)
                caller.sendError(request.id, note.error());
            else
                caller.sendResult(request.id, {{QStringLiteral("note"), note.value().toJson()}});
        });
    dispatcher.add(
        method::CustomerNoteEdit, workers,
        [this](ClientConnection& caller, const Request& request) {
            qint64 noteId = 0;
            QString body;
            if (!readFields(caller, request, [&](FieldReader& reader) {
                    noteId = reader.integer(key("noteId"), 1, kMaxSafeInteger);
                    body = reader.string(key("body"), kMaxNoteLength);
                }))
                return;
            const Result<CustomerNote> note =
                m_customers.editNote(noteId, caller.session()->agentId(), body);
            if (!note)
                caller.sendError(request.id, note.error());
            else
                caller.sendResult(request.id, {{QStringLiteral("note"), note.value().toJson()}});
        });
    dispatcher.add(
        method::CustomerMerge, workers, [this](ClientConnection& caller, const Request& request) {
            const std::optional<QString> from = customerIn(caller, request);
            QString into;
            if (!from || !readFields(caller, request, [&](FieldReader& reader) {
                    into = reader.string(key("intoId"), kMaxIdentifierLength);
                }))
                return;
            const Result<qint64> merged =
                m_customers.merge(*from, into, caller.session()->agentId());
            if (!merged) {
                caller.sendError(request.id, merged.error());
                return;
            }
            caller.sendResult(request.id, {{QStringLiteral("mergeId"), merged.value()},
                                           {QStringLiteral("customer"),
                                            assemble(m_customers.canonical(into)).toJson()}});
        });
    dispatcher.add(
        method::CustomerUnmerge, workers, [this](ClientConnection& caller, const Request& request) {
            qint64 mergeId = 0;
            if (!readFields(caller, request, [&](FieldReader& reader) {
                    mergeId = reader.integer(key("mergeId"), 1, kMaxSafeInteger);
                }))
                return;
            const Result<QString> restored =
                m_customers.unmerge(mergeId, caller.session()->agentId());
            if (!restored)
                caller.sendError(request.id, restored.error());
            else
                caller.sendResult(request.id, {{QStringLiteral("customerId"), restored.value()}});
        });
    dispatcher.add(method::CustomerOffer, workers,
                   [this](ClientConnection& caller, const Request& request) {
                       const std::optional<QString> id = customerIn(caller, request);
                       QString code;
                       QString outcome;
                       QString interactionId;
                       if (!id || !readFields(caller, request, [&](FieldReader& reader) {
                               code = reader.string(key("code"), kMaxIdentifierLength);
                               outcome = reader.string(key("outcome"), kMaxIdentifierLength);
                               interactionId =
                                   reader.optionalString(key("interactionId"), kMaxIdentifierLength)
                                       .value_or(QString());
                           }))
                           return;
                       const Result<bool> recorded = m_customers.recordOffer(
                           *id, code, outcome, caller.session()->agentId(), interactionId);
                       if (recorded && m_offerRecorded && !interactionId.isEmpty())
                           m_offerRecorded(interactionId);
                       if (!recorded)
                           caller.sendError(request.id, recorded.error());
                       else
                           caller.sendResult(
                               request.id, {{QStringLiteral("customer"), assemble(*id).toJson()}});
                   });
    dispatcher.add(
        method::CustomerRecordingLink, workers,
        [this](ClientConnection& caller, const Request& request) {
            QString interactionId;
            if (!readFields(caller, request, [&](FieldReader& reader) {
                    interactionId = reader.string(key("interactionId"), kMaxIdentifierLength);
                }))
                return;
            if (!mayHear(*caller.session(), interactionId)) {
                (void)m_customers.audit(caller.session()->agentId(),
                                        QStringLiteral("recording.link.refused"), interactionId,
                                        {});
                caller.sendError(request.id,
                                 makeError(ErrorCode::Forbidden,
                                           QStringLiteral("only your own calls, or the customer"
                                                          " you are handling now")));
                return;
            }
            const QString token = m_recordings.issue(interactionId);
            if (token.isEmpty() || m_webUrl.isEmpty()) {
                caller.sendError(
                    request.id,
                    makeError(ErrorCode::NotFound, QStringLiteral("no recording of this call")));
                return;
            }
            // Listening to a customer is looked at like reading their data.
            const Result<bool> audited = m_customers.audit(
                caller.session()->agentId(), QStringLiteral("recording.link"), interactionId, {});
            if (!audited) {
                caller.sendError(request.id, audited.error());
                return;
            }
            QUrl url = m_webUrl;
            url.setPath(QStringLiteral("/recordings/") + token);
            caller.sendResult(request.id, {{QStringLiteral("url"), url.toString()},
                                           {QStringLiteral("expiresInMs"), 300000}});
        });
    dispatcher.add(method::CaseResolve, supervisors,
                   [this](ClientConnection& caller, const Request& request) {
                       QString caseId;
                       QString resolution;
                       if (!readFields(caller, request, [&](FieldReader& reader) {
                               caseId = reader.string(key("caseId"), kMaxIdentifierLength);
                               resolution = reader.string(key("resolution"), kMaxNoteLength);
                           }))
                           return;
                       const Result<VocCase> resolved =
                           m_cases.resolve(caseId, resolution, caller.session()->agentId());
                       if (!resolved)
                           caller.sendError(request.id, resolved.error());
                       else
                           caller.sendResult(request.id,
                                             {{QStringLiteral("case"), resolved.value().toJson()}});
                   });
    dispatcher.add(
        method::CaseCloseLoop, workers, [this](ClientConnection& caller, const Request& request) {
            QString caseId;
            QString message;
            if (!readFields(caller, request, [&](FieldReader& reader) {
                    caseId = reader.string(key("caseId"), kMaxIdentifierLength);
                    message = reader.string(key("message"), kMaxChatTextLength);
                }))
                return;
            const Result<VocCase> closed =
                m_cases.closeLoop(caseId, message, caller.session()->agentId());
            if (!closed)
                caller.sendError(request.id, closed.error());
            else
                caller.sendResult(request.id, {{QStringLiteral("case"), closed.value().toJson()}});
        });
}

void CustomerMethods::get(ClientConnection& caller, const Request& request)
{
    std::optional<QString> customerId;
    std::optional<QString> interactionId;
    if (!readFields(caller, request, [&](FieldReader& reader) {
            customerId = reader.optionalString(key("customerId"), kMaxIdentifierLength);
            interactionId = reader.optionalString(key("interactionId"), kMaxIdentifierLength);
            if (!customerId && !interactionId)
                reader.fail(key("customerId"), QStringLiteral("customerId or interactionId"));
        }))
        return;
    QString id;
    if (interactionId) {
        const std::optional<Interaction> interaction = m_interactions.find(*interactionId);
        if (!interaction) {
            caller.sendError(request.id, makeError(ErrorCode::NotFound,
                                                   QStringLiteral("no such open interaction")));
            return;
        }
        id = m_customers.canonical(interaction->customer.id);
        if (!m_customers.exists(id)) {
            // An anonymous visitor: a record of their own from now on, so
            // notes and identities can be added to it.
            CustomerStore::NewCustomer created;
            created.id = id;
            created.displayName = interaction->customer.displayName;
            created.language = interaction->language;
            created.preferredChannel = channelName(interaction->channel);
            const Result<bool> inserted = m_customers.insert(created);
            if (!inserted) {
                caller.sendError(request.id, inserted.error());
                return;
            }
        }
    } else {
        id = m_customers.canonical(*customerId);
    }
    if (!m_customers.exists(id)) {
        caller.sendError(request.id, noCustomer());
        return;
    }
    caller.sendResult(request.id, assemble(id).toJson());
}

void CustomerMethods::reveal(ClientConnection& caller, const Request& request)
{
    const std::optional<QString> id = customerIn(caller, request);
    QString field;
    if (!id || !readFields(caller, request, [&](FieldReader& reader) {
            field = reader.string(key("field"), kMaxIdentifierLength);
            if (reader.ok() && field != QLatin1StringView("phone") &&
                field != QLatin1StringView("email") && field != QLatin1StringView("nationalId"))
                reader.fail(key("field"), QStringLiteral("expected phone, email or nationalId"));
        }))
        return;
    const QString actor = caller.session()->agentId();
    // Supervisors may; an agent only for a customer they are handling now.
    if (caller.session()->role() != Role::Supervisor && !isHandling(actor, *id)) {
        (void)m_customers.audit(actor, QStringLiteral("customer.reveal.refused"), *id,
                                {{QStringLiteral("field"), field}});
        caller.sendError(
            request.id,
            makeError(ErrorCode::Forbidden, QStringLiteral("only while handling this customer")));
        return;
    }
    const std::optional<QString> value = m_customers.rawField(*id, field);
    if (!value) {
        caller.sendError(request.id,
                         makeError(ErrorCode::NotFound, QStringLiteral("nothing recorded")));
        return;
    }
    const Result<bool> audited = m_customers.audit(actor, QStringLiteral("customer.reveal"), *id,
                                                   {{QStringLiteral("field"), field}});
    if (!audited) { // no reveal without its audit line
        caller.sendError(request.id, audited.error());
        return;
    }
    caller.sendResult(request.id,
                      {{QStringLiteral("field"), field}, {QStringLiteral("value"), *value}});
}

} // namespace qidong::hub
