#pragma once

#include "WebFront.h"
#include "protocol/Knowledge.h"

#include <QUrlQuery>

namespace qidong::hub {

class KnowledgeSearch;
class KnowledgeStore;

// The customer page's self-service (seed 004: one knowledge base for
// agents, customers and bots): GET /kb/search?q=&lang= and
// GET /kb/article?id= over customer articles only, and GET /kb/view?id=,
// the article as a page for a link an agent sends. Agent articles are not
// found here, whatever is asked.
class SelfServiceKnowledge final
{
    Q_DISABLE_COPY_MOVE(SelfServiceKnowledge)

public:
    SelfServiceKnowledge(KnowledgeStore& store, const KnowledgeSearch& search);

    WebReply answer(const QString& path, const QUrlQuery& query) const;

private:
    WebReply search(const QUrlQuery& query) const;
    WebReply article(const QUrlQuery& query) const;
    WebReply view(const QUrlQuery& query) const;
    std::optional<protocol::KnowledgeArticle> customerArticle(const QUrlQuery& query) const;

    KnowledgeStore& m_store;
    const KnowledgeSearch& m_search;
};

} // namespace qidong::hub
