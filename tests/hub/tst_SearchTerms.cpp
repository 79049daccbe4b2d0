#include "knowledge/SearchTerms.h"
#include "knowledge/TextMarker.h"

#include <QRegularExpression>
#include <QtTest/QTest>

using namespace qidong::hub;
using qidong::protocol::MarkedText;

// How a search text becomes FTS5 expressions, and how hits are marked.
class tst_SearchTerms final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsWordsAndChineseRuns();
    void expressionsHoldOnlyQuotedTerms_data();
    void expressionsHoldOnlyQuotedTerms();
    void trigramOnlyForLongChineseRuns();
    void bigramTextFindsEverySubstring();
    void anyModeDropsStopBigramsAndKeepsTheLatest();
    void onlyTheWordUnderTheCursorIsAPrefix();
    void commonAndAbsentBigramsAreLeftOut();
    void marksChineseAndWordStems();
    void snippetCentresOnTheMatches();
};

void tst_SearchTerms::splitsWordsAndChineseRuns()
{
    const SearchTerms terms = SearchTerms::parse(u"How do I 开通 iPhone的eSIM？5G", false);
    QCOMPARE(terms.words,
             (QStringList{QStringLiteral("iphone"), QStringLiteral("esim"), QStringLiteral("5g")}));
    QCOMPARE(terms.hanRuns, (QStringList{QStringLiteral("开通"), QStringLiteral("的")}));
    // Only function words: they are what was asked, so they stay.
    QCOMPARE(SearchTerms::parse(u"how do I", false).words,
             (QStringList{QStringLiteral("how"), QStringLiteral("do"), QStringLiteral("i")}));
    QVERIFY(SearchTerms::parse(u"？！。…… \"*()", false).isEmpty());
}

void tst_SearchTerms::expressionsHoldOnlyQuotedTerms_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("quotes") << QStringLiteral("\"a\" \"\"b");
    QTest::newRow("operators") << QStringLiteral("NEAR(a b) AND c OR NOT d");
    QTest::newRow("column and caret") << QStringLiteral("title:x ^y {a b}:c");
    QTest::newRow("star and plus") << QStringLiteral("a* + b*");
    QTest::newRow("sql") << QStringLiteral("'); DROP TABLE kb_articles; --");
}

void tst_SearchTerms::expressionsHoldOnlyQuotedTerms()
{
    QFETCH(QString, query);
    const SearchTerms terms = SearchTerms::parse(query, true);
    for (const QString& expression : {terms.wordsAllExpression(), terms.wordsAnyExpression()}) {
        // Take out the quoted terms and the joins we add: nothing else may remain.
        QString rest = expression;
        rest.remove(QRegularExpression(QStringLiteral("\"[\\p{L}\\p{N} ]*\"\\*?")));
        rest.remove(QStringLiteral(" AND "));
        rest.remove(QStringLiteral(" OR "));
        QVERIFY2(rest.trimmed().isEmpty(), qPrintable(expression));
    }
}

void tst_SearchTerms::trigramOnlyForLongChineseRuns()
{
    QCOMPARE(SearchTerms::parse(u"国际漫游 流量包", false).trigramAllExpression(),
             QStringLiteral("\"国际漫游\" AND \"流量包\""));
    QVERIFY(SearchTerms::parse(u"漫游", false).trigramAllExpression().isEmpty());
    QVERIFY(SearchTerms::parse(u"国际漫游 roaming", false).trigramAllExpression().isEmpty());
    QCOMPARE(SearchTerms::parse(u"国际漫游 猫", false).wordsAllExpression(),
             QStringLiteral("\"国际 际漫 漫游\" AND \"猫\"*"));
}

void tst_SearchTerms::bigramTextFindsEverySubstring()
{
    QCOMPARE(bigramIndexText(u"开通国际漫游"), QStringLiteral(" 开通 通国 国际 际漫 漫游 游 "));
    QCOMPARE(bigramIndexText(u"eSIM开通"), QStringLiteral("eSIM 开通 通 "));
    QCOMPARE(bigramIndexText(u"猫"), QStringLiteral(" 猫 "));
    QCOMPARE(bigramsOf(u"漫游"), QStringList{QStringLiteral("漫游")});
}

void tst_SearchTerms::anyModeDropsStopBigramsAndKeepsTheLatest()
{
    const SearchTerms terms = SearchTerms::parse(u"请问一下漫游", false);
    QCOMPARE(terms.wordsAnyExpression(), QStringLiteral("\"下漫\" OR \"漫游\""));
    QCOMPARE(terms.wordsAnyExpression(1), QStringLiteral("\"漫游\""));
}

