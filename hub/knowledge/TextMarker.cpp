#include "TextMarker.h"

#include "SearchTerms.h"

#include <algorithm>

namespace qidong::hub {

using protocol::MarkedText;

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() && !isHan(c.unicode());
}

QList<MarkedText::Mark> merged(QList<MarkedText::Mark> marks)
{
    std::sort(marks.begin(), marks.end(), [](const MarkedText::Mark& a, const MarkedText::Mark& b) {
        return a.start < b.start;
    });
    QList<MarkedText::Mark> out;
    for (const MarkedText::Mark& mark : marks) {
        if (!out.isEmpty() && mark.start <= out.last().start + out.last().length) {
            const int end =
                std::max(out.last().start + out.last().length, mark.start + mark.length);
            out.last().length = end - out.last().start;
        } else {
            out.append(mark);
        }
    }
    return out;
}

} // namespace

TextMarker::TextMarker(QStringList hanNeedles, QStringList wordStems)
    : m_hanNeedles(std::move(hanNeedles))
    , m_wordStems(std::move(wordStems))
{}

QList<MarkedText::Mark> TextMarker::find(const QString& text) const
{
    QList<MarkedText::Mark> marks;
    for (const QString& needle : m_hanNeedles) {
        for (qsizetype at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1))
            marks.append({int(at), int(needle.size())});
    }
    if (!m_wordStems.isEmpty()) {
        qsizetype i = 0;
        while (i < text.size()) {
            if (!isWordChar(text.at(i))) {
                ++i;
                continue;
            }
            qsizetype end = i;
            while (end < text.size() && isWordChar(text.at(end)))
                ++end;
            const QString word = text.mid(i, end - i).toLower();
            for (const QString& stem : m_wordStems) {
                if (word.startsWith(stem)) {
                    marks.append({int(i), int(end - i)});
                    break;
                }
            }
            i = end;
        }
    }
    return merged(marks);
}

MarkedText TextMarker::mark(const QString& text) const
{
    return {text, find(text)};
}

MarkedText TextMarker::snippet(const QString& text, int width) const
{
    QString flat = text;
    flat.replace(u'\n', u' ');
    const QList<MarkedText::Mark> marks = find(flat);
    if (flat.size() <= width)
        return {flat, marks};

    // The window holding the most matches, starting a little before one.
    const int lead = width / 5;
    qsizetype start = 0;
    int bestCount = 0;
    for (const MarkedText::Mark& anchor : marks) {
        const qsizetype from = std::max<qsizetype>(0, anchor.start - lead);
        const int count = int(std::count_if(marks.begin(), marks.end(), [&](const auto& m) {
            return m.start >= from && m.start + m.length <= from + width;
        }));
        if (count > bestCount) {
            bestCount = count;
            start = from;
        }
    }
    start = std::min<qsizetype>(start, flat.size() - width);
    qsizetype end = start + width;
    // Whole words at both ends of English text.
    if (start > 0 && isWordChar(flat.at(start))) {
        for (qsizetype i = start; i < start + 15 && i < end; ++i) {
            if (!isWordChar(flat.at(i))) {
                start = i + 1;
                break;
            }
        }
    }
    if (end < flat.size() && isWordChar(flat.at(end))) {
        for (qsizetype i = end; i > end - 15 && i > start; --i) {
            if (!isWordChar(flat.at(i - 1))) {
                end = i - 1;
                break;
            }
        }
    }
    while (start < end && flat.at(start).isSpace())
        ++start;
    while (end > start && flat.at(end - 1).isSpace())
        --end;
    const QString ellipsis = QStringLiteral("…");
    const QString before = start > 0 ? ellipsis : QString();
    MarkedText out;
    out.text = before + flat.mid(start, end - start) + (end < flat.size() ? ellipsis : QString());
    for (const MarkedText::Mark& mark : marks) {
        if (mark.start >= start && mark.start + mark.length <= end)
            out.marks.append({int(mark.start - start + before.size()), mark.length});
    }
    return out;
}

} // namespace qidong::hub
