#include "protocol/Chat.h"
#include "protocol/CloseCode.h"
#include "protocol/Payloads.h"
#include "protocol/SessionSnapshot.h"

#include <QJsonDocument>
#include <QtTest/QTest>

using namespace qidong::protocol;

namespace {

Agent sampleAgent()
{
    return Agent{QStringLiteral("u1001"),
                 QStringLiteral("li.na"),
                 QStringLiteral("李娜"),
                 Role::Agent,
                 QStringLiteral("voice-cn"),
                 {{QStringLiteral("roaming"), 8}, {QStringLiteral("billing"), 6}},
                 {QStringLiteral("zh-CN")}};
}

AgentState busyWithNext()
{
    return AgentState{Presence::Busy,
                      {},
                      1763884800000,
                      AgentState::Next{Presence::NotReady, QStringLiteral("lunch")}};
}

Queue sampleQueue()
{
    return Queue{QStringLiteral("roaming-vip"),
                 {QStringLiteral("国际漫游VIP"), QStringLiteral("Roaming VIP")},
                 Channel::Voice,
                 QStringLiteral("zh-CN"),
                 {QStringLiteral("roaming")},
                 80,
                 10,
                 90};
}

Interaction sampleInteraction()
{
    return Interaction{QStringLiteral("i-42"),
                       Channel::Social,
                       QStringLiteral("social-care"),
                       CustomerRef{QStringLiteral("c-7"), QStringLiteral("王先生"),
                                   QStringLiteral("weibo"), QStringLiteral("@wang***")},
                       InteractionState::Offered,
                       85,
                       1763884800000,
                       1763885700000,
                       QStringLiteral("u1004")};
}

template <typename T> void checkRoundTrip(const T& value)
{
    // Through text, as on the wire.
    const QByteArray text = QJsonDocument(value.toJson()).toJson(QJsonDocument::Compact);
    Result<T> decoded = T::fromJson(QJsonDocument::fromJson(text).object());
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QVERIFY(decoded.value() == value);
}

QJsonObject parse(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class tst_DomainTypes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueTypesRoundTrip();
    void snapshotRoundTrip();
    void payloadsRoundTrip();
    void invalidInput_data();
    void invalidInput();
    void errorNamesTheField();
    void versionNegotiation();
    void closeCodesSayWhetherToResume();
    void localizedTextFallsBack();
    void chatTypesRoundTripAndRefuseBadInput();
};

void tst_DomainTypes::chatTypesRoundTripAndRefuseBadInput()
{
    ChatMessage message;
    message.interactionId = QStringLiteral("i-9");
    message.seq = 42;
    message.sender = Sender::Agent;
    message.senderName = QStringLiteral("李娜");
    message.clientMsgId = QStringLiteral("c-1");
    message.text = QStringLiteral("<b>不是标记</b>");
    message.attachment = AttachmentRef{QStringLiteral("a-1"), QStringLiteral("发票.pdf"),
                                       QStringLiteral("application/pdf"), 2048};
    message.sentAtMs = 1763884800000;
    message.delivery = Delivery::Read;
    checkRoundTrip(message);
    checkRoundTrip(WrapUpRecord{QStringLiteral("complaint-case"), VocKind::Complaint,
                                QStringLiteral("billing"), QStringLiteral("漫游扣费"), true,
                                false});
    checkRoundTrip(CannedResponse{QStringLiteral("cr-1"), QStringLiteral("hello"),
                                  QStringLiteral("问候"), QStringLiteral("{customer.name}您好"),
                                  QStringLiteral("zh-CN")});
    Interaction social = sampleInteraction();
    social.visibility = QStringLiteral("public");
    social.language = QStringLiteral("zh-CN");
    social.note = QStringLiteral("请跟进");
    checkRoundTrip(social);

    // Empty messages, both queue and agent, unknown file types, oversized files.
    QVERIFY(!ChatSendParams::fromJson(parse(R"({"clientMsgId":"x","text":"  "})")).ok());
    QVERIFY(!TransferParams::fromJson(parse(R"({"id":"i","queueId":"q","agent":"a"})")).ok());
    QVERIFY(!TransferParams::fromJson(parse(R"({"id":"i"})")).ok());
    const Result<ChatSendParams> exe = ChatSendParams::fromJson(parse(
        R"({"clientMsgId":"x","text":"","attachment":{"name":"a.exe","mimeType":"application/x-msdownload","data":"AAAA"}})"));
    QVERIFY(!exe.ok());
    QCOMPARE(exe.error().details.value(QLatin1StringView("field")).toString(),
             QStringLiteral("attachment.mimeType"));
    QJsonObject big{{QStringLiteral("clientMsgId"), QStringLiteral("x")},
                    {QStringLiteral("text"), QString()},
                    {QStringLiteral("attachment"),
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("big.png")},
                                 {QStringLiteral("mimeType"), QStringLiteral("image/png")},
                                 {QStringLiteral("data"),
                                  QString::fromLatin1(QByteArray(200 * 1024, 'x').toBase64())}}}};
    QVERIFY(!ChatSendParams::fromJson(big).ok());
    const Result<ChatSendParams> small = ChatSendParams::fromJson(parse(
        R"({"clientMsgId":"x","text":"","attachment":{"name":"a.png","mimeType":"image/png","data":"iVBORw0KGgo="}})"));
    QVERIFY(small.ok());
    QCOMPARE(small.value().attachment->data.size(), 8);
}

