#include "PulseDevices.h"
#include "core/supervisor/RecordingPlayback.h"
#include "media/OggOpus.h"
#include "media/Tones.h"

#include <QAudioDevice>
#include <QCoreApplication>
#include <QFile>
#include <QMediaDevices>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QTest>

using namespace qidong;
using namespace qidong::test;

// A call recording played on a real PulseAudio device (a null sink whose
// monitor the test records): what is heard follows play, seek and pause,
// the end stops by itself, and a device that goes away leaves it playing on
// the default output.
class tst_RecordingPlayback final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void playsSeeksPausesAndEnds();
    void aDeviceThatGoesFallsBackToTheDefault();
    void notOggOpusIsRefused();

private:
    QByteArray m_recording; // 2 s of 1000 Hz, then 2 s of 2000 Hz
    QString m_sinkName;
    std::unique_ptr<PulseModule> m_sink;
};

void tst_RecordingPlayback::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("PULSE_SERVER") ||
                 !QMediaDevices::audioOutputs().isEmpty(),
             "no PulseAudio: run through tools/test");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("call.opus"));
    media::OggOpusWriter writer;
    QVERIFY(writer.open(path, QStringLiteral("i-playback")));
    for (const double hz : {1000.0, 2000.0}) {
        media::ToneGenerator tone(hz);
        for (int i = 0; i < 100; ++i) {
            media::AudioFrame frame{};
            tone.fill(frame);
            QVERIFY(writer.write(frame));
        }
    }
    QVERIFY(writer.close());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_recording = file.readAll();
}

void tst_RecordingPlayback::init()
{
    m_sinkName =
        QStringLiteral("qidong_review_") + QString::number(QCoreApplication::applicationPid());
    m_sink = std::make_unique<PulseModule>(QStringLiteral("module-null-sink"),
                                           QStringList{QStringLiteral("sink_name=") + m_sinkName});
    QVERIFY(m_sink->isLoaded());
    QTRY_VERIFY([this] {
        for (const QAudioDevice& device : QMediaDevices::audioOutputs())
            if (device.id() == m_sinkName.toUtf8())
                return true;
        return false;
    }());
}

void tst_RecordingPlayback::cleanup()
{
    m_sink.reset();
}

void tst_RecordingPlayback::playsSeeksPausesAndEnds()
{
    core::RecordingPlayback playback;
    QSignalSpy loaded(&playback, &core::RecordingPlayback::loaded);
    QVERIFY(playback.load(m_recording));
    QCOMPARE(loaded.size(), 1);
    QVERIFY(std::abs(playback.durationMs() - 4000) < 40);
    playback.setOutputDevice(m_sinkName.toUtf8());
    PcmRecorder ear(m_sinkName + QStringLiteral(".monitor"));

    playback.play();
    QVERIFY(playback.isPlaying());
    QVERIFY(ear.waitToHear(1000.0));
    QTRY_VERIFY(playback.positionMs() > 300);
    QVERIFY(playback.positionMs() < 2000);

    // To the second half while playing: the other tone, at once.
    playback.seek(2500);
    QVERIFY(playback.isPlaying());
    QVERIFY(ear.waitToHear(2000.0, 0.01, 2000));
    QVERIFY(playback.positionMs() >= 2500);

    // A pause is silence and holds the moment.
    playback.pause();
    QVERIFY(!playback.isPlaying());
    const qint64 paused = playback.positionMs();
    QTest::qWait(500);
    QVERIFY(ear.heard(2000.0) < 0.001);
    QCOMPARE(playback.positionMs(), paused);

    // Played on, it ends by itself, at the end.
    QSignalSpy playing(&playback, &core::RecordingPlayback::playingChanged);
    playback.play();
    QVERIFY(ear.waitToHear(2000.0));
    QTRY_VERIFY_WITH_TIMEOUT(!playback.isPlaying(), 5000);
    QCOMPARE(playback.positionMs(), playback.durationMs());
    QCOMPARE(playing.last().at(0).toBool(), false);
    // Play again starts over.
    playback.play();
    QVERIFY(ear.waitToHear(1000.0));
    playback.clear();
    QVERIFY(!playback.isPlaying());
    QVERIFY(!playback.isLoaded());
}

void tst_RecordingPlayback::aDeviceThatGoesFallsBackToTheDefault()
{
    // As a call does: the headset pulled out, the recording goes on from
    // the same moment on the default output.
    core::RecordingPlayback playback;
    QVERIFY(playback.load(m_recording));
    playback.setOutputDevice(m_sinkName.toUtf8());
    QSignalSpy failed(&playback, &core::RecordingPlayback::failed);
    PcmRecorder speaker(QStringLiteral("qidong_speaker.monitor"));
    playback.play();
    QTRY_VERIFY(playback.positionMs() > 500);
    QVERIFY(speaker.heard(1000.0) < 0.001); // not there yet
    m_sink->unload();
    QVERIFY(speaker.waitToHear(1000.0));
    QVERIFY(playback.isPlaying());
    const qint64 moved = playback.positionMs();
    QTRY_VERIFY(playback.positionMs() > moved + 300);
    QVERIFY(failed.isEmpty());
}

void tst_RecordingPlayback::notOggOpusIsRefused()
{
    core::RecordingPlayback playback;
    QVERIFY(!playback.load(QByteArrayLiteral("RIFF....WAVEfmt ")));
    QVERIFY(!playback.error().isEmpty());
    QVERIFY(!playback.isLoaded());
    playback.play(); // nothing to play: nothing happens
    QVERIFY(!playback.isPlaying());
}

QTEST_MAIN(tst_RecordingPlayback)
#include "tst_RecordingPlayback.moc"
