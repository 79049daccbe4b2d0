#include "MediaFrame.h"

#include <QtEndian>

namespace qidong::protocol {

namespace {

Error invalid(const QString& why)
{
    return makeError(ErrorCode::InvalidMessage, QStringLiteral("media frame: ") + why);
}

} // namespace

QByteArray MediaFrame::encode() const
{
    QByteArray bytes(kHeaderSize + payload.size(), Qt::Uninitialized);
    auto* out = reinterpret_cast<uchar*>(bytes.data());
    out[0] = kVersion;
    out[1] = static_cast<uchar>(kind);
    qToBigEndian<quint16>(flags, out + 2);
    qToBigEndian<quint32>(stream, out + 4);
    qToBigEndian<quint32>(sequence, out + 8);
    qToBigEndian<quint32>(timestamp, out + 12);
    std::copy(payload.cbegin(), payload.cend(), bytes.begin() + kHeaderSize);
    return bytes;
}

Result<MediaFrame> MediaFrame::decode(const QByteArray& bytes)
{
    if (bytes.size() < kHeaderSize)
        return invalid(QStringLiteral("%1 bytes is shorter than the header").arg(bytes.size()));
    if (bytes.size() > kHeaderSize + kMaxPayload)
        return invalid(QStringLiteral("%1 bytes is over the limit").arg(bytes.size()));
    const auto* in = reinterpret_cast<const uchar*>(bytes.constData());
    if (in[0] != kVersion)
        return invalid(QStringLiteral("version %1 is not supported").arg(in[0]));
    if (in[1] > static_cast<uchar>(MediaKind::Bye))
        return invalid(QStringLiteral("kind %1 is unknown").arg(in[1]));
    MediaFrame frame;
    frame.kind = static_cast<MediaKind>(in[1]);
    frame.flags = qFromBigEndian<quint16>(in + 2);
    frame.stream = qFromBigEndian<quint32>(in + 4);
    frame.sequence = qFromBigEndian<quint32>(in + 8);
    frame.timestamp = qFromBigEndian<quint32>(in + 12);
    frame.payload = bytes.mid(kHeaderSize);
    if (frame.kind == MediaKind::Opus && frame.payload.isEmpty())
        return invalid(QStringLiteral("an audio frame has no payload"));
    return frame;
}

QByteArray DtmfEvent::encode() const
{
    QByteArray bytes(4, Qt::Uninitialized);
    auto* out = reinterpret_cast<uchar*>(bytes.data());
    out[0] = event;
    out[1] = static_cast<uchar>((end ? 0x80 : 0x00) | (volume & 0x3f));
    qToBigEndian<quint16>(duration, out + 2);
    return bytes;
}

Result<DtmfEvent> DtmfEvent::decode(const QByteArray& payload)
{
    if (payload.size() != 4)
        return invalid(QStringLiteral("a DTMF event is 4 bytes, not %1").arg(payload.size()));
    const auto* in = reinterpret_cast<const uchar*>(payload.constData());
    if (in[0] > 15)
        return invalid(QStringLiteral("DTMF event %1 is not a key").arg(in[0]));
    DtmfEvent event;
    event.event = in[0];
    event.end = (in[1] & 0x80) != 0;
    event.volume = in[1] & 0x3f;
    event.duration = qFromBigEndian<quint16>(in + 2);
    return event;
}

std::optional<std::uint8_t> DtmfEvent::eventOf(QChar key)
{
    static constexpr char16_t kKeys[] = u"0123456789*#ABCD";
    for (std::uint8_t i = 0; i < 16; ++i) {
        if (key.toUpper() == QChar(kKeys[i]))
            return i;
    }
    return std::nullopt;
}

QChar DtmfEvent::keyOf(std::uint8_t event)
{
    static constexpr char16_t kKeys[] = u"0123456789*#ABCD";
    return event < 16 ? QChar(kKeys[event]) : QChar();
}

} // namespace qidong::protocol
