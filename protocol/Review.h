#pragma once

#include "Chat.h"
#include "Result.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

// Quality review of ended interactions (docs/protocol.md §18): finding
// them, a call's recording, a chat's transcript, and a scorecard kept on
// the interaction.
namespace qidong::protocol {

// What the scorecard scores, each 0 (missing) … kQaMaxScore (exemplary).
inline const QStringList& qaCriteria()
{
    static const QStringList criteria{
        QStringLiteral("greeting"),      // opened properly, named themselves
        QStringLiteral("understanding"), // found out what the customer needed
        QStringLiteral("accuracy"),      // what they said was right (the knowledge base)
        QStringLiteral("resolution"),    // solved, or a clear next step
        QStringLiteral("compliance"),    // identity checked, personal data protected
        QStringLiteral("courtesy"),      // patient and kind, even with an angry customer
    };
    return criteria;
}
inline constexpr int kQaMaxScore = 5;

enum class ReviewKind
{
    All,
    Calls,
    Chats, // and every other text channel
};
QString reviewKindName(ReviewKind kind);
std::optional<ReviewKind> reviewKindFromName(QStringView name);

// review.search: ended interactions, newest first. Empty fields match all;
// `fromMs`/`toMs` bound when they were created ([from, to)).
struct ReviewQuery final
{
    QString agentId;
    QString queueId;
    QString disposition; // a wrap-up code
    qint64 fromMs = 0;
    qint64 toMs = 0;
    ReviewKind kind = ReviewKind::All;
    int limit = 100;

    QJsonObject toJson() const;
    static Result<ReviewQuery> fromJson(const QJsonObject& json);
};

struct QaScore final
{
    QString criterion;
    int score = 0;

    QJsonObject toJson() const;
    static Result<QaScore> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const QaScore&, const QaScore&) = default;
};

// A reviewer's scorecard on one interaction: one score per criterion, a
// comment; review.save sends the first three fields, the hub fills in the
// reviewer and the time.
struct QaScorecard final
{
    QString interactionId;
    QList<QaScore> scores;
    QString comment;
    QString reviewerId;
    QString reviewerName;
    qint64 reviewedAtMs = 0;

    // Of the most the scores could be, in whole percent.
    int percent() const;
    QJsonObject toJson() const;
    static Result<QaScorecard> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const QaScorecard&, const QaScorecard&) = default;
};

// One row of review.search.
struct ReviewItem final
{
    PastInteraction interaction;
    QString agentId;
    QString customerName;
    bool recorded = false;
    std::optional<QaScorecard> scorecard;

    QJsonObject toJson() const;
    static Result<ReviewItem> fromJson(const QJsonObject& json, const QString& path = {});
};

} // namespace qidong::protocol
