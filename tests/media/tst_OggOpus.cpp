#include "media/OggOpus.h"
#include "media/Tones.h"
#include "media/VoiceCodec.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace qidong::media;

class tst_OggOpus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writtenFramesDecodeBack();
    void pagesAreWellFormed();
    void twoPartiesKeepTheirPacketsSideBySide();
    void notOggOpusIsRefusedWithAReason();
    void aStreamPlaysFromAnyMoment();
};

void tst_OggOpus::writtenFramesDecodeBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("call.opus"));
    OggOpusWriter writer;
    QVERIFY2(writer.open(path, QStringLiteral("i-test")), qPrintable(writer.error()));
    ToneGenerator tone(800.0);
    for (int i = 0; i < 100; ++i) { // 2 s: a second of tone, a second of silence
        AudioFrame frame{};
        if (i < 50)
            tone.fill(frame);
        QVERIFY(writer.write(frame));
    }
    QCOMPARE(writer.framesWritten(), 100);
    QVERIFY(writer.close());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("OggS"));
    QVERIFY2(bytes.size() < 12000, qPrintable(QString::number(bytes.size()))); // ~24 kb/s
    QString why;
    const auto pcm = OggOpusReader::decode(bytes, &why);
    QVERIFY2(pcm.has_value(), qPrintable(why));
    QVERIFY2(std::abs(int(pcm->size()) - 96000) < 960 * 2,
             qPrintable(QString::number(pcm->size())));
    const Samples first(pcm->data() + 4800, 38400);
    const Samples second(pcm->data() + 52800, 38400);
    QVERIFY(tonePower(first, 800.0) > 0.03);
    QVERIFY(rmsDbfs(second) < -60.0);
}

void tst_OggOpus::pagesAreWellFormed()
{
    // RFC 7845 / RFC 3533: checksums, sequence, BOS then EOS, the granule
    // position rising to pre-skip + every sample written; big packets
    // (a loud noise at a high bitrate) spill onto more pages.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("loud.opus"));
    OggOpusWriter writer;
    QVERIFY(writer.open(path, QStringLiteral("i-loud"), 510000));
    std::uint32_t noise = 1;
    for (int i = 0; i < 260; ++i) {
        AudioFrame frame{};
        for (std::int16_t& sample : frame) {
            noise = noise * 1664525u + 1013904223u;
            sample = static_cast<std::int16_t>(noise >> 16);
        }
        QVERIFY(writer.write(frame));
    }
    QVERIFY(writer.close());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();

    qsizetype at = 0;
    std::uint32_t expectedSequence = 0;
    std::int64_t lastGranule = -1;
    int pages = 0;
    int preSkip = -1;
    bool sawEnd = false;
    while (at < bytes.size()) {
        QVERIFY(!sawEnd); // nothing after the end of stream
        QCOMPARE(bytes.mid(at, 4), QByteArrayLiteral("OggS"));
        const auto* header = reinterpret_cast<const uchar*>(bytes.constData() + at);
        const std::uint8_t flags = header[5];
        const auto granule = qFromLittleEndian<std::int64_t>(header + 6);
        const auto sequence = qFromLittleEndian<std::uint32_t>(header + 18);
        const auto crc = qFromLittleEndian<std::uint32_t>(header + 22);
        const int segments = header[26];
        qsizetype bodySize = 0;
        for (int i = 0; i < segments; ++i)
            bodySize += header[27 + i];
        const qsizetype pageSize = 27 + segments + bodySize;
        QByteArray page = bytes.mid(at, pageSize);
        QCOMPARE(page.size(), pageSize);
        page.replace(22, 4, QByteArray(4, '\0'));
        QCOMPARE(OggOpusWriter::pageCrc(page), crc);
        QCOMPARE(sequence, expectedSequence++);
        QCOMPARE(bool(flags & 0x02), pages == 0); // beginning of stream: the first page only
        if (pages == 0)
            preSkip = qFromLittleEndian<std::uint16_t>(header + 27 + segments + 10);
        QVERIFY(granule >= lastGranule);
        lastGranule = granule;
        sawEnd = flags & 0x04;
        at += pageSize;
        ++pages;
    }
    QVERIFY(sawEnd);
    QVERIFY(preSkip > 0);
    QCOMPARE(lastGranule, std::int64_t(preSkip) + 260 * kFrameSamples);
    // Big packets take several lacing values each: a miscounted page would
    // have broken the walk above; every packet is there.
    const auto packets = OggOpusReader::packets(bytes);
    QVERIFY(packets.has_value());
    QCOMPARE(packets->size(), std::size_t(260));
    QString why;
    QVERIFY2(OggOpusReader::decode(bytes, &why).has_value(), qPrintable(why));
}

