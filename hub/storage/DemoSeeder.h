#pragma once

#include "protocol/Result.h"

namespace qidong::hub {

class AccountStore;
class Database;

// Seeds a believable engagement center from the seed articles' world: a
// telecom/retail/airline/bank outsourcer with Chinese and English teams.
// Runs only on an empty organisation, so `--demo` is safe on every start.
class DemoSeeder final
{
public:
    static constexpr const char* kDemoPassword = "qidong-demo";

    static protocol::Result<bool> seedIfEmpty(Database& database, AccountStore& accounts);
    // A large floor for benchmarks (--demo-floor): `agents` agents named
    // floor.00001…, one team lead per 40 (lead.001…), and `queues` queues
    // each needing one of ten skills. Once per database; all share the demo
    // password (one hash), which is fine for generated accounts only.
    static protocol::Result<bool> seedFloor(Database& database, AccountStore& accounts,
                                            int agents, int queues);
};

} // namespace qidong::hub
