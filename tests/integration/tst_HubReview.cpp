#include "HubProcess.h"
#include "TestClient.h"
#include "VoiceLeg.h"
#include "WebCustomer.h"
#include "protocol/Call.h"
#include "protocol/Chat.h"
#include "protocol/JsonList.h"
#include "protocol/Names.h"
#include "protocol/Review.h"

#include <QDateTime>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest/QTest>

using namespace qidong::protocol;
using namespace qidong::test;

namespace {

const QString kLina = QStringLiteral("u1001");

QList<ReviewItem> itemsOf(const Response& response)
{
    QList<ReviewItem> items;
    for (const QJsonValue& value : response.result.value(QLatin1StringView("items")).toArray())
        if (Result<ReviewItem> item = ReviewItem::fromJson(value.toObject()))
            items.append(item.value());
    return items;
}

QaScorecard scorecard(const QString& interactionId, int each, const QString& comment)
{
    QaScorecard card;
    card.interactionId = interactionId;
    for (const QString& criterion : qaCriteria())
        card.scores.append({criterion, each});
    card.comment = comment;
    return card;
}

} // namespace

// Quality review on a real hub: a team lead finds 李娜's ended call and
// chat of today by agent, kind and disposition, plays the call's real
// recording through its short-lived link, reads the chat's transcript and
// keeps a scorecard on each; agents may do none of it.
class tst_HubReview final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void reviewIsForTeamLeadsOnly();
    void callsAndChatsAreFoundByAgentKindAndDisposition();
    void theCallPlaysAndTheChatReads();
    void scorecardsAreCheckedKeptAndAudited();
    void aRecordingIsTheLeadsTheAgentsOwnNotAColleagues();

private:
    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<TestClient> m_lead;
    std::unique_ptr<TestClient> m_lina;
    qint64 m_startedAt = 0;
    QString m_callId;
    QString m_chatId;
};