void tst_OggOpus::twoPartiesKeepTheirPacketsSideBySide()
{
    // The customer's and the agent's own encoders, as on a call; the file
    // stores their packets as they are (one stream each).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("call.opus"));
    OggOpusWriter writer;
    QVERIFY(writer.open(path, QStringLiteral("i-two"), 24000, OggOpusWriter::Layout::TwoParties));
    VoiceEncoder customer;
    VoiceEncoder agent;
    ToneGenerator customerTone(800.0);
    ToneGenerator agentTone(1200.0);
    for (int i = 0; i < 150; ++i) { // 1 s both, 1 s the customer alone, 1 s nobody
        AudioFrame left{};
        AudioFrame right{};
        customerTone.fill(left);
        agentTone.fill(right);
        QVERIFY(writer.writePackets(i < 100 ? customer.encode(left) : QByteArray(),
                                    i < 50 ? agent.encode(right) : QByteArray()));
    }
    QVERIFY(writer.close());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto pcm = OggOpusReader::decode(file.readAll());
    QVERIFY(pcm.has_value());
    QVERIFY2(std::abs(int(pcm->size()) - 144000) < 960 * 2,
             qPrintable(QString::number(pcm->size())));
    const Samples both(pcm->data() + 9600, 28800);
    const Samples customerOnly(pcm->data() + 57600, 28800);
    const Samples nobody(pcm->data() + 105600, 28800);
    QVERIFY(tonePower(both, 800.0) > 0.01);
    QVERIFY(tonePower(both, 1200.0) > 0.01);
    QVERIFY(tonePower(customerOnly, 800.0) > 0.01);
    QVERIFY(tonePower(customerOnly, 1200.0) < 0.001);
    QVERIFY(rmsDbfs(nobody) < -60.0);
}

void tst_OggOpus::notOggOpusIsRefusedWithAReason()
{
    QString why;
    QVERIFY(!OggOpusReader::decode(QByteArrayLiteral("RIFF....WAVE"), &why).has_value());
    QVERIFY(why.contains(QStringLiteral("Ogg")));
    QByteArray truncated("OggS");
    truncated.append(QByteArray(30, '\x01'));
    QVERIFY(!OggOpusReader::decode(truncated, &why).has_value());
    QVERIFY(!why.isEmpty());
}

void tst_OggOpus::aStreamPlaysFromAnyMoment()
{
    // Three seconds: 500 Hz, then 1000 Hz, then 1500 Hz.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("call.opus"));
    OggOpusWriter writer;
    QVERIFY(writer.open(path, QStringLiteral("i-seek")));
    for (const double hz : {500.0, 1000.0, 1500.0}) {
        ToneGenerator tone(hz);
        for (int i = 0; i < 50; ++i) {
            AudioFrame frame{};
            tone.fill(frame);
            QVERIFY(writer.write(frame));
        }
    }
    QVERIFY(writer.close());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const auto whole = OggOpusReader::decode(bytes);
    QVERIFY(whole.has_value());

    OggOpusStream stream;
    QVERIFY(stream.open(bytes));
    QCOMPARE(stream.sampleCount(), std::int64_t(whole->size()));
    QVERIFY(std::abs(stream.sampleCount() - 144000) < 960 * 2);
    const auto heard = [&stream](int frames) {
        std::vector<std::int16_t> pcm;
        AudioFrame frame{};
        for (int i = 0; i < frames && stream.read(frame); ++i)
            pcm.insert(pcm.end(), frame.begin(), frame.end());
        return pcm;
    };
    const auto at = [&](qint64 ms, double hz) {
        stream.seekSamples(ms * 48);
        if (stream.positionSamples() != ms * 48)
            return false;
        const std::vector<std::int16_t> pcm = heard(10); // 200 ms
        const Samples samples(pcm.data(), qsizetype(pcm.size()));
        return tonePower(samples, hz) > 0.03;
    };
    QVERIFY(at(2500, 1500.0));
    QVERIFY(at(1500, 1000.0));
    QVERIFY(at(200, 500.0));
    QVERIFY(!at(200, 1500.0));

    // After the pre-roll a seek sounds as the whole decode did there.
    stream.seekSamples(48000 + 4800);
    const std::vector<std::int16_t> sought = heard(5);
    double difference = 0;
    double power = 0;
    for (std::size_t i = 0; i < sought.size(); ++i) {
        const double reference = (*whole)[48000 + 4800 + i];
        difference += (sought[i] - reference) * (sought[i] - reference);
        power += reference * reference;
    }
    QVERIFY2(difference < power / 100.0, "more than 1 % of the signal differs after a seek");

    // To the end: what is left, then nothing; past the end is the end.
    stream.seekSamples(stream.sampleCount() - 48 * 500);
    QVERIFY(std::abs(qsizetype(heard(1000).size()) - 24000) <= 960);
    AudioFrame frame{};
    QVERIFY(!stream.read(frame));
    QCOMPARE(stream.positionSamples(), stream.sampleCount());
    stream.seekSamples(stream.sampleCount() + 100000);
    QVERIFY(!stream.read(frame));
    QVERIFY(!OggOpusStream().read(frame));
}

QTEST_APPLESS_MAIN(tst_OggOpus)
#include "tst_OggOpus.moc"
