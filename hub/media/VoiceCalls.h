#pragma once

#include "CallMixer.h"
#include "protocol/Call.h"
#include "protocol/Interaction.h"
#include "protocol/Monitor.h"
#include "protocol/Payloads.h"
#include "protocol/Result.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

#include <optional>
#include <vector>

namespace qidong::hub {

class InteractionDirectory;
class MediaEngine;

// Keeps each voice interaction's media in step with its state: waiting in
// the queue the caller hears music, while an agent is offered the call
// ringback, once accepted the two hear each other, on hold the caller hears
// music again and neither side the other; when the call ends the media
// closes. A consultation adds the colleague: while they are asked the
// holder hears ringback, then the two agents talk while the caller hears
// music, in a conference all three hear each other. Hands out the tickets
// that let each side's socket join; each agent joins as "agent:<id>", so
// a call handed over keeps the colleague's socket. A callback becomes a
// call when its agent dials: the agent hears ringback while the customer's
// page rings, then the two talk as on any call.
class VoiceCalls final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VoiceCalls)

public:
    static constexpr QLatin1StringView kCustomer{"customer"};
    static QString agentParty(const QString& agentId);
    static QString supervisorParty(const QString& supervisorId);

    VoiceCalls(InteractionDirectory& interactions, MediaEngine& media, QObject* parent = nullptr);
    ~VoiceCalls() override;

    // The caller's leg (customer page, simulated caller).
    protocol::Result<protocol::MediaTicket> customerTicket(const QString& interactionId);
    // An agent's leg: the one holding the call, or a consulted colleague.
    protocol::Result<protocol::MediaTicket> agentTicket(const QString& agentId,
                                                        const QString& interactionId);
    // A team lead on the call (nullopt: leaves it). Listening they hear
    // everyone and nobody hears them; whispering the agent holding the call
    // hears them too; barging in everyone does. Their leg is there while an
    // agent has the call (active or held).
    void setMonitor(const QString& interactionId, const QString& supervisorId,
                    std::optional<protocol::MonitorMode> mode);
    protocol::Result<protocol::MediaTicket> supervisorTicket(const QString& supervisorId,
                                                             const QString& interactionId);
    bool isCallWithMedia(const QString& interactionId) const
    {
        return m_calls.contains(interactionId);
    }
    // Media for calls that were open when the hub last stopped.
    void load();
    // Where call recordings go (one Ogg Opus file per call, named after the
    // interaction); empty: calls are not recorded.
    void setRecordingsDir(const QString& dir) { m_recordingsDir = dir; }
    // The agent holding the call pauses or resumes its recording.
    protocol::Result<bool> pauseRecording(const QString& agentId, const QString& interactionId,
                                          bool paused);

    // The colleague a consultation brought in, and how far it went
    // (nullopt: none, or it ended).
    struct Consult
    {
        QString agentId;
        protocol::ConsultStage stage = protocol::ConsultStage::Ringing;
    };
    void setConsult(const QString& interactionId, std::optional<Consult> consult);
    std::optional<Consult> consultOf(const QString& interactionId) const
    {
        if (!m_consults.contains(interactionId))
            return std::nullopt;
        return m_consults.value(interactionId);
    }

    // Outbound: the agent holding a callback (or a call they placed, or a
    // web chat) dials the customer. A route rings them where it can: the
    // page they asked from, or the phone trunk (docs/protocol.md §13). The
    // first route that returns true rings; with none the customer is
    // unreachable.
    using DialRoute = std::function<bool(const protocol::Interaction& call)>;
    void addDialRoute(DialRoute route) { m_routes.push_back(std::move(route)); }
    void setDialTimeout(std::chrono::milliseconds timeout) { m_dialTimeout = timeout; }
    protocol::Result<bool> dial(const QString& agentId, const QString& interactionId);
    // The customer's page answers (a ticket for its leg) or declines.
    protocol::Result<protocol::MediaTicket> answerDial(const QString& interactionId);
    protocol::Result<bool> declineDial(const QString& interactionId);
    // Ends a dialled call's audio (ringing or answered); the interaction
    // goes on (a chat stays open, a callback awaits its wrap-up). Empty
    // `agentId`: the customer hung up.
    protocol::Result<bool> hangUpDial(const QString& interactionId, const QString& agentId = {});
    bool isRinging(const QString& interactionId) const;
    // A dialled call the customer answered and is still on.
    bool isAnswered(const QString& interactionId) const
    {
        return m_dials.contains(interactionId) && m_dials.value(interactionId).answered;
    }
    bool hasCustomerLeg(const QString& interactionId) const
    {
        return m_calls.value(interactionId).contains(QString(kCustomer));
    }

Q_SIGNALS:
    // A key the caller pressed, for the agent holding the call.
    void dtmf(const QString& agentId, const QString& interactionId, QChar key);
    // A dial: ringing, answered, declined, no-answer, hung-up (by the
    // agent), customer-hung-up.
    void dialChanged(const QString& agentId, const QString& interactionId, const QString& state);

private:
    struct Layout
    {
        Listen listen = Listen::Mix;
        bool talks = false;
        QString heardOnlyBy;
        friend bool operator==(const Layout&, const Layout&) = default;
    };
    using Parties = QHash<QString, Layout>;

    void follow(const protocol::Interaction& interaction);
    // Brings the call's parties to `wanted`: adds, changes, removes.
    void arrange(const QString& interactionId, const Parties& wanted);
    void startRecording(const QString& interactionId);
    void onOffered(const QString& agentId, const protocol::InteractionOffer& offer);
    void endDial(const QString& interactionId, const QString& outcome);
    bool isCall(const protocol::Interaction& interaction) const;

    struct Dial
    {
        bool answered = false;
        QString holder; // the agent told it was answered
        std::shared_ptr<QTimer> ringOut;
    };

    InteractionDirectory& m_interactions;
    MediaEngine& m_media;
    QHash<QString, Parties> m_calls;    // interactions with media open
    QHash<QString, Consult> m_consults; // ... with a colleague asked
    QHash<QString, QHash<QString, protocol::MonitorMode>> m_monitors; // ... team leads on them
    QSet<QString> m_recording;                                        // ... that are being recorded
    QHash<QString, Dial> m_dials;                                     // callbacks dialled
    std::vector<DialRoute> m_routes;
    std::chrono::milliseconds m_dialTimeout{30000};
    QString m_recordingsDir;
};

} // namespace qidong::hub
