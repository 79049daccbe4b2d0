#include "OggOpus.h"

#include <opus/opus.h>
#include <opus/opusenc.h>

#include <QFile>
#include <QtEndian>

#include <memory>

namespace qidong::media {

OggOpusWriter::~OggOpusWriter()
{
    close();
}

bool OggOpusWriter::open(const QString& path, const QString& title, int bitrate)
{
    close();
    OggOpusComments* comments = ope_comments_create();
    ope_comments_add(comments, "TITLE", title.toUtf8().constData());
    ope_comments_add(comments, "ENCODER", "qidong");
    int error = OPE_OK;
    m_encoder = ope_encoder_create_file(QFile::encodeName(path).constData(), comments, kSampleRate,
                                        1, 0, &error);
    ope_comments_destroy(comments);
    if (!m_encoder) {
        m_error = QString::fromUtf8(ope_strerror(error));
        return false;
    }
    ope_encoder_ctl(m_encoder, OPUS_SET_BITRATE(bitrate));
    ope_encoder_ctl(m_encoder, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
    m_frames = 0;
    return true;
}

bool OggOpusWriter::write(const AudioFrame& frame)
{
    if (!m_encoder)
        return false;
    const int result = ope_encoder_write(m_encoder, frame.data(), kFrameSamples);
    if (result != OPE_OK) {
        m_error = QString::fromUtf8(ope_strerror(result));
        return false;
    }
    ++m_frames;
    return true;
}

bool OggOpusWriter::close()
{
    if (!m_encoder)
        return true;
    const int result = ope_encoder_drain(m_encoder);
    ope_encoder_destroy(m_encoder);
    m_encoder = nullptr;
    if (result != OPE_OK)
        m_error = QString::fromUtf8(ope_strerror(result));
    return result == OPE_OK;
}

std::optional<std::vector<QByteArray>> OggOpusReader::packets(const QByteArray& file, int* preSkip,
                                                              QString* why)
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
    int preSkip = 0;
    const auto packets = OggOpusReader::packets(file, &preSkip, why);
    if (!packets)
        return std::nullopt;
    int error = OPUS_OK;
    const std::unique_ptr<OpusDecoder, void (*)(OpusDecoder*)> decoder(
        opus_decoder_create(kSampleRate, 1, &error), opus_decoder_destroy);
    if (!decoder) {
        if (why)
            *why = QString::fromUtf8(opus_strerror(error));
        return std::nullopt;
    }
    std::vector<std::int16_t> pcm;
    std::vector<std::int16_t> buffer(5760); // 120 ms, Opus's longest packet
    for (const QByteArray& packet : *packets) {
        const int samples =
            opus_decode(decoder.get(), reinterpret_cast<const unsigned char*>(packet.constData()),
                        opus_int32(packet.size()), buffer.data(), int(buffer.size()), 0);
        if (samples > 0)
            pcm.insert(pcm.end(), buffer.begin(), buffer.begin() + samples);
    }
    pcm.erase(pcm.begin(),
              pcm.begin() + std::min<std::ptrdiff_t>(preSkip, std::ptrdiff_t(pcm.size())));
    return pcm;
}

} // namespace qidong::media
