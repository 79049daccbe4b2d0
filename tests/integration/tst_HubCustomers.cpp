#include "HttpCall.h"
#include "HubProcess.h"
#include "TestClient.h"
#include "WebCustomer.h"
#include "protocol/Customer.h"
#include "protocol/Names.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest/QTest>

using namespace qidong::protocol;
using namespace qidong::test;

namespace {

// 王丽, the first demo customer (DemoCustomers): phone 13800138000, WeChat
// wangli_travel, email customer00000@example.com, 12 earlier contacts.
const QString kWangLiPhone = QStringLiteral("13800138000");

std::optional<Customer360> customerIn(const Response& response)
{
    if (response.error)
        return std::nullopt;
    Result<Customer360> customer = Customer360::fromJson(response.result);
    if (!customer)
        return std::nullopt;
    return customer.value();
}

QString lookup(TestClient& client, const QString& kind, const QString& value)
{
    return client
        .call(method::CustomerLookup,
              {{QStringLiteral("kind"), kind}, {QStringLiteral("value"), value}})
        .result.value(QLatin1StringView("customerId"))
        .toString();
}

QJsonObject byId(const QString& customerId)
{
    return {{QStringLiteral("customerId"), customerId}};
}

} // namespace

// The customer store through a real hub with the demo customers: identity
// lookup across channels, a chat reaching the known customer, masking and
// audited reveals, merge and unmerge, timeline paging, notes, offers, and a
// complaint that becomes a case, is resolved and closed with the customer.
class tst_HubCustomers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void identitiesOnEveryChannelFindOneCustomer();
    void aChatReachesTheKnownCustomer();
    void personalDataLeavesMaskedAndRevealsAreAudited();
    void mergeIsAuditedAndReversible();
    void timelinePagesReturnEveryEntryOnce();
    void notesAreEditedByTheirAuthorOnly();
    void offersRecordTheirOutcome();
    void aComplaintBecomesACaseAndTheLoopIsClosed();
    void hostileRequestsGetClearErrors();
    void aCustomerIsCalledWithoutShowingTheNumber();
    void recordedCallsHaveShortLivedLinks();

private:
    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<TestClient> m_agent;
    QString m_wangLi;
};

void tst_HubCustomers::initTestCase()
{
    m_hub = std::make_unique<HubProcess>();
    QVERIFY2(m_hub->start({QStringLiteral("--offer-timeout-ms"), QStringLiteral("60000")}),
             m_hub->log().constData());
    m_agent = std::make_unique<TestClient>(m_hub->url());
    QVERIFY(m_agent->signIn(QStringLiteral("li.na")).has_value());
    m_wangLi = lookup(*m_agent, QStringLiteral("phone"), kWangLiPhone);
    QVERIFY(!m_wangLi.isEmpty());
}

void tst_HubCustomers::cleanupTestCase()
{
    m_agent.reset();
    m_hub.reset();
}

void tst_HubCustomers::identitiesOnEveryChannelFindOneCustomer()
{
    QCOMPARE(lookup(*m_agent, QStringLiteral("wechat"), QStringLiteral("wangli_travel")), m_wangLi);
    QCOMPARE(lookup(*m_agent, QStringLiteral("phone"), QStringLiteral("+86 138-0013-8000")),
             m_wangLi);
    QCOMPARE(lookup(*m_agent, QStringLiteral("email"), QStringLiteral("Customer00000@Example.com")),
             m_wangLi);
    QCOMPARE(outcomeOf(m_agent->call(method::CustomerLookup,
                                     {{QStringLiteral("kind"), QStringLiteral("phone")},
                                      {QStringLiteral("value"), QStringLiteral("13999999999")}})),
             QStringLiteral("not_found"));

    // A handle the agent learns is linked, and leads to her from then on.
    const Response linked = m_agent->call(method::CustomerLink,
                                          {{QStringLiteral("customerId"), m_wangLi},
                                           {QStringLiteral("kind"), QStringLiteral("weibo")},
                                           {QStringLiteral("value"), QStringLiteral("@lili_2nd")}});
    QCOMPARE(outcomeOf(linked), QStringLiteral("ok"));
    QCOMPARE(lookup(*m_agent, QStringLiteral("weibo"), QStringLiteral("@LiLi_2nd")), m_wangLi);
    // An identity is one customer's only.
    const QString other =
        lookup(*m_agent, QStringLiteral("email"), QStringLiteral("customer00001@example.com"));
    if (!other.isEmpty())
        QCOMPARE(outcomeOf(m_agent->call(method::CustomerLink,
                                         {{QStringLiteral("customerId"), other},
                                          {QStringLiteral("kind"), QStringLiteral("weibo")},
                                          {QStringLiteral("value"), QStringLiteral("@lili_2nd")}})),
                 QStringLiteral("invalid_transition"));
}

