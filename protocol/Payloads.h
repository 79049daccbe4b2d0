#pragma once

#include "Chat.h"

#include "AgentState.h"
#include "Limits.h"
#include "Result.h"
#include "SessionSnapshot.h"

#include <QList>

// Parameters and results of the methods and events of protocol v1, each
// decoded with the same distrust as the envelope.
namespace qidong::protocol {

struct HelloParams final
{
    QList<int> versions; // protocol versions the client speaks
    QString client;      // "qidong-desktop/0.1.0"

    QJsonObject toJson() const;
    static Result<HelloParams> fromJson(const QJsonObject& json);
};

struct HelloResult final
{
    int version = kProtocolVersion;
    QString server;
    int heartbeatIntervalMs = 15000;
    qint64 maxFrameBytes = kMaxFrameBytes;

    QJsonObject toJson() const;
    static Result<HelloResult> fromJson(const QJsonObject& json);
};

// The highest version both sides speak, if any.
std::optional<int> negotiateVersion(const QList<int>& clientVersions);

struct LoginParams final
{
    QString username;
    QString password;

    QJsonObject toJson() const;
    static Result<LoginParams> fromJson(const QJsonObject& json);
};

struct RefreshParams final
{
    QString refreshToken;

    QJsonObject toJson() const;
    static Result<RefreshParams> fromJson(const QJsonObject& json);
};

// The answer to auth.login and auth.refresh: a new session.
struct SessionGrant final
{
    QString sessionToken;
    QString refreshToken;
    qint64 expiresAtMs = 0;
    qint64 seq = 0; // the seq of the last event already reflected in the snapshot
    SessionSnapshot snapshot;

    QJsonObject toJson() const;
    static Result<SessionGrant> fromJson(const QJsonObject& json);
};

struct ResumeParams final
{
    QString token;
    qint64 lastSeq = 0;

    QJsonObject toJson() const;
    static Result<ResumeParams> fromJson(const QJsonObject& json);
};

// "replay": the missed events follow this answer in order.
// "resync": the buffer no longer covers lastSeq; take the snapshot and `seq`.
struct ResumeResult final
{
    enum class Mode
    {
        Replay,
        Resync,
    };
    Mode mode = Mode::Replay;
    qint64 seq = 0;
    int replayed = 0;
    std::optional<SessionSnapshot> snapshot;

    QJsonObject toJson() const;
    static Result<ResumeResult> fromJson(const QJsonObject& json);
};

struct SetStateParams final
{
    Presence presence = Presence::Ready;
    QString reasonCode;

    QJsonObject toJson() const;
    static Result<SetStateParams> fromJson(const QJsonObject& json);
};

struct SetStateResult final
{
    AgentState state;
    bool queued = false; // true when the agent is busy and this becomes the next state

    QJsonObject toJson() const;
    static Result<SetStateResult> fromJson(const QJsonObject& json);
};

// Why a state changed: the agent, the hub's routing, a disconnect, a supervisor.
struct StateChangedEvent final
{
    QString agentId;
    AgentState state;
    QString cause; // "agent", "system", "disconnected", "supervisor"

    QJsonObject toJson() const;
    static Result<StateChangedEvent> fromJson(const QJsonObject& json);
};

struct DrainingNotice final
{
    QString reason;           // "shutdown", "restart"
    int closesInMs = 0;       // the hub closes connections after this long
    int reconnectAfterMs = 0; // suggested wait before reconnecting

    QJsonObject toJson() const;
    static Result<DrainingNotice> fromJson(const QJsonObject& json);
};

// interaction.accept / reject / end: {"id":"i-42"}
struct InteractionRef final
{
    QString id;

    QJsonObject toJson() const;
    static Result<InteractionRef> fromJson(const QJsonObject& json);
};

// interaction.wrapUp: {"id":"i-42","code":"resolved"}
struct WrapUpParams final
{
    QString id;
    QString code;
    VocKind voc = VocKind::None;
    QString vocCategory{};
    QString notes{};
    bool followUp = false;

    WrapUpRecord record() const { return {code, voc, vocCategory, notes, followUp, false}; }

    QJsonObject toJson() const;
    static Result<WrapUpParams> fromJson(const QJsonObject& json);
};

// interaction.offered: what is offered and until when it may be accepted.
struct InteractionOffer final
{
    Interaction interaction;
    qint64 expiresAtMs = 0;

    QJsonObject toJson() const;
    static Result<InteractionOffer> fromJson(const QJsonObject& json);
};

// interaction.revoked: an offer (or work) taken back: "rejected", "timeout".
struct InteractionRevoked final
{
    QString id;
    QString reason;

    QJsonObject toJson() const;
    static Result<InteractionRevoked> fromJson(const QJsonObject& json);
};

// admin.createInteraction: a test and demo aid until routing creates work.
struct CreateInteractionParams final
{
    Channel channel = Channel::Chat;
    QString queueId;
    CustomerRef customer; // id may be empty: the hub assigns one
    int priority = 0;
    QString offerTo; // username; empty leaves it queued

    QJsonObject toJson() const;
    static Result<CreateInteractionParams> fromJson(const QJsonObject& json);
};

} // namespace qidong::protocol
