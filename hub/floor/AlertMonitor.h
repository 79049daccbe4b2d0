#pragma once

#include "KeywordRules.h"
#include "protocol/Chat.h"
#include "protocol/Floor.h"
#include "protocol/Result.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <map>

namespace qidong::hub {

class AccountStore;
class AgentDirectory;
class FloorTallies;
class InteractionDirectory;
struct StoredInteraction;

// Watches the floor for what a team lead must see: a queue at risk of
// missing its service level, an interaction waiting past its SLA, an agent
// too long in after-call work or Not Ready, a public social post, a
// customer's message the keyword rules flag, and an agent's own call for
// help or report of an abusive customer. A condition raises one alert
// while it lasts (again only after it clears); alerts stay open until a
// team lead acknowledges them, and can be assigned to someone to handle.
class AlertMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertMonitor)

public:
    struct Settings
    {
        std::chrono::seconds afterCallWorkLimit{120};
        std::chrono::seconds notReadyLimit{15 * 60};
        // A queue is at risk when its longest wait passes this share of its SLA.
        double slaRiskShare = 0.8;
        // Acknowledged alerts kept for the list; open ones are always kept.
        int keepAcknowledged = 200;
    };

    AlertMonitor(const AccountStore& accounts, const AgentDirectory& agents,
                 const InteractionDirectory& interactions, const FloorTallies& tallies,
                 KeywordRules rules, Settings settings, QObject* parent = nullptr);

    void onInteractionChanged(const StoredInteraction& previous, const StoredInteraction& next);
    void onMessage(const protocol::ChatMessage& message);
    // New keyword lists (the hub re-read --alert-keywords), from the next message on.
    void setRules(KeywordRules rules) { m_rules = std::move(rules); }
    // An agent's button: "help" or "abusive", about one of their interactions or none.
    protocol::Result<protocol::FloorAlert> requestHelp(const QString& agentId, const QString& kind,
                                                       const QString& interactionId,
                                                       const QString& note);
    protocol::Result<protocol::FloorAlert> acknowledge(qint64 id, const QString& by);
    protocol::Result<protocol::FloorAlert> assign(qint64 id, const QString& to);
    // Open first, newest first.
    QList<protocol::FloorAlert> list() const;
    // Runs the timed rules now (the timer does it every second).
    void scan();

Q_SIGNALS:
    void raised(const qidong::protocol::FloorAlert& alert);
    void changed(const qidong::protocol::FloorAlert& alert);

private:
    // Raises `alert` unless the same condition (`key`) already did and has not cleared.
    void raise(const QString& key, protocol::FloorAlert alert);
    // Numbers, keeps and announces an alert.
    protocol::FloorAlert publish(protocol::FloorAlert alert);
    void prune();

    const AccountStore& m_accounts;
    const AgentDirectory& m_agents;
    const InteractionDirectory& m_interactions;
    const FloorTallies& m_tallies;
    KeywordRules m_rules;
    Settings m_settings;
    QTimer m_timer;
    qint64 m_nextId = 1;
    std::map<qint64, protocol::FloorAlert> m_alerts;
    QSet<QString> m_activeKeys; // conditions true at the last scan
};

} // namespace qidong::hub
