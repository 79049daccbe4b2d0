#pragma once

#include "Interaction.h"
#include "Result.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace qidong::protocol {

// Where and how a call leg joins the call's audio (docs/protocol.md §12):
// a WebSocket URL on the hub's media port and a token valid for one leg.
// An unused token expires at `expiresAtMs` (wall clock); once used it lasts
// as long as the leg, so a dropped media socket reconnects with it.
struct MediaTicket final
{
    QUrl url; // without the token
    QString token;
    qint64 expiresAtMs = 0;

    // The URL to open: `url` with the token as a query item. A hub that
    // listens on every address names 0.0.0.0 (or ::); the client puts the
    // host it reached the hub by in its place.
    QUrl socketUrl(const QString& reachedHost = {}) const;
    QJsonObject toJson() const;
    static Result<MediaTicket> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const MediaTicket&, const MediaTicket&) = default;
};

// call.media: a ticket for the agent's leg of an interaction.
struct CallMediaParams final
{
    QString id;

    QJsonObject toJson() const;
    static Result<CallMediaParams> fromJson(const QJsonObject& json);
};

// call.hold: the customer hears music and neither side hears the other.
struct CallHoldParams final
{
    QString id;
    bool held = true;

    QJsonObject toJson() const;
    static Result<CallHoldParams> fromJson(const QJsonObject& json);
};

// call.record: pause (a card number being read out) or resume the call's
// recording.
struct CallRecordParams final
{
    QString id;
    bool paused = true;

    QJsonObject toJson() const;
    static Result<CallRecordParams> fromJson(const QJsonObject& json);
};

} // namespace qidong::protocol

namespace qidong::protocol {

// A consultation: the agent holding a call (`from`) puts the caller on hold
// and calls a colleague (`to`); then hands the call over, brings all three
// together, or returns to the caller.
enum class ConsultStage
{
    Ringing,    // the colleague is being asked
    Talking,    // the two agents talk; the caller hears music
    Conference, // all three hear each other
    Ended,      // see `outcome`
};

QString consultStageName(ConsultStage stage);
std::optional<ConsultStage> consultStageFromName(QStringView name);

// What ends a consultation (call.consultEnd's `action`).
enum class ConsultAction
{
    Transfer,   // from: the colleague takes the call over
    Conference, // from: all three together (the consultation goes on)
    Return,     // from: back to the caller, the colleague leaves
    Leave,      // to: decline the ringing request, or leave the call
};

QString consultActionName(ConsultAction action);
std::optional<ConsultAction> consultActionFromName(QStringView name);

// The event call.consult, to both agents at each change.
struct Consultation final
{
    QString id; // the call (interaction) id
    ConsultStage stage = ConsultStage::Ringing;
    QString fromAgentId;
    QString fromName;
    QString toAgentId;
    QString toName;
    CustomerRef customer;
    // When Ended: transferred, returned, declined, left, no-answer, call-ended.
    QString outcome{};

    QJsonObject toJson() const;
    static Result<Consultation> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const Consultation&, const Consultation&) = default;
};

// call.consult: ask a colleague (by username) about the call.
struct CallConsultParams final
{
    QString id;
    QString agentUsername;

    QJsonObject toJson() const;
    static Result<CallConsultParams> fromJson(const QJsonObject& json);
};

// call.consultEnd.
struct CallConsultEndParams final
{
    QString id;
    ConsultAction action = ConsultAction::Return;

    QJsonObject toJson() const;
    static Result<CallConsultEndParams> fromJson(const QJsonObject& json);
};

// call.dialNumber: the agent calls a phone number (keypad, click-to-dial,
// the customer 360) through the hub's phone trunk. `number` is digits with
// an optional leading '+'; `queueId` says whose wrap-up codes and reports
// the call belongs to (empty: the agent's first voice queue).
struct CallDialNumberParams final
{
    QString number;
    QString queueId{};
    QString displayName{};

    QJsonObject toJson() const;
    static Result<CallDialNumberParams> fromJson(const QJsonObject& json);
    // The digits, with a leading '+' if typed; nullopt if not a number.
    static std::optional<QString> normalizedNumber(const QString& typed);
};

} // namespace qidong::protocol
