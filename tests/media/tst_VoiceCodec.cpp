#include "media/AudioFrame.h"
#include "media/Tones.h"
#include "media/VoiceCodec.h"

#include <QTest>

using namespace qidong::media;

namespace {

// Opus's algorithmic delay means the first frames are ramp-up; measure later.
constexpr int kWarmUpFrames = 5;

} // namespace

class tst_VoiceCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aToneSurvivesEncodeAndDecode()
    {
        VoiceEncoder encoder;
        VoiceDecoder decoder;
        ToneGenerator tone(1000.0);
        AudioFrame in{};
        AudioFrame out{};
        for (int i = 0; i < 25; ++i) {
            tone.fill(in);
            const auto packet = encoder.encode(in);
            QVERIFY(!packet.isEmpty());
            // Wideband speech at ~24 kb/s: about 60 bytes a frame.
            QVERIFY2(packet.size() < 200, qPrintable(QString::number(packet.size())));
            QVERIFY(decoder.decode(packet, out));
            if (i < kWarmUpFrames)
                continue;
            QVERIFY2(tonePower(out, 1000.0) > 0.02,
                     qPrintable(QString::number(tonePower(out, 1000.0))));
            QVERIFY(tonePower(out, 1500.0) < 0.001);
        }
    }

    void concealmentContinuesTheSignalThenFades()
    {
        VoiceEncoder encoder;
        VoiceDecoder decoder;
        ToneGenerator tone(440.0);
        AudioFrame in{};
        AudioFrame out{};
        for (int i = 0; i < 20; ++i) {
            tone.fill(in);
            QVERIFY(decoder.decode(encoder.encode(in), out));
        }
        decoder.conceal(out);
        QVERIFY2(rmsDbfs(out) > -30.0, "the first concealed frame carries the tone on");
        for (int i = 0; i < 30; ++i)
            decoder.conceal(out);
        QVERIFY2(rmsDbfs(out) < rmsDbfs(in) - 20.0, "long concealment fades out");
    }

    void fecRebuildsALostFrame()
    {
        VoiceEncoder encoder({.bitrate = 24000, .complexity = 5, .expectedLossPercent = 20});
        VoiceDecoder decoder;
        ToneGenerator tone(700.0);
        AudioFrame in{};
        AudioFrame out{};
        QByteArray lost;
        for (int i = 0; i < 30; ++i) {
            tone.fill(in);
            const auto packet = encoder.encode(in);
            if (i == 20) {
                lost = packet;
                continue;
            }
            if (i == 21)
                QVERIFY(decoder.recover(packet, out));
            QVERIFY(decoder.decode(packet, out));
        }
        QVERIFY(tonePower(out, 700.0) > 0.02);
    }

    void refusesGarbageWithoutCrashing()
    {
        VoiceDecoder decoder;
        AudioFrame out{};
        out.fill(1234);
        QVERIFY(!decoder.decode(QByteArray("\xff\xff\xff\xff\xff\xff\xff\xff", 8), out));
        // Refused packets become concealment (here: silence, nothing heard yet).
        QCOMPARE(peakDbfs(out), -96.0);
    }

    void levelsAndMixing()
    {
        AudioFrame frame{};
        QCOMPARE(peakDbfs(frame), -96.0);
        ToneGenerator(1000.0, 0.0, 0.5).fill(frame);
        QVERIFY(qAbs(peakDbfs(frame) - (-6.02)) < 0.1);
        QVERIFY(qAbs(rmsDbfs(frame) - (-9.03)) < 0.1);
        std::array<std::int32_t, kFrameSamples> sum{};
        accumulate(sum, frame);
        accumulate(sum, frame);
        accumulate(sum, frame);
        AudioFrame mixed{};
        saturate(sum, mixed);
        QCOMPARE(*std::max_element(mixed.begin(), mixed.end()), std::int16_t(32767));
        QCOMPARE(*std::min_element(mixed.begin(), mixed.end()), std::int16_t(-32768));
    }

    void dtmfKeysHaveTheirTwoTones()
    {
        const auto five = dtmfFrequencies(u'5');
        QCOMPARE(five.low, 770.0);
        QCOMPARE(five.high, 1336.0);
        QCOMPARE(dtmfFrequencies(u'#').high, 1477.0);
        QCOMPARE(dtmfFrequencies(u'x').low, 0.0);
        AudioFrame frame{};
        ToneGenerator(five.low, five.high, 0.5).fill(frame);
        QVERIFY(tonePower(frame, 770.0) > 0.01);
        QVERIFY(tonePower(frame, 1336.0) > 0.01);
        QVERIFY(tonePower(frame, 697.0) < tonePower(frame, 770.0) / 10);
    }

    void holdMusicIsAudibleAndNotClipped()
    {
        HoldMusic music;
        AudioFrame frame{};
        double loudest = -96.0;
        for (int i = 0; i < 100; ++i) {
            music.fill(frame);
            loudest = std::max(loudest, peakDbfs(frame));
        }
        QVERIFY(loudest > -30.0);
        QVERIFY(loudest < -3.0);
    }
};

QTEST_GUILESS_MAIN(tst_VoiceCodec)
#include "tst_VoiceCodec.moc"
