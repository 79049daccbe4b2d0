#include "CustomerInsights.h"

#include "RecordingLinks.h"
#include "VocCases.h"
#include "storage/Database.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <map>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

QString inList(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return u'(' + marks.join(u',') + u')';
}

void bindAll(QSqlQuery& query, const QStringList& ids)
{
    for (const QString& id : ids)
        query.addBindValue(id);
}

} // namespace

CustomerInsights::CustomerInsights(Database& database)
    : m_database(database)
{}

CustomerMetrics CustomerInsights::metrics(const QStringList& ids) const
{
    CustomerMetrics metrics;
    // Counted by SQLite, by channel and time of day (China time, UTC+8):
    // a customer with thousands of contacts costs a few rows here.
    QSqlQuery contacts(m_database.connection());
    contacts.prepare(
        QStringLiteral("SELECT i.channel, ((i.created_at / 1000 + 28800) / 3600 % 24) / 6,"
                       " COUNT(*), COUNT(c.nps), COALESCE(SUM(c.nps >= 9), 0),"
                       " COALESCE(SUM(c.nps <= 6), 0) FROM interactions i"
                       " LEFT JOIN chat_conversations c ON c.interaction_id = i.id"
                       " WHERE json_extract(i.customer, '$.id') IN ") +
        inList(ids.size()) + QStringLiteral(" GROUP BY 1, 2"));
    bindAll(contacts, ids);
    std::map<QString, QList<int>> byChannel;
    int promoters = 0;
    int detractors = 0;
    if (contacts.exec()) {
        while (contacts.next()) {
            QList<int>& counts = byChannel[contacts.value(0).toString()];
            if (counts.isEmpty())
                counts = {0, 0, 0, 0};
            const int daypart = std::clamp(contacts.value(1).toInt(), 0, 3);
            const int count = contacts.value(2).toInt();
            counts[daypart] += count;
            metrics.contactCount += count;
            metrics.npsResponses += contacts.value(3).toInt();
            promoters += contacts.value(4).toInt();
            detractors += contacts.value(5).toInt();
        }
    }
    for (const auto& [channel, counts] : byChannel)
        metrics.channels.append({channel, counts});
    if (metrics.npsResponses > 0)
        metrics.nps = (promoters - detractors) * 100 / metrics.npsResponses;
    QSqlQuery offers(m_database.connection());
    offers.prepare(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(status = 'accepted'), 0) FROM"
                                  " customer_offers WHERE customer_id IN ") +
                   inList(ids.size()));
    bindAll(offers, ids);
    if (offers.exec() && offers.next()) {
        metrics.offersMade = offers.value(0).toInt();
        metrics.offersAccepted = offers.value(1).toInt();
    }
    return metrics;
}

QList<CustomerHolding> CustomerInsights::holdings(const QStringList& ids) const
{
    QList<CustomerHolding> holdings;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id, kind, title, status, amount_cents, at FROM"
                                 " customer_holdings WHERE customer_id IN ") +
                  inList(ids.size()) + QStringLiteral(" ORDER BY at DESC LIMIT 200"));
    bindAll(query, ids);
    if (query.exec()) {
        while (query.next())
            holdings.append({query.value(0).toString(), query.value(1).toString(),
                             query.value(2).toString(), query.value(3).toString(),
                             query.value(4).toLongLong(), query.value(5).toLongLong()});
    }
    return holdings;
}

