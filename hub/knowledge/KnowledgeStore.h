#pragma once

#include "protocol/Knowledge.h"
#include "protocol/Result.h"

#include <QList>

#include <optional>

namespace qidong::hub {

class Database;

// Knowledge articles and their two full-text indexes (kb_trigram, kb_words),
// kept in step in one transaction per save; views and helpful / not helpful
// votes. Used from the hub's main thread only.
class KnowledgeStore final
{
    Q_DISABLE_COPY_MOVE(KnowledgeStore)

public:
    explicit KnowledgeStore(Database& database);

    // Inserts or replaces articles by id, all in one transaction.
    protocol::Result<int> save(const QList<protocol::KnowledgeArticle>& articles);
    std::optional<protocol::KnowledgeArticle> article(const QString& id) const;
    qint64 count() const;
    // How many articles hold this word-index term (a Chinese bigram, say).
    qint64 articlesWith(const QString& term) const;

    enum class Index
    {
        Trigram,
        Words,
    };
    struct Filter
    {
        QString language;     // empty: any
        QStringList products; // empty: any; else any of them
        bool customerOnly = false;
    };
    // An article as a search finds it: enough to mark and show the hit.
    struct Found
    {
        QString id;
        QString title;
        QString questions;
        QString body;
        QString language;
        protocol::Audience audience = protocol::Audience::Customer;
        QStringList products;
        qint64 updatedAtMs = 0;
    };
    // Articles matching an FTS5 expression (built by SearchTerms, never
    // from raw user text), best bm25 first.
    protocol::Result<QList<Found>> match(Index index, const QString& expression,
                                         const Filter& filter, int limit, int offset) const;

    protocol::Result<bool> recordView(const QString& id, const QString& viewer,
                                      const QString& interactionId);
    // One vote per reader and article; a new vote replaces theirs.
    protocol::Result<bool> recordFeedback(const QString& id, const QString& reader, bool helpful,
                                          const QString& interactionId, const QString& comment);

private:
    protocol::Result<bool> saveOne(const protocol::KnowledgeArticle& article);

    Database& m_database;
    mutable qint64 m_count = -1; // cached; saving resets it
};

} // namespace qidong::hub
