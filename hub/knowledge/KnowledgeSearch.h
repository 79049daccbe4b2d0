#pragma once

#include "KnowledgeStore.h"
#include "protocol/Knowledge.h"
#include "protocol/Result.h"

namespace qidong::hub {

struct SearchTerms;

// Answers a search: reads the query into terms, asks the indexes for the
// articles holding all of them, tops up with articles holding any of them
// (ranked by bm25) when that leaves the page short, and marks the matches
// in each hit's title and snippet.
class KnowledgeSearch final
{
    Q_DISABLE_COPY_MOVE(KnowledgeSearch)

public:
    explicit KnowledgeSearch(const KnowledgeStore& store);

    protocol::Result<protocol::KnowledgeSearchResult>
    search(const protocol::KnowledgeSearchParams& params, bool customerOnly) const;
    // Articles for free text such as a customer's latest messages: any term
    // may match; the language follows the text unless given.
    protocol::Result<protocol::KnowledgeSearchResult>
    suggest(const QString& text, const QString& language, int limit) const;

private:
    protocol::Result<protocol::KnowledgeSearchResult> run(const SearchTerms& terms,
                                                          const KnowledgeStore::Filter& filter,
                                                          int limit, int offset,
                                                          bool allFirst) const;

    const KnowledgeStore& m_store;
};

} // namespace qidong::hub
