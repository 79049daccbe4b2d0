#include "PulseDevices.h"
#include "core/alerts/Ringer.h"

#include <QAudioDevice>
#include <QCoreApplication>
#include <QMediaDevices>
#include <QSignalSpy>
#include <QtTest/QTest>

using namespace qidong::core;
using namespace qidong::test;

namespace {

// The ring tone's own frequency (resources/sounds/ring.wav).
constexpr double kRingHz = 440.0;

bool listed(const QByteArray& id)
{
    for (const QAudioDevice& output : QMediaDevices::audioOutputs())
        if (output.id() == id)
            return true;
    return false;
}

} // namespace

// Through a real PulseAudio (tools/test starts one with a null speaker, the
// default output): the ring is heard where it should be, and stops.
class tst_Ringer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ringsUntilStopped();
    void chosenDeviceIsUsedAndAGoneOneFallsBack();
};

void tst_Ringer::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("PULSE_SERVER") ||
                 !QMediaDevices::audioOutputs().isEmpty(),
             "no PulseAudio: run through tools/test");
}

void tst_Ringer::ringsUntilStopped()
{
    PcmRecorder speaker(QStringLiteral("qidong_speaker.monitor"));
    Ringer ringer;
    QSignalSpy changed(&ringer, &Ringer::ringingChanged);
    ringer.start();
    QVERIFY(ringer.isRinging());
    QVERIFY(speaker.waitToHear(kRingHz));
    QTest::qWait(1800); // past one loop of the tone: it keeps ringing
    QVERIFY(ringer.isRinging());
    QVERIFY(speaker.waitToHear(kRingHz, 0.01, 1000));
    ringer.stop();
    QVERIFY(!ringer.isRinging());
    QTest::qWait(500);
    QVERIFY(speaker.heard(kRingHz) < 0.001);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.first().at(0).toBool(), true);
    QCOMPARE(changed.last().at(0).toBool(), false);
}

void tst_Ringer::chosenDeviceIsUsedAndAGoneOneFallsBack()
{
    const QString name = QStringLiteral("qidong_ring_headset_") +
                         QString::number(QCoreApplication::applicationPid());
    PulseModule headset(QStringLiteral("module-null-sink"), {QStringLiteral("sink_name=") + name});
    QVERIFY(headset.isLoaded());
    QTRY_VERIFY(listed(name.toUtf8()));
    PcmRecorder inHeadset(name + QStringLiteral(".monitor"));
    PcmRecorder speaker(QStringLiteral("qidong_speaker.monitor"));

    Ringer ringer;
    ringer.setDeviceId(name.toUtf8());
    ringer.start();
    QCOMPARE(ringer.ringingOn(), name.toUtf8());
    QVERIFY(inHeadset.waitToHear(kRingHz));
    QVERIFY(speaker.heard(kRingHz, 500) < 0.001); // only in the headset

    // The headset is unplugged: ringing goes on on the default device.
    headset.unload();
    QVERIFY(speaker.waitToHear(kRingHz));
    QTRY_COMPARE(ringer.ringingOn(), QMediaDevices::defaultAudioOutput().id());
    QVERIFY(ringer.isRinging());
    ringer.stop();
    QVERIFY(!ringer.isRinging());
}

QTEST_GUILESS_MAIN(tst_Ringer)
#include "tst_Ringer.moc"
