#include "protocol/Limits.h"
#include "protocol/Message.h"

#include <QRandomGenerator>
#include <QtTest/QTest>

using namespace qidong::protocol;

Q_DECLARE_METATYPE(qidong::protocol::Message)
Q_DECLARE_METATYPE(qidong::protocol::ErrorCode)

class tst_Message final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void malformed_data();
    void malformed();
    void requestIdIsSalvaged();
    void methodNames_data();
    void methodNames();
    void randomBytesNeverCrash();
    void errorCodeNamesAreUniqueAndReversible();
};

void tst_Message::roundTrip_data()
{
    QTest::addColumn<Message>("message");
    QTest::newRow("request") << Message{
        Request{17,
                QStringLiteral("agent.setState"),
                {{QStringLiteral("presence"), QStringLiteral("ready")}}}};
    QTest::newRow("request without params") << Message{Request{0, QStringLiteral("ping"), {}}};
    QTest::newRow("request with max id")
        << Message{Request{kMaxSafeInteger, QStringLiteral("ping"), {}}};
    QTest::newRow("result") << Message{makeResult(17, {{QStringLiteral("queued"), true}})};
    QTest::newRow("empty result") << Message{makeResult(3)};
    QTest::newRow("error with details")
        << Message{makeErrorResponse(9, makeError(ErrorCode::Throttled, QStringLiteral("wait"),
                                                  {{QStringLiteral("retryAfterMs"), 30000}}))};
    QTest::newRow("error with null id") << Message{
        makeErrorResponse(std::nullopt, makeError(ErrorCode::BadJson, QStringLiteral("bad")))};
    QTest::newRow("event with seq")
        << Message{Event{QStringLiteral("agent.stateChanged"),
                         1042,
                         {{QStringLiteral("agentId"), QStringLiteral("u1001")}}}};
    QTest::newRow("transient event") << Message{Event{
        QStringLiteral("hub.draining"), std::nullopt, {{QStringLiteral("closesInMs"), 3000}}}};
    QTest::newRow("chinese text") << Message{
        Request{5,
                QStringLiteral("chat.send"),
                {{QStringLiteral("text"), QStringLiteral("您好，我的国际漫游包还剩几天？")}}}};
}

void tst_Message::roundTrip()
{
    QFETCH(Message, message);
    const QByteArray encoded = encodeMessage(message);
    Result<Message, DecodeFailure> decoded = decodeMessage(encoded);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().error.message));
    QCOMPARE(decoded.value(), message);
    QCOMPARE(encodeMessage(decoded.value()), encoded);
}

void tst_Message::malformed_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<ErrorCode>("expected");

    QTest::newRow("empty") << QByteArray() << ErrorCode::BadJson;
    QTest::newRow("truncated") << QByteArray(R"({"id":1,"method":"ping")") << ErrorCode::BadJson;
    QTest::newRow("trailing garbage")
        << QByteArray(R"({"id":1,"method":"ping"} x)") << ErrorCode::BadJson;
    QTest::newRow("invalid utf-8")
        << QByteArray("{\"id\":1,\"method\":\"p\xff\xfe\"}") << ErrorCode::BadJson;
    QTest::newRow("array") << QByteArray("[1,2,3]") << ErrorCode::InvalidMessage;
    // Qt 6.4 parses only objects and arrays at the top level: a bare scalar is bad JSON.
    QTest::newRow("string") << QByteArray(R"("hello")") << ErrorCode::BadJson;
    QTest::newRow("empty object") << QByteArray("{}") << ErrorCode::InvalidMessage;
    QTest::newRow("id as string") << QByteArray(R"({"id":"1","method":"ping"})")
                                  << ErrorCode::InvalidMessage;
    QTest::newRow("id missing") << QByteArray(R"({"method":"ping"})") << ErrorCode::InvalidMessage;
    QTest::newRow("id huge") << QByteArray(R"({"id":1e300,"method":"ping"})")
                             << ErrorCode::InvalidMessage;
    QTest::newRow("id 2^53") << QByteArray(R"({"id":9007199254740992,"method":"ping"})")
                             << ErrorCode::InvalidMessage;
    QTest::newRow("id negative") << QByteArray(R"({"id":-1,"method":"ping"})")
                                 << ErrorCode::InvalidMessage;
    QTest::newRow("id fraction") << QByteArray(R"({"id":1.5,"method":"ping"})")
                                 << ErrorCode::InvalidMessage;
    QTest::newRow("id boolean") << QByteArray(R"({"id":true,"method":"ping"})")
                                << ErrorCode::InvalidMessage;
    QTest::newRow("method number")
        << QByteArray(R"({"id":1,"method":42})") << ErrorCode::InvalidMessage;
    QTest::newRow("method empty") << QByteArray(R"({"id":1,"method":""})")
                                  << ErrorCode::InvalidMessage;
    QTest::newRow("method capital")
        << QByteArray(R"({"id":1,"method":"Auth.login"})") << ErrorCode::InvalidMessage;
    QTest::newRow("method double dot")
        << QByteArray(R"({"id":1,"method":"auth..login"})") << ErrorCode::InvalidMessage;
    QTest::newRow("method space") << QByteArray(R"({"id":1,"method":"auth login"})")
                                  << ErrorCode::InvalidMessage;
    QTest::newRow("method too long")
        << (QByteArray(R"({"id":1,"method":")") + QByteArray(65, 'a') + QByteArray(R"("})"))
        << ErrorCode::InvalidMessage;
    QTest::newRow("params array") << QByteArray(R"({"id":1,"method":"ping","params":[]})")
                                  << ErrorCode::InvalidMessage;
    QTest::newRow("params string")
        << QByteArray(R"({"id":1,"method":"ping","params":"x"})") << ErrorCode::InvalidMessage;
    QTest::newRow("event seq zero")
        << QByteArray(R"({"event":"a.b","seq":0})") << ErrorCode::InvalidMessage;
    QTest::newRow("event seq string")
        << QByteArray(R"({"event":"a.b","seq":"1"})") << ErrorCode::InvalidMessage;
    QTest::newRow("event data array")
        << QByteArray(R"({"event":"a.b","data":[1]})") << ErrorCode::InvalidMessage;
    QTest::newRow("error not object")
        << QByteArray(R"({"id":1,"error":"nope"})") << ErrorCode::InvalidMessage;
    QTest::newRow("error without code")
        << QByteArray(R"({"id":1,"error":{"message":"x"}})") << ErrorCode::InvalidMessage;
    QTest::newRow("result not object")
        << QByteArray(R"({"id":1,"result":5})") << ErrorCode::InvalidMessage;
    QTest::newRow("deep nesting") << (QByteArray(5000, '[') + QByteArray(5000, ']'))
                                  << ErrorCode::BadJson;

    QByteArray tenMegabytes = R"({"id":1,"method":"chat.send","params":{"text":")";
    tenMegabytes += QByteArray(10 * 1024 * 1024, 'x');
    tenMegabytes += R"("}})";
    QTest::newRow("10 MB frame") << tenMegabytes << ErrorCode::MessageTooLarge;
    QTest::newRow("one byte over the limit")
        << QByteArray(kMaxFrameBytes + 1, ' ') << ErrorCode::MessageTooLarge;
}

