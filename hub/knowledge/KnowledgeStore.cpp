#include "KnowledgeStore.h"

#include "Clock.h"
#include "SearchTerms.h"
#include "log/HubLog.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

const QString kLines = QStringLiteral("\n");

// Products are stored as "|a|b|" so a filter is one instr() per product.
QString productKey(const QStringList& products)
{
    return products.isEmpty() ? QString() : u'|' + products.join(u'|') + u'|';
}

QStringList productsOf(const QString& key)
{
    return key.split(u'|', Qt::SkipEmptyParts);
}

QStringList linesOf(const QString& text)
{
    return text.split(u'\n', Qt::SkipEmptyParts);
}

Error failure(const QSqlQuery& query, QLatin1StringView what, const QString& message)
{
    logWarning(lcStorage, what, {{QStringLiteral("error"), query.lastError().text()}});
    return makeError(ErrorCode::StorageFailure, message);
}

struct IndexedText
{
    QString title;
    QString questions;
    QString tags;
    QString body;
};

// Adds or removes one article's text in both indexes. The word index is
// contentless and the trigram index reads kb_articles, so removing takes
// the text that was indexed, word for word.
bool writeIndexes(QSqlDatabase& db, qint64 doc, const IndexedText& text, bool remove)
{
    for (const QString& table : {QStringLiteral("kb_trigram"), QStringLiteral("kb_words")}) {
        const bool words = table == QLatin1StringView("kb_words");
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO ") + table + u'(' +
                      (remove ? table + QStringLiteral(", ") : QString()) +
                      QStringLiteral("rowid, title, questions, tags, body) VALUES (") +
                      (remove ? QStringLiteral("'delete', ") : QString()) +
                      QStringLiteral("?, ?, ?, ?, ?)"));
        query.addBindValue(doc);
        for (const QString& field : {text.title, text.questions, text.tags, text.body})
            query.addBindValue(orEmpty(words ? bigramIndexText(field) : field));
        if (!query.exec()) {
            logWarning(lcStorage, QLatin1StringView("kb.index.failed"),
                       {{QStringLiteral("error"), query.lastError().text()}});
            return false;
        }
    }
    return true;
}

} // namespace

KnowledgeStore::KnowledgeStore(Database& database)
    : m_database(database)
{}

Result<int> KnowledgeStore::save(const QList<KnowledgeArticle>& articles)
{
    m_count = -1;
    QSqlDatabase& db = m_database.connection();
    if (!db.transaction())
        return makeError(ErrorCode::StorageFailure, QStringLiteral("could not save the articles"));
    for (const KnowledgeArticle& article : articles) {
        const Result<bool> saved = saveOne(article);
        if (!saved) {
            db.rollback();
            return saved.error();
        }
    }
    if (!db.commit()) {
        db.rollback();
        return makeError(ErrorCode::StorageFailure, QStringLiteral("could not save the articles"));
    }
    return int(articles.size());
}

