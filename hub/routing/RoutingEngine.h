#pragma once

#include "protocol/DomainEnums.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace qidong::hub::routing {

// What routing needs to know of an agent, taken from the live directory.
struct RoutableAgent
{
    QString id;
    QHash<QString, int> skills;             // name -> level 1..10
    QStringList languages;                  // BCP 47
    bool acceptsWork = false;               // Ready, or Busy on another channel with room left
    QHash<protocol::Channel, int> capacity; // e.g. voice 1, chat 3
    QHash<protocol::Channel, int> load;     // what they handle now
    qint64 idleSinceMs = 0;                 // when they last finished or became Ready
    int offerSlots = 1000;                  // new offers this run may make (1: one rings at a time)
};

struct RoutableQueue
{
    QString id;
    QStringList requiredSkills;
    QString language; // empty: any
    int priority = 0;
    QString overflowQueueId; // empty: none
    qint64 overflowAfterMs = 0;
    qint64 averageHandleMs = 180000; // for the customer's estimated wait
};

struct WaitingInteraction
{
    QString id;
    QString queueId;
    protocol::Channel channel = protocol::Channel::Chat;
    int priority = 0;
    qint64 enqueuedAtMs = 0;
    QSet<QString> excludedAgents; // who let it ring out or rejected it
    QString onlyAgent{};          // a transfer to a named agent
};

struct Assignment
{
    QString interactionId;
    QString agentId;
    QString queueId; // the queue it was routed from (after overflow)
    QString why;     // the decision, for the routing log
};

struct QueuePosition
{
    QString interactionId;
    QString queueId;
    int position = 0; // 1: next
    qint64 estimatedWaitMs = 0;
};

// The ACD's decisions, as pure functions of a snapshot: which waiting
// interaction goes to which agent now, and where each waiting customer
// stands. Highest priority first, then longest waiting; among eligible
// agents the one idle longest. Eligible: accepts work, has room on the
// channel, holds every required skill of the queue, speaks its language,
// and has not already let this interaction go. After a queue's overflow
// wait the interaction may also go to agents of the overflow queue. No
// agent is given more than their capacity and no interaction twice.
class RoutingEngine final
{
public:
    static QList<Assignment> assign(const QList<WaitingInteraction>& waiting,
                                    const QList<RoutableQueue>& queues,
                                    const QList<RoutableAgent>& agents, qint64 nowMs);

    static QList<QueuePosition> positions(const QList<WaitingInteraction>& waiting,
                                          const QList<RoutableQueue>& queues,
                                          const QList<RoutableAgent>& agents, qint64 nowMs);

    // The queues whose agents may take it now: its own, plus the overflow
    // queue once the overflow wait has passed.
    static QStringList candidateQueues(const WaitingInteraction& interaction,
                                       const QHash<QString, RoutableQueue>& queues, qint64 nowMs);

    static bool eligible(const RoutableAgent& agent, const RoutableQueue& queue,
                         const WaitingInteraction& interaction);
};

} // namespace qidong::hub::routing