QList<CustomerOffer> CustomerInsights::offers(const QStringList& ids, const QString& language) const
{
    const bool zh = !language.startsWith(QLatin1StringView("en"));
    QList<CustomerOffer> offers;
    QSet<QString> made;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT o.code, c.title_zh, c.title_en, c.partner, c.reason_zh,"
                                 " c.reason_en, o.status FROM customer_offers o JOIN offer_catalog"
                                 " c ON c.code = o.code WHERE o.customer_id IN ") +
                  inList(ids.size()) + QStringLiteral(" ORDER BY o.at DESC"));
    bindAll(query, ids);
    if (query.exec()) {
        while (query.next()) {
            made.insert(query.value(0).toString());
            offers.append({query.value(0).toString(), query.value(zh ? 1 : 2).toString(),
                           query.value(3).toString(), query.value(zh ? 4 : 5).toString(),
                           query.value(6).toString()});
        }
    }
    // What fits: a catalog offer whose "fits" words appear in the titles of
    // what the customer holds or in the wrap-up categories of their contacts.
    QString context;
    for (const CustomerHolding& holding : holdings(ids))
        context += holding.title.toLower() + u' ';
    QSqlQuery topics(m_database.connection());
    topics.prepare(QStringLiteral("SELECT queue_id, wrap_up FROM interactions WHERE"
                                  " json_extract(customer, '$.id') IN ") +
                   inList(ids.size()) + QStringLiteral(" ORDER BY created_at DESC LIMIT 50"));
    bindAll(topics, ids);
    if (topics.exec()) {
        while (topics.next())
            context +=
                topics.value(0).toString() + u' ' + topics.value(1).toString().toLower() + u' ';
    }
    QSqlQuery catalog(m_database.connection());
    if (catalog.exec(QStringLiteral("SELECT code, title_zh, title_en, partner, fits, reason_zh,"
                                    " reason_en FROM offer_catalog ORDER BY code"))) {
        while (catalog.next()) {
            const QString code = catalog.value(0).toString();
            if (made.contains(code))
                continue;
            bool fits = false;
            for (const QString& word : catalog.value(4).toString().split(u' ', Qt::SkipEmptyParts))
                fits = fits || context.contains(word);
            if (fits)
                offers.append({code, catalog.value(zh ? 1 : 2).toString(),
                               catalog.value(3).toString(), catalog.value(zh ? 5 : 6).toString(),
                               QStringLiteral("suggested")});
        }
    }
    return offers;
}

std::optional<CustomerInsights::Parties>
CustomerInsights::partiesOf(const QString& interactionId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT COALESCE(json_extract(customer, '$.id'), ''),"
                                 " COALESCE(agent_id, '') FROM interactions WHERE id = ?"));
    query.addBindValue(interactionId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return Parties{query.value(0).toString(), query.value(1).toString()};
}

QList<VocCase> CustomerInsights::cases(const QStringList& ids) const
{
    QList<VocCase> cases;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT ") + VocCases::columns() +
                  QStringLiteral(" FROM voc_cases WHERE customer_id IN ") + inList(ids.size()) +
                  // Open and resolved ones first: what still needs someone.
                  QStringLiteral(" ORDER BY status = 'closed', created_at DESC LIMIT 50"));
    bindAll(query, ids);
    if (query.exec()) {
        while (query.next())
            cases.append(VocCases::caseFrom(query));
    }
    return cases;
}

TimelinePage CustomerInsights::timeline(const QStringList& ids, const TimelineParams& params) const
{
    TimelinePage page;
    QString sql =
        QStringLiteral("SELECT i.id, i.channel, i.queue_id, i.created_at, i.ended_at, i.state,"
                       " COALESCE(a.display_name, ''), i.wrap_up, c.nps FROM interactions i"
                       " LEFT JOIN accounts a ON a.id = i.agent_id"
                       " LEFT JOIN chat_conversations c ON c.interaction_id = i.id"
                       " WHERE json_extract(i.customer, '$.id') IN ") +
        inList(ids.size());
    if (!params.channel.isEmpty())
        sql += QStringLiteral(" AND i.channel = ?");
    if (params.beforeMs > 0)
        sql += QStringLiteral(" AND (i.created_at < ? OR (i.created_at = ? AND i.id < ?))");
    sql += QStringLiteral(" ORDER BY i.created_at DESC, i.id DESC LIMIT ?");
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    bindAll(query, ids);
    if (!params.channel.isEmpty())
        query.addBindValue(params.channel);
    if (params.beforeMs > 0) {
        query.addBindValue(params.beforeMs);
        query.addBindValue(params.beforeMs);
        query.addBindValue(params.beforeId.isEmpty() ? QStringLiteral("\uffff") : params.beforeId);
    }
    query.addBindValue(params.limit + 1);
    if (!query.exec())
        return page;
    while (query.next()) {
        if (page.entries.size() == params.limit) {
            page.hasMore = true;
            break;
        }
        TimelineEntry entry;
        entry.interactionId = query.value(0).toString();
        entry.channel = channelFromName(query.value(1).toString()).value_or(Channel::Chat);
        entry.queueId = query.value(2).toString();
        entry.atMs = query.value(3).toLongLong();
        entry.endedAtMs = query.value(4).toLongLong();
        entry.state = query.value(5).toString();
        entry.agentName = query.value(6).toString();
        Result<WrapUpRecord> record = WrapUpRecord::fromJson(
            QJsonDocument::fromJson(query.value(7).toString().toUtf8()).object());
        if (record)
            entry.wrapUp = record.value();
        entry.nps = query.value(8).isNull() ? -1 : query.value(8).toInt();
        entry.recorded = m_recordings && m_recordings->fileOf(entry.interactionId).has_value();
        page.entries.append(std::move(entry));
    }
    return page;
}

} // namespace qidong::hub
