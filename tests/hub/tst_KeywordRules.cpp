#include "floor/KeywordRules.h"

#include <QTemporaryFile>
#include <QtTest/QTest>

using namespace qidong::hub;

// The text-quality monitor's lists: what they flag in Chinese and English,
// what they leave alone, and a site's own list replacing them.
class tst_KeywordRules final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsFlagThreatsAbuseAndCancellation_data();
    void defaultsFlagThreatsAbuseAndCancellation();
    void ordinaryTextIsNotFlagged();
    void aSiteListReplacesTheDefaults();
    void badListsAreRefusedClearly();
};

void tst_KeywordRules::defaultsFlagThreatsAbuseAndCancellation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("category");
    QTest::newRow("regulator zh") << QStringLiteral("再不处理我就打12315")
                                  << QStringLiteral("publicity");
    QTest::newRow("media zh") << QStringLiteral("我要在微博上发出来让媒体曝光")
                              << QStringLiteral("publicity");
    QTest::newRow("lawyer en") << QStringLiteral("My LAWYER will hear about this")
                               << QStringLiteral("publicity");
    QTest::newRow("abuse zh") << QStringLiteral("你们就是垃圾客服") << QStringLiteral("abuse");
    QTest::newRow("abuse en") << QStringLiteral("you are an idiot") << QStringLiteral("abuse");
    QTest::newRow("cancel zh") << QStringLiteral("我要携号转网") << QStringLiteral("cancellation");
    QTest::newRow("cancel en") << QStringLiteral("I want to cancel my subscription today")
                               << QStringLiteral("cancellation");
}

void tst_KeywordRules::defaultsFlagThreatsAbuseAndCancellation()
{
    QFETCH(QString, text);
    QFETCH(QString, category);
    const KeywordRules rules = KeywordRules::defaults();
    QVERIFY(rules.ruleCount() > 10);
    const std::optional<KeywordRules::Hit> hit = rules.check(text);
    QVERIFY(hit.has_value());
    QCOMPARE(hit->category, category);
    QVERIFY(text.contains(hit->matched, Qt::CaseInsensitive));
}

void tst_KeywordRules::ordinaryTextIsNotFlagged()
{
    const KeywordRules rules = KeywordRules::defaults();
    for (const QString& text :
         {QStringLiteral("请问日本漫游怎么开通？"), QStringLiteral("充电宝可以带上飞机吗"),
          QStringLiteral("Can I change my plan to a cheaper one?"),
          QStringLiteral("The courtyard hotel suits me"), QStringLiteral("")})
        QVERIFY2(!rules.check(text).has_value(), qPrintable(text));
}

void tst_KeywordRules::aSiteListReplacesTheDefaults()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(R"({"refund": ["退款", "\\brefund\\b"]})");
    file.close();
    const qidong::protocol::Result<KeywordRules> rules = KeywordRules::fromFile(file.fileName());
    QVERIFY(rules.ok());
    QCOMPARE(rules.value().ruleCount(), 2);
    QCOMPARE(rules.value().check(QStringLiteral("我要退款"))->category, QStringLiteral("refund"));
    QVERIFY(!rules.value().check(QStringLiteral("我要去12315")).has_value());
}

void tst_KeywordRules::badListsAreRefusedClearly()
{
    QVERIFY(!KeywordRules::fromJsonText("[1,2]").ok());
    QVERIFY(!KeywordRules::fromJsonText(R"({"x": "not a list"})").ok());
    const auto broken = KeywordRules::fromJsonText(R"({"x": ["(unclosed"]})");
    QVERIFY(!broken.ok());
    QVERIFY(broken.error().message.contains(QStringLiteral("x")));
    QVERIFY(!KeywordRules::fromFile(QStringLiteral("/nonexistent/rules.json")).ok());
}

QTEST_GUILESS_MAIN(tst_KeywordRules)
#include "tst_KeywordRules.moc"
