#pragma once

#include "protocol/Interaction.h"
#include "protocol/Payloads.h"
#include "protocol/Result.h"
#include "storage/InteractionStore.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <unordered_map>

namespace qidong::hub {

class AccountStore;
class AgentDirectory;

// What the hub knows of a new interaction beyond the admin's params.
struct NewInteraction final
{
    protocol::CreateInteractionParams params;
    QString language;
    QString visibility;
    QString threadKey;
    // The customer's phone, email or handle as given, unmasked: the customer
    // store finds them by it. Never sent to any client.
    QString rawIdentity;
};

// Open interactions, their offers and wrap-up. Routing decides who is
// offered what (Router); this class keeps the rules: an offer waits
// `offerTimeout`, and if it rings out the interaction goes back to the queue
// for the next agent and the agent to NotReady("missed") (RONA). Accepting
// makes the agent Busy; an agent may hold several chats. When their last
// interaction ends they enter after-call work as the queue says (mandatory,
// timed with a default code, or optional). Every change is stored before it
// is announced.
class InteractionDirectory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InteractionDirectory)

public:
    InteractionDirectory(InteractionStore& store, AccountStore& accounts, AgentDirectory& agents,
                         std::chrono::milliseconds offerTimeout, QObject* parent = nullptr);
    ~InteractionDirectory() override;

    // Reads open interactions; offers that died with the last process go
    // back to the queue, wrap-up deadlines are armed again.
    void load();

    protocol::Result<protocol::Interaction> create(const NewInteraction& request);
    // A call the agent places (keypad, click-to-dial): theirs and active at
    // once, silent until dialled (as a callback). Refused while they are on
    // a call or in after-call work.
    protocol::Result<protocol::Interaction> startOutbound(const QString& agentId,
                                                          const NewInteraction& request);
    protocol::Result<protocol::Interaction> offer(const QString& interactionId,
                                                  const QString& agentId, const QString& why = {});
    protocol::Result<protocol::Interaction> accept(const QString& agentId,
                                                   const QString& interactionId);
    protocol::Result<protocol::Interaction> reject(const QString& agentId,
                                                   const QString& interactionId);
    // A call on hold: the customer hears music, neither side hears the other.
    protocol::Result<protocol::Interaction> hold(const QString& agentId,
                                                 const QString& interactionId, bool onHold);
    protocol::Result<protocol::Interaction> end(const QString& agentId,
                                                const QString& interactionId);
    // The customer left (or the channel closed the thread): an active one
    // ends as if the agent ended it; a waiting one is abandoned.
    protocol::Result<protocol::Interaction> endByCustomer(const QString& interactionId);
    protocol::Result<protocol::Interaction>
    wrapUp(const QString& agentId, const QString& interactionId, protocol::WrapUpRecord record);
    // To another queue, or to one named agent; the note goes with it.
    protocol::Result<protocol::Interaction> transfer(const QString& agentId,
                                                     const protocol::TransferParams& params);

    // A team lead moves a waiting interaction (queued, or ringing an
    // agent, whose offer is withdrawn) to another queue or to one agent.
    protocol::Result<protocol::Interaction>
    reassign(const QString& interactionId, const QString& toQueueId, const QString& toAgentId);
    // A caller tired of waiting asks to be called back: the waiting call
    // becomes a callback request in the same queue, keeping its place (an
    // offer ringing for it is withdrawn and made again as a callback).
    protocol::Result<protocol::Interaction> convertToCallback(const QString& interactionId,
                                                              const QString& note);
    // A consultation's end: the colleague takes the call over from its
    // holder, who goes on to after-call work as after any call.
    protocol::Result<protocol::Interaction>
    handOver(const QString& fromAgentId, const QString& interactionId, const QString& toAgentId);
    // An agent on someone else's call (consulted, in a conference) is busy:
    // routing offers them nothing and their chats ending does not free them.
    void setOnSideCall(const QString& agentId, bool onSideCall);
    bool isOnSideCall(const QString& agentId) const { return m_onSideCall.contains(agentId); }

    QList<protocol::Interaction> ofAgent(const QString& agentId) const;
    std::optional<protocol::Interaction> find(const QString& interactionId) const;
    // When an open interaction was first answered (0: not yet).
    std::optional<qint64> answeredAtOf(const QString& interactionId) const;
    std::optional<QString> findByThread(const QString& threadKey) const;
    QString threadKeyOf(const QString& interactionId) const;
    QList<protocol::Interaction> open() const;
    // Agents who let it ring out or rejected it: not offered it again.
    QSet<QString> excludedAgents(const QString& interactionId) const;
    // A transfer to a named agent: only they may be offered it.
    QString targetAgent(const QString& interactionId) const;
    // When each agent's last piece of work ended (for longest idle).
    qint64 lastWorkEndedMs(const QString& agentId) const;

    // Finds (or creates) the customer record of a new interaction by its raw
    // identity; answers the customer id, or empty to keep the one given.
    using CustomerResolver = std::function<QString(const NewInteraction&)>;
    void setCustomerResolver(CustomerResolver resolver) { m_resolveCustomer = std::move(resolver); }

