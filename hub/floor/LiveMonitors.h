#pragma once

#include "protocol/Monitor.h"
#include "protocol/Result.h"

#include <QHash>
#include <QObject>

#include <optional>

namespace qidong::hub {

class AccountStore;
class ChatService;
class InteractionDirectory;
class VoiceCalls;
struct StoredInteraction;

// Team leads on live interactions: who monitors what, and how (listen,
// whisper, barge). Puts each one on the call's media (VoiceCalls) or into
// the conversation (ChatService), follows the interaction as it moves (a
// consulted colleague joins, the call is handed over) and lets go when it
// ends or leaves the agents' hands. Tells the agent holding it when the
// organisation's policy says so. Lives in memory: a hub restart ends every
// monitoring, and the desktop says so.
class LiveMonitors final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveMonitors)

public:
    LiveMonitors(InteractionDirectory& interactions, const AccountStore& accounts,
                 VoiceCalls& calls, ChatService& chat, bool tellAgents, QObject* parent = nullptr);
    ~LiveMonitors() override;

    // Starts monitoring, or changes the mode of one already started.
    protocol::Result<protocol::Monitoring> start(const QString& supervisorId,
                                                 const protocol::MonitorParams& params);
    protocol::Result<protocol::Monitoring> setMode(const QString& supervisorId,
                                                   const protocol::MonitorParams& params);
    protocol::Result<bool> stop(const QString& supervisorId, const QString& interactionId);
    // A coaching note on a chat, for the agent holding it: in whisper or
    // barge mode only. Checked and written here, sent by deliver() (the
    // audit log comes in between).
    protocol::Result<protocol::WhisperNote> whisper(const QString& supervisorId,
                                                    const protocol::WhisperParams& params) const;
    void deliver(const protocol::WhisperNote& note);
    // Everything this team lead monitors ends (they signed out).
    void stopAll(const QString& supervisorId);
    // A consultation started, moved on or ended: the parties changed.
    void refresh(const QString& interactionId);

    QStringList supervisorsOn(const QString& interactionId) const
    {
        return m_watches.value(interactionId).keys();
    }

Q_SIGNALS:
    // For the team lead: the monitoring as it now is (or has ended).
    void changed(const QString& supervisorId, const qidong::protocol::Monitoring& monitoring);
    // For the agent, when the policy tells agents.
    void notice(const QString& agentId, const qidong::protocol::MonitorNotice& notice);
    void whispered(const QString& agentId, const qidong::protocol::WhisperNote& note);

private:
    struct Watch
    {
        protocol::MonitorMode mode = protocol::MonitorMode::Listen;
        QString toldAgent;     // the holder last told, so a new holder is told too
        bool ticketed = false; // a media ticket went out (the leg lasts the call)
    };

    void onInteractionChanged(const StoredInteraction& previous, const StoredInteraction& next);
    // Where the team lead is heard, for the mode (nullopt: nowhere any more).
    void place(const protocol::Interaction& interaction, const QString& supervisorId,
               std::optional<protocol::MonitorMode> mode);
    // `answer`: for monitor.start / monitor.mode (with a chat's transcript
    // and a fresh ticket); otherwise a ticket only if none went out yet (a
    // chat the agent turned into a call).
    protocol::Monitoring describe(const protocol::Interaction& interaction,
                                  const QString& supervisorId, Watch& watch, bool answer);
    void tell(const QString& agentId, const QString& interactionId, const QString& supervisorId,
              protocol::MonitorMode mode, bool active);
    void end(const protocol::Interaction& interaction, const QString& supervisorId,
             const QString& reason);

    InteractionDirectory& m_interactions;
    const AccountStore& m_accounts;
    VoiceCalls& m_calls;
    ChatService& m_chat;
    bool m_tellAgents;
    QHash<QString, QHash<QString, Watch>> m_watches; // interaction -> team lead -> watch
};

} // namespace qidong::hub