void tst_HubCustomers::aChatReachesTheKnownCustomer()
{
    TestClient agent(m_hub->url());
    QVERIFY(agent.signIn(QStringLiteral("zhang.min")).has_value());
    QVERIFY(setReady(agent));
    WebCustomer page(*m_hub);
    QVERIFY(page.start(QStringLiteral("王女士"))); // the phone the page gives is hers
    const std::optional<Interaction> offered =
        offeredIn(agent.waitForEvent(QString(event::InteractionOffered)));
    QVERIFY(offered.has_value());
    QCOMPARE(offered->customer.id, m_wangLi);
    const std::optional<Customer360> customer = customerIn(
        agent.call(method::CustomerGet, {{QStringLiteral("interactionId"), offered->id}}));
    QVERIFY(customer.has_value());
    QCOMPARE(customer->profile.displayName, QStringLiteral("王丽"));
    QCOMPARE(customer->profile.phone, QStringLiteral("138****8000"));
    QCOMPARE(customer->profile.preferredChannel, QStringLiteral("wechat"));
    QVERIFY(customer->metrics.contactCount >= 13); // her history and this chat
    QVERIFY(!customer->metrics.channels.isEmpty());
    QVERIFY(!customer->holdings.isEmpty());
    bool insurance = false;
    for (const CustomerOffer& offer : customer->offers)
        insurance =
            insurance || (offer.code == QStringLiteral("travel-insurance") &&
                          offer.status == QStringLiteral("accepted") && !offer.partner.isEmpty());
    QVERIFY(insurance);
    QCOMPARE(
        outcomeOf(agent.call(method::AgentSetState,
                             SetStateParams{Presence::NotReady, QStringLiteral("lunch")}.toJson())),
        QStringLiteral("ok"));
}

void tst_HubCustomers::personalDataLeavesMaskedAndRevealsAreAudited()
{
    const Response got = m_agent->call(method::CustomerGet, byId(m_wangLi));
    QCOMPARE(outcomeOf(got), QStringLiteral("ok"));
    const QByteArray wire = QJsonDocument(got.result).toJson(QJsonDocument::Compact);
    QVERIFY2(!wire.contains("13800138000"), wire.constData());
    QVERIFY(!wire.contains("customer00000@example.com"));
    const std::optional<Customer360> customer = customerIn(got);
    QVERIFY(customer.has_value());
    QVERIFY(customer->profile.nationalId.contains(u'*'));

    // li.na handles no interaction of hers: refused, and the refusal audited.
    const QJsonObject phone{{QStringLiteral("customerId"), m_wangLi},
                            {QStringLiteral("field"), QStringLiteral("phone")}};
    QCOMPARE(outcomeOf(m_agent->call(method::CustomerReveal, phone)), QStringLiteral("forbidden"));
    QCOMPARE(m_hub->auditCount(QStringLiteral("customer.reveal.refused"), m_wangLi), 1);
    QCOMPARE(m_hub->auditCount(QStringLiteral("customer.reveal"), m_wangLi), 0);

    // The agent with her chat open may, once per reveal, audited.
    TestClient handling(m_hub->url());
    QVERIFY(handling.signIn(QStringLiteral("zhang.min")).has_value());
    const Response revealed = handling.call(method::CustomerReveal, phone);
    QCOMPARE(outcomeOf(revealed), QStringLiteral("ok"));
    QCOMPARE(revealed.result.value(QLatin1StringView("value")).toString(), kWangLiPhone);
    QCOMPARE(m_hub->auditCount(QStringLiteral("customer.reveal"), m_wangLi), 1);

    // A supervisor may; an admin account is no worker.
    TestClient supervisor(m_hub->url());
    QVERIFY(supervisor.signIn(QStringLiteral("zhou.hui")).has_value());
    const Response national = supervisor.call(
        method::CustomerReveal, {{QStringLiteral("customerId"), m_wangLi},
                                 {QStringLiteral("field"), QStringLiteral("nationalId")}});
    QCOMPARE(outcomeOf(national), QStringLiteral("ok"));
    const QString nationalId = national.result.value(QLatin1StringView("value")).toString();
    QCOMPARE(nationalId.size(), 18);
    QVERIFY(!wire.contains(nationalId.toUtf8())); // customer.get never carried it
    QCOMPARE(m_hub->auditCount(QStringLiteral("customer.reveal"), m_wangLi), 2);
    TestClient admin(m_hub->url());
    QVERIFY(admin.signIn(QStringLiteral("admin")).has_value());
    QCOMPARE(outcomeOf(admin.call(method::CustomerReveal, phone)), QStringLiteral("forbidden"));
    QCOMPARE(outcomeOf(admin.call(method::CustomerGet, byId(m_wangLi))),
             QStringLiteral("forbidden"));
}