Q_SIGNALS:
    // Every stored change, with what was stored before (empty id: new).
    void changed(const qidong::hub::StoredInteraction& previous,
                 const qidong::hub::StoredInteraction& next);
    // Stored as ended with its wrap-up (the voice of the customer starts here).
    void wrappedUp(const qidong::protocol::Interaction& interaction,
                   const qidong::protocol::WrapUpRecord& record);
    void offered(const QString& agentId, const qidong::protocol::InteractionOffer& offer);
    void updated(const QString& agentId, const qidong::protocol::Interaction& interaction);
    void revoked(const QString& agentId, const qidong::protocol::InteractionRevoked& revoked);
    // Anything routing may care about: something waits, an agent has room.
    void routingNeeded();
    // The customer side should hear of it (state, agent, queue).
    void customerFacingChanged(const qidong::protocol::Interaction& interaction);

private:
    struct Open
    {
        StoredInteraction stored;
        QSet<QString> excluded;
        QString targetAgent;
        std::unique_ptr<QTimer> timer; // offer ring-out or wrap-up deadline
    };

    protocol::Result<StoredInteraction> compose(const NewInteraction& request) const;
    protocol::Result<Open*> heldBy(const QString& agentId, const QString& interactionId,
                                   protocol::InteractionState expected, bool orHeld = false);
    protocol::Result<bool> store(Open& open, StoredInteraction next);
    // When it was first answered and, after an answer, wrapped up.
    static void stamp(const StoredInteraction& previous, StoredInteraction& next);
    void requeue(const QString& interactionId, const QString& reason, bool exclude);
    void startTimer(Open& open, std::chrono::milliseconds after, std::function<void()> onTimeout);
    static void stopTimer(Open& open);
    void finishWork(const QString& agentId, const protocol::Queue* queue);
    void armWrapUpDeadline(const QString& interactionId, Open& open);
    void releaseAfterCallWork(const QString& agentId);
    void onAgentStateChanged(const QString& agentId, const protocol::AgentState& state);
    void onAfterCallWorkExpired(const QString& agentId);
    bool hasActiveWork(const QString& agentId) const;
    std::optional<protocol::Queue> queueOf(const protocol::Interaction& interaction) const;

    InteractionStore& m_store;
    AccountStore& m_accounts;
    AgentDirectory& m_agents;
    std::chrono::milliseconds m_offerTimeout;
    std::unordered_map<QString, Open> m_open;
    QHash<QString, qint64> m_lastWorkEnded;
    QSet<QString> m_onSideCall;
    CustomerResolver m_resolveCustomer;
};

} // namespace qidong::hub
