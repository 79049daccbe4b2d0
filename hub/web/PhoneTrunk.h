#pragma once

#include "protocol/Call.h"
#include "protocol/Interaction.h"
#include "protocol/Message.h"
#include "protocol/Result.h"

#include <QHash>
#include <QObject>

#include <memory>

class QWebSocket;

namespace qidong::hub {

class AccountStore;
class InteractionDirectory;
class PeerConnection;
class VoiceCalls;

// The boundary to the telephone network (docs/protocol.md §13). A trunk —
// the adapter in front of a SIP gateway, or `qidong-hub simulate`'s phone
// network — connects to /trunk/ws on the web port and registers with the
// ingest token. From then on it places the calls agents dial: the hub says
// trunk.call {id, number}; the trunk answers trunk.answer {id} (and gets
// the far end's media ticket), trunk.reject {id, reason} or trunk.hangUp
// {id}; the hub says trunk.hangUp {id, reason} when the agent hangs up,
// the call rings out or ends. One trunk at a time: a new registration
// replaces the old one, whose calls end as hung up by the far end.
class PhoneTrunk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhoneTrunk)

public:
    PhoneTrunk(InteractionDirectory& interactions, const AccountStore& accounts, VoiceCalls& calls,
               QObject* parent = nullptr);
    ~PhoneTrunk() override;

    // Empty: no trunk can register (the web port is off).
    void setToken(const QString& token) { m_token = token.toUtf8(); }
    void adopt(std::unique_ptr<QWebSocket> socket);
    void closeAll();
    bool isConnected() const { return m_trunk != nullptr; }

    // call.dialNumber: an outbound call the agent places; theirs at once,
    // ringing at the number through the trunk.
    protocol::Result<protocol::Interaction> placeCall(const QString& agentId,
                                                      const protocol::CallDialNumberParams& params);

private:
    bool ring(const protocol::Interaction& call);
    void handle(PeerConnection& peer, const protocol::Request& request);
    void registerTrunk(PeerConnection& peer, const protocol::Request& request);
    void onGone(PeerConnection* peer);
    void dropCalls();
    void onDialChanged(const QString& interactionId, const QString& state);
    void onCustomerFacingChanged(const protocol::Interaction& interaction);
    void hangUp(const QString& interactionId, const QString& reason);
    QString defaultQueueFor(const QString& agentId) const;

    InteractionDirectory& m_interactions;
    const AccountStore& m_accounts;
    VoiceCalls& m_calls;
    QByteArray m_token;
    QList<PeerConnection*> m_peers;
    PeerConnection* m_trunk = nullptr;
    QHash<QString, QString> m_ringing; // interaction → number, while the trunk carries it
};

} // namespace qidong::hub