void tst_HubCustomers::mergeIsAuditedAndReversible()
{
    // Demo customers 3 and 2 (DemoCustomers gives customer n the phone 13 +
    // 100000000 + n * 7919).
    const QString from = lookup(*m_agent, QStringLiteral("phone"), QStringLiteral("13100023757"));
    const QString into = lookup(*m_agent, QStringLiteral("phone"), QStringLiteral("13100015838"));
    QVERIFY(!from.isEmpty() && !into.isEmpty() && from != into);
    const std::optional<Customer360> before =
        customerIn(m_agent->call(method::CustomerGet, byId(into)));
    const std::optional<Customer360> other =
        customerIn(m_agent->call(method::CustomerGet, byId(from)));
    QVERIFY(before && other);

    const Response merged =
        m_agent->call(method::CustomerMerge,
                      {{QStringLiteral("customerId"), from}, {QStringLiteral("intoId"), into}});
    QCOMPARE(outcomeOf(merged), QStringLiteral("ok"));
    const qint64 mergeId = merged.result.value(QLatin1StringView("mergeId")).toInteger();
    QVERIFY(mergeId > 0);
    QCOMPARE(m_hub->auditCount(QStringLiteral("customer.merge"), from), 1);
    const std::optional<Customer360> joined =
        customerIn(m_agent->call(method::CustomerGet, byId(from))); // follows the merge
    QVERIFY(joined.has_value());
    QCOMPARE(joined->profile.id, into);
    QCOMPARE(joined->metrics.contactCount,
             before->metrics.contactCount + other->metrics.contactCount);
    QCOMPARE(joined->profile.identities.size(),
             before->profile.identities.size() + other->profile.identities.size());
    QCOMPARE(outcomeOf(m_agent->call(method::CustomerMerge, {{QStringLiteral("customerId"), from},
                                                             {QStringLiteral("intoId"), into}})),
             QStringLiteral("invalid_params")); // one customer already

    const Response undone =
        m_agent->call(method::CustomerUnmerge, {{QStringLiteral("mergeId"), mergeId}});
    QCOMPARE(outcomeOf(undone), QStringLiteral("ok"));
    QCOMPARE(m_hub->auditCount(QStringLiteral("customer.unmerge"), from), 1);
    const std::optional<Customer360> apart =
        customerIn(m_agent->call(method::CustomerGet, byId(from)));
    QVERIFY(apart.has_value());
    QCOMPARE(apart->profile.id, from);
    QCOMPARE(apart->profile.identities, other->profile.identities);
    QCOMPARE(apart->metrics.contactCount, other->metrics.contactCount);
    QCOMPARE(
        outcomeOf(m_agent->call(method::CustomerUnmerge, {{QStringLiteral("mergeId"), mergeId}})),
        QStringLiteral("invalid_transition"));
}

