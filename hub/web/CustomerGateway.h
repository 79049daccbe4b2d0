#pragma once

#include "protocol/Chat.h"
#include "protocol/Interaction.h"
#include "protocol/Message.h"

#include <QHash>
#include <QMultiHash>
#include <QObject>

#include <memory>

class QWebSocket;

namespace qidong::hub {

class AccountStore;
class ChatService;
class PeerConnection;
class InteractionDirectory;
class VoiceCalls;

// The customer side of web chat and web calls: one PeerConnection per page socket,
// bound to a conversation by start or resume (a visitor token the page
// keeps, so a reload resumes the same conversation). Messages, typing,
// receipts, queue position and state changes reach every socket of the
// conversation.
class CustomerGateway final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerGateway)

public:
    CustomerGateway(ChatService& chat, InteractionDirectory& interactions,
                    const AccountStore& accounts, VoiceCalls& calls, QObject* parent = nullptr);
    ~CustomerGateway() override;

    void adopt(std::unique_ptr<QWebSocket> socket);
    void closeAll();
    qsizetype connectionCount() const { return m_connections.size(); }

    // The conversation a visitor token belongs to.
    std::optional<QString> conversationOf(const QString& visitorToken) const;

Q_SIGNALS:
    // A customer answered the survey of this conversation.
    void rated(const QString& interactionId);

public:
    // Called by PeerConnection.
    void handle(PeerConnection& connection, const protocol::Request& request);

    void onPositionChanged(const QString& interactionId, int position, qint64 estimatedWaitMs);

private:
    void start(PeerConnection& connection, const protocol::Request& request);
    void resume(PeerConnection& connection, const protocol::Request& request);
    void send(PeerConnection& connection, const protocol::Request& request);
    void rate(PeerConnection& connection, const protocol::Request& request);
    void media(PeerConnection& connection, const protocol::Request& request);
    void callback(PeerConnection& connection, const protocol::Request& request);
    QString customerState(const std::optional<protocol::Interaction>& interaction) const;
    void bind(PeerConnection& connection, const QString& interactionId);
    QJsonObject conversationState(const QString& interactionId) const;
    void toConversation(const QString& interactionId, const protocol::Event& event);
    void onMessagePosted(const protocol::ChatMessage& message);
    void onCustomerFacingChanged(const protocol::Interaction& interaction);

    ChatService& m_chat;
    InteractionDirectory& m_interactions;
    const AccountStore& m_accounts;
    VoiceCalls& m_calls;
    QList<PeerConnection*> m_connections;
    QMultiHash<QString, PeerConnection*> m_byConversation;
    QHash<QString, QJsonObject> m_positions; // latest queue.position per waiting conversation
};

} // namespace qidong::hub
