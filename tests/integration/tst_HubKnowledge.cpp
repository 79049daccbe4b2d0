#include "HttpCall.h"
#include "HubProcess.h"
#include "TestClient.h"
#include "WebCustomer.h"
#include "protocol/Knowledge.h"
#include "protocol/Names.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>
#include <QtTest/QTest>

using namespace qidong::protocol;
using namespace qidong::test;

namespace {

std::optional<KnowledgeSearchResult> resultOf(const Response& response)
{
    if (response.error)
        return std::nullopt;
    Result<KnowledgeSearchResult> result = KnowledgeSearchResult::fromJson(response.result);
    if (!result)
        return std::nullopt;
    return result.value();
}

QStringList idsOf(const KnowledgeSearchResult& result)
{
    QStringList ids;
    for (const ArticleHit& hit : result.hits)
        ids.append(hit.id);
    return ids;
}

QStringList markedIn(const MarkedText& text)
{
    QStringList parts;
    for (const MarkedText::Mark& mark : text.marks)
        parts.append(text.text.mid(mark.start, mark.length));
    return parts;
}

} // namespace

// The knowledge base through a real hub with the demo articles: relevance
// on a fixed question set, Chinese substrings of any length, hostile
// queries, filters, views and feedback, and suggestions from a live chat.
class tst_HubKnowledge final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void recallAtFiveOnTheQuestionSet();
    void chineseSubstringsOfAnyLength_data();
    void chineseSubstringsOfAnyLength();
    void hostileQueriesAreSafe_data();
    void hostileQueriesAreSafe();
    void overlongQueryIsAClearError();
    void filtersByLanguageAndProduct();
    void pagesDoNotRepeat();
    void typingPrefixFindsWholeWords();
    void articleViewsAndFeedbackAreStored();
    void suggestionsFollowTheConversation();
    void onlyAgentsAndSupervisorsSearch();
    void customersFindOnlyCustomerArticles();

private:
    Response search(const KnowledgeSearchParams& params);

    std::unique_ptr<HubProcess> m_hub;
    std::unique_ptr<TestClient> m_agent;
};

void tst_HubKnowledge::initTestCase()
{
    m_hub = std::make_unique<HubProcess>();
    QVERIFY2(m_hub->start(), m_hub->log().constData());
    QVERIFY(m_hub->logged(QStringLiteral("kb.demo.seeded")));
    m_agent = std::make_unique<TestClient>(m_hub->url());
    QVERIFY(m_agent->signIn(QStringLiteral("li.na")).has_value());
}

void tst_HubKnowledge::cleanupTestCase()
{
    m_agent.reset();
    m_hub.reset();
}

Response tst_HubKnowledge::search(const KnowledgeSearchParams& params)
{
    return m_agent->call(method::KbSearch, params.toJson());
}

