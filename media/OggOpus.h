#pragma once

#include "AudioFrame.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

struct OggOpusEnc;

namespace qidong::media {

// Writes 48 kHz mono frames to an Ogg Opus file with libopusenc: call
// recordings, generated prompts. Not thread-safe; one writer per file.
class OggOpusWriter final
{
public:
    OggOpusWriter() = default;
    ~OggOpusWriter();
    OggOpusWriter(const OggOpusWriter&) = delete;
    OggOpusWriter& operator=(const OggOpusWriter&) = delete;

    // False (with error()) if the file cannot be created.
    bool open(const QString& path, const QString& title, int bitrate = 24000);
    bool isOpen() const { return m_encoder != nullptr; }
    bool write(const AudioFrame& frame);
    // Finishes the stream and closes the file.
    bool close();
    QString error() const { return m_error; }
    std::int64_t framesWritten() const { return m_frames; }

private:
    OggOpusEnc* m_encoder = nullptr;
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
    static std::optional<std::vector<QByteArray>>
    packets(const QByteArray& file, int* preSkip = nullptr, QString* why = nullptr);
};

} // namespace qidong::media