void tst_HubReview::initTestCase()
{
    m_startedAt = QDateTime::currentMSecsSinceEpoch();
    m_hub = std::make_unique<HubProcess>();
    QVERIFY(m_hub->start());
    m_lead = std::make_unique<TestClient>(m_hub->url());
    m_lina = std::make_unique<TestClient>(m_hub->url());
    QVERIFY(m_lead->signIn(QStringLiteral("zhou.hui")).has_value());
    QVERIFY(m_lina->signIn(QStringLiteral("li.na")).has_value());
    QVERIFY(setReady(*m_lina));

    // A call, talked for a second and a half, wrapped up "resolved".
    WebCustomer caller(*m_hub);
    QVERIFY(caller.call(QStringLiteral("王女士")));
    m_callId = caller.conversationId;
    VoiceLeg customerLeg(1);
    customerLeg.open(caller.ticket.socketUrl());
    customerLeg.say(1000.0);
    QVERIFY(m_lina->waitForEvent(QString(event::InteractionOffered)).has_value());
    QCOMPARE(outcomeOf(m_lina->call(method::InteractionAccept, InteractionRef{m_callId}.toJson())),
             QStringLiteral("ok"));
    const Result<MediaTicket> ticket = MediaTicket::fromJson(
        m_lina->call(method::CallMedia, CallMediaParams{m_callId}.toJson()).result);
    QVERIFY(ticket.ok());
    VoiceLeg linaLeg(1);
    linaLeg.open(ticket.value().socketUrl());
    linaLeg.say(620.0);
    QVERIFY(customerLeg.waitToHear(620.0));
    QTest::qWait(1500);
    QCOMPARE(outcomeOf(m_lina->call(method::InteractionEnd, InteractionRef{m_callId}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(outcomeOf(m_lina->call(method::InteractionWrapUp,
                                    WrapUpParams{m_callId, QStringLiteral("resolved")}.toJson())),
             QStringLiteral("ok"));

    // A chat, wrapped up "complaint-case".
    QVERIFY(setReady(*m_lina));
    WebCustomer writer(*m_hub);
    QVERIFY(writer.start(QStringLiteral("陈女士")));
    QCOMPARE(outcomeOf(writer.send(QStringLiteral("账单多扣了20元"), QStringLiteral("c-1"))),
             QStringLiteral("ok"));
    m_chatId = writer.conversationId;
    QVERIFY(QTest::qWaitFor(
        [this] {
            for (const Event& seen : m_lina->events())
                if (seen.name == event::InteractionOffered && offeredIn(seen) &&
                    offeredIn(seen)->id == m_chatId)
                    return true;
            return false;
        },
        10000));
    QCOMPARE(outcomeOf(m_lina->call(method::InteractionAccept, InteractionRef{m_chatId}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(outcomeOf(m_lina->call(method::ChatSend,
                                    ChatSendParams{m_chatId, QStringLiteral("a-1"),
                                                   QStringLiteral("已为您退回20元"), std::nullopt}
                                        .toJson())),
             QStringLiteral("ok"));
    QCOMPARE(outcomeOf(m_lina->call(method::InteractionEnd, InteractionRef{m_chatId}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(
        outcomeOf(m_lina->call(method::InteractionWrapUp,
                               WrapUpParams{m_chatId, QStringLiteral("complaint-case")}.toJson())),
        QStringLiteral("ok"));
}

void tst_HubReview::cleanupTestCase()
{
    m_lina.reset();
    m_lead.reset();
    m_hub.reset();
}

void tst_HubReview::reviewIsForTeamLeadsOnly()
{
    const QList<std::pair<QLatin1StringView, QJsonObject>> calls{
        {method::ReviewSearch, {}},
        {method::ReviewTranscript, {{QStringLiteral("interactionId"), m_chatId}}},
        {method::ReviewSave, scorecard(m_chatId, 5, {}).toJson()},
    };
    for (const auto& [name, params] : calls)
        QCOMPARE(outcomeOf(m_lina->call(name, params)), QStringLiteral("forbidden"));
    QCOMPARE(m_hub->auditCount(QStringLiteral("review.save"), m_chatId), 0);
}

void tst_HubReview::callsAndChatsAreFoundByAgentKindAndDisposition()
{
    ReviewQuery query;
    query.agentId = kLina;
    query.fromMs = m_startedAt;
    Response found = m_lead->call(method::ReviewSearch, query.toJson());
    QCOMPARE(outcomeOf(found), QStringLiteral("ok"));
    QList<ReviewItem> items = itemsOf(found);
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).interaction.id, m_chatId); // newest first
    QCOMPARE(items.at(1).interaction.id, m_callId);
    QCOMPARE(items.at(1).interaction.agentName, QStringLiteral("李娜"));
    QCOMPARE(items.at(1).customerName, QStringLiteral("王女士"));
    QCOMPARE(items.at(1).interaction.wrapUp.code, QStringLiteral("resolved"));
    QVERIFY(items.at(1).interaction.endedAtMs > items.at(1).interaction.createdAtMs);

    query.kind = ReviewKind::Calls;
    items = itemsOf(m_lead->call(method::ReviewSearch, query.toJson()));
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().interaction.id, m_callId);
    QTRY_VERIFY(itemsOf(m_lead->call(method::ReviewSearch, query.toJson())).first().recorded);

    query.kind = ReviewKind::All;
    query.disposition = QStringLiteral("complaint-case");
    items = itemsOf(m_lead->call(method::ReviewSearch, query.toJson()));
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().interaction.id, m_chatId);
    QVERIFY(!items.first().recorded);

    // The demo's earlier contacts are there without the time bound; other
    // agents' are not under 李娜's name.
    ReviewQuery everyone;
    everyone.limit = 200;
    const QList<ReviewItem> all = itemsOf(m_lead->call(method::ReviewSearch, everyone.toJson()));
    QVERIFY(all.size() > 2);
    QVERIFY(std::any_of(all.cbegin(), all.cend(),
                        [](const ReviewItem& item) { return item.agentId != kLina; }));
    query = {};
    query.queueId = QStringLiteral("no-such-queue");
    QVERIFY(itemsOf(m_lead->call(method::ReviewSearch, query.toJson())).isEmpty());
    QCOMPARE(outcomeOf(m_lead->call(method::ReviewSearch, {{QStringLiteral("fromMs"), 100},
                                                           {QStringLiteral("toMs"), 50}})),
             QStringLiteral("invalid_params"));
    QCOMPARE(outcomeOf(m_lead->call(method::ReviewSearch, {{QStringLiteral("kind"), 3}})),
             QStringLiteral("invalid_params"));
}

void tst_HubReview::theCallPlaysAndTheChatReads()
{
    const Response linked =
        m_lead->call(method::CustomerRecordingLink, {{QStringLiteral("interactionId"), m_callId}});
    QCOMPARE(outcomeOf(linked), QStringLiteral("ok"));
    QNetworkAccessManager network;
    QNetworkReply* reply = network.get(
        QNetworkRequest(QUrl(linked.result.value(QLatin1StringView("url")).toString())));
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QByteArray audio = reply->readAll();
    reply->deleteLater();
    QVERIFY(audio.startsWith("OggS"));
    QVERIFY2(audio.size() > 3000, qPrintable(QString::number(audio.size()))); // 1.5 s and more

    const Response transcript =
        m_lead->call(method::ReviewTranscript, {{QStringLiteral("interactionId"), m_chatId}});
    QCOMPARE(outcomeOf(transcript), QStringLiteral("ok"));
    const Result<ChatHistory> history = ChatHistory::fromJson(transcript.result);
    QVERIFY(history.ok());
    QStringList lines;
    for (const ChatMessage& message : history.value().messages)
        lines.append(message.text);
    QVERIFY(lines.contains(QStringLiteral("账单多扣了20元")));
    QVERIFY(lines.contains(QStringLiteral("已为您退回20元")));
    QCOMPARE(m_hub->auditCount(QStringLiteral("review.transcript"), m_chatId), 1);
    QCOMPARE(outcomeOf(m_lead->call(method::ReviewTranscript,
                                    {{QStringLiteral("interactionId"), QStringLiteral("nope")}})),
             QStringLiteral("not_found"));
}

void tst_HubReview::scorecardsAreCheckedKeptAndAudited()
{
    // A scorecard is whole: every criterion once, each 0..5.
    QaScorecard partial = scorecard(m_callId, 4, {});
    partial.scores.removeLast();
    QCOMPARE(outcomeOf(m_lead->call(method::ReviewSave, partial.toJson())),
             QStringLiteral("invalid_params"));
    QJsonObject tooHigh = scorecard(m_callId, 4, {}).toJson();
    QJsonArray scores = tooHigh.value(QLatin1StringView("scores")).toArray();
    scores.replace(0, QJsonObject{{QStringLiteral("criterion"), QStringLiteral("greeting")},
                                  {QStringLiteral("score"), 9}});
    tooHigh.insert(QStringLiteral("scores"), scores);
    QCOMPARE(outcomeOf(m_lead->call(method::ReviewSave, tooHigh)),
             QStringLiteral("invalid_params"));
    QCOMPARE(outcomeOf(m_lead->call(method::ReviewSave,
                                    scorecard(QStringLiteral("nope"), 4, {}).toJson())),
             QStringLiteral("not_found"));

    QaScorecard card = scorecard(m_callId, 4, QStringLiteral("开场规范，可以更主动核实身份"));
    card.scores[4].score = 2; // compliance
    const Response saved = m_lead->call(method::ReviewSave, card.toJson());
    QCOMPARE(outcomeOf(saved), QStringLiteral("ok"));
    const Result<QaScorecard> stored =
        QaScorecard::fromJson(saved.result.value(QLatin1StringView("scorecard")).toObject());
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().reviewerName, QStringLiteral("周慧"));
    QCOMPARE(stored.value().percent(), 73); // 22 of 30
    QCOMPARE(m_hub->auditCount(QStringLiteral("review.save"), m_callId), 1);

    // Search shows it; a second review replaces the first.
    ReviewQuery query;
    query.agentId = kLina;
    query.fromMs = m_startedAt;
    query.kind = ReviewKind::Calls;
    QList<ReviewItem> items = itemsOf(m_lead->call(method::ReviewSearch, query.toJson()));
    QVERIFY(items.first().scorecard.has_value());
    QCOMPARE(items.first().scorecard->comment, QStringLiteral("开场规范，可以更主动核实身份"));
    QCOMPARE(items.first().scorecard->scores.at(4).score, 2);
    QCOMPARE(outcomeOf(m_lead->call(method::ReviewSave, scorecard(m_callId, 5, {}).toJson())),
             QStringLiteral("ok"));
    items = itemsOf(m_lead->call(method::ReviewSearch, query.toJson()));
    QCOMPARE(items.first().scorecard->percent(), 100);
    QCOMPARE(m_hub->auditCount(QStringLiteral("review.save"), m_callId), 2);
}

void tst_HubReview::aRecordingIsTheLeadsTheAgentsOwnNotAColleagues()
{
    const QJsonObject call{{QStringLiteral("interactionId"), m_callId}};
    // 李娜 took the call: hers to hear again.
    QCOMPARE(outcomeOf(m_lina->call(method::CustomerRecordingLink, call)), QStringLiteral("ok"));
    // 王伟 had nothing to do with it, nor with the customer now: refused,
    // and the attempt is in the audit log.
    TestClient wangWei(m_hub->url());
    QVERIFY(wangWei.signIn(QStringLiteral("wang.wei")).has_value());
    const qint64 refusedBefore =
        m_hub->auditCount(QStringLiteral("recording.link.refused"), m_callId);
    QCOMPARE(outcomeOf(wangWei.call(method::CustomerRecordingLink, call)),
             QStringLiteral("forbidden"));
    QCOMPARE(m_hub->auditCount(QStringLiteral("recording.link.refused"), m_callId),
             refusedBefore + 1);
    // An id the hub never had is simply not there.
    QCOMPARE(outcomeOf(wangWei.call(method::CustomerRecordingLink,
                                    {{QStringLiteral("interactionId"), QStringLiteral("i-none")}})),
             QStringLiteral("not_found"));
}

QTEST_GUILESS_MAIN(tst_HubReview)
#include "tst_HubReview.moc"
