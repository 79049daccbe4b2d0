#include "protocol/MediaFrame.h"

#include <QTest>

using namespace qidong::protocol;

class tst_MediaFrame : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryField()
    {
        MediaFrame frame;
        frame.kind = MediaKind::Opus;
        frame.flags = MediaFrame::kMarker;
        frame.stream = 0xA1B2C3D4;
        frame.sequence = 0xFFFFFFF0;
        frame.timestamp = 123456789;
        frame.payload = QByteArray("\x01\x02\x03", 3);
        const auto bytes = frame.encode();
        QCOMPARE(bytes.size(), MediaFrame::kHeaderSize + 3);
        // Big-endian on the wire, as docs/protocol.md §12 draws it.
        QCOMPARE(bytes.left(8).toHex(), QByteArray("01000001a1b2c3d4"));
        const auto decoded = MediaFrame::decode(bytes);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value(), frame);
    }

    void refusesMalformedFrames_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        MediaFrame good;
        good.payload = "x";
        const auto valid = good.encode();
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("short header") << valid.left(15);
        QTest::newRow("version 2") << QByteArray(valid).replace(0, 1, "\x02");
        QTest::newRow("unknown kind") << QByteArray(valid).replace(1, 1, "\x07");
        QTest::newRow("audio without payload") << valid.left(MediaFrame::kHeaderSize);
        QTest::newRow("oversized")
            << valid.left(MediaFrame::kHeaderSize) + QByteArray(MediaFrame::kMaxPayload + 1, 'x');
        QTest::newRow("garbage") << QByteArray(40, '\xff');
    }

    void refusesMalformedFrames()
    {
        QFETCH(QByteArray, bytes);
        const auto decoded = MediaFrame::decode(bytes);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, ErrorCode::InvalidMessage);
        QVERIFY(!decoded.error().message.isEmpty());
    }

    void dtmfEventsFollowRfc4733()
    {
        DtmfEvent event{.event = 11, .end = true, .volume = 10, .duration = 1600};
        const auto bytes = event.encode();
        QCOMPARE(bytes.toHex(), QByteArray("0b8a0640"));
        const auto decoded = DtmfEvent::decode(bytes);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value(), event);
        QCOMPARE(DtmfEvent::keyOf(11), QChar(u'#'));
        QCOMPARE(DtmfEvent::eventOf(u'*'), std::optional<std::uint8_t>(10));
        QCOMPARE(DtmfEvent::eventOf(u'x'), std::nullopt);
        QVERIFY(!DtmfEvent::decode("\x10\x00\x00\x00").ok());
        QVERIFY(!DtmfEvent::decode("\x01\x00").ok());
    }
};

QTEST_GUILESS_MAIN(tst_MediaFrame)
#include "tst_MediaFrame.moc"
