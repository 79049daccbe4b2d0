#pragma once

#include "protocol/Floor.h"
#include "protocol/Message.h"
#include "protocol/Payloads.h"

#include <QList>
#include <QSslConfiguration>
#include <QUrl>
#include <QWebSocket>

#include <optional>

namespace qidong::test {

// "ok" for a result, else the error code's name: reads well in QCOMPARE.
QString outcomeOf(const protocol::Response& response);

class TestClient;

// The media socket URL of the "media" ticket a result carries (customer.start,
// customer.answer, trunk.answer); an empty URL for an error or no ticket.
QUrl mediaSocketIn(const protocol::Response& response);

// Opens `trunk` (on a hub's /trunk/ws) and registers it with the ingest
// token; false if either fails.
bool registerTrunk(TestClient& trunk, const QString& token);

// The "interaction" a result carries (nullopt for an error or a bad one).
std::optional<protocol::Interaction> interactionIn(const protocol::Response& response);

// The signed-in caller's presence, from a fresh session.snapshot.
protocol::Presence presenceOf(TestClient& client);

// A plain QWebSocket speaking protocol v1, with blocking helpers for tests
// (they spin the event loop while waiting; never used outside tests).
class TestClient final : public QObject
{
    Q_OBJECT

public:
    explicit TestClient(QUrl url, QObject* parent = nullptr);
    ~TestClient() override;

    void setSslConfiguration(const QSslConfiguration& configuration);
    bool open(int timeoutMs = 10000);
    bool hello(QList<int> versions = {protocol::kProtocolVersion});
    // Sends a request and waits for its response.
    protocol::Response call(const QString& method, const QJsonObject& params = {},
                            int timeoutMs = 15000);
    protocol::Response call(QLatin1StringView method, const QJsonObject& params = {},
                            int timeoutMs = 15000);
    // hello + auth.login; the grant on success.
    std::optional<protocol::SessionGrant>
    signIn(const QString& username, const QString& password = QStringLiteral("qidong-demo"));

    // Every agent on the floor (floor.agents, paged); a supervisor's call.
    QList<protocol::FloorAgentRow> floorAgents();
    std::optional<protocol::FloorAgentRow> floorAgent(const QString& username);

    // Sends a request without waiting; its response raises responseArrived.
    qint64 sendRequest(const QString& method, const QJsonObject& params);
    std::optional<protocol::Response> takeResponse(qint64 id);
    void sendText(const QString& text);
    // Writes what is buffered now instead of at the next event-loop turn.
    void flush();
    void sendBinary(const QByteArray& data);
    // Drops the TCP connection without a closing handshake: a network failure.
    void drop();
    void close();

    bool waitForDisconnected(int timeoutMs = 10000);
    bool isConnected() const;
    int closeCode() const { return m_closeCode; }

    // Waits for the response with this id (for frames sent with sendText).
    std::optional<protocol::Response> waitForResponse(qint64 id, int timeoutMs = 10000);
    // Waits for the next response that answers no request (id null).
    std::optional<protocol::Response> waitForOrphanResponse(int timeoutMs = 10000);
    // Waits until an event with this name arrives after `fromIndex` in events().
    std::optional<protocol::Event> waitForEvent(const QString& name, int timeoutMs = 10000,
                                                qsizetype fromIndex = 0);
    const QList<protocol::Event>& events() const { return m_events; }
    void clearEvents() { m_events.clear(); }
    qint64 lastSeq() const { return m_lastSeq; }

Q_SIGNALS:
    // As each event arrives (benchmarks time them here, not when polled).
    void eventArrived(const qidong::protocol::Event& event);
    // As each response arrives (benchmarks time them here, not when polled).
    void responseArrived(qint64 id);

private:
    void onText(const QString& text);

    QWebSocket m_socket;
    QUrl m_url;
    qint64 m_nextId = 1;
    QHash<qint64, protocol::Response> m_responses;
    QList<protocol::Response> m_orphans;
    QList<protocol::Event> m_events;
    qint64 m_lastSeq = 0;
    int m_closeCode = -1;
    bool m_disconnected = false;
};

} // namespace qidong::test
