#pragma once

#include "protocol/Result.h"
#include "protocol/Review.h"

#include <functional>

namespace qidong::hub {

class Database;

// Quality review: finds ended interactions by agent, queue, time,
// disposition and kind, and keeps one scorecard per interaction (the last
// review stands; the audit log keeps every save).
class ReviewStore final
{
    Q_DISABLE_COPY_MOVE(ReviewStore)

public:
    explicit ReviewStore(Database& database);

    // `recorded(id)`: whether a call has a recording (files live beside
    // the database, not in it).
    protocol::Result<QList<protocol::ReviewItem>>
    search(const protocol::ReviewQuery& query,
           const std::function<bool(const QString&)>& recorded) const;
    // An ended interaction handled by an agent, or not_found.
    protocol::Result<protocol::ReviewItem> find(const QString& interactionId) const;
    protocol::Result<protocol::QaScorecard> save(const protocol::QaScorecard& card);

private:
    Database& m_database;
};

} // namespace qidong::hub