void tst_HubKnowledge::recallAtFiveOnTheQuestionSet()
{
    QFile file(QStringLiteral(QIDONG_TEST_DATA_DIR "/knowledge-questions.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray questions = QJsonDocument::fromJson(file.readAll()).array();
    QVERIFY(questions.size() >= 60);
    int found = 0;
    QStringList misses;
    for (const QJsonValue& item : questions) {
        const QString question = item[QLatin1StringView("q")].toString();
        const QString expected = item[QLatin1StringView("expect")].toString();
        KnowledgeSearchParams params;
        params.query = question;
        params.limit = 5;
        const std::optional<KnowledgeSearchResult> result = resultOf(search(params));
        QVERIFY2(result.has_value(), qPrintable(question));
        const QStringList ids = idsOf(*result);
        if (ids.contains(expected))
            ++found;
        else
            misses.append(question + QStringLiteral(" -> ") + expected + QStringLiteral(" (got ") +
                          ids.join(QStringLiteral(", ")) + u')');
    }
    const double recall = double(found) / double(questions.size());
    qInfo("knowledge search recall@5 = %.3f (%d of %lld questions)", recall, found,
          qlonglong(questions.size()));
    for (const QString& miss : std::as_const(misses))
        qInfo("  missed: %s", qPrintable(miss));
    QVERIFY2(recall >= 0.9, qPrintable(QString::number(recall)));
}

void tst_HubKnowledge::chineseSubstringsOfAnyLength_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("marked");
    // Two characters inside a longer word: not a trigram, found anyway.
    QTest::newRow("漫游 in 国际漫游")
        << QStringLiteral("漫游") << QStringLiteral("roaming-activate-zh")
        << QStringLiteral("漫游");
    QTest::newRow("three characters")
        << QStringLiteral("携号转") << QStringLiteral("number-porting-zh")
        << QStringLiteral("携号转");
    QTest::newRow("one character")
        << QStringLiteral("猫") << QStringLiteral("baggage-pets-zh") << QStringLiteral("猫");
    QTest::newRow("mixed zh and en")
        << QStringLiteral("eSIM 手表") << QStringLiteral("esim-zh") << QStringLiteral("手表");
    QTest::newRow("code inside Chinese")
        << QStringLiteral("错误码E1021") << QStringLiteral("bank-error-e1021-zh")
        << QStringLiteral("错误码E1021");
    QTest::newRow("with punctuation")
        << QStringLiteral("“退款”？！") << QStringLiteral("shoes-refund-timing-zh")
        << QStringLiteral("退款");
}

void tst_HubKnowledge::chineseSubstringsOfAnyLength()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);
    QFETCH(QString, marked);
    KnowledgeSearchParams params;
    params.query = query;
    params.limit = 20;
    params.language = QStringLiteral("zh");
    const std::optional<KnowledgeSearchResult> result = resultOf(search(params));
    QVERIFY(result.has_value());
    QVERIFY(result->mode != QStringLiteral("none"));
    QVERIFY2(idsOf(*result).contains(expected), qPrintable(idsOf(*result).join(u' ')));
    for (const ArticleHit& hit : result->hits) {
        if (hit.id != expected)
            continue;
        QStringList marks = markedIn(hit.title) + markedIn(hit.snippet);
        QVERIFY2(marks.contains(marked, Qt::CaseInsensitive), qPrintable(marks.join(u'|')));
    }
}

void tst_HubKnowledge::hostileQueriesAreSafe_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("mode"); // "" when any answer but an error will do
    QTest::newRow("double quote") << QStringLiteral("\"") << QStringLiteral("none");
    QTest::newRow("unbalanced quotes") << QStringLiteral("\"roaming") << QString();
    QTest::newRow("NEAR") << QStringLiteral("NEAR(roaming refund, 2)") << QString();
    QTest::newRow("star") << QStringLiteral("*") << QStringLiteral("none");
    QTest::newRow("prefix star") << QStringLiteral("roam*") << QString();
    QTest::newRow("boolean words") << QStringLiteral("AND OR NOT") << QString();
    QTest::newRow("column filter") << QStringLiteral("title:refund") << QString();
    QTest::newRow("caret and braces") << QStringLiteral("^{title body}: x") << QString();
    QTest::newRow("sql") << QStringLiteral("'); DROP TABLE kb_articles; --") << QString();
    QTest::newRow("punctuation only") << QStringLiteral("？！。，、……") << QStringLiteral("none");
    QTest::newRow("empty") << QString() << QStringLiteral("none");
    QTest::newRow("emoji") << QStringLiteral("😀😀 漫游") << QString();
    QTest::newRow("markup") << QStringLiteral("<img src=x onerror=alert(1)>") << QString();
    // Every Chinese pair absent from the articles: nothing to rank by.
    QTest::newRow("nothing matches") << QStringLiteral("犀牛鳄鱼") << QString();
    QTest::newRow("nothing matches, long") << QStringLiteral("想带犀牛坐飞") << QString();
}

void tst_HubKnowledge::hostileQueriesAreSafe()
{
    QFETCH(QString, query);
    QFETCH(QString, mode);
    for (const bool prefix : {false, true}) {
        KnowledgeSearchParams params;
        params.query = query;
        params.prefix = prefix;
        const Response response = search(params);
        QCOMPARE(outcomeOf(response), QStringLiteral("ok"));
        const std::optional<KnowledgeSearchResult> result = resultOf(response);
        QVERIFY(result.has_value());
        if (!mode.isEmpty())
            QCOMPARE(result->mode, mode);
    }
    // Still answering, articles intact.
    KnowledgeSearchParams check;
    check.query = QStringLiteral("漫游");
    const std::optional<KnowledgeSearchResult> after = resultOf(search(check));
    QVERIFY(after.has_value());
    QVERIFY(!after->hits.isEmpty());
}

