#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace qidong::hub {

// What a search text holds once punctuation and any query syntax are gone:
// words (letters and digits, lower-cased, common English function words
// dropped) and runs of Chinese (Han or Kana) characters. Nothing the user
// typed survives as FTS5 syntax: every expression below is built from
// quoted terms made only of letters and digits.
struct SearchTerms final
{
    QStringList words;
    QStringList hanRuns;
    bool lastWordIsPrefix = false; // the last word is still being typed (two letters or more)

    bool isEmpty() const { return words.isEmpty() && hanRuns.isEmpty(); }
    int count() const { return int(words.size() + hanRuns.size()); }

    static SearchTerms parse(QStringView text, bool prefix);

    // Every term must match, on the trigram index: only when the query is
    // all Chinese runs of three or more characters (trigrams cannot find
    // shorter ones). Empty when that does not hold.
    QString trigramAllExpression() const;
    // Every term must match, on the word index: words by their stem, a
    // Chinese run as the phrase of its bigrams (so any substring of two or
    // more characters is found), a single character as a bigram prefix.
    QString wordsAllExpression() const;
    // Any term may match, on the word index, ranked by bm25: for natural
    // questions and conversation text. Chinese runs are split into bigrams,
    // stop bigrams ("请问", "一下") dropped; at most `maxTerms`, the last.
    // With `articlesWith` (a term's document frequency) and the article
    // count, bigrams in more than a fifth of the articles are dropped when
    // rarer ones remain, and bigrams no article holds are left out: they
    // cost ranking time and add almost nothing to bm25.
    QString wordsAnyExpression(int maxTerms = 40,
                               const std::function<qint64(const QString&)>& articlesWith = {},
                               qint64 articleCount = 0) const;

    // The pieces a matching text contains, for marking hits: Chinese
    // bigrams (or single characters) and word stems.
    QStringList hanNeedles(bool anyMode) const;
    QStringList wordStems() const;
};

// The text the word index stores: runs of Chinese characters become their
// overlapping bigrams plus the last character ("国际漫游" -> "国际 际漫 漫游
// 游"), so a phrase of bigrams finds any substring and a one-character
// prefix query finds any character; other text is left to the tokenizer.
QString bigramIndexText(QStringView text);

// Overlapping pairs of a Chinese run; the run itself when it is one
// character.
QStringList bigramsOf(QStringView run);

// A rough English stem for marking matches in text (the index itself uses
// SQLite's porter stemmer): "refunds" -> "refund", "charges" -> "charg".
QString roughStem(const QString& word);

// Whether a code point is written in Han or Kana script.
bool isHan(char32_t codePoint);

} // namespace qidong::hub
