#pragma once

#include "Result.h"

#include <QByteArray>
#include <QChar>

#include <cstdint>
#include <optional>

namespace qidong::protocol {

// One binary frame on a call's media socket (docs/protocol.md §12). A
// 16-byte header, big-endian, then the payload:
//   0  version (1)         1  kind            2..3  flags
//   4..7  stream id        8..11  sequence    12..15  timestamp (48 kHz)
// Audio payloads are one Opus packet of 20 ms; a DTMF payload is the
// RFC 4733 telephone-event body. Sequence numbers are 32-bit so a call
// never wraps; the timestamp is RTP-style and may wrap.
enum class MediaKind : std::uint8_t
{
    Opus = 0,
    Dtmf = 1,
    // Hub to leg only: this leg is over (payload: the reason, UTF-8). The
    // leg stops sending and closes; the hub closes it shortly after anyway.
    // Said in-band first because a socket closed while the far side still
    // sends is reset, and the reset can swallow the close frame.
    Bye = 2,
};

struct MediaFrame final
{
    static constexpr std::uint8_t kVersion = 1;
    static constexpr int kHeaderSize = 16;
    static constexpr int kMaxPayload = 1500;
    static constexpr std::uint16_t kMarker = 0x0001; // first frame after silence or a jump

    MediaKind kind = MediaKind::Opus;
    std::uint16_t flags = 0;
    std::uint32_t stream = 0;
    std::uint32_t sequence = 0;
    std::uint32_t timestamp = 0;
    QByteArray payload{};

    QByteArray encode() const;
    // Refuses short, oversized, unknown-version and unknown-kind frames.
    static Result<MediaFrame> decode(const QByteArray& bytes);
    friend bool operator==(const MediaFrame&, const MediaFrame&) = default;
};

// RFC 4733 §2.3: event (0-9, 10 '*', 11 '#', 12-15 A-D), end bit, volume
// (-dBm0, 0..63) and duration in timestamp units.
struct DtmfEvent final
{
    std::uint8_t event = 0;
    bool end = false;
    std::uint8_t volume = 10;
    std::uint16_t duration = 0;

    QByteArray encode() const;
    static Result<DtmfEvent> decode(const QByteArray& payload);
    static std::optional<std::uint8_t> eventOf(QChar key);
    static QChar keyOf(std::uint8_t event);
    friend bool operator==(const DtmfEvent&, const DtmfEvent&) = default;
};

} // namespace qidong::protocol
