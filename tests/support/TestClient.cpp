#include "TestClient.h"

#include "protocol/Call.h"

#include "protocol/Names.h"

#include <QJsonArray>
#include <QtTest/QTest>

namespace qidong::test {

using namespace qidong::protocol;

QString outcomeOf(const Response& response)
{
    return response.error ? errorCodeName(response.error->code) : QStringLiteral("ok");
}

TestClient::TestClient(QUrl url, QObject* parent)
    : QObject(parent)
    , m_url(std::move(url))
{
    m_socket.setMaxAllowedIncomingMessageSize(kTransportFrameBytes);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestClient::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_disconnected = true;
        m_closeCode = static_cast<int>(m_socket.closeCode());
    });
}

TestClient::~TestClient()
{
    m_socket.abort();
}

void TestClient::setSslConfiguration(const QSslConfiguration& configuration)
{
    m_socket.setSslConfiguration(configuration);
}

bool TestClient::open(int timeoutMs)
{
    m_disconnected = false;
    m_closeCode = -1;
    m_socket.open(m_url);
    return QTest::qWaitFor([this] { return isConnected() || m_disconnected; }, timeoutMs) &&
           isConnected();
}

bool TestClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

bool TestClient::hello(QList<int> versions)
{
    const Response response = call(
        method::Hello, HelloParams{std::move(versions), QStringLiteral("qidong-tests/1")}.toJson());
    return !response.error.has_value();
}

Response TestClient::call(QLatin1StringView method, const QJsonObject& params, int timeoutMs)
{
    return call(QString(method), params, timeoutMs);
}

qint64 TestClient::sendRequest(const QString& method, const QJsonObject& params)
{
    const qint64 id = m_nextId++;
    m_socket.sendTextMessage(QString::fromUtf8(encodeMessage(Request{id, method, params})));
    return id;
}

std::optional<Response> TestClient::takeResponse(qint64 id)
{
    if (!m_responses.contains(id))
        return std::nullopt;
    return m_responses.take(id);
}

Response TestClient::call(const QString& method, const QJsonObject& params, int timeoutMs)
{
    const qint64 id = sendRequest(method, params);
    if (!QTest::qWaitFor([&] { return m_responses.contains(id) || m_disconnected; }, timeoutMs) ||
        !m_responses.contains(id))
        return makeErrorResponse(
            id, makeError(ErrorCode::Timeout, QStringLiteral("no answer to %1").arg(method)));
    return m_responses.take(id);
}

std::optional<SessionGrant> TestClient::signIn(const QString& username, const QString& password)
{
    if (!isConnected() && !open())
        return std::nullopt;
    if (!hello())
        return std::nullopt;
    const Response response = call(method::AuthLogin, LoginParams{username, password}.toJson());
    if (response.error)
        return std::nullopt;
    Result<SessionGrant> grant = SessionGrant::fromJson(response.result);
    if (!grant)
        return std::nullopt;
    m_lastSeq = grant.value().seq;
    return std::move(grant).value();
}

void TestClient::sendText(const QString& text)
{
    m_socket.sendTextMessage(text);
}

void TestClient::sendBinary(const QByteArray& data)
{
    m_socket.sendBinaryMessage(data);
}

void TestClient::drop()
{
    m_socket.abort();
}

void TestClient::close()
{
    m_socket.close();
}

bool TestClient::waitForDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_disconnected; }, timeoutMs);
}

std::optional<Response> TestClient::waitForResponse(qint64 id, int timeoutMs)
{
    if (!QTest::qWaitFor([&] { return m_responses.contains(id); }, timeoutMs))
        return std::nullopt;
    return m_responses.take(id);
}

std::optional<Response> TestClient::waitForOrphanResponse(int timeoutMs)
{
    if (!QTest::qWaitFor([this] { return !m_orphans.isEmpty(); }, timeoutMs))
        return std::nullopt;
    return m_orphans.takeFirst();
}

std::optional<Event> TestClient::waitForEvent(const QString& name, int timeoutMs,
                                              qsizetype fromIndex)
{
    std::optional<Event> found;
    (void)QTest::qWaitFor(
        [&] {
            for (qsizetype i = fromIndex; i < m_events.size(); ++i) {
                if (m_events.at(i).name == name) {
                    found = m_events.at(i);
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

QUrl mediaSocketIn(const protocol::Response& response)
{
    if (response.error)
        return {};
    protocol::Result<protocol::MediaTicket> ticket = protocol::MediaTicket::fromJson(
        response.result.value(QLatin1StringView("media")).toObject());
    return ticket ? ticket.value().socketUrl() : QUrl();
}

bool registerTrunk(TestClient& trunk, const QString& token)
{
    return trunk.open() &&
           outcomeOf(trunk.call(protocol::method::TrunkRegister,
                                {{QStringLiteral("token"), token}})) == QStringLiteral("ok");
}

std::optional<protocol::Interaction> interactionIn(const protocol::Response& response)
{
    if (response.error)
        return std::nullopt;
    protocol::Result<protocol::Interaction> decoded = protocol::Interaction::fromJson(
        response.result.value(QLatin1StringView("interaction")).toObject());
    if (!decoded)
        return std::nullopt;
    return decoded.value();
}

protocol::Presence presenceOf(TestClient& client)
{
    const protocol::Response snapshot = client.call(protocol::method::SessionSnapshot);
    return protocol::presenceFromName(snapshot.result.value(QLatin1StringView("snapshot"))
                                          .toObject()
                                          .value(QLatin1StringView("state"))
                                          .toObject()
                                          .value(QLatin1StringView("presence"))
                                          .toString())
        .value_or(protocol::Presence::Offline);
}

void TestClient::flush()
{
    m_socket.flush();
}

void TestClient::onText(const QString& text)
{
    Result<Message, DecodeFailure> decoded = decodeMessage(text.toUtf8());
    if (!decoded) {
        qWarning("test client: undecodable frame from the hub: %s",
                 qPrintable(decoded.error().error.message));
        return;
    }
    if (const auto* response = std::get_if<Response>(&decoded.value())) {
        if (response->id) {
            m_responses.insert(*response->id, *response);
            Q_EMIT responseArrived(*response->id);
        } else
            m_orphans.append(*response);
    } else if (const auto* event = std::get_if<Event>(&decoded.value())) {
        if (event->seq)
            m_lastSeq = *event->seq;
        m_events.append(*event);
        Q_EMIT eventArrived(*event);
    }
}

QList<FloorAgentRow> TestClient::floorAgents()
{
    QList<FloorAgentRow> rows;
    QString after;
    do {
        const Response page =
            call(method::FloorAgents,
                 after.isEmpty() ? QJsonObject{} : QJsonObject{{QStringLiteral("after"), after}});
        if (page.error)
            return rows;
        for (const QJsonValue& row : page.result.value(QStringLiteral("agents")).toArray()) {
            Result<FloorAgentRow> decoded = FloorAgentRow::fromJson(row.toObject());
            if (decoded)
                rows.append(decoded.value());
        }
        after = page.result.value(QStringLiteral("moreAfter")).toString();
    } while (!after.isEmpty());
    return rows;
}

std::optional<FloorAgentRow> TestClient::floorAgent(const QString& username)
{
    for (const FloorAgentRow& row : floorAgents()) {
        if (row.username == username)
            return row;
    }
    return std::nullopt;
}

} // namespace qidong::test