void tst_HubCustomers::timelinePagesReturnEveryEntryOnce()
{
    const std::optional<Customer360> customer =
        customerIn(m_agent->call(method::CustomerGet, byId(m_wangLi)));
    QVERIFY(customer.has_value());
    TimelineParams params;
    params.customerId = m_wangLi;
    params.limit = 4;
    QSet<QString> seen;
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int page = 0; page < 50; ++page) {
        const Response answer = m_agent->call(method::CustomerTimeline, params.toJson());
        Result<TimelinePage> decoded = TimelinePage::fromJson(answer.result);
        QVERIFY2(decoded.ok(), qPrintable(outcomeOf(answer)));
        for (const TimelineEntry& entry : decoded.value().entries) {
            QVERIFY2(!seen.contains(entry.interactionId), qPrintable(entry.interactionId));
            QVERIFY(entry.atMs <= previous); // newest first
            previous = entry.atMs;
            seen.insert(entry.interactionId);
        }
        if (!decoded.value().hasMore)
            break;
        params.beforeMs = decoded.value().entries.last().atMs;
        params.beforeId = decoded.value().entries.last().interactionId;
    }
    QCOMPARE(seen.size(), customer->metrics.contactCount);

    params = {};
    params.customerId = m_wangLi;
    params.channel = QStringLiteral("voice");
    params.limit = 200;
    Result<TimelinePage> voice =
        TimelinePage::fromJson(m_agent->call(method::CustomerTimeline, params.toJson()).result);
    QVERIFY(voice.ok());
    for (const TimelineEntry& entry : voice.value().entries)
        QCOMPARE(entry.channel, Channel::Voice);
    QVERIFY(voice.value().entries.size() < seen.size());
}

void tst_HubCustomers::notesAreEditedByTheirAuthorOnly()
{
    const Response added = m_agent->call(
        method::CustomerNoteAdd, {{QStringLiteral("customerId"), m_wangLi},
                                  {QStringLiteral("body"), QStringLiteral("<b>常去日本</b>")}});
    QCOMPARE(outcomeOf(added), QStringLiteral("ok"));
    const qint64 noteId = added.result.value(QLatin1StringView("note"))
                              .toObject()
                              .value(QLatin1StringView("id"))
                              .toInteger();
    const Response edited = m_agent->call(
        method::CustomerNoteEdit, {{QStringLiteral("noteId"), noteId},
                                   {QStringLiteral("body"), QStringLiteral("常去日本和韩国")}});
    QCOMPARE(outcomeOf(edited), QStringLiteral("ok"));
    TestClient colleague(m_hub->url());
    QVERIFY(colleague.signIn(QStringLiteral("liu.yang")).has_value());
    QCOMPARE(outcomeOf(colleague.call(method::CustomerNoteEdit,
                                      {{QStringLiteral("noteId"), noteId},
                                       {QStringLiteral("body"), QStringLiteral("x")}})),
             QStringLiteral("forbidden"));
    const std::optional<Customer360> customer =
        customerIn(colleague.call(method::CustomerGet, byId(m_wangLi)));
    QVERIFY(customer.has_value());
    QCOMPARE(customer->notes.first().body, QStringLiteral("常去日本和韩国"));
    QCOMPARE(customer->notes.first().authorName, QStringLiteral("李娜"));
}

void tst_HubCustomers::offersRecordTheirOutcome()
{
    const std::optional<Customer360> before =
        customerIn(m_agent->call(method::CustomerGet, byId(m_wangLi)));
    QVERIFY(before.has_value());
    const QJsonObject carHire{{QStringLiteral("customerId"), m_wangLi},
                              {QStringLiteral("code"), QStringLiteral("car-hire")},
                              {QStringLiteral("outcome"), QStringLiteral("offered")}};
    QCOMPARE(outcomeOf(m_agent->call(method::CustomerOffer, carHire)), QStringLiteral("ok"));
    QJsonObject accepted = carHire;
    accepted.insert(QStringLiteral("outcome"), QStringLiteral("accepted"));
    QCOMPARE(outcomeOf(m_agent->call(method::CustomerOffer, accepted)), QStringLiteral("ok"));
    const std::optional<Customer360> now =
        customerIn(m_agent->call(method::CustomerGet, byId(m_wangLi)));
    QVERIFY(now.has_value());
    QCOMPARE(now->metrics.offersMade, before->metrics.offersMade + 1);
    QCOMPARE(now->metrics.offersAccepted, before->metrics.offersAccepted + 1);
    QJsonObject unknown = carHire;
    unknown.insert(QStringLiteral("code"), QStringLiteral("free-yacht"));
    QCOMPARE(outcomeOf(m_agent->call(method::CustomerOffer, unknown)), QStringLiteral("not_found"));
    QJsonObject odd = carHire;
    odd.insert(QStringLiteral("outcome"), QStringLiteral("maybe"));
    QCOMPARE(outcomeOf(m_agent->call(method::CustomerOffer, odd)),
             QStringLiteral("invalid_params"));
}

