#include "SearchTerms.h"

#include <QChar>
#include <QSet>

#include <algorithm>

namespace qidong::hub {

namespace {

// Query words that say nothing about the answer ("how do I ...").
const QSet<QString>& englishStopWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char* word :
             {"a",      "an",     "the",   "is",     "are",   "am",    "be",   "been",  "to",
              "of",     "in",     "on",    "at",     "for",   "and",   "or",   "my",    "i",
              "me",     "we",     "you",   "your",   "it",    "its",   "do",   "does",  "did",
              "how",    "what",   "when",  "where",  "why",   "which", "who",  "can",   "could",
              "would",  "should", "will",  "with",   "from",  "this",  "that", "these", "there",
              "please", "hi",     "hello", "thanks", "thank", "get",   "got",  "need",  "want",
              "have",   "has",    "had",   "not",    "no",    "so",    "if",   "about", "any",
              "im",     "ive",    "dont",  "cant",   "s",     "t",     "m",    "d",     "ll",
              "just",   "still",  "some",  "by",     "up",    "out",   "as",   "but",   "yes"})
            set.insert(QString::fromLatin1(word));
        return set;
    }();
    return words;
}

// Chinese pairs that carry no topic: greetings, question words, particles.
bool isStopBigram(QStringView bigram)
{
    static const QSet<QString> pairs = [] {
        QSet<QString> set;
        for (const char* pair : {"你好", "您好", "请问", "一下", "怎么", "什么", "可以", "这个",
                                 "那个", "我想", "想问", "问一", "谢谢", "为什", "我的", "的话",
                                 "是不", "不是", "一个", "我们", "你们", "麻烦", "帮我", "我要",
                                 "现在", "已经", "还是", "如何", "么办", "么样", "怎样", "能不"})
            set.insert(QString::fromUtf8(pair));
        return set;
    }();
    static const QString particles = QString::fromUtf8("的了吗呢吧啊呀哦嗯么");
    for (const QChar c : bigram) {
        if (particles.contains(c))
            return true;
    }
    return pairs.contains(bigram.toString());
}

QString quoted(const QString& term)
{
    QString escaped = term;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

} // namespace

bool isHan(char32_t codePoint)
{
    const QChar::Script script = QChar::script(codePoint);
    return script == QChar::Script_Han || script == QChar::Script_Hiragana ||
           script == QChar::Script_Katakana;
}

SearchTerms SearchTerms::parse(QStringView text, bool prefix)
{
    SearchTerms terms;
    QStringList stopWords; // kept aside: a query of nothing else still means them
    QString word;
    QString han;
    bool lastWasWord = false;
    const auto flush = [&] {
        if (!word.isEmpty()) {
            word = word.toLower();
            QStringList& into = englishStopWords().contains(word) ? stopWords : terms.words;
            if (!into.contains(word))
                into.append(word);
            lastWasWord = true;
            word.clear();
        }
        if (!han.isEmpty()) {
            if (!terms.hanRuns.contains(han))
                terms.hanRuns.append(han);
            lastWasWord = false;
            han.clear();
        }
    };
    const QList<uint> codePoints = text.toUcs4();
    for (const uint codePoint : codePoints) {
        const auto* point = reinterpret_cast<const char32_t*>(&codePoint);
        if (isHan(codePoint)) {
            if (!word.isEmpty())
                flush();
            han.append(QString::fromUcs4(point, 1));
        } else if (QChar::isLetterOrNumber(codePoint)) {
            if (!han.isEmpty())
                flush();
            word.append(QString::fromUcs4(point, 1));
        } else {
            flush();
            lastWasWord = false; // a space or mark after the word: it is finished
        }
    }
    flush();
    if (terms.isEmpty())
        terms.words = stopWords;
    // Only a word still under the cursor is a prefix; a single letter
    // being typed says too little to search for yet.
    terms.lastWordIsPrefix = prefix && lastWasWord && !terms.words.isEmpty();
    if (terms.lastWordIsPrefix && terms.words.last().size() < 2) {
        terms.words.removeLast();
        terms.lastWordIsPrefix = false;
    }
    return terms;
}

QString SearchTerms::trigramAllExpression() const
{
    if (!words.isEmpty() || hanRuns.isEmpty())
        return {};
    QStringList parts;
    for (const QString& run : hanRuns) {
        if (run.size() < 3)
            return {};
        parts.append(quoted(run));
    }
    return parts.join(QStringLiteral(" AND "));
}

