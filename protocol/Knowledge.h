#pragma once

#include "Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Knowledge base payloads (docs/protocol.md, "Knowledge"): search, articles,
// feedback and the suggestions that follow a live conversation.
namespace qidong::protocol {

// Who an article is written for. Customers (the web page's self-service)
// see only Customer articles; agents see both.
enum class Audience
{
    Agent,
    Customer,
};

QString audienceName(Audience audience);
std::optional<Audience> audienceFromName(QStringView name);

inline constexpr int kMaxSearchQueryLength = 200;
inline constexpr int kMaxSearchResults = 50;

// Text with the parts that matched a search marked by [start, length)
// ranges in UTF-16 units. Marks, not markup: whoever shows it decides how,
// so an article can never inject rich text.
struct MarkedText final
{
    struct Mark
    {
        int start = 0;
        int length = 0;
        friend bool operator==(const Mark&, const Mark&) = default;
    };

    QString text;
    QList<Mark> marks; // ascending, not overlapping

    QJsonObject toJson() const;
    static Result<MarkedText> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const MarkedText&, const MarkedText&) = default;
};

struct ArticleHit final
{
    QString id;
    MarkedText title;
    MarkedText snippet;
    QString language; // "zh" or "en"
    Audience audience = Audience::Customer;
    QStringList products;
    qint64 updatedAtMs = 0;

    QJsonObject toJson() const;
    static Result<ArticleHit> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const ArticleHit&, const ArticleHit&) = default;
};

// kb.search. An empty language or product list means any. `prefix` treats
// the last word as unfinished (search as you type).
struct KnowledgeSearchParams final
{
    QString query;
    QString language;
    QStringList products;
    int limit = 10;
    int offset = 0;
    bool prefix = false;

    QJsonObject toJson() const;
    static Result<KnowledgeSearchParams> fromJson(const QJsonObject& json);
};

// How the hub read a query: every term had to match ("all"), any term
// could ("any": natural questions and conversation text), or the query held
// nothing searchable ("none": punctuation only, say).
struct KnowledgeSearchResult final
{
    QList<ArticleHit> hits;
    bool hasMore = false;
    QString mode;
    QString query; // the text searched for (for suggestions: built by the hub)

    QJsonObject toJson() const;
    static Result<KnowledgeSearchResult> fromJson(const QJsonObject& json);
};

struct KnowledgeArticle final
{
    QString id;
    QString title;
    QStringList questions; // other ways customers ask the same thing
    QString body;
    QStringList steps;
    QStringList tags;
    QStringList products;
    QString language;
    Audience audience = Audience::Customer;
    int version = 1;
    qint64 updatedAtMs = 0;
    qint64 views = 0;
    qint64 helpful = 0;
    qint64 notHelpful = 0;

    QJsonObject toJson() const;
    static Result<KnowledgeArticle> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const KnowledgeArticle&, const KnowledgeArticle&) = default;
};

// kb.article: opening one counts a view, tied to the conversation if given.
struct ArticleOpenParams final
{
    QString id;
    QString interactionId;

    QJsonObject toJson() const;
    static Result<ArticleOpenParams> fromJson(const QJsonObject& json);
};

// kb.feedback: helpful or not, once per reader and article (a second vote
// replaces the first).
struct ArticleFeedbackParams final
{
    QString id;
    bool helpful = true;
    QString interactionId;
    QString comment;

    QJsonObject toJson() const;
    static Result<ArticleFeedbackParams> fromJson(const QJsonObject& json);
};

// kb.suggest: articles for what the customer wrote lately in this chat.
struct SuggestParams final
{
    QString interactionId;
    int limit = 5;

    QJsonObject toJson() const;
    static Result<SuggestParams> fromJson(const QJsonObject& json);
};

} // namespace qidong::protocol