void tst_HubCustomers::aComplaintBecomesACaseAndTheLoopIsClosed()
{
    TestClient agent(m_hub->url());
    QVERIFY(agent.signIn(QStringLiteral("chen.jing")).has_value());
    QVERIFY(setReady(agent));
    WebCustomer page(*m_hub);
    QVERIFY(page.start(QStringLiteral("王丽")));
    const std::optional<Interaction> offered =
        offeredIn(agent.waitForEvent(QString(event::InteractionOffered), 15000));
    QVERIFY(offered.has_value());
    QCOMPARE(outcomeOf(agent.call(method::InteractionAccept, InteractionRef{offered->id}.toJson())),
             QStringLiteral("ok"));
    QCOMPARE(outcomeOf(agent.call(method::InteractionEnd, InteractionRef{offered->id}.toJson())),
             QStringLiteral("ok"));
    WrapUpParams wrapUp{offered->id, QStringLiteral("complaint-case")};
    wrapUp.voc = VocKind::Complaint;
    wrapUp.vocCategory = QStringLiteral("billing");
    wrapUp.notes = QStringLiteral("漫游日包被重复扣费");
    QCOMPARE(outcomeOf(agent.call(method::InteractionWrapUp, wrapUp.toJson())),
             QStringLiteral("ok"));

    std::optional<VocCase> opened;
    const std::optional<Customer360> customer =
        customerIn(agent.call(method::CustomerGet, byId(m_wangLi)));
    QVERIFY(customer.has_value());
    for (const VocCase& voc : customer->cases) {
        if (voc.interactionId == offered->id)
            opened = voc;
    }
    QVERIFY(opened.has_value());
    QCOMPARE(opened->status, QStringLiteral("open"));
    QCOMPARE(opened->department, QStringLiteral("计费中心 Billing"));
    QCOMPARE(opened->summary, QStringLiteral("漫游日包被重复扣费"));

    const QJsonObject close{
        {QStringLiteral("caseId"), opened->id},
        {QStringLiteral("message"), QStringLiteral("重复扣除的25元已退回您的话费账户。")}};
    QCOMPARE(outcomeOf(agent.call(method::CaseCloseLoop, close)),
             QStringLiteral("invalid_transition"));
    QCOMPARE(outcomeOf(agent.call(method::CaseResolve,
                                  {{QStringLiteral("caseId"), opened->id},
                                   {QStringLiteral("resolution"), QStringLiteral("已退费")}})),
             QStringLiteral("forbidden")); // the department's, here a supervisor's
    TestClient supervisor(m_hub->url());
    QVERIFY(supervisor.signIn(QStringLiteral("zhou.hui")).has_value());
    QCOMPARE(outcomeOf(supervisor.call(method::CaseResolve, {{QStringLiteral("caseId"), opened->id},
                                                             {QStringLiteral("resolution"),
                                                              QStringLiteral("已退费25元")}})),
             QStringLiteral("ok"));
    const Response closed = agent.call(method::CaseCloseLoop, close);
    QCOMPARE(outcomeOf(closed), QStringLiteral("ok"));
    Result<VocCase> done =
        VocCase::fromJson(closed.result.value(QLatin1StringView("case")).toObject());
    QVERIFY(done.ok());
    QCOMPARE(done.value().status, QStringLiteral("closed"));
    QCOMPARE(done.value().closedLoopChannel, QStringLiteral("wechat")); // her preferred channel
    QVERIFY(done.value().closedLoopAtMs > 0);
    QCOMPARE(outcomeOf(agent.call(method::CaseCloseLoop, close)),
             QStringLiteral("invalid_transition"));

    // The message waits for the WeChat gateway, addressed to her WeChat id.
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
    db.setDatabaseName(m_hub->dataDir() + QStringLiteral("/qidong-hub.sqlite"));
    QVERIFY(db.open());
    {
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral(
            "SELECT channel, address, body FROM customer_notifications ORDER BY id DESC LIMIT 1")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wechat"));
        QCOMPARE(query.value(1).toString(), QStringLiteral("wangli_travel"));
        QCOMPARE(query.value(2).toString(), close.value(QLatin1StringView("message")).toString());
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));

    // The WeChat gateway takes it through the ingest API, once.
    QNetworkAccessManager network;
    QUrl url = m_hub->webUrl();
    url.setPath(QStringLiteral("/ingest/v1/notifications"));
    url.setQuery(QStringLiteral("channel=wechat"));
    QCOMPARE(httpCall(network, "GET", url, QStringLiteral("wrong-token")).status, 401);
    const HttpAnswer taken = httpCall(network, "GET", url, m_hub->ingestToken());
    QCOMPARE(taken.status, 200);
    const QJsonArray notes = taken.body.value(QLatin1StringView("notifications")).toArray();
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.first().toObject().value(QLatin1StringView("address")).toString(),
             QStringLiteral("wangli_travel"));
    QCOMPARE(httpCall(network, "GET", url, m_hub->ingestToken())
                 .body.value(QLatin1StringView("notifications"))
                 .toArray()
                 .size(),
             0);
}

