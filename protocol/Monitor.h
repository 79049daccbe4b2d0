#pragma once

#include "Call.h"
#include "Chat.h"
#include "Interaction.h"
#include "Result.h"

#include <QJsonObject>
#include <QList>

#include <optional>

// A team lead on a live interaction (docs/protocol.md §17): listening in,
// coaching the agent, or joining the customer.
namespace qidong::protocol {

enum class MonitorMode
{
    Listen,  // hears everyone, heard by nobody; reads a chat
    Whisper, // heard (or read) by the agent only
    Barge,   // heard by everyone: a three-way call, or writes to the customer
};
QString monitorModeName(MonitorMode mode);
std::optional<MonitorMode> monitorModeFromName(QStringView name);

// monitor.start and monitor.mode.
struct MonitorParams final
{
    QString interactionId;
    MonitorMode mode = MonitorMode::Listen;

    QJsonObject toJson() const;
    static Result<MonitorParams> fromJson(const QJsonObject& json);
};

// monitor.whisper: a coaching note on a chat, for the agent's eyes only.
struct WhisperParams final
{
    QString interactionId;
    QString text;

    QJsonObject toJson() const;
    static Result<WhisperParams> fromJson(const QJsonObject& json);
};

// An agent on the monitored interaction: the one holding it, or a colleague
// a consultation brought in.
struct MonitoredAgent final
{
    QString agentId;
    QString displayName;
    bool holder = true;

    QJsonObject toJson() const;
    static Result<MonitoredAgent> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const MonitoredAgent&, const MonitoredAgent&) = default;
};

// What the team lead sees of the interaction they monitor: the answer to
// monitor.start / monitor.mode and the monitor.changed event (whenever the
// interaction, its agents or the mode change). A call carries the media
// ticket for the team lead's leg; a chat its transcript so far (then
// chat.message events). `active` false: it ended, with `endReason`
// (stopped, ended, transferred, revoked).
struct Monitoring final
{
    Interaction interaction;
    MonitorMode mode = MonitorMode::Listen;
    QList<MonitoredAgent> agents;
    std::optional<MediaTicket> ticket;
    QList<ChatMessage> transcript;
    bool agentNotified = false; // the organisation tells agents they are monitored
    bool active = true;
    QString endReason;

    QJsonObject toJson() const;
    static Result<Monitoring> fromJson(const QJsonObject& json, const QString& path = {});
};

// monitor.notice event, to the monitored agent when the organisation's
// policy tells agents: who is on their interaction, and how.
struct MonitorNotice final
{
    QString interactionId;
    QString supervisorId;
    QString supervisorName;
    MonitorMode mode = MonitorMode::Listen;
    bool active = true;

    QJsonObject toJson() const;
    static Result<MonitorNotice> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const MonitorNotice&, const MonitorNotice&) = default;
};

// monitor.whisper event, to the agent holding the chat: never stored in the
// conversation, so the customer's side cannot receive it.
struct WhisperNote final
{
    QString interactionId;
    QString supervisorId;
    QString supervisorName;
    QString text;
    qint64 sentAtMs = 0;

    QJsonObject toJson() const;
    static Result<WhisperNote> fromJson(const QJsonObject& json, const QString& path = {});
    friend bool operator==(const WhisperNote&, const WhisperNote&) = default;
};

} // namespace qidong::protocol