QString SearchTerms::wordsAllExpression() const
{
    QStringList parts;
    for (const QString& run : hanRuns) {
        if (run.size() == 1)
            parts.append(quoted(run) + u'*');
        else
            parts.append(quoted(bigramsOf(run).join(u' ')));
    }
    for (qsizetype i = 0; i < words.size(); ++i) {
        const bool typing = lastWordIsPrefix && i == words.size() - 1;
        parts.append(quoted(words.at(i)) + (typing ? QStringLiteral("*") : QString()));
    }
    return parts.join(QStringLiteral(" AND "));
}

QString SearchTerms::wordsAnyExpression(int maxTerms,
                                        const std::function<qint64(const QString&)>& articlesWith,
                                        qint64 articleCount) const
{
    QStringList parts;
    QStringList bigrams;
    for (const QString& run : hanRuns) {
        if (run.size() == 1) {
            parts.append(quoted(run) + u'*');
            continue;
        }
        for (const QString& bigram : bigramsOf(run)) {
            if (!isStopBigram(bigram) && !bigrams.contains(bigram))
                bigrams.append(bigram);
        }
    }
    if (articlesWith && articleCount > 0 && !bigrams.isEmpty()) {
        QList<qint64> frequency;
        for (const QString& bigram : std::as_const(bigrams))
            frequency.append(articlesWith(bigram));
        const qint64 common = articleCount / 5;
        const bool rareOnes = std::any_of(frequency.begin(), frequency.end(),
                                          [common](qint64 n) { return n > 0 && n <= common; });
        QStringList kept;
        for (qsizetype i = 0; i < bigrams.size(); ++i) {
            if (frequency.at(i) > 0 && (!rareOnes || frequency.at(i) <= common))
                kept.append(bigrams.at(i));
        }
        bigrams = kept;
    }
    for (const QString& bigram : std::as_const(bigrams))
        parts.append(quoted(bigram));
    for (qsizetype i = 0; i < words.size(); ++i) {
        const bool typing = lastWordIsPrefix && i == words.size() - 1;
        parts.append(quoted(words.at(i)) + (typing ? QStringLiteral("*") : QString()));
    }
    if (parts.size() > maxTerms)
        parts = parts.mid(parts.size() - maxTerms);
    return parts.join(QStringLiteral(" OR "));
}

QStringList SearchTerms::hanNeedles(bool anyMode) const
{
    if (!anyMode)
        return hanRuns;
    QStringList needles;
    for (const QString& run : hanRuns) {
        for (const QString& bigram : bigramsOf(run)) {
            if ((run.size() == 1 || !isStopBigram(bigram)) && !needles.contains(bigram))
                needles.append(bigram);
        }
    }
    return needles;
}

QStringList SearchTerms::wordStems() const
{
    QStringList stems;
    for (const QString& word : words)
        stems.append(roughStem(word));
    return stems;
}

QStringList bigramsOf(QStringView run)
{
    const QList<uint> codePoints = run.toUcs4();
    QStringList pairs;
    if (codePoints.size() == 1) {
        pairs.append(run.toString());
        return pairs;
    }
    for (qsizetype i = 0; i + 1 < codePoints.size(); ++i)
        pairs.append(
            QString::fromUcs4(reinterpret_cast<const char32_t*>(codePoints.constData() + i), 2));
    return pairs;
}

QString bigramIndexText(QStringView text)
{
    QString out;
    out.reserve(text.size() * 3);
    QList<uint> run;
    const auto flushRun = [&] {
        if (run.isEmpty())
            return;
        const auto* points = reinterpret_cast<const char32_t*>(run.constData());
        out.append(u' ');
        for (qsizetype i = 0; i + 1 < run.size(); ++i) {
            out.append(QString::fromUcs4(points + i, 2));
            out.append(u' ');
        }
        out.append(QString::fromUcs4(points + run.size() - 1, 1));
        out.append(u' ');
        run.clear();
    };
    const QList<uint> codePoints = text.toUcs4();
    for (const uint codePoint : codePoints) {
        if (isHan(codePoint)) {
            run.append(codePoint);
            continue;
        }
        flushRun();
        out.append(QString::fromUcs4(reinterpret_cast<const char32_t*>(&codePoint), 1));
    }
    flushRun();
    return out;
}

QString roughStem(const QString& word)
{
    QString stem = word.toLower();
    if (stem.size() <= 4)
        return stem;
    for (const QLatin1StringView suffix :
         {QLatin1StringView("ies"), QLatin1StringView("ing"), QLatin1StringView("ed"),
          QLatin1StringView("es"), QLatin1StringView("ly"), QLatin1StringView("s"),
          QLatin1StringView("e")}) {
        if (stem.endsWith(suffix) && stem.size() - suffix.size() >= 3) {
            stem.chop(suffix.size());
            break;
        }
    }
    return stem;
}

} // namespace qidong::hub
