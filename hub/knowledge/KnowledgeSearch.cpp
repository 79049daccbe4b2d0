#include "KnowledgeSearch.h"

#include "SearchTerms.h"
#include "TextMarker.h"

#include <QSet>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

// Snippet widths: Chinese says in 60 characters what English says in 150.
int snippetWidth(const QString& language)
{
    return language == QLatin1StringView("zh") ? 60 : 150;
}

ArticleHit hitOf(const KnowledgeStore::Found& found, const TextMarker& marker)
{
    ArticleHit hit;
    hit.id = found.id;
    hit.title = marker.mark(found.title);
    MarkedText snippet = marker.snippet(found.body, snippetWidth(found.language));
    if (snippet.marks.isEmpty()) {
        // Matched by another way of asking: show that one.
        const MarkedText question = marker.snippet(found.questions, snippetWidth(found.language));
        if (!question.marks.isEmpty())
            snippet = question;
    }
    hit.snippet = snippet;
    hit.language = found.language;
    hit.audience = found.audience;
    hit.products = found.products;
    hit.updatedAtMs = found.updatedAtMs;
    return hit;
}

QString languageOfText(const QString& text)
{
    for (const QChar c : text) {
        if (isHan(c.unicode()))
            return QStringLiteral("zh");
    }
    return QStringLiteral("en");
}

} // namespace

KnowledgeSearch::KnowledgeSearch(const KnowledgeStore& store)
    : m_store(store)
{}

Result<KnowledgeSearchResult> KnowledgeSearch::search(const KnowledgeSearchParams& params,
                                                      bool customerOnly) const
{
    const SearchTerms terms = SearchTerms::parse(params.query, params.prefix);
    KnowledgeStore::Filter filter;
    filter.language = params.language;
    filter.products = params.products;
    filter.customerOnly = customerOnly;
    Result<KnowledgeSearchResult> result = run(terms, filter, params.limit, params.offset, true);
    if (result)
        result.value().query = params.query;
    return result;
}

Result<KnowledgeSearchResult> KnowledgeSearch::suggest(const QString& text, const QString& language,
                                                       int limit) const
{
    const SearchTerms terms = SearchTerms::parse(text, false);
    KnowledgeStore::Filter filter;
    filter.language = language.isEmpty() ? languageOfText(text) : language;
    Result<KnowledgeSearchResult> result = run(terms, filter, limit, 0, false);
    if (result)
        result.value().query = text;
    return result;
}

Result<KnowledgeSearchResult> KnowledgeSearch::run(const SearchTerms& terms,
                                                   const KnowledgeStore::Filter& filter, int limit,
                                                   int offset, bool allFirst) const
{
    KnowledgeSearchResult result;
    if (terms.isEmpty()) {
        result.mode = QStringLiteral("none");
        return result;
    }
    // One more than the page, to know whether there is a next one.
    const int wanted = offset + limit + 1;
    QList<KnowledgeStore::Found> found;
    bool anyUsed = !allFirst;
    if (allFirst) {
        const QString trigram = terms.trigramAllExpression();
        Result<QList<KnowledgeStore::Found>> all =
            trigram.isEmpty()
                ? m_store.match(KnowledgeStore::Index::Words, terms.wordsAllExpression(), filter,
                                wanted, 0)
                : m_store.match(KnowledgeStore::Index::Trigram, trigram, filter, wanted, 0);
        if (!all)
            return all.error();
        found = all.value();
    }
    bool anyDiffers = terms.count() > 1;
    for (const QString& run : terms.hanRuns)
        anyDiffers = anyDiffers || run.size() > 2;
    if (found.size() < wanted && (anyUsed || anyDiffers)) {
        Result<QList<KnowledgeStore::Found>> any = m_store.match(
            KnowledgeStore::Index::Words,
            terms.wordsAnyExpression(
                40, [this](const QString& term) { return m_store.articlesWith(term); },
                m_store.count()),
            filter, wanted + int(found.size()), 0);
        if (!any)
            return any.error();
        QSet<QString> seen;
        for (const KnowledgeStore::Found& row : std::as_const(found))
            seen.insert(row.id);
        for (const KnowledgeStore::Found& row : any.value()) {
            if (found.size() >= wanted)
                break;
            if (!seen.contains(row.id)) {
                found.append(row);
                anyUsed = true;
            }
        }
    }
    result.mode = anyUsed ? QStringLiteral("any") : QStringLiteral("all");
    const TextMarker marker(terms.hanNeedles(anyUsed), terms.wordStems());
    for (qsizetype i = offset; i < found.size() && i < offset + limit; ++i)
        result.hits.append(hitOf(found.at(i), marker));
    result.hasMore = found.size() > offset + limit;
    return result;
}

} // namespace qidong::hub