void tst_HubCustomers::hostileRequestsGetClearErrors()
{
    QCOMPARE(outcomeOf(m_agent->call(method::CustomerGet, {})), QStringLiteral("invalid_params"));
    QCOMPARE(outcomeOf(m_agent->call(method::CustomerGet, byId(QStringLiteral("' OR 1=1 --")))),
             QStringLiteral("not_found"));
    QCOMPARE(
        outcomeOf(m_agent->call(method::CustomerTimeline, {{QStringLiteral("customerId"), m_wangLi},
                                                           {QStringLiteral("limit"), 100000}})),
        QStringLiteral("invalid_params"));
    QCOMPARE(outcomeOf(m_agent->call(method::CustomerTimeline,
                                     {{QStringLiteral("customerId"), m_wangLi},
                                      {QStringLiteral("channel"), QStringLiteral("pigeon")}})),
             QStringLiteral("invalid_params"));
    QCOMPARE(outcomeOf(m_agent->call(method::CustomerReveal,
                                     {{QStringLiteral("customerId"), m_wangLi},
                                      {QStringLiteral("field"), QStringLiteral("password_hash")}})),
             QStringLiteral("invalid_params"));
    QCOMPARE(outcomeOf(m_agent->call(method::CustomerNoteAdd,
                                     {{QStringLiteral("customerId"), m_wangLi},
                                      {QStringLiteral("body"), QString(5000, u'x')}})),
             QStringLiteral("invalid_params"));
    QCOMPARE(outcomeOf(m_agent->call(method::CustomerMerge,
                                     {{QStringLiteral("customerId"), m_wangLi},
                                      {QStringLiteral("intoId"), QStringLiteral("nobody")}})),
             QStringLiteral("not_found"));
}