void tst_DomainTypes::valueTypesRoundTrip()
{
    checkRoundTrip(sampleAgent());
    checkRoundTrip(busyWithNext());
    checkRoundTrip(AgentState{Presence::NotReady, QStringLiteral("training"), 5, std::nullopt});
    checkRoundTrip(sampleQueue());
    checkRoundTrip(Team{QStringLiteral("digital"),
                        {QStringLiteral("在线与社交组"), QStringLiteral("Digital & Social")}});
    checkRoundTrip(ReasonCode{QStringLiteral("lunch"),
                              ReasonKind::NotReady,
                              {QStringLiteral("午餐"), QStringLiteral("Lunch")}});
    checkRoundTrip(sampleInteraction());
    Interaction queued = sampleInteraction();
    queued.agentId.clear();
    queued.state = InteractionState::Queued;
    checkRoundTrip(queued);
}

void tst_DomainTypes::snapshotRoundTrip()
{
    SessionSnapshot snapshot;
    snapshot.agent = sampleAgent();
    snapshot.state = busyWithNext();
    snapshot.teams = {Team{QStringLiteral("voice-cn"),
                           {QStringLiteral("中文语音一组"), QStringLiteral("Voice")}}};
    snapshot.queues = {sampleQueue()};
    snapshot.reasonCodes = {ReasonCode{QStringLiteral("resolved"),
                                       ReasonKind::WrapUp,
                                       {QStringLiteral("问题已解决"), QStringLiteral("Resolved")}}};
    snapshot.interactions = {sampleInteraction()};
    checkRoundTrip(snapshot);
}

void tst_DomainTypes::payloadsRoundTrip()
{
    const auto same = [](const auto& a, const auto& b) { return a.toJson() == b.toJson(); };

    const HelloParams hello{{1, 2}, QStringLiteral("qidong-desktop/0.1.0")};
    QVERIFY(same(HelloParams::fromJson(hello.toJson()).value(), hello));
    const HelloResult helloResult{1, QStringLiteral("qidong-hub/0.1.0"), 15000, kMaxFrameBytes};
    QVERIFY(same(HelloResult::fromJson(helloResult.toJson()).value(), helloResult));

    SessionGrant grant;
    grant.sessionToken = QStringLiteral("s3cr3t");
    grant.refreshToken = QStringLiteral("r3fr3sh");
    grant.expiresAtMs = 1763928000000;
    grant.seq = 4;
    grant.snapshot.agent = sampleAgent();
    grant.snapshot.state = busyWithNext();
    QVERIFY(same(SessionGrant::fromJson(grant.toJson()).value(), grant));

    ResumeResult resync{ResumeResult::Mode::Resync, 99, 0, grant.snapshot};
    QVERIFY(same(ResumeResult::fromJson(resync.toJson()).value(), resync));
    ResumeResult replay{ResumeResult::Mode::Replay, 99, 3, std::nullopt};
    QVERIFY(same(ResumeResult::fromJson(replay.toJson()).value(), replay));

    const SetStateParams notReady{Presence::NotReady, QStringLiteral("lunch")};
    QVERIFY(same(SetStateParams::fromJson(notReady.toJson()).value(), notReady));
    const StateChangedEvent changed{QStringLiteral("u1001"), busyWithNext(),
                                    QStringLiteral("agent")};
    QVERIFY(same(StateChangedEvent::fromJson(changed.toJson()).value(), changed));
    const DrainingNotice notice{QStringLiteral("SIGTERM"), 3000, 4000};
    QVERIFY(same(DrainingNotice::fromJson(notice.toJson()).value(), notice));
    const ResumeParams resume{QStringLiteral("tok"), 12};
    QVERIFY(same(ResumeParams::fromJson(resume.toJson()).value(), resume));
}

