#pragma once

#include "protocol/Result.h"

#include <QString>

namespace qidong::hub {

class Database;
class CustomerStore;

// The demo organisation's customers in the seeds' world: a telecom operator
// (plans, roaming), a shoe retailer, an airline and a bank app. Each has
// identities on several channels, a segment and value, consent, holdings,
// a history of contacts over the last half year on their preferred channels
// and times (with wrap-ups, survey answers, complaints that became cases),
// and offers made. Deterministic for a seed. The first is 王丽 (Wang Li),
// 13800138000, WeChat wangli_travel: the tests and the demo's web chats
// reach her.
class DemoCustomers final
{
public:
    // The offer catalog: our own next-best offers and partners' (seed 001).
    static protocol::Result<bool> seedCatalog(Database& database);
    // `count` customers when there are none yet.
    static protocol::Result<int> seedIfEmpty(Database& database, CustomerStore& store, int count,
                                             quint32 seed = 6);
    // Adds `entries` ended contacts to one customer's history (benchmarks:
    // a customer with a long timeline).
    static protocol::Result<int> addHistory(Database& database, const QString& customerId,
                                            int entries, quint32 seed);
};

} // namespace qidong::hub