void tst_HubKnowledge::overlongQueryIsAClearError()
{
    const Response response =
        m_agent->call(method::KbSearch, {{QStringLiteral("query"), QString(201, u'a')}});
    QCOMPARE(outcomeOf(response), QStringLiteral("invalid_params"));
    QVERIFY(response.error->message.contains(QStringLiteral("query")));
    QCOMPARE(outcomeOf(m_agent->call(method::KbSearch, {{QStringLiteral("query"), 42}})),
             QStringLiteral("invalid_params"));
    QCOMPARE(outcomeOf(m_agent->call(method::KbSearch,
                                     {{QStringLiteral("query"), QStringLiteral("x")},
                                      {QStringLiteral("language"), QStringLiteral("fr")}})),
             QStringLiteral("invalid_params"));
}

void tst_HubKnowledge::filtersByLanguageAndProduct()
{
    KnowledgeSearchParams params;
    params.query = QStringLiteral("refund");
    params.limit = 50;
    params.products = {QStringLiteral("shoes")};
    const std::optional<KnowledgeSearchResult> shoes = resultOf(search(params));
    QVERIFY(shoes.has_value());
    QVERIFY(!shoes->hits.isEmpty());
    for (const ArticleHit& hit : shoes->hits)
        QVERIFY2(hit.products.contains(QStringLiteral("shoes")), qPrintable(hit.id));

    params.query = QStringLiteral("漫游 roaming");
    params.products = {};
    params.language = QStringLiteral("en");
    const std::optional<KnowledgeSearchResult> english = resultOf(search(params));
    QVERIFY(english.has_value());
    QVERIFY(!english->hits.isEmpty());
    for (const ArticleHit& hit : english->hits)
        QCOMPARE(hit.language, QStringLiteral("en"));
}

void tst_HubKnowledge::pagesDoNotRepeat()
{
    KnowledgeSearchParams params;
    params.query = QStringLiteral("漫游");
    params.limit = 7;
    QStringList seen;
    for (int page = 0; page < 20; ++page) {
        params.offset = page * params.limit;
        const std::optional<KnowledgeSearchResult> result = resultOf(search(params));
        QVERIFY(result.has_value());
        for (const QString& id : idsOf(*result)) {
            QVERIFY2(!seen.contains(id), qPrintable(id));
            seen.append(id);
        }
        if (!result->hasMore)
            break;
    }
    QVERIFY(seen.size() >= 60); // every roaming article in Chinese, each once
}

void tst_HubKnowledge::typingPrefixFindsWholeWords()
{
    KnowledgeSearchParams params;
    params.query = QStringLiteral("power ba");
    params.prefix = true;
    const std::optional<KnowledgeSearchResult> typing = resultOf(search(params));
    QVERIFY(typing.has_value());
    QVERIFY2(idsOf(*typing).contains(QStringLiteral("baggage-powerbank-en")),
             qPrintable(idsOf(*typing).join(u' ')));
}

void tst_HubKnowledge::articleViewsAndFeedbackAreStored()
{
    const QString id = QStringLiteral("baggage-delayed-en");
    const Response opened = m_agent->call(method::KbArticle, ArticleOpenParams{id, {}}.toJson());
    QCOMPARE(outcomeOf(opened), QStringLiteral("ok"));
    Result<KnowledgeArticle> article =
        KnowledgeArticle::fromJson(opened.result.value(QLatin1StringView("article")).toObject());
    QVERIFY(article.ok());
    QCOMPARE(article.value().views, 1);
    QVERIFY(!article.value().steps.isEmpty());
    QCOMPARE(article.value().audience, Audience::Customer);

    const Response helpful =
        m_agent->call(method::KbFeedback, ArticleFeedbackParams{id, true, {}, {}}.toJson());
    QCOMPARE(outcomeOf(helpful), QStringLiteral("ok"));
    QCOMPARE(helpful.result.value(QLatin1StringView("helpful")).toInt(), 1);
    // Changing one's mind replaces the vote rather than adding one.
    const Response changed =
        m_agent->call(method::KbFeedback,
                      ArticleFeedbackParams{id, false, {}, QStringLiteral("out of date")}.toJson());
    QCOMPARE(changed.result.value(QLatin1StringView("helpful")).toInt(), 0);
    QCOMPARE(changed.result.value(QLatin1StringView("notHelpful")).toInt(), 1);

    TestClient other(m_hub->url());
    QVERIFY(other.signIn(QStringLiteral("liu.yang")).has_value());
    const Response second =
        other.call(method::KbFeedback, ArticleFeedbackParams{id, true, {}, {}}.toJson());
    QCOMPARE(second.result.value(QLatin1StringView("helpful")).toInt(), 1);
    QCOMPARE(second.result.value(QLatin1StringView("notHelpful")).toInt(), 1);
    const Response again = other.call(method::KbArticle, ArticleOpenParams{id, {}}.toJson());
    QCOMPARE(again.result.value(QLatin1StringView("article"))
                 .toObject()
                 .value(QLatin1StringView("views"))
                 .toInt(),
             2);

    QCOMPARE(outcomeOf(m_agent->call(method::KbArticle,
                                     ArticleOpenParams{QStringLiteral("no-such"), {}}.toJson())),
             QStringLiteral("not_found"));
    QCOMPARE(outcomeOf(m_agent->call(
                 method::KbFeedback,
                 ArticleFeedbackParams{QStringLiteral("no-such"), true, {}, {}}.toJson())),
             QStringLiteral("not_found"));
}

