#include "DemoKnowledge.h"

#include "DemoFamilies.h"
#include "KnowledgeStore.h"
#include "log/HubLog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

QList<KnowledgeArticle> handWritten()
{
    QFile file(QStringLiteral(":/qidong/knowledge/articles.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray items = QJsonDocument::fromJson(file.readAll()).array();
    QList<KnowledgeArticle> articles;
    for (const QJsonValue& item : items) {
        Result<KnowledgeArticle> article = KnowledgeArticle::fromJson(item.toObject());
        if (article)
            articles.append(std::move(article).value());
        else
            logWarning(lcStorage, QLatin1StringView("kb.demo.invalid"),
                       {{QStringLiteral("error"), article.error().message}});
    }
    return articles;
}

QStringList sentencesOf(const QString& body, const QString& language)
{
    static const QRegularExpression zh(QStringLiteral("(?<=[。！？；])"));
    static const QRegularExpression en(QStringLiteral("(?<=[.!?;])\\s+"));
    QStringList sentences =
        body.split(language == QLatin1StringView("zh") ? zh : en, Qt::SkipEmptyParts);
    for (QString& sentence : sentences)
        sentence = sentence.trimmed();
    sentences.removeAll(QString());
    return sentences;
}

} // namespace

QList<KnowledgeArticle> DemoKnowledge::articles()
{
    QList<KnowledgeArticle> articles = handWritten();
    articles.append(demo::familyArticles());
    return articles;
}

Result<int> DemoKnowledge::seedIfEmpty(KnowledgeStore& store)
{
    if (store.count() > 0)
        return 0;
    const QList<KnowledgeArticle> demo = articles();
    Result<int> saved = store.save(demo);
    if (saved)
        logInfo(lcStorage, QLatin1StringView("kb.demo.seeded"),
                {{QStringLiteral("articles"), saved.value()}});
    return saved;
}

QList<KnowledgeArticle> DemoKnowledge::synthetic(int count, quint32 seed, int firstNumber)
{
    const QList<KnowledgeArticle> demo = articles();
    QHash<QString, QStringList> sentences; // by language
    for (const KnowledgeArticle& article : demo)
        sentences[article.language].append(sentencesOf(article.body, article.language));
    QRandomGenerator random(seed);
    QList<KnowledgeArticle> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        // A real article's frame (title, tags, products) with a body mixed
        // from sentences of others in its language: realistic term
        // statistics, yet every article differs.
        KnowledgeArticle article = demo.at(random.bounded(int(demo.size())));
        const QStringList& pool = sentences.value(article.language);
        const int number = firstNumber + i;
        article.id = QStringLiteral("gen-%1").arg(number);
        article.title += article.language == QLatin1StringView("zh")
                             ? QStringLiteral("（第%1版）").arg(number)
                             : QStringLiteral(" (revision %1)").arg(number);
        QStringList body = sentencesOf(article.body, article.language);
        const int extra = 2 + random.bounded(5);
        for (int s = 0; s < extra && !pool.isEmpty(); ++s)
            body.insert(random.bounded(int(body.size()) + 1),
                        pool.at(random.bounded(int(pool.size()))));
        article.body = body.join(article.language == QLatin1StringView("zh") ? QString()
                                                                             : QStringLiteral(" "));
        if (!article.questions.isEmpty())
            article.questions = {
                article.questions.at(random.bounded(int(article.questions.size())))};
        out.append(std::move(article));
    }
    return out;
}

} // namespace qidong::hub
