#pragma once

#include "media/AudioFrame.h"
#include "media/JitterBuffer.h"
#include "media/OggOpus.h"
#include "media/VoiceCodec.h"
#include "protocol/MediaFrame.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace qidong::hub {

// What a party of a call hears.
enum class Listen
{
    Mix,      // everyone else who talks
    Music,    // music on hold (waiting in the queue, or held)
    Ringback, // the ring tone while an agent is being offered the call
};

// One feed every call shares per tick (music on hold, ringback): generated
// and encoded once for the whole hub, not per call.
struct SharedFeeds
{
    QByteArray music;
    QByteArray ringback;
};

// The media of one call: a leg per party (customer, agent, consult party,
// supervisor), each with what it hears and whether it is heard. A listener
// who hears exactly one talker gets that talker's packets forwarded as they
// arrive, without decoding (the listener's own jitter buffer absorbs the
// jitter: buffering twice would only add delay). A listener who hears two
// or more gets a mix: each talker's jitter buffer and decoder run once per
// tick, the sum of the others is encoded per listener. Sockets live
// elsewhere: frames go out through `Send`.
class CallMixer final
{
public:
    using Send = std::function<void(const QString& party, const QByteArray& frame)>;
    using Dtmf = std::function<void(const QString& party, QChar key)>;

    struct Stats
    {
        std::uint64_t received = 0;
        std::uint64_t forwarded = 0;
        std::uint64_t mixed = 0;
        std::uint64_t refused = 0; // malformed, or from a party not in the call
    };

    CallMixer(QString callId, Send send, Dtmf dtmf = {});
    ~CallMixer();
    CallMixer(const CallMixer&) = delete;
    CallMixer& operator=(const CallMixer&) = delete;

    const QString& callId() const { return m_callId; }

    // `heardOnlyBy`: the one party who hears this one (a team lead's
    // whisper to the agent); empty, everyone does.
    void addParty(const QString& party, Listen listen, bool talks, const QString& heardOnlyBy = {});
    void removeParty(const QString& party);
    bool hasParty(const QString& party) const;
    void setListen(const QString& party, Listen listen);
    void setTalks(const QString& party, bool talks);
    void setHeardOnlyBy(const QString& party, const QString& listener);
    std::vector<QString> parties() const;
    std::optional<Listen> listenOf(const QString& party) const;

    // A binary frame from a party's socket. Malformed frames are counted and
    // dropped; false tells the socket owner so it can close abusers.
    bool receive(const QString& party, const QByteArray& bytes);
    // Speech for a party who hears music (queue announcements): these
    // Opus packets, one per tick, in place of the music, then the music
    // again. An empty packet is 20 ms of silence. Dropped if the party
    // stops hearing music (an agent answered).
    void announce(const QString& party, std::shared_ptr<const std::vector<QByteArray>> packets);
    // Every 20 ms: music, ringback and mixes.
    void tick(const SharedFeeds& feeds);

    const Stats& stats() const { return m_stats; }

    // The call's recording, on the mixer's clock: a stereo Ogg Opus file,
    // the customer on the left and the agents on the right, their packets
    // stored as they came (OggOpusWriter::Layout::TwoParties); a whisper,
    // which the customer never heard, is left out. Paused (a
    // card number being read out), it writes silence, so the file keeps the
    // call's timeline and shows where the pause was. Held parties do not
    // talk, so hold music is not recorded.
    struct Recording
    {
        QString path;
        std::int64_t frames = 0;
        std::int64_t pausedFrames = 0;
        std::int64_t unrecordable = 0; // multi-frame packets, kept as silence
        bool paused = false;
    };
    bool startRecording(const QString& path, QString* error);
    void setRecordingPaused(bool paused);
    // Finishes the file; the recording's figures, if there was one.
    std::optional<Recording> stopRecording();
    bool isRecording() const { return m_recorder.isOpen(); }

private:
    struct Leg;

    Leg* find(const QString& party);
    void send(Leg& to, std::uint32_t stream, std::uint32_t sequence, std::uint32_t timestamp,
              protocol::MediaKind kind, std::uint16_t flags, const QByteArray& payload);
    void sendGenerated(Leg& to, const QByteArray& payload);
    void changed(); // who hears whom changed: new output streams
    void record();  // this tick's packets into the recording

    QString m_callId;
    Send m_send;
    Dtmf m_dtmf;
    std::map<QString, std::unique_ptr<Leg>> m_legs;
    Stats m_stats;
    std::uint32_t m_nextStream = 0;
    media::OggOpusWriter m_recorder;
    Recording m_recording;
};

} // namespace qidong::hub
