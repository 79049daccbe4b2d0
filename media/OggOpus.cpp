#include "OggOpus.h"

#include <opus/opus.h>
#include <opus/opus_multistream.h>

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <deque>
#include <memory>
#include <utility>

namespace qidong::media {

namespace {

constexpr int kPacketsPerPage = 50; // one second of audio a page
constexpr int kMaxPacket = 1275;

std::array<std::uint32_t, 256> crcTable()
{
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t r = i << 24;
        for (int bit = 0; bit < 8; ++bit)
            r = (r & 0x80000000u) ? (r << 1) ^ 0x04c11db7u : (r << 1);
        table[i] = r;
    }
    return table;
}

void appendLe16(QByteArray& out, std::uint16_t value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLe32(QByteArray& out, std::uint32_t value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void appendLe64(QByteArray& out, std::int64_t value)
{
    char bytes[8];
    qToLittleEndian(value, bytes);
    out.append(bytes, 8);
}

} // namespace

struct OggOpusWriter::State
{
    struct FreeEncoder
    {
        void operator()(OpusEncoder* encoder) const { opus_encoder_destroy(encoder); }
    };

    QFile file;
    std::unique_ptr<OpusEncoder, FreeEncoder> encoder;
    std::uint32_t serial = 0;
    std::uint32_t pageSequence = 0;
    int preSkip = 0;
    QByteArray silence;        // 20 ms of silence, encoded once
    QList<QByteArray> pending; // packets not yet on a page
    int pendingSegments = 0;
};

OggOpusWriter::OggOpusWriter() = default;

OggOpusWriter::~OggOpusWriter()
{
    close();
}

bool OggOpusWriter::isOpen() const
{
    return m_state != nullptr;
}

std::uint32_t OggOpusWriter::pageCrc(const QByteArray& page)
{
    static const std::array<std::uint32_t, 256> table = crcTable();
    std::uint32_t crc = 0;
    for (const char byte : page)
        crc = (crc << 8) ^ table[((crc >> 24) ^ static_cast<std::uint8_t>(byte)) & 0xff];
    return crc;
}

bool OggOpusWriter::open(const QString& path, const QString& title, int bitrate, Layout layout)
{
    close();
    auto state = std::make_unique<State>();
    int error = OPUS_OK;
    state->encoder.reset(opus_encoder_create(kSampleRate, 1, OPUS_APPLICATION_VOIP, &error));
    if (error != OPUS_OK || !state->encoder) {
        m_error = QString::fromUtf8(opus_strerror(error));
        return false;
    }
    OpusEncoder* encoder = state->encoder.get();
    opus_encoder_ctl(encoder, OPUS_SET_BITRATE(bitrate));
    opus_encoder_ctl(encoder, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
    opus_encoder_ctl(encoder, OPUS_SET_COMPLEXITY(kComplexity));
    {
        // A fresh encoder's second frame of zeros: plain silence.
        const std::unique_ptr<OpusEncoder, State::FreeEncoder> quiet(
            opus_encoder_create(kSampleRate, 1, OPUS_APPLICATION_VOIP, &error));
        const AudioFrame zeros{};
        QByteArray packet(kMaxPacket, Qt::Uninitialized);
        for (int i = 0; i < 2 && quiet; ++i) {
            const opus_int32 bytes =
                opus_encode(quiet.get(), zeros.data(), kFrameSamples,
                            reinterpret_cast<unsigned char*>(packet.data()), kMaxPacket);
            state->silence = packet.left(std::max(0, int(bytes)));
        }
        if (state->silence.isEmpty())
            state->silence = QByteArray(1, char(0xF8)); // a lost frame, at worst
    }
    opus_int32 lookahead = 0;
    opus_encoder_ctl(encoder, OPUS_GET_LOOKAHEAD(&lookahead));
    state->preSkip = int(lookahead);
    state->serial = std::uint32_t(qHash(path) ^ std::uint32_t(QDateTime::currentMSecsSinceEpoch()));
    state->file.setFileName(path);
    if (!state->file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = state->file.errorString();
        return false;
    }
    m_state = std::move(state);
    m_frames = 0;
    // RFC 7845 §5.1: the identification header, then the comment header,
    // each alone on its page.
    const bool twoParties = layout == Layout::TwoParties;
    QByteArray head("OpusHead");
    head.append(char(1)).append(char(twoParties ? 2 : 1));
    appendLe16(head, std::uint16_t(m_state->preSkip));
    appendLe32(head, std::uint32_t(kSampleRate));
    appendLe16(head, 0); // output gain
    if (twoParties) {
        // Family 1, two streams, none coupled: left is stream 0, right 1.
        head.append(char(1)).append(char(2)).append(char(0));
        head.append(char(0)).append(char(1));
    } else {
        head.append(char(0)); // family 0: mono
    }
    QByteArray tags("OpusTags");
    const QByteArray vendor = QByteArrayLiteral("qidong (libopus)");
    appendLe32(tags, std::uint32_t(vendor.size()));
    tags.append(vendor);
    const QList<QByteArray> comments{"TITLE=" + title.toUtf8(),
                                     QByteArrayLiteral("ENCODER=qidong")};
    appendLe32(tags, std::uint32_t(comments.size()));
    for (const QByteArray& comment : comments) {
        appendLe32(tags, std::uint32_t(comment.size()));
        tags.append(comment);
    }
    if (!writePage({head}, 0x02, 0) || !writePage({tags}, 0, 0)) {
        m_state.reset();
        return false;
    }
    return true;
}

QByteArray OggOpusWriter::encode(const AudioFrame& frame)
{
    if (!m_state)
        return {};
    QByteArray packet(kMaxPacket, Qt::Uninitialized);
    const opus_int32 bytes =
        opus_encode(m_state->encoder.get(), frame.data(), kFrameSamples,
                    reinterpret_cast<unsigned char*>(packet.data()), kMaxPacket);
    if (bytes <= 0) {
        m_error = QString::fromUtf8(opus_strerror(bytes));
        return {};
    }
    packet.truncate(bytes);
    return packet;
}

bool OggOpusWriter::write(const AudioFrame& frame)
{
    const QByteArray packet = encode(frame);
    return !packet.isEmpty() && append(packet);
}

bool OggOpusWriter::writePackets(const QByteArray& left, const QByteArray& right)
{
    if (!m_state)
        return false;
    // Real silence, not a missing frame (which the decoder would fill in by
    // stretching what came before).
    const QByteArray& kSilence = m_state->silence;
    // RFC 6716 Appendix B: all but the last stream of a multistream packet
    // are self-delimited, their frame length after the TOC byte.
    bool whole = true;
    QByteArray first = left.isEmpty() ? kSilence : left;
    if ((static_cast<std::uint8_t>(first.at(0)) & 0x3) != 0) {
        whole = false;
        first = kSilence;
    }
    QByteArray second = right.isEmpty() ? kSilence : right;
    if ((static_cast<std::uint8_t>(second.at(0)) & 0x3) != 0) {
        whole = false;
        second = kSilence;
    }
    const qsizetype length = first.size() - 1;
    QByteArray packet;
    packet.reserve(first.size() + second.size() + 2);
    packet.append(first.at(0));
    if (length < 252) {
        packet.append(char(length));
    } else {
        const int low = 252 + int(length & 3);
        packet.append(char(low)).append(char((length - low) >> 2));
    }
    packet.append(first.constData() + 1, length);
    packet.append(second);
    return append(packet) && whole;
}

bool OggOpusWriter::append(const QByteArray& packet)
{
    if (!m_state)
        return false;
    const qsizetype bytes = packet.size();
    // A page holds at most 255 lacing values (one per 255 bytes, plus one).
    const int segments = int(bytes / 255) + 1;
    if (m_state->pendingSegments + segments > 255 && !flushPackets(false))
        return false;
    m_state->pending.append(packet);
    m_state->pendingSegments += segments;
    ++m_frames;
    if (m_state->pending.size() >= kPacketsPerPage)
        return flushPackets(false);
    return true;
}

bool OggOpusWriter::flushPackets(bool last)
{
    // The granule position of a page is where its last packet ends, on
    // the 48 kHz clock, counting the decoder's pre-skip.
    const std::int64_t granule = m_state->preSkip + m_frames * kFrameSamples;
    const QList<QByteArray> packets = std::exchange(m_state->pending, {});
    m_state->pendingSegments = 0;
    return writePage(packets, last ? 0x04 : 0, granule);
}

bool OggOpusWriter::writePage(const QList<QByteArray>& packets, std::uint8_t flags,
                              std::int64_t granule)
{
    QByteArray lacing;
    QByteArray body;
    for (const QByteArray& packet : packets) {
        qsizetype left = packet.size();
        while (left >= 255) {
            lacing.append(char(255));
            left -= 255;
        }
        lacing.append(char(left));
        body.append(packet);
    }
    QByteArray page("OggS");
    page.append(char(0)).append(char(flags));
    appendLe64(page, granule);
    appendLe32(page, m_state->serial);
    appendLe32(page, m_state->pageSequence++);
    appendLe32(page, 0); // checksum, filled in below
    page.append(char(lacing.size()));
    page.append(lacing);
    page.append(body);
    qToLittleEndian(pageCrc(page), page.data() + 22);
    if (m_state->file.write(page) != page.size()) {
        m_error = m_state->file.errorString();
        return false;
    }
    return true;
}

bool OggOpusWriter::close()
{
    if (!m_state)
        return true;
    const bool flushed = flushPackets(true);
    m_state->file.close();
    m_state.reset();
    return flushed;
}

std::optional<std::vector<QByteArray>> OggOpusReader::packets(const QByteArray& file, int* preSkip,
                                                              QString* why, QByteArray* head)
{
    const auto fail = [why](const QString& reason) {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    std::vector<QByteArray> out;
    QByteArray partial;
    int headers = 0;
    qsizetype at = 0;
    const auto* bytes = reinterpret_cast<const uchar*>(file.constData());
    while (at < file.size()) {
        // An Ogg page: "OggS", version, type, granule(8), serial, sequence,
        // CRC, segment count, segment table, then the segments.
        if (file.size() - at < 27 || file.mid(at, 4) != "OggS")
            return fail(QStringLiteral("no Ogg page at byte %1").arg(at));
        const int segments = bytes[at + 26];
        if (file.size() - at < 27 + segments)
            return fail(QStringLiteral("a truncated Ogg page at byte %1").arg(at));
        qsizetype body = at + 27 + segments;
        for (int s = 0; s < segments; ++s) {
            const int length = bytes[at + 27 + s];
            if (body + length > file.size())
                return fail(QStringLiteral("a truncated Ogg segment at byte %1").arg(body));
            partial.append(file.constData() + body, length);
            body += length;
            if (length < 255) { // a packet ends here
                if (headers == 0) {
                    if (!partial.startsWith("OpusHead") || partial.size() < 19)
                        return fail(QStringLiteral("not an Opus stream"));
                    if (preSkip)
                        *preSkip = qFromLittleEndian<quint16>(partial.constData() + 10);
                    if (head)
                        *head = partial;
                    ++headers;
                } else if (headers == 1) {
                    if (!partial.startsWith("OpusTags"))
                        return fail(QStringLiteral("no OpusTags header"));
                    ++headers;
                } else {
                    out.push_back(partial);
                }
                partial.clear();
            }
        }
        at = body;
    }
    if (headers < 2)
        return fail(QStringLiteral("no Opus headers"));
    return out;
}

std::optional<std::vector<std::int16_t>> OggOpusReader::decode(const QByteArray& file, QString* why)
{
    OggOpusStream stream;
    if (!stream.open(file, why))
        return std::nullopt;
    std::vector<std::int16_t> pcm;
    pcm.reserve(std::size_t(stream.sampleCount()));
    AudioFrame frame{};
    while (stream.positionSamples() < stream.sampleCount() && stream.read(frame)) {
        const auto wanted =
            std::min<std::int64_t>(kFrameSamples, stream.sampleCount() - std::int64_t(pcm.size()));
        pcm.insert(pcm.end(), frame.begin(), frame.begin() + wanted);
    }
    return pcm;
}

struct OggOpusStream::State
{
    std::unique_ptr<OpusMSDecoder, void (*)(OpusMSDecoder*)> decoder{
        nullptr, opus_multistream_decoder_destroy};
    int channels = 1;
    int preSkip = 0;
    std::vector<QByteArray> packets;
    std::vector<std::int64_t> starts; // each packet's first sample, pre-skip included
    std::int64_t total = 0;           // samples after the pre-skip
    std::size_t next = 0;             // the packet decoded next
    std::int64_t discard = 0;         // decoded samples to drop before the position
    std::int64_t position = 0;        // of the next sample read(), after the pre-skip
    std::deque<std::int16_t> decoded; // mono, not yet read
    std::vector<std::int16_t> buffer;

    // Decodes one packet, channels summed to mono: a two-party recording
    // plays both sides.
    void decodeNext(bool keep)
    {
        const QByteArray& packet = packets[next++];
        const int samples = opus_multistream_decode(
            decoder.get(), reinterpret_cast<const unsigned char*>(packet.constData()),
            opus_int32(packet.size()), buffer.data(), kMaxPacketSamples, 0);
        if (!keep)
            return;
        for (int i = 0; i < samples; ++i) {
            if (discard > 0) {
                --discard;
                continue;
            }
            int sum = 0;
            for (int c = 0; c < channels; ++c)
                sum += buffer[std::size_t(i * channels + c)];
            decoded.push_back(static_cast<std::int16_t>(std::clamp(sum, -32768, 32767)));
        }
    }

    static constexpr int kMaxPacketSamples = 5760; // 120 ms
};

OggOpusStream::OggOpusStream() = default;
OggOpusStream::~OggOpusStream() = default;

bool OggOpusStream::open(const QByteArray& file, QString* why)
{
    auto state = std::make_unique<State>();
    QByteArray head;
    auto packets = OggOpusReader::packets(file, &state->preSkip, why, &head);
    if (!packets)
        return false;
    // RFC 7845 §5.1.1: family 0 is one stream (mono or stereo); others
    // name their streams and how channels map onto them.
    state->channels = std::max(1, int(static_cast<std::uint8_t>(head.at(9))));
    const int family = head.size() > 18 ? static_cast<std::uint8_t>(head.at(18)) : 0;
    int streams = 1;
    int coupled = state->channels > 1 ? 1 : 0;
    std::vector<unsigned char> mapping{0, 1};
    mapping.resize(std::size_t(state->channels));
    if (family != 0 && head.size() >= 21 + state->channels) {
        streams = static_cast<std::uint8_t>(head.at(19));
        coupled = static_cast<std::uint8_t>(head.at(20));
        for (int c = 0; c < state->channels; ++c)
            mapping[std::size_t(c)] = static_cast<unsigned char>(head.at(21 + c));
    }
    int error = OPUS_OK;
    state->decoder.reset(opus_multistream_decoder_create(kSampleRate, state->channels, streams,
                                                         coupled, mapping.data(), &error));
    if (!state->decoder) {
        if (why)
            *why = QString::fromUtf8(opus_strerror(error));
        return false;
    }
    state->packets = std::move(*packets);
    state->starts.reserve(state->packets.size());
    std::int64_t at = 0;
    for (const QByteArray& packet : state->packets) {
        state->starts.push_back(at);
        // The TOC gives the packet's length (for a multistream packet, its
        // first stream's, which all streams share).
        const int samples =
            opus_packet_get_nb_samples(reinterpret_cast<const unsigned char*>(packet.constData()),
                                       opus_int32(packet.size()), kSampleRate);
        at += samples > 0 ? samples : kFrameSamples;
    }
    state->total = std::max<std::int64_t>(0, at - state->preSkip);
    state->buffer.resize(std::size_t(State::kMaxPacketSamples * state->channels));
    m_state = std::move(state);
    seekSamples(0);
    return true;
}

bool OggOpusStream::isOpen() const
{
    return m_state != nullptr;
}

std::int64_t OggOpusStream::sampleCount() const
{
    return m_state ? m_state->total : 0;
}

std::int64_t OggOpusStream::positionSamples() const
{
    return m_state ? m_state->position : 0;
}

void OggOpusStream::seekSamples(std::int64_t sample)
{
    if (!m_state)
        return;
    State& state = *m_state;
    sample = std::clamp<std::int64_t>(sample, 0, state.total);
    const std::int64_t target = sample + state.preSkip;
    const auto after = std::upper_bound(state.starts.begin(), state.starts.end(), target);
    const std::size_t packet =
        after == state.starts.begin() ? 0 : std::size_t(after - state.starts.begin()) - 1;
    // Opus needs a few packets to converge after a reset (RFC 7845 §4.6
    // recommends 80 ms of pre-roll): decoded, not heard.
    constexpr std::size_t kPreRollPackets = 4;
    opus_multistream_decoder_ctl(state.decoder.get(), OPUS_RESET_STATE);
    state.next = packet > kPreRollPackets ? packet - kPreRollPackets : 0;
    while (state.next < packet)
        state.decodeNext(false);
    state.decoded.clear();
    state.discard = state.starts.empty() ? 0 : target - state.starts[packet];
    state.position = sample;
}

bool OggOpusStream::read(AudioFrame& frame)
{
    if (!m_state || m_state->position >= m_state->total)
        return false;
    State& state = *m_state;
    while (state.decoded.size() < std::size_t(kFrameSamples) && state.next < state.packets.size())
        state.decodeNext(true);
    const auto available = std::min<std::int64_t>(
        {std::int64_t(state.decoded.size()), kFrameSamples, state.total - state.position});
    if (available <= 0)
        return false;
    std::copy_n(state.decoded.begin(), available, frame.begin());
    std::fill(frame.begin() + available, frame.end(), std::int16_t{0});
    state.decoded.erase(state.decoded.begin(), state.decoded.begin() + available);
    state.position += available;
    return true;
}

} // namespace qidong::media
