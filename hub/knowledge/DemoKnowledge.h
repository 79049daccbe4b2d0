#pragma once

#include "protocol/Knowledge.h"
#include "protocol/Result.h"

#include <QList>

namespace qidong::hub {

class KnowledgeStore;

// The demo organisation's knowledge base, in the seeds' world: telecom
// roaming and plans, a shoe retailer, airline baggage and a bank app, in
// Chinese and English. Hand-written articles come from a resource; families
// (one per roaming destination, bank app error, shoe type, ...) are built
// from tables here.
class DemoKnowledge final
{
public:
    static QList<protocol::KnowledgeArticle> articles();
    static protocol::Result<int> seedIfEmpty(KnowledgeStore& store);

    // `count` distinct articles for benchmarks, recombined from the demo
    // articles' sentences and words (deterministic for a seed); ids start
    // with "gen-".
    static QList<protocol::KnowledgeArticle> synthetic(int count, quint32 seed,
                                                       int firstNumber = 0);
};

} // namespace qidong::hub
