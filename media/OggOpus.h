#pragma once

#include "AudioFrame.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace qidong::media {

// Writes 48 kHz mono frames to an Ogg Opus file (RFC 7845): call
// recordings. libopus encodes, this class does the Ogg pages itself. Not
// thread-safe; one writer per file.
//
// Why not libopusenc: it asks the encoder for its state on every write,
// and libopus answers that with a CPUID, which a virtual machine traps;
// a hub recording 100 calls spent a third of its media thread there.
class OggOpusWriter final
{
public:
    // Speech kept for the record loses nothing audible at 2; libopusenc's
    // default of 10 cost several times as much.
    static constexpr int kComplexity = 2;

    OggOpusWriter();
    ~OggOpusWriter();
    OggOpusWriter(const OggOpusWriter&) = delete;
    OggOpusWriter& operator=(const OggOpusWriter&) = delete;

    // Mono: frames encoded here. TwoParties: stereo, the customer on the
    // left and the agents on the right, each channel its own Opus stream
    // (mapping family 1, two uncoupled streams), taking the parties'
    // packets as they came: nothing decoded, nothing encoded again.
    enum class Layout
    {
        Mono,
        TwoParties,
    };

    // False (with error()) if the file cannot be created.
    bool open(const QString& path, const QString& title, int bitrate = 24000,
              Layout layout = Layout::Mono);
    bool isOpen() const;
    bool write(const AudioFrame& frame); // Mono
    // TwoParties: one 20 ms Opus packet per side (empty: silence there).
    // False if a packet holds more than one frame (it is recorded as
    // silence; our legs always send single 20 ms frames).
    bool writePackets(const QByteArray& left, const QByteArray& right);
    // A 20 ms frame of this side, as Opus in the file's format (for a side
    // whose voices had to be mixed).
    QByteArray encode(const AudioFrame& frame);
    // Finishes the stream (the last page marked end of stream) and closes
    // the file.
    bool close();
    QString error() const { return m_error; }
    std::int64_t framesWritten() const { return m_frames; }

    // The Ogg page checksum (CRC-32, polynomial 0x04c11db7, no reflection)
    // of a page whose checksum field is zero.
    static std::uint32_t pageCrc(const QByteArray& page);

private:
    struct State;
    bool writePage(const QList<QByteArray>& packets, std::uint8_t flags, std::int64_t granule);
    bool append(const QByteArray& packet);
    bool flushPackets(bool last);

    std::unique_ptr<State> m_state;
    QString m_error;
    std::int64_t m_frames = 0;
};

// Reads an Ogg Opus file (one mono or stereo stream) back to 48 kHz mono
// PCM: enough Ogg to find the packets, libopus to decode them. For tests of
// recordings and for playing shipped prompts.
class OggOpusReader final
{
public:
    // The decoded samples without the encoder's pre-skip, or nothing (with
    // the reason) if the file is not Ogg Opus.
    static std::optional<std::vector<std::int16_t>> decode(const QByteArray& file,
                                                           QString* why = nullptr);
    // The Opus packets in order (headers excluded).
    static std::optional<std::vector<QByteArray>> packets(const QByteArray& file,
                                                          int* preSkip = nullptr,
                                                          QString* why = nullptr,
                                                          QByteArray* head = nullptr);
};

// Plays an Ogg Opus file from any moment: the packets are kept as they
// came (a call's hour is ~20 MB, not the 330 MB of its PCM) and decoded
// 20 ms at a time, channels summed to 48 kHz mono. A seek resets the
// decoder and decodes 80 ms before the moment unheard, as RFC 7845
// recommends, so what follows sounds as it did in the call.
class OggOpusStream final
{
public:
    OggOpusStream();
    ~OggOpusStream();
    OggOpusStream(const OggOpusStream&) = delete;
    OggOpusStream& operator=(const OggOpusStream&) = delete;

    // False (with the reason) if the bytes are not Ogg Opus.
    bool open(const QByteArray& file, QString* why = nullptr);
    bool isOpen() const;
    // 48 kHz samples, the encoder's pre-skip left out.
    std::int64_t sampleCount() const;
    std::int64_t positionSamples() const;
    void seekSamples(std::int64_t sample);
    // The next 20 ms (the last one padded with silence); false at the end.
    bool read(AudioFrame& frame);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace qidong::media
