#include "media/FormatConverter.h"
#include "media/Tones.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <numbers>
#include <vector>

using namespace qidong::media;
using Format = FormatConverter::DeviceFormat;

class tst_FormatConverter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nativeFormatIsAPlainCopy();
    void stereoFloatAt44kBecomesMono48kFrames();
    void playbackIsResampledToTheDevice();
};

void tst_FormatConverter::nativeFormatIsAPlainCopy()
{
    FormatConverter converter(Format{});
    AudioFrame tone{};
    ToneGenerator(700.0).fill(tone);
    const QByteArray bytes = converter.toDevice(tone);
    QCOMPARE(bytes.size(), qsizetype(kFrameSamples * 2));
    // Split oddly, as a device delivers: half a sample, then the rest.
    converter.pushCaptured(bytes.left(1));
    AudioFrame out{};
    QVERIFY(!converter.takeFrame(out));
    converter.pushCaptured(bytes.mid(1));
    QVERIFY(converter.takeFrame(out));
    QVERIFY(out == tone);
    QVERIFY(!converter.takeFrame(out));
}

void tst_FormatConverter::stereoFloatAt44kBecomesMono48kFrames()
{
    FormatConverter converter(Format{44100, 2, FormatConverter::Sample::Float});
    // One second of 1 kHz on the left channel only, 0.5 full scale.
    QByteArray bytes;
    for (int i = 0; i < 44100; ++i) {
        const float left = 0.5f * float(std::sin(2.0 * std::numbers::pi * 1000.0 * i / 44100.0));
        const float right = 0.0f;
        bytes.append(reinterpret_cast<const char*>(&left), 4);
        bytes.append(reinterpret_cast<const char*>(&right), 4);
    }
    converter.pushCaptured(bytes);
    int frames = 0;
    std::vector<std::int16_t> all;
    AudioFrame frame{};
    while (converter.takeFrame(frame)) {
        ++frames;
        all.insert(all.end(), frame.begin(), frame.end());
    }
    QVERIFY2(frames >= 48 && frames <= 50, qPrintable(QString::number(frames))); // ~1 s
    const std::span<const std::int16_t> steady(all.data() + 4800, 24000);
    // Mixed down: half the level, so a quarter of a 0.5 tone's power.
    const double power = tonePower(steady, 1000.0);
    QVERIFY2(power > 0.05 && power < 0.08, qPrintable(QString::number(power)));
    QVERIFY(tonePower(steady, 1500.0) < 0.001);
}

void tst_FormatConverter::playbackIsResampledToTheDevice()
{
    FormatConverter converter(Format{16000, 2, FormatConverter::Sample::Int16});
    ToneGenerator generator(500.0, 0.0, 0.5);
    std::vector<std::int16_t> left;
    for (int i = 0; i < 50; ++i) {
        AudioFrame frame{};
        generator.fill(frame);
        const QByteArray bytes = converter.toDevice(frame);
        QCOMPARE(bytes.size() % 4, 0);
        for (qsizetype at = 0; at < bytes.size(); at += 4) {
            std::int16_t l;
            std::int16_t r;
            std::memcpy(&l, bytes.constData() + at, 2);
            std::memcpy(&r, bytes.constData() + at + 2, 2);
            QCOMPARE(l, r);
            left.push_back(l);
        }
    }
    QVERIFY2(std::abs(int(left.size()) - 16000) < 200, qPrintable(QString::number(left.size())));
    // Measured at the device's rate: 500 Hz at 16 kHz is 1500 Hz at 48 kHz
    // in tonePower's terms, since it assumes 48 kHz.
    const std::span<const std::int16_t> steady(left.data() + 1600, 8000);
    QVERIFY(tonePower(steady, 1500.0) > 0.15);
}

QTEST_APPLESS_MAIN(tst_FormatConverter)
#include "tst_FormatConverter.moc"
