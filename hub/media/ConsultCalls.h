#pragma once

#include "protocol/Call.h"
#include "protocol/Result.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>
#include <unordered_map>

namespace qidong::hub {

class AccountStore;
class AgentDirectory;
class InteractionDirectory;
class VoiceCalls;

// Consultations (attended transfer, conference): the agent holding a call
// asks a colleague while the caller waits on hold, then hands the call
// over, brings the three together, or returns to the caller. The colleague
// is busy from the moment they are asked (nothing else is routed to them)
// until they leave or take the call over; an unanswered request rings out
// like an offer. Consultations live in memory: a hub restart ends them and
// leaves the call on hold with its holder.
class ConsultCalls final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsultCalls)

public:
    ConsultCalls(InteractionDirectory& interactions, AccountStore& accounts, AgentDirectory& agents,
                 VoiceCalls& calls, std::chrono::milliseconds ringTimeout,
                 QObject* parent = nullptr);
    ~ConsultCalls() override;

    protocol::Result<protocol::Consultation> start(const QString& agentId,
                                                   const protocol::CallConsultParams& params);
    protocol::Result<protocol::Consultation> answer(const QString& agentId, const QString& callId);
    protocol::Result<protocol::Consultation> end(const QString& agentId,
                                                 const protocol::CallConsultEndParams& params);

Q_SIGNALS:
    // For one of the two agents: the consultation as it now is.
    void changed(const QString& agentId, const qidong::protocol::Consultation& consultation);

private:
    struct Open
    {
        protocol::Consultation consultation;
        std::unique_ptr<QTimer> ringOut;
    };

    void announce(const protocol::Consultation& consultation);
    void setStage(Open& open, protocol::ConsultStage stage);
    enum class Tell
    {
        Both,
        ColleagueOnly, // the holder was told already
    };
    // Ends it: the colleague leaves the call's audio and is free again.
    protocol::Consultation finish(const QString& callId, const QString& outcome,
                                  Tell tell = Tell::Both);
    void onCallChanged(const protocol::Interaction& call);

    InteractionDirectory& m_interactions;
    AccountStore& m_accounts;
    AgentDirectory& m_agents;
    VoiceCalls& m_calls;
    std::chrono::milliseconds m_ringTimeout;
    std::unordered_map<QString, Open> m_open; // by call id
};

} // namespace qidong::hub