void tst_DomainTypes::invalidInput_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("agent unknown role")
        << "Agent"
        << QByteArray(
               R"({"id":"u1","username":"a","displayName":"A","role":"god","skills":[],"languages":[]})");
    QTest::newRow("agent skill level 11")
        << "Agent"
        << QByteArray(
               R"({"id":"u1","username":"a","displayName":"A","role":"agent","skills":[{"name":"x","level":11}],"languages":[]})");
    QTest::newRow("agent skills not array")
        << "Agent"
        << QByteArray(
               R"({"id":"u1","username":"a","displayName":"A","role":"agent","skills":{},"languages":[]})");
    QTest::newRow("agent empty id")
        << "Agent"
        << QByteArray(
               R"({"id":"","username":"a","displayName":"A","role":"agent","skills":[],"languages":[]})");
    QTest::newRow("state notReady without reason")
        << "AgentState" << QByteArray(R"({"presence":"notReady","since":1})");
    QTest::newRow("state since negative")
        << "AgentState" << QByteArray(R"({"presence":"ready","since":-5})");
    QTest::newRow("state since huge")
        << "AgentState" << QByteArray(R"({"presence":"ready","since":1e300})");
    QTest::newRow("state bad next")
        << "AgentState"
        << QByteArray(R"({"presence":"busy","since":1,"next":{"presence":"asleep"}})");
    QTest::newRow("queue priority 101")
        << "Queue"
        << QByteArray(
               R"({"id":"q","name":{"zh":"队列"},"channel":"voice","language":"zh-CN","requiredSkills":[],"priority":101,"slaSeconds":20,"slaTargetPercent":80})");
    QTest::newRow("queue sla as string")
        << "Queue"
        << QByteArray(
               R"({"id":"q","name":{"zh":"队列"},"channel":"voice","language":"zh-CN","requiredSkills":[],"priority":1,"slaSeconds":"20","slaTargetPercent":80})");
    QTest::newRow("queue unknown channel")
        << "Queue"
        << QByteArray(
               R"({"id":"q","name":{"zh":"队列"},"channel":"fax","language":"zh-CN","requiredSkills":[],"priority":1,"slaSeconds":20,"slaTargetPercent":80})");
    QTest::newRow("queue name empty")
        << "Queue"
        << QByteArray(
               R"({"id":"q","name":{},"channel":"voice","language":"zh-CN","requiredSkills":[],"priority":1,"slaSeconds":20,"slaTargetPercent":80})");
    QTest::newRow("interaction customer missing")
        << "Interaction"
        << QByteArray(
               R"({"id":"i","channel":"chat","queueId":"q","state":"queued","priority":1,"createdAt":1,"slaDeadline":2})");
    QTest::newRow("setState unknown presence")
        << "SetStateParams" << QByteArray(R"({"presence":"sleeping"})");
    QTest::newRow("setState ready with reason")
        << "SetStateParams" << QByteArray(R"({"presence":"ready","reason":"lunch"})");
    QTest::newRow("setState notReady no reason")
        << "SetStateParams" << QByteArray(R"({"presence":"notReady"})");
    QTest::newRow("hello no versions")
        << "HelloParams" << QByteArray(R"({"versions":[],"client":"x"})");
    QTest::newRow("hello version string")
        << "HelloParams" << QByteArray(R"({"versions":["1"],"client":"x"})");
    QTest::newRow("login password too long") << "LoginParams"
                                             << (QByteArray(R"({"username":"li.na","password":")") +
                                                 QByteArray(300, 'p') + QByteArray(R"("})"));
    QTest::newRow("login username number")
        << "LoginParams" << QByteArray(R"({"username":7,"password":"x"})");
    QTest::newRow("resume negative seq")
        << "ResumeParams" << QByteArray(R"({"token":"t","lastSeq":-1})");
    QTest::newRow("resume token too long")
        << "ResumeParams"
        << (QByteArray(R"({"token":")") + QByteArray(200, 't') + QByteArray(R"(","lastSeq":1})"));
    QTest::newRow("resync without snapshot")
        << "ResumeResult" << QByteArray(R"({"mode":"resync","seq":1,"replayed":0})");
}

