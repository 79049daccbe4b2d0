#pragma once

#include "protocol/Interaction.h"
#include "protocol/Result.h"

#include <QList>

namespace qidong::hub {

class Database;

// Interactions, written before any change to them is announced.
class InteractionStore final
{
    Q_DISABLE_COPY_MOVE(InteractionStore)

public:
    explicit InteractionStore(Database& database);

    // Every interaction that has not ended.
    QList<protocol::Interaction> loadOpen() const;
    protocol::Result<bool> save(const protocol::Interaction& interaction,
                                const QString& wrapUpCode = {});

private:
    Database& m_database;
};

} // namespace qidong::hub