void tst_SearchTerms::onlyTheWordUnderTheCursorIsAPrefix()
{
    QVERIFY(SearchTerms::parse(u"power ba", true).lastWordIsPrefix);
    QCOMPARE(SearchTerms::parse(u"power ba", true).wordsAllExpression(),
             QStringLiteral("\"power\" AND \"ba\"*"));
    QVERIFY(!SearchTerms::parse(u"power ba ", true).lastWordIsPrefix);
    QVERIFY(!SearchTerms::parse(u"power ba", false).lastWordIsPrefix);
    QVERIFY(!SearchTerms::parse(u"power 漫游", true).lastWordIsPrefix);
    // One letter being typed is not searched for yet.
    QCOMPARE(SearchTerms::parse(u"power b", true).wordsAllExpression(), QStringLiteral("\"power\""));
    QVERIFY(SearchTerms::parse(u"b", true).isEmpty());
}

void tst_SearchTerms::commonAndAbsentBigramsAreLeftOut()
{
    const SearchTerms terms = SearchTerms::parse(u"开通漫游去东京", false);
    const QHash<QString, qint64> frequency{{QStringLiteral("开通"), 30000},
                                           {QStringLiteral("通漫"), 0},
                                           {QStringLiteral("漫游"), 31000},
                                           {QStringLiteral("游去"), 0},
                                           {QStringLiteral("去东"), 0},
                                           {QStringLiteral("东京"), 120}};
    const auto articlesWith = [&frequency](const QString& term) { return frequency.value(term); };
    QCOMPARE(terms.wordsAnyExpression(40, articlesWith, 100000), QStringLiteral("\"东京\""));
    // With nothing rare left, the common ones are what there is.
    const SearchTerms common = SearchTerms::parse(u"开通漫游", false);
    QCOMPARE(common.wordsAnyExpression(40, articlesWith, 100000),
             QStringLiteral("\"开通\" OR \"漫游\""));
}

void tst_SearchTerms::marksChineseAndWordStems()
{
    const TextMarker marker({QStringLiteral("漫游")}, {roughStem(QStringLiteral("refunds"))});
    const MarkedText marked = marker.mark(QStringLiteral("国际漫游 Refunded; no refund. 漫游"));
    QCOMPARE(marked.marks.size(), 4);
    QCOMPARE(marked.text.mid(marked.marks.at(0).start, marked.marks.at(0).length),
             QStringLiteral("漫游"));
    QCOMPARE(marked.text.mid(marked.marks.at(1).start, marked.marks.at(1).length),
             QStringLiteral("Refunded"));
    QCOMPARE(marked.text.mid(marked.marks.at(2).start, marked.marks.at(2).length),
             QStringLiteral("refund"));
    // Overlapping needles merge into one mark.
    const MarkedText merged =
        TextMarker({QStringLiteral("国际"), QStringLiteral("际漫"), QStringLiteral("漫游")}, {})
            .mark(QStringLiteral("开通国际漫游"));
    QCOMPARE(merged.marks.size(), 1);
    QCOMPARE(merged.marks.first().start, 2);
    QCOMPARE(merged.marks.first().length, 4);
}

void tst_SearchTerms::snippetCentresOnTheMatches()
{
    QString text;
    for (int i = 0; i < 40; ++i)
        text += QStringLiteral("filler words here. ");
    text += QStringLiteral("The power bank rule: carry power banks in the cabin. ");
    for (int i = 0; i < 40; ++i)
        text += QStringLiteral("more filler text. ");
    const MarkedText snippet = TextMarker({}, {QStringLiteral("power")}).snippet(text, 100);
    QVERIFY(snippet.text.startsWith(QStringLiteral("…")));
    QVERIFY(snippet.text.endsWith(QStringLiteral("…")));
    QVERIFY(snippet.text.size() <= 102);
    QCOMPARE(snippet.marks.size(), 2);
    for (const MarkedText::Mark& mark : snippet.marks)
        QCOMPARE(snippet.text.mid(mark.start, mark.length).toLower(), QStringLiteral("power"));
    // Nothing matched in the body: its beginning.
    const MarkedText start = TextMarker({}, {QStringLiteral("zzz")}).snippet(text, 50);
    QVERIFY(start.text.startsWith(QStringLiteral("filler")));
    QVERIFY(start.marks.isEmpty());
}

QTEST_GUILESS_MAIN(tst_SearchTerms)
#include "tst_SearchTerms.moc"