void tst_HubCustomers::aCustomerIsCalledWithoutShowingTheNumber()
{
    TestClient agent(m_hub->url());
    QVERIFY(agent.signIn(QStringLiteral("liu.yang")).has_value());
    QCOMPARE(
        outcomeOf(agent.call(method::AgentSetState,
                             SetStateParams{Presence::NotReady, QStringLiteral("lunch")}.toJson())),
        QStringLiteral("ok"));
    const QJsonObject wangLi{{QStringLiteral("customerId"), m_wangLi}};
    // No phone line yet: said plainly.
    const Response noTrunk = agent.call(method::CallDialCustomer, wangLi);
    QCOMPARE(outcomeOf(noTrunk), QStringLiteral("invalid_transition"));
    QCOMPARE(noTrunk.error->details.value(QLatin1StringView("reason")).toString(),
             QStringLiteral("no-trunk"));

    TestClient trunk(m_hub->trunkSocketUrl());
    QVERIFY(registerTrunk(trunk, m_hub->ingestToken()));
    const Response placed = agent.call(method::CallDialCustomer, wangLi);
    QCOMPARE(outcomeOf(placed), QStringLiteral("ok"));
    const std::optional<Interaction> call = interactionIn(placed);
    QVERIFY(call.has_value());
    QCOMPARE(call->channel, Channel::Outbound);
    QCOMPARE(call->customer.id, m_wangLi);
    QCOMPARE(call->customer.displayName, QStringLiteral("王丽"));
    QVERIFY(!QJsonDocument(placed.result).toJson().contains("13800138000"));
    // The telephone network gets the number; only it.
    const std::optional<Event> ring = trunk.waitForEvent(QString(event::TrunkCall));
    QVERIFY(ring.has_value());
    QCOMPARE(ring->data.value(QLatin1StringView("number")).toString(), kWangLiPhone);
    QCOMPARE(outcomeOf(agent.call(method::CallHangUp, InteractionRef{call->id}.toJson())),
             QStringLiteral("ok"));

    QCOMPARE(outcomeOf(agent.call(method::CallDialCustomer,
                                  {{QStringLiteral("customerId"), QStringLiteral("nobody")}})),
             QStringLiteral("not_found"));
}

void tst_HubCustomers::recordedCallsHaveShortLivedLinks()
{
    // One of her calls was recorded: a real Ogg Opus file where the hub
    // keeps recordings.
    TimelineParams params;
    params.customerId = m_wangLi;
    params.channel = QStringLiteral("voice");
    Result<TimelinePage> calls =
        TimelinePage::fromJson(m_agent->call(method::CustomerTimeline, params.toJson()).result);
    QVERIFY(calls.ok() && !calls.value().entries.isEmpty());
    const QString callId = calls.value().entries.first().interactionId;
    QFile prompt(QStringLiteral(QIDONG_PROMPTS_DIR "/zh-billing-1.opus"));
    QVERIFY(prompt.open(QIODevice::ReadOnly));
    const QByteArray audio = prompt.readAll();
    QFile recording(m_hub->dataDir() + QStringLiteral("/recordings/") + callId +
                    QStringLiteral(".opus"));
    QVERIFY(recording.open(QIODevice::WriteOnly));
    recording.write(audio);
    recording.close();

    calls = TimelinePage::fromJson(m_agent->call(method::CustomerTimeline, params.toJson()).result);
    QVERIFY(calls.ok());
    QVERIFY(calls.value().entries.first().recorded);
    QVERIFY(!calls.value().entries.last().recorded || calls.value().entries.size() == 1);

    // Not 李娜's call, and she is not handling 王丽 now: not hers to hear.
    QCOMPARE(outcomeOf(m_agent->call(method::CustomerRecordingLink,
                                     {{QStringLiteral("interactionId"), callId}})),
             QStringLiteral("forbidden"));
    TestClient lead(m_hub->url());
    QVERIFY(lead.signIn(QStringLiteral("zhou.hui")).has_value());
    const Response linked =
        lead.call(method::CustomerRecordingLink, {{QStringLiteral("interactionId"), callId}});
    QCOMPARE(outcomeOf(linked), QStringLiteral("ok"));
    QCOMPARE(m_hub->auditCount(QStringLiteral("recording.link"), callId), 1);
    const QUrl url(linked.result.value(QLatin1StringView("url")).toString());
    QVERIFY(url.path().startsWith(QStringLiteral("/recordings/")));
    QNetworkAccessManager network;
    QNetworkReply* reply = network.get(QNetworkRequest(url));
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QByteArray served = reply->readAll();
    QVERIFY(served.startsWith("OggS"));
    QCOMPARE(served, audio);
    reply->deleteLater();

    QUrl forged = url;
    forged.setPath(QStringLiteral("/recordings/not-a-token"));
    QCOMPARE(httpCall(network, "GET", forged).status, 404);
    for (const QString& odd : {QStringLiteral("../qidong-hub"), QStringLiteral("h-none-1")})
        QCOMPARE(outcomeOf(m_agent->call(method::CustomerRecordingLink,
                                         {{QStringLiteral("interactionId"), odd}})),
                 QStringLiteral("not_found"));
}

QTEST_GUILESS_MAIN(tst_HubCustomers)
#include "tst_HubCustomers.moc"