void tst_Message::malformed()
{
    QFETCH(QByteArray, frame);
    QFETCH(ErrorCode, expected);
    Result<Message, DecodeFailure> decoded = decodeMessage(frame);
    QVERIFY(!decoded.ok());
    QCOMPARE(errorCodeName(decoded.error().error.code), errorCodeName(expected));
    QVERIFY(!decoded.error().error.message.isEmpty());
}

void tst_Message::requestIdIsSalvaged()
{
    Result<Message, DecodeFailure> decoded =
        decodeMessage(R"({"id":7,"method":"ping","params":[]})");
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().requestId, std::optional<qint64>(7));

    decoded = decodeMessage(R"({"id":"7","method":"ping"})");
    QVERIFY(!decoded.ok());
    QVERIFY(!decoded.error().requestId.has_value());
}

void tst_Message::methodNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("ping") << true;
    QTest::newRow("noun.verb") << QStringLiteral("agent.setState") << true;
    QTest::newRow("three parts") << QStringLiteral("supervisor.monitor.start") << true;
    QTest::newRow("digits") << QStringLiteral("v2.call") << true;
    QTest::newRow("trailing dot") << QStringLiteral("agent.") << false;
    QTest::newRow("leading dot") << QStringLiteral(".agent") << false;
    QTest::newRow("digit start") << QStringLiteral("2fa.verify") << false;
    QTest::newRow("dash") << QStringLiteral("agent.set-state") << false;
    QTest::newRow("unicode") << QStringLiteral("坐席.状态") << false;
    QTest::newRow("64 chars") << QString(64, u'a') << true;
    QTest::newRow("65 chars") << QString(65, u'a') << false;
}

void tst_Message::methodNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidMethodName(name), valid);
}

void tst_Message::randomBytesNeverCrash()
{
    // Mutated valid frames and random bytes: decoding must fail cleanly with
    // a code that describes malformed input, never crash or accept garbage.
    QRandomGenerator random(20261123);
    const QByteArray seed = R"({"id":12,"method":"agent.setState","params":{"presence":"ready"}})";
    int rejected = 0;
    for (int i = 0; i < 5000; ++i) {
        QByteArray frame = seed;
        const int edits = 1 + static_cast<int>(random.bounded(6));
        for (int e = 0; e < edits; ++e) {
            const auto at = static_cast<qsizetype>(random.bounded(static_cast<int>(frame.size())));
            frame[at] = static_cast<char>(random.bounded(256));
        }
        Result<Message, DecodeFailure> decoded = decodeMessage(frame);
        if (decoded.ok()) {
            // A mutation may still be a valid message (a changed letter in a
            // value); then it must encode back to valid JSON.
            QVERIFY(decodeMessage(encodeMessage(decoded.value())).ok());
            continue;
        }
        ++rejected;
        const ErrorCode code = decoded.error().error.code;
        QVERIFY2(code == ErrorCode::BadJson || code == ErrorCode::InvalidMessage,
                 qPrintable(errorCodeName(code)));
    }
    QVERIFY(rejected > 2500);
}

void tst_Message::errorCodeNamesAreUniqueAndReversible()
{
    QSet<QString> names;
    for (int value = 0; value <= static_cast<int>(ErrorCode::Unknown); ++value) {
        const auto code = static_cast<ErrorCode>(value);
        const QString name = errorCodeName(code);
        QVERIFY(!names.contains(name));
        names.insert(name);
        QCOMPARE(errorCodeFromName(name), code);
    }
    QCOMPARE(errorCodeFromName(u"from_a_newer_hub"), ErrorCode::Unknown);
}

QTEST_GUILESS_MAIN(tst_Message)
#include "tst_Message.moc"
