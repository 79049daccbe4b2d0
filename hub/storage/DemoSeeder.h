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
};

} // namespace qidong::hub