void tst_HubKnowledge::suggestionsFollowTheConversation()
{
    TestClient agent(m_hub->url());
    QVERIFY(agent.signIn(QStringLiteral("zhang.min")).has_value());
    QVERIFY(setReady(agent));
    WebCustomer customer(*m_hub);
    QVERIFY(customer.start(QStringLiteral("孙女士")));
    const std::optional<Interaction> offered =
        offeredIn(agent.waitForEvent(QString(event::InteractionOffered)));
    QVERIFY(offered.has_value());
    QCOMPARE(outcomeOf(agent.call(method::InteractionAccept, InteractionRef{offered->id}.toJson())),
             QStringLiteral("ok"));

    QCOMPARE(
        outcomeOf(customer.send(QStringLiteral("你好，我下周去泰国，想问一下在那边上网怎么收费？"),
                                QStringLiteral("k1"))),
        QStringLiteral("ok"));
    const Response first = agent.call(method::KbSuggest, SuggestParams{offered->id, 5}.toJson());
    const std::optional<KnowledgeSearchResult> roaming = resultOf(first);
    QVERIFY2(roaming.has_value(), first.error ? qPrintable(first.error->message) : "undecodable");
    QCOMPARE(roaming->mode, QStringLiteral("any"));
    QVERIFY2(idsOf(*roaming).contains(QStringLiteral("roaming-rates-th-zh")),
             qPrintable(idsOf(*roaming).join(u' ')));

    // The conversation moves on; so do the suggestions.
    QCOMPARE(outcomeOf(
                 customer.send(QStringLiteral("另外我的充电宝能带上飞机吗"), QStringLiteral("k2"))),
             QStringLiteral("ok"));
    QCOMPARE(outcomeOf(customer.send(QStringLiteral("是两万毫安的"), QStringLiteral("k3"))),
             QStringLiteral("ok"));
    const std::optional<KnowledgeSearchResult> battery =
        resultOf(agent.call(method::KbSuggest, SuggestParams{offered->id, 5}.toJson()));
    QVERIFY(battery.has_value());
    QVERIFY2(idsOf(*battery).contains(QStringLiteral("baggage-powerbank-zh")),
             qPrintable(idsOf(*battery).join(u' ')));

    // Only the agent who holds the chat may read it this way.
    QCOMPARE(outcomeOf(m_agent->call(method::KbSuggest, SuggestParams{offered->id, 5}.toJson())),
             QStringLiteral("not_found"));
}

void tst_HubKnowledge::onlyAgentsAndSupervisorsSearch()
{
    TestClient supervisor(m_hub->url());
    QVERIFY(supervisor.signIn(QStringLiteral("zhou.hui")).has_value());
    QCOMPARE(outcomeOf(supervisor.call(
                 method::KbSearch,
                 KnowledgeSearchParams{QStringLiteral("漫游"), {}, {}, 5, 0, false}.toJson())),
             QStringLiteral("ok"));
    TestClient admin(m_hub->url());
    QVERIFY(admin.signIn(QStringLiteral("admin")).has_value());
    QCOMPARE(outcomeOf(admin.call(
                 method::KbSearch,
                 KnowledgeSearchParams{QStringLiteral("漫游"), {}, {}, 5, 0, false}.toJson())),
             QStringLiteral("forbidden"));
    TestClient anonymous(m_hub->url());
    QVERIFY(anonymous.open());
    QVERIFY(anonymous.hello());
    QCOMPARE(outcomeOf(anonymous.call(method::KbSearch,
                                      {{QStringLiteral("query"), QStringLiteral("x")}})),
             QStringLiteral("unauthenticated"));
}