Result<bool> KnowledgeStore::saveOne(const KnowledgeArticle& article)
{
    QSqlDatabase& db = m_database.connection();
    const QString message = QStringLiteral("could not save article %1").arg(article.id);
    QSqlQuery existing(db);
    existing.prepare(
        QStringLiteral("SELECT doc, title, questions, tags, body FROM kb_articles WHERE id = ?"));
    existing.addBindValue(article.id);
    if (!existing.exec())
        return failure(existing, QLatin1StringView("kb.save.failed"), message);
    const IndexedText text{article.title, article.questions.join(kLines), article.tags.join(kLines),
                           article.body};
    qint64 doc = 0;
    QSqlQuery write(db);
    if (existing.next()) {
        doc = existing.value(0).toLongLong();
        const IndexedText old{existing.value(1).toString(), existing.value(2).toString(),
                              existing.value(3).toString(), existing.value(4).toString()};
        if (!writeIndexes(db, doc, old, true))
            return makeError(ErrorCode::StorageFailure, message);
        write.prepare(QStringLiteral(
            "UPDATE kb_articles SET title = ?, questions = ?, tags = ?, body = ?, steps = ?,"
            " products = ?, language = ?, audience = ?, version = ?, updated_at = ? WHERE doc = "
            "?"));
    } else {
        write.prepare(QStringLiteral(
            "INSERT INTO kb_articles(title, questions, tags, body, steps, products, language,"
            " audience, version, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    }
    write.addBindValue(text.title);
    write.addBindValue(orEmpty(text.questions));
    write.addBindValue(orEmpty(text.tags));
    write.addBindValue(orEmpty(text.body));
    write.addBindValue(orEmpty(article.steps.join(kLines)));
    write.addBindValue(orEmpty(productKey(article.products)));
    write.addBindValue(article.language);
    write.addBindValue(audienceName(article.audience));
    write.addBindValue(article.version);
    write.addBindValue(article.updatedAtMs > 0 ? article.updatedAtMs : nowMs());
    if (doc > 0)
        write.addBindValue(doc);
    else
        write.addBindValue(article.id);
    if (!write.exec())
        return failure(write, QLatin1StringView("kb.save.failed"), message);
    if (doc == 0)
        doc = write.lastInsertId().toLongLong();
    QSqlQuery facets(db);
    facets.prepare(QStringLiteral("INSERT OR REPLACE INTO kb_facets(doc, language, audience,"
                                  " products) VALUES (?, ?, ?, ?)"));
    facets.addBindValue(doc);
    facets.addBindValue(article.language);
    facets.addBindValue(audienceName(article.audience));
    facets.addBindValue(orEmpty(productKey(article.products)));
    if (!facets.exec())
        return failure(facets, QLatin1StringView("kb.save.failed"), message);
    if (!writeIndexes(db, doc, text, false))
        return makeError(ErrorCode::StorageFailure, message);
    return true;
}

std::optional<KnowledgeArticle> KnowledgeStore::article(const QString& id) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT id, title, questions, body, steps, tags, products, language, audience, version,"
        " updated_at, views, helpful, not_helpful FROM kb_articles WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    KnowledgeArticle article;
    article.id = query.value(0).toString();
    article.title = query.value(1).toString();
    article.questions = linesOf(query.value(2).toString());
    article.body = query.value(3).toString();
    article.steps = linesOf(query.value(4).toString());
    article.tags = linesOf(query.value(5).toString());
    article.products = productsOf(query.value(6).toString());
    article.language = query.value(7).toString();
    article.audience = audienceFromName(query.value(8).toString()).value_or(Audience::Agent);
    article.version = query.value(9).toInt();
    article.updatedAtMs = query.value(10).toLongLong();
    article.views = query.value(11).toLongLong();
    article.helpful = query.value(12).toLongLong();
    article.notHelpful = query.value(13).toLongLong();
    return article;
}

qint64 KnowledgeStore::count() const
{
    if (m_count >= 0)
        return m_count;
    QSqlQuery query(m_database.connection());
    if (query.exec(QStringLiteral("SELECT COUNT(*) FROM kb_facets")) && query.next())
        m_count = query.value(0).toLongLong();
    return std::max<qint64>(m_count, 0);
}

namespace {

// The most bm25 work one query may do, in candidates times terms: with a
// common term (漫游 in a third of 100,000 articles) ranking every match costs
// 30-90 ms, so a larger set is first narrowed to title, questions and tags,
// and if that is still too large the first candidates in article order are
// ranked ("capped candidate scoring"; shared/design/FACTS.md).
constexpr int kRankingBudget = 6000;

int candidateBudget(const QString& expression)
{
    const int terms = std::max(1, int(expression.count(u'"') / 2));
    return std::clamp(kRankingBudget / terms, 300, 2000);
}

} // namespace

Result<QList<KnowledgeStore::Found>> KnowledgeStore::match(Index index, const QString& expression,
                                                           const Filter& filter, int limit,
                                                           int offset) const
{
    if (expression.isEmpty())
        return QList<Found>{}; // no term any article holds
    const QString table =
        index == Index::Trigram ? QStringLiteral("kb_trigram") : QStringLiteral("kb_words");
    QString from = table + QStringLiteral(" JOIN kb_facets k ON k.doc = ") + table +
                   QStringLiteral(".rowid WHERE ") + table + QStringLiteral(" MATCH ?");
    if (!filter.language.isEmpty())
        from += QStringLiteral(" AND k.language = ?");
    if (filter.customerOnly)
        from += QStringLiteral(" AND k.audience = 'customer'");
    if (!filter.products.isEmpty()) {
        QStringList any;
        for (qsizetype i = 0; i < filter.products.size(); ++i)
            any.append(QStringLiteral("instr(k.products, ?) > 0"));
        from += QStringLiteral(" AND (") + any.join(QStringLiteral(" OR ")) + u')';
    }
    // Title first, then the other ways of asking, tags, and the body.
    const QString score = QStringLiteral("bm25(") + table + QStringLiteral(", 8.0, 5.0, 3.0, 1.0)");
    QSqlDatabase& db = m_database.connection();
    const auto prepare = [&](QSqlQuery& query, const QString& sql, const QString& match) {
        query.setForwardOnly(true);
        query.prepare(sql);
        query.addBindValue(match);
        if (!filter.language.isEmpty())
            query.addBindValue(filter.language);
        for (const QString& product : filter.products)
            query.addBindValue(QString(u'|' + product + u'|'));
    };
    const auto searchFailed = [](const QSqlQuery& query) {
        return failure(query, QLatin1StringView("kb.search.failed"),
                       QStringLiteral("the knowledge search failed"));
    };
    // How many match, counting no further than the budget.
    const int budget = candidateBudget(expression);
    const auto moreThanBudget = [&](const QString& match) -> std::optional<bool> {
        QSqlQuery count(db);
        prepare(count,
                QStringLiteral("SELECT count(*) FROM (SELECT ") + table +
                    QStringLiteral(".rowid FROM ") + from + QStringLiteral(" LIMIT ?)"),
                match);
        count.addBindValue(budget + 1);
        if (!count.exec() || !count.next()) {
            logWarning(lcStorage, QLatin1StringView("kb.search.failed"),
                       {{QStringLiteral("error"), count.lastError().text()}});
            return std::nullopt;
        }
        return count.value(0).toInt() > budget;
    };

    QString match = expression;
    bool capped = false;
    std::optional<bool> large = moreThanBudget(match);
    if (large && *large) {
        match = QStringLiteral("{title questions tags} : (") + expression + u')';
        large = moreThanBudget(match);
        capped = large && *large;
    }
    if (!large)
        return makeError(ErrorCode::StorageFailure, QStringLiteral("the knowledge search failed"));

    QSqlQuery ranked(db);
    prepare(ranked,
            capped ? QStringLiteral("SELECT doc FROM (SELECT ") + table +
                         QStringLiteral(".rowid AS doc, ") + score + QStringLiteral(" AS s FROM ") +
                         from + QStringLiteral(" LIMIT ?) ORDER BY s LIMIT ? OFFSET ?")
                   : QStringLiteral("SELECT ") + table + QStringLiteral(".rowid FROM ") + from +
                         QStringLiteral(" ORDER BY ") + score + QStringLiteral(" LIMIT ? OFFSET ?"),
            match);
    if (capped)
        ranked.addBindValue(budget);
    ranked.addBindValue(limit);
    ranked.addBindValue(offset);
    if (!ranked.exec())
        return searchFailed(ranked);
    QList<qint64> docs;
    while (ranked.next())
        docs.append(ranked.value(0).toLongLong());
    if (docs.isEmpty())
        return QList<Found>{};

    // Only the page's articles are read whole.
    QStringList marks;
    for (qsizetype i = 0; i < docs.size(); ++i)
        marks.append(QStringLiteral("?"));
    QSqlQuery rows(db);
    rows.setForwardOnly(true);
    rows.prepare(QStringLiteral("SELECT doc, id, title, questions, body, language, audience,"
                                " products, updated_at FROM kb_articles WHERE doc IN (") +
                 marks.join(u',') + u')');
    for (const qint64 doc : std::as_const(docs))
        rows.addBindValue(doc);
    if (!rows.exec())
        return searchFailed(rows);
    QHash<qint64, Found> byDoc;
    while (rows.next()) {
        Found row;
        row.id = rows.value(1).toString();
        row.title = rows.value(2).toString();
        row.questions = rows.value(3).toString();
        row.body = rows.value(4).toString();
        row.language = rows.value(5).toString();
        row.audience = audienceFromName(rows.value(6).toString()).value_or(Audience::Agent);
        row.products = productsOf(rows.value(7).toString());
        row.updatedAtMs = rows.value(8).toLongLong();
        byDoc.insert(rows.value(0).toLongLong(), std::move(row));
    }
    QList<Found> found;
    for (const qint64 doc : std::as_const(docs)) {
        if (byDoc.contains(doc))
            found.append(byDoc.take(doc));
    }
    return found;
}

qint64 KnowledgeStore::articlesWith(const QString& term) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT doc FROM kb_words_terms WHERE term = ?"));
    query.addBindValue(term);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    return 0;
}

Result<bool> KnowledgeStore::recordView(const QString& id, const QString& viewer,
                                        const QString& interactionId)
{
    QSqlDatabase& db = m_database.connection();
    const QString message = QStringLiteral("could not record the view");
    if (!db.transaction())
        return makeError(ErrorCode::StorageFailure, message);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO kb_views(doc, viewer, interaction_id, ts)"
                                 " SELECT doc, ?, ?, ? FROM kb_articles WHERE id = ?"));
    query.addBindValue(viewer);
    query.addBindValue(orEmpty(interactionId));
    query.addBindValue(nowMs());
    query.addBindValue(id);
    QSqlQuery count(db);
    count.prepare(QStringLiteral("UPDATE kb_articles SET views = views + 1 WHERE id = ?"));
    count.addBindValue(id);
    if (!query.exec() || !count.exec() || !db.commit()) {
        db.rollback();
        return failure(query, QLatin1StringView("kb.view.failed"), message);
    }
    return true;
}

