#include "core/alerts/Ringer.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QSignalSpy>
#include <QtTest/QTest>

using namespace qidong::core;

// Through a real PulseAudio: tools/test starts one with a null speaker.
class tst_Ringer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Qt 6.4's PulseAudio backend can deadlock in its exit-time teardown
    // when a stream callback is still in flight; let the last one finish.
    void cleanupTestCase() { QTest::qWait(500); }
    void ringsUntilStopped();
    void chosenDeviceIsUsedAndAGoneOneFallsBack();
};

void tst_Ringer::ringsUntilStopped()
{
    QVERIFY2(!QMediaDevices::audioOutputs().isEmpty(), "no audio output: run through tools/test");
    Ringer ringer;
    QSignalSpy changed(&ringer, &Ringer::ringingChanged);
    ringer.start();
    QTRY_VERIFY_WITH_TIMEOUT(ringer.isRinging(), 5000);
    QTest::qWait(1800); // past one loop of the tone: it keeps ringing
    QVERIFY(ringer.isRinging());
    ringer.stop();
    QTRY_VERIFY(!ringer.isRinging());
    QVERIFY(changed.size() >= 2);
}

void tst_Ringer::chosenDeviceIsUsedAndAGoneOneFallsBack()
{
    const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
    QVERIFY(!outputs.isEmpty());
    Ringer ringer;
    ringer.setDeviceId(outputs.last().id());
    ringer.start();
    QTRY_VERIFY_WITH_TIMEOUT(ringer.isRinging(), 5000);
    // The headset is unplugged: its id no longer exists. Ringing goes on
    // on the default device.
    ringer.setDeviceId(QByteArrayLiteral("unplugged-headset"));
    QTRY_VERIFY_WITH_TIMEOUT(ringer.isRinging(), 5000);
    ringer.stop();
    QTRY_VERIFY(!ringer.isRinging());
}

QTEST_GUILESS_MAIN(tst_Ringer)
#include "tst_Ringer.moc"
