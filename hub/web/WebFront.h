#pragma once

#include "protocol/Result.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <memory>

class QHttpServerRequest;

namespace qidong::hub {

class ChatService;
class CustomerGateway;
class InteractionDirectory;
class PhoneTrunk;
class SelfServiceKnowledge;
class VocCases;
class RecordingLinks;

class WebServer;

// An HTTP answer, written by WebServer.
struct WebReply
{
    int status = 200;
    QByteArray mimeType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

// A compact JSON answer.
WebReply jsonReply(int status, const QJsonObject& body);

// The hub's web port: the customer chat page (/chat), its WebSocket
// (/customer/ws), attachments for the page, the ingest API through which
// social, SMS and email messages arrive (/ingest/v1, bearer token), and the
// phone trunk's socket (/trunk/ws), and the customer articles of the
// knowledge base (/kb/search, /kb/article).
class WebFront final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebFront)

public:
    WebFront(CustomerGateway& customers, PhoneTrunk& trunk, ChatService& chat,
             InteractionDirectory& interactions, QString ingestToken, QObject* parent = nullptr);
    ~WebFront() override;

    protocol::Result<QUrl> listen(const QHostAddress& address, quint16 port);
    // Self-service search for the page (/kb/search, /kb/article); off until set.
    void setKnowledge(const SelfServiceKnowledge* knowledge) { m_knowledge = knowledge; }
    // Outcomes of cases for the channel gateways (/ingest/v1/notifications).
    void setNotifications(VocCases* cases) { m_cases = cases; }
    // Call recordings behind short-lived links (/recordings/<token>).
    void setRecordings(RecordingLinks* recordings) { m_recordings = recordings; }

    // Answers one request (WebServer calls it).
    WebReply answer(const QHttpServerRequest& request);

private:
    WebReply ingestMessage(const QHttpServerRequest& request);
    WebReply replies(const QHttpServerRequest& request);
    WebReply notifications(const QHttpServerRequest& request);
    WebReply recording(const QString& token);
    WebReply attachment(const QString& id, const QHttpServerRequest& request);
    bool authorized(const QHttpServerRequest& request) const;

    CustomerGateway& m_customers;
    PhoneTrunk& m_trunk;
    ChatService& m_chat;
    InteractionDirectory& m_interactions;
    QString m_ingestToken;
    const SelfServiceKnowledge* m_knowledge = nullptr;
    VocCases* m_cases = nullptr;
    RecordingLinks* m_recordings = nullptr;
    std::unique_ptr<WebServer> m_server;
};

} // namespace qidong::hub