Result<bool> KnowledgeStore::recordFeedback(const QString& id, const QString& reader, bool helpful,
                                            const QString& interactionId, const QString& comment)
{
    QSqlDatabase& db = m_database.connection();
    const QString message = QStringLiteral("could not record the feedback");
    if (!db.transaction())
        return makeError(ErrorCode::StorageFailure, message);
    QSqlQuery vote(db);
    vote.prepare(QStringLiteral(
        "INSERT INTO kb_feedback(doc, reader, helpful, interaction_id, comment, ts)"
        " SELECT doc, ?, ?, ?, ?, ? FROM kb_articles WHERE id = ?"
        " ON CONFLICT(doc, reader) DO UPDATE SET helpful = excluded.helpful,"
        " interaction_id = excluded.interaction_id, comment = excluded.comment, ts = excluded.ts"));
    vote.addBindValue(reader);
    vote.addBindValue(helpful ? 1 : 0);
    vote.addBindValue(orEmpty(interactionId));
    vote.addBindValue(orEmpty(comment));
    vote.addBindValue(nowMs());
    vote.addBindValue(id);
    QSqlQuery tally(db);
    tally.prepare(QStringLiteral(
        "UPDATE kb_articles SET"
        " helpful = (SELECT COUNT(*) FROM kb_feedback f WHERE f.doc = kb_articles.doc"
        "            AND f.helpful = 1),"
        " not_helpful = (SELECT COUNT(*) FROM kb_feedback f WHERE f.doc = kb_articles.doc"
        "                AND f.helpful = 0) WHERE id = ?"));
    tally.addBindValue(id);
    if (!vote.exec() || !tally.exec() || !db.commit()) {
        db.rollback();
        return failure(vote, QLatin1StringView("kb.feedback.failed"), message);
    }
    return true;
}

} // namespace qidong::hub