void tst_HubKnowledge::customersFindOnlyCustomerArticles()
{
    QNetworkAccessManager network;
    const auto searchUrl = [this](const QString& q) {
        QUrl url = m_hub->webUrl();
        url.setPath(QStringLiteral("/kb/search"));
        url.setQuery(
            QUrlQuery{{QStringLiteral("q"), q}, {QStringLiteral("lang"), QStringLiteral("zh-CN")}});
        return url;
    };
    const auto articleUrl = [this](const QString& id) {
        QUrl url = m_hub->webUrl();
        url.setPath(QStringLiteral("/kb/article"));
        url.setQuery(QUrlQuery{{QStringLiteral("id"), id}});
        return url;
    };

    // Agents find the complaint process; the page does not, nor by id.
    KnowledgeSearchParams params;
    params.query = QStringLiteral("投诉处理流程");
    const std::optional<KnowledgeSearchResult> forAgents = resultOf(search(params));
    QVERIFY(forAgents.has_value());
    QVERIFY(idsOf(*forAgents).contains(QStringLiteral("service-complaint-process-zh")));
    const HttpAnswer page = httpCall(network, "GET", searchUrl(params.query));
    QCOMPARE(page.status, 200);
    Result<KnowledgeSearchResult> forCustomers = KnowledgeSearchResult::fromJson(page.body);
    QVERIFY(forCustomers.ok());
    for (const ArticleHit& hit : forCustomers.value().hits) {
        QCOMPARE(hit.audience, Audience::Customer);
        QCOMPARE(hit.language, QStringLiteral("zh"));
    }
    QCOMPARE(
        httpCall(network, "GET", articleUrl(QStringLiteral("service-complaint-process-zh"))).status,
        404);

    // Customer articles are there, with the words that matched marked.
    const HttpAnswer luggage = httpCall(network, "GET", searchUrl(QStringLiteral("充电宝")));
    Result<KnowledgeSearchResult> found = KnowledgeSearchResult::fromJson(luggage.body);
    QVERIFY(found.ok());
    QVERIFY(idsOf(found.value()).contains(QStringLiteral("baggage-powerbank-zh")));
    const HttpAnswer article =
        httpCall(network, "GET", articleUrl(QStringLiteral("baggage-powerbank-zh")));
    QCOMPARE(article.status, 200);
    QCOMPARE(article.body.value(QLatin1StringView("article"))
                 .toObject()
                 .value(QLatin1StringView("title"))
                 .toString(),
             QStringLiteral("充电宝和锂电池携带规定"));

    // Hostile and oversized queries: an answer or a clear error, never a failure.
    QCOMPARE(httpCall(network, "GET", searchUrl(QStringLiteral("\" NEAR( * ^"))).status, 200);
    const HttpAnswer tooLong = httpCall(network, "GET", searchUrl(QString(300, u'漫')));
    QCOMPARE(tooLong.status, 400);
    QCOMPARE(tooLong.body.value(QLatin1StringView("error"))
                 .toObject()
                 .value(QLatin1StringView("code"))
                 .toString(),
             QStringLiteral("invalid_params"));
    QCOMPARE(httpCall(network, "GET", articleUrl(QString(500, u'x'))).status, 404);

    // The link an agent sends: a page with the article as text.
    const Response opened = m_agent->call(
        method::KbArticle, ArticleOpenParams{QStringLiteral("baggage-powerbank-en"), {}}.toJson());
    const QUrl link(opened.result.value(QLatin1StringView("link")).toString());
    QCOMPARE(link.path(), QStringLiteral("/kb/view"));
    QNetworkReply* reply = network.get(QNetworkRequest(link));
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->rawHeader("Content-Security-Policy").startsWith("default-src 'none'"));
    const QString html = QString::fromUtf8(reply->readAll());
    QVERIFY(html.contains(QStringLiteral("<h1>Power banks and lithium batteries</h1>")));
    QVERIFY(html.contains(QStringLiteral("<li>Pack it in your cabin bag</li>")));
    QVERIFY(!html.contains(QStringLiteral("<script")));
    reply->deleteLater();
    const Response internal = m_agent->call(
        method::KbArticle, ArticleOpenParams{QStringLiteral("service-privacy-en"), {}}.toJson());
    QCOMPARE(outcomeOf(internal), QStringLiteral("ok"));
    QVERIFY(internal.result.value(QLatin1StringView("link")).toString().isEmpty());
}

QTEST_GUILESS_MAIN(tst_HubKnowledge)
#include "tst_HubKnowledge.moc"
