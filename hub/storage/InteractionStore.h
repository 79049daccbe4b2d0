#pragma once

#include "protocol/Chat.h"
#include "protocol/Result.h"

#include <QList>

namespace qidong::hub {

class Database;

// An interaction with what the hub keeps beside the wire form.
struct StoredInteraction final
{
    protocol::Interaction interaction;
    QString threadKey; // channel:thread for outside channels, empty otherwise
    qint64 endedAtMs = 0;
    qint64 answeredAtMs = 0;  // first accepted by an agent (0: never)
    qint64 wrappedUpAtMs = 0; // ended after an answer, wrap-up done
    std::optional<protocol::WrapUpRecord> wrapUp;
};

// Interactions, written before any change to them is announced.
class InteractionStore final
{
    Q_DISABLE_COPY_MOVE(InteractionStore)

public:
    explicit InteractionStore(Database& database);

    // Every interaction that has not ended.
    QList<StoredInteraction> loadOpen() const;
    protocol::Result<bool> save(const StoredInteraction& interaction);
    // The customer's ended interactions, newest first, with their wrap-up.
    QList<protocol::PastInteraction> historyOf(const QString& customerId, int limit) const;

private:
    Database& m_database;
};

} // namespace qidong::hub
