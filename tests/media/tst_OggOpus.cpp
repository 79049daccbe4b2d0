#include "media/OggOpus.h"
#include "media/Tones.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace qidong::media;

class tst_OggOpus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writtenFramesDecodeBack();
    void notOggOpusIsRefusedWithAReason();
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

QTEST_APPLESS_MAIN(tst_OggOpus)
#include "tst_OggOpus.moc"