void tst_DomainTypes::invalidInput()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, json);
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QVERIFY(!object.isEmpty());
    std::optional<Error> error;
    const auto take = [&error](const auto& result) {
        if (!result.ok())
            error = result.error();
    };
    if (type == u"Agent")
        take(Agent::fromJson(object));
    else if (type == u"AgentState")
        take(AgentState::fromJson(object));
    else if (type == u"Queue")
        take(Queue::fromJson(object));
    else if (type == u"Interaction")
        take(Interaction::fromJson(object));
    else if (type == u"SetStateParams")
        take(SetStateParams::fromJson(object));
    else if (type == u"HelloParams")
        take(HelloParams::fromJson(object));
    else if (type == u"LoginParams")
        take(LoginParams::fromJson(object));
    else if (type == u"ResumeParams")
        take(ResumeParams::fromJson(object));
    else if (type == u"ResumeResult")
        take(ResumeResult::fromJson(object));
    else
        QFAIL("unknown type in the table");
    QVERIFY2(error.has_value(), "invalid input was accepted");
    QCOMPARE(errorCodeName(error->code), QStringLiteral("invalid_params"));
    QVERIFY(!error->details.value(QLatin1StringView("field")).toString().isEmpty());
}

void tst_DomainTypes::errorNamesTheField()
{
    Result<Agent> agent = Agent::fromJson(parse(
        R"({"id":"u1","username":"a","displayName":"A","role":"agent","skills":[{"name":"x","level":1},{"name":"y","level":0}],"languages":[]})"));
    QVERIFY(!agent.ok());
    QCOMPARE(agent.error().details.value(QLatin1StringView("field")).toString(),
             QStringLiteral("skills[1].level"));
}

void tst_DomainTypes::versionNegotiation()
{
    QCOMPARE(negotiateVersion({1}), std::optional<int>(1));
    QCOMPARE(negotiateVersion({3, 1, 2}), std::optional<int>(1));
    QCOMPARE(negotiateVersion({2, 3}), std::nullopt);
}

void tst_DomainTypes::closeCodesSayWhetherToResume()
{
    QVERIFY(closeCodeAllowsResume(static_cast<quint16>(CloseCode::GoingAway)));
    QVERIFY(closeCodeAllowsResume(static_cast<quint16>(CloseCode::HeartbeatTimeout)));
    QVERIFY(closeCodeAllowsResume(1006)); // abnormal closure: the network
    QVERIFY(!closeCodeAllowsResume(static_cast<quint16>(CloseCode::SessionReplaced)));
    QVERIFY(!closeCodeAllowsResume(static_cast<quint16>(CloseCode::SignedOut)));
    QVERIFY(!closeCodeAllowsResume(static_cast<quint16>(CloseCode::UnsupportedVersion)));
    QCOMPARE(closeCodeName(CloseCode::HeartbeatTimeout), QStringLiteral("heartbeat_timeout"));
}

void tst_DomainTypes::localizedTextFallsBack()
{
    const LocalizedText both{QStringLiteral("午餐"), QStringLiteral("Lunch")};
    QCOMPARE(both.forLanguage(u"zh-CN"), QStringLiteral("午餐"));
    QCOMPARE(both.forLanguage(u"en"), QStringLiteral("Lunch"));
    const LocalizedText chineseOnly{QStringLiteral("培训"), {}};
    QCOMPARE(chineseOnly.forLanguage(u"en"), QStringLiteral("培训"));
}

QTEST_GUILESS_MAIN(tst_DomainTypes)
#include "tst_DomainTypes.moc"
