#pragma once

#include "protocol/Call.h"
#include "protocol/Interaction.h"
#include "protocol/Payloads.h"
#include "protocol/Result.h"

#include <QObject>
#include <QSet>

namespace qidong::hub {

class InteractionDirectory;
class MediaEngine;

// Keeps each voice interaction's media in step with its state: waiting in
// the queue the caller hears music, while an agent is offered the call
// ringback, once accepted the two hear each other, on hold the caller hears
// music again and neither side the other; when the call ends the media
// closes. Hands out the tickets that let each side's socket join.
class VoiceCalls final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VoiceCalls)

public:
    static constexpr QLatin1StringView kCustomer{"customer"};
    static constexpr QLatin1StringView kAgent{"agent"};

    VoiceCalls(InteractionDirectory& interactions, MediaEngine& media, QObject* parent = nullptr);
    ~VoiceCalls() override;

    // The caller's leg (customer page, simulated caller).
    protocol::Result<protocol::MediaTicket> customerTicket(const QString& interactionId);
    // The agent's leg; only the agent holding the call gets one.
    protocol::Result<protocol::MediaTicket> agentTicket(const QString& agentId,
                                                        const QString& interactionId);
    // Media for calls that were open when the hub last stopped.
    void load();
    // Where call recordings go (one Ogg Opus file per call, named after the
    // interaction); empty: calls are not recorded.
    void setRecordingsDir(const QString& dir) { m_recordingsDir = dir; }
    // The agent holding the call pauses or resumes its recording.
    protocol::Result<bool> pauseRecording(const QString& agentId, const QString& interactionId,
                                          bool paused);

Q_SIGNALS:
    // A key the caller pressed, for the agent holding the call.
    void dtmf(const QString& agentId, const QString& interactionId, QChar key);

private:
    void follow(const protocol::Interaction& interaction);
    void startRecording(const QString& interactionId);
    void onOffered(const QString& agentId, const protocol::InteractionOffer& offer);

    InteractionDirectory& m_interactions;
    MediaEngine& m_media;
    QSet<QString> m_calls;     // interactions with media open
    QSet<QString> m_withAgent; // ... that have an agent leg
    QSet<QString> m_recording; // ... that are being recorded
    QString m_recordingsDir;
};

} // namespace qidong::hub
