#include "ReviewMethods.h"

#include "RequestParams.h"
#include "customers/RecordingLinks.h"
#include "protocol/FieldReader.h"
#include "protocol/JsonList.h"
#include "protocol/Names.h"
#include "protocol/Review.h"
#include "server/ClientConnection.h"
#include "server/MethodDispatcher.h"
#include "session/Session.h"
#include "storage/AuditLog.h"
#include "storage/ChatStore.h"
#include "storage/ReviewStore.h"

namespace qidong::hub {

using namespace qidong::protocol;

ReviewMethods::ReviewMethods(ReviewStore& reviews, ChatStore& chats, RecordingLinks& recordings,
                             AuditLog& audit)
    : m_reviews(reviews)
    , m_chats(chats)
    , m_recordings(recordings)
    , m_audit(audit)
{}

void ReviewMethods::registerWith(MethodDispatcher& dispatcher)
{
    const MethodDispatcher::Access leads{true, {Role::Supervisor, Role::Admin}, false, false};
    dispatcher.add(
        method::ReviewSearch, leads,
        [this](ClientConnection& caller, const Request& request) { search(caller, request); });
    dispatcher.add(
        method::ReviewTranscript, leads,
        [this](ClientConnection& caller, const Request& request) { transcript(caller, request); });
    dispatcher.add(
        method::ReviewSave, leads,
        [this](ClientConnection& caller, const Request& request) { save(caller, request); });
}

void ReviewMethods::search(ClientConnection& caller, const Request& request)
{
    const std::optional<ReviewQuery> query = readParams<ReviewQuery>(caller, request);
    if (!query)
        return;
    const Result<QList<ReviewItem>> items =
        m_reviews.search(*query, [this](const QString& interactionId) {
            return m_recordings.fileOf(interactionId).has_value();
        });
    if (!items) {
        caller.sendError(request.id, items.error());
        return;
    }
    caller.sendResult(request.id, {{QStringLiteral("items"), writeList(items.value())}});
}

void ReviewMethods::transcript(ClientConnection& caller, const Request& request)
{
    FieldReader reader(request.params);
    const QString interactionId =
        reader.string(QLatin1StringView("interactionId"), kMaxIdentifierLength);
    if (!reader.ok()) {
        caller.sendError(request.id, reader.error());
        return;
    }
    const Result<ReviewItem> item = m_reviews.find(interactionId);
    if (!item) {
        caller.sendError(request.id, item.error());
        return;
    }
    // Reading a conversation is looked at like reading the customer's data.
    const Result<bool> audited = m_audit.write(caller.session()->agentId(),
                                               QStringLiteral("review.transcript"), interactionId);
    if (!audited) {
        caller.sendError(request.id, audited.error());
        return;
    }
    caller.sendResult(request.id, m_chats.history(interactionId, 0, kTranscriptLimit).toJson());
}

void ReviewMethods::save(ClientConnection& caller, const Request& request)
{
    std::optional<QaScorecard> card = readParams<QaScorecard>(caller, request);
    if (!card)
        return;
    if (const Result<ReviewItem> item = m_reviews.find(card->interactionId); !item) {
        caller.sendError(request.id, item.error());
        return;
    }
    card->reviewerId = caller.session()->agentId();
    card->reviewerName.clear();
    const Result<bool> audited =
        m_audit.write(card->reviewerId, QStringLiteral("review.save"), card->interactionId,
                      {{QStringLiteral("percent"), card->percent()},
                       {QStringLiteral("scores"), writeList(card->scores)},
                       {QStringLiteral("comment"), card->comment}});
    if (!audited) {
        caller.sendError(request.id, audited.error());
        return;
    }
    const Result<QaScorecard> stored = m_reviews.save(*card);
    if (!stored) {
        caller.sendError(request.id, stored.error());
        return;
    }
    // Answered as search gives it: with the reviewer's name.
    const Result<ReviewItem> item = m_reviews.find(card->interactionId);
    caller.sendResult(request.id,
                      {{QStringLiteral("scorecard"), item && item.value().scorecard
                                                         ? item.value().scorecard->toJson()
                                                         : stored.value().toJson()}});
}

} // namespace qidong::hub
