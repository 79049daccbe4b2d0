#include "KnowledgeStore.h"

#include "Clock.h"
#include "SearchTerms.h"
#include "log/HubLog.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

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
    QSqlQuery query(m_database.connection());
    if (query.exec(QStringLiteral("SELECT COUNT(*) FROM kb_articles")) && query.next())
        return query.value(0).toLongLong();
    return 0;
}

Result<QList<KnowledgeStore::Found>> KnowledgeStore::match(Index index, const QString& expression,
                                                           const Filter& filter, int limit,
                                                           int offset) const
{
    const QString table =
        index == Index::Trigram ? QStringLiteral("kb_trigram") : QStringLiteral("kb_words");
    // Title first, then the other ways of asking, tags, and the body.
    QString sql = QStringLiteral("SELECT a.id, a.title, a.questions, a.body, a.language,"
                                 " a.audience, a.products, a.updated_at FROM ") +
                  table + QStringLiteral(" JOIN kb_articles a ON a.doc = ") + table +
                  QStringLiteral(".rowid WHERE ") + table + QStringLiteral(" MATCH ?");
    if (!filter.language.isEmpty())
        sql += QStringLiteral(" AND a.language = ?");
    if (filter.customerOnly)
        sql += QStringLiteral(" AND a.audience = 'customer'");
    if (!filter.products.isEmpty()) {
        QStringList any;
        for (qsizetype i = 0; i < filter.products.size(); ++i)
            any.append(QStringLiteral("instr(a.products, ?) > 0"));
        sql += QStringLiteral(" AND (") + any.join(QStringLiteral(" OR ")) + u')';
    }
    sql += QStringLiteral(" ORDER BY bm25(") + table +
           QStringLiteral(", 8.0, 5.0, 3.0, 1.0), a.updated_at DESC LIMIT ? OFFSET ?");

    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    query.addBindValue(expression);
    if (!filter.language.isEmpty())
        query.addBindValue(filter.language);
    for (const QString& product : filter.products)
        query.addBindValue(QString(u'|' + product + u'|'));
    query.addBindValue(limit);
    query.addBindValue(offset);
    if (!query.exec())
        return failure(query, QLatin1StringView("kb.search.failed"),
                       QStringLiteral("the knowledge search failed"));
    QList<Found> found;
    while (query.next()) {
        Found row;
        row.id = query.value(0).toString();
        row.title = query.value(1).toString();
        row.questions = query.value(2).toString();
        row.body = query.value(3).toString();
        row.language = query.value(4).toString();
        row.audience = audienceFromName(query.value(5).toString()).value_or(Audience::Agent);
        row.products = productsOf(query.value(6).toString());
        row.updatedAtMs = query.value(7).toLongLong();
        found.append(std::move(row));
    }
    return found;
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
