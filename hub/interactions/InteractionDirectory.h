#pragma once

#include "protocol/Interaction.h"
#include "protocol/Payloads.h"
#include "protocol/Result.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>
#include <unordered_map>

namespace qidong::hub {

class AccountStore;
class AgentDirectory;
class InteractionStore;

// Open interactions and their offers. An offer waits `offerTimeout` for
// the agent; if it rings out the interaction goes back to the queue and the
// agent to NotReady("missed") so nobody is offered work they are not there
// to take (RONA). Accepting makes the agent Busy, ending makes them
// AfterCallWork, wrapping up applies their next state. Every change is
// stored before it is announced. Routing (who gets offered what) arrives
// with the chat issue; until then offers are made by admin.createInteraction.
class InteractionDirectory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InteractionDirectory)

public:
    InteractionDirectory(InteractionStore& store, AccountStore& accounts, AgentDirectory& agents,
                         std::chrono::milliseconds offerTimeout, QObject* parent = nullptr);
    ~InteractionDirectory() override;

    // Reads open interactions; offers that died with the last process go
    // back to the queue.
    void load();

    protocol::Result<protocol::Interaction> create(const protocol::CreateInteractionParams& params);
    protocol::Result<protocol::Interaction> offer(const QString& interactionId,
                                                  const QString& agentId);
    protocol::Result<protocol::Interaction> accept(const QString& agentId,
                                                   const QString& interactionId);
    protocol::Result<protocol::Interaction> reject(const QString& agentId,
                                                   const QString& interactionId);
    protocol::Result<protocol::Interaction> end(const QString& agentId,
                                                const QString& interactionId);
    protocol::Result<protocol::Interaction>
    wrapUp(const QString& agentId, const QString& interactionId, const QString& code);

    QList<protocol::Interaction> ofAgent(const QString& agentId) const;

Q_SIGNALS:
    void offered(const QString& agentId, const qidong::protocol::InteractionOffer& offer);
    void updated(const QString& agentId, const qidong::protocol::Interaction& interaction);
    void revoked(const QString& agentId, const qidong::protocol::InteractionRevoked& revoked);

private:
    protocol::Result<protocol::Interaction*> heldBy(const QString& agentId,
                                                    const QString& interactionId,
                                                    protocol::InteractionState expected);
    protocol::Result<bool> store(protocol::Interaction& interaction,
                                 const protocol::Interaction& next, const QString& wrapUpCode = {});
    void requeue(const QString& interactionId, const QString& reason);
    void stopOfferTimer(const QString& interactionId);

    InteractionStore& m_store;
    AccountStore& m_accounts;
    AgentDirectory& m_agents;
    std::chrono::milliseconds m_offerTimeout;
    QHash<QString, protocol::Interaction> m_open;
    std::unordered_map<QString, std::unique_ptr<QTimer>> m_offerTimers;
};

} // namespace qidong::hub
