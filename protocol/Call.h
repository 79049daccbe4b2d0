#pragma once

#include "Result.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

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
