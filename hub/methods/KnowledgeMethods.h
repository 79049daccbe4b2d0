#pragma once

#include "protocol/Knowledge.h"
#include "protocol/Message.h"

#include <QUrl>

namespace qidong::hub {

class ChatService;
class ClientConnection;
class InteractionDirectory;
class KnowledgeSearch;
class KnowledgeStore;
class MethodDispatcher;

// kb.search / kb.article / kb.feedback / kb.suggest for agents and
// supervisors. Customers search customer articles through the web page
// (WebFront), never through these.
class KnowledgeMethods final
{
    Q_DISABLE_COPY_MOVE(KnowledgeMethods)

public:
    KnowledgeMethods(KnowledgeStore& store, const KnowledgeSearch& search, const ChatService& chat,
                     const InteractionDirectory& interactions);

    void registerWith(MethodDispatcher& dispatcher);
    // Where customers read articles (the web port); kb.article then gives a
    // link to customer articles an agent can send.
    void setCustomerPageUrl(const QUrl& url) { m_customerPage = url; }

private:
    void suggest(ClientConnection& caller, const protocol::Request& request);
    QString linkTo(const protocol::KnowledgeArticle& article) const;

    KnowledgeStore& m_store;
    const KnowledgeSearch& m_search;
    const ChatService& m_chat;
    const InteractionDirectory& m_interactions;
    QUrl m_customerPage;
};

} // namespace qidong::hub
