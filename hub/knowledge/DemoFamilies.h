#pragma once

#include "protocol/Knowledge.h"

#include <QList>

namespace qidong::hub::demo {

// Demo articles built from tables: roaming per destination (rates, no
// signal, calls), bank app error codes, shoe types, baggage allowance per
// route and cabin, mobile plans; each in Chinese and English.
QList<protocol::KnowledgeArticle> familyArticles();

} // namespace qidong::hub::demo
