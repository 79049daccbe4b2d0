#include "HubProbe.h"

#include "protocol/Names.h"
#include "protocol/Payloads.h"

#include <QCoreApplication>

namespace qidong::ctl {

using namespace qidong::protocol;

namespace {

constexpr qint64 kHelloId = 1;
constexpr qint64 kLoginId = 2;

} // namespace

HubProbe::HubProbe(QUrl url, QString username, QString password, QObject* parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_username(std::move(username))
    , m_password(std::move(password))
{
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        send(kHelloId, method::Hello,
             HelloParams{{kProtocolVersion},
                         QStringLiteral("qidong-ctl/") + QCoreApplication::applicationVersion()}
                 .toJson());
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &HubProbe::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        finish(2, QStringLiteral("connection closed: %1 %2")
                      .arg(static_cast<int>(m_socket.closeCode()))
                      .arg(m_socket.closeReason().isEmpty() ? m_socket.errorString()
                                                            : m_socket.closeReason()));
    });
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { finish(2, QStringLiteral("no answer from %1").arg(m_url.toString())); });
}

void HubProbe::start(std::chrono::milliseconds timeout)
{
    m_timeout.start(timeout);
    m_socket.open(m_url);
}

void HubProbe::send(qint64 id, QLatin1StringView method, const QJsonObject& params)
{
    m_socket.sendTextMessage(
        QString::fromUtf8(encodeMessage(Request{id, QString(method), params})));
}

void HubProbe::onText(const QString& text)
{
    Result<Message, DecodeFailure> decoded = decodeMessage(text.toUtf8());
    if (!decoded) {
        finish(2, QStringLiteral("undecodable answer: ") + decoded.error().error.message);
        return;
    }
    const auto* response = std::get_if<Response>(&decoded.value());
    if (!response)
        return; // events are not what we wait for
    if (response->error) {
        finish(1, errorCodeName(response->error->code) + QStringLiteral(": ") +
                      response->error->message);
        return;
    }
    if (response->id == kHelloId) {
        send(kLoginId, method::AuthLogin, LoginParams{m_username, m_password}.toJson());
        return;
    }
    Result<SessionGrant> grant = SessionGrant::fromJson(response->result);
    if (!grant) {
        finish(2, QStringLiteral("malformed sign-in answer: ") + grant.error().message);
        return;
    }
    const SessionSnapshot& snapshot = grant.value().snapshot;
    finish(0, QStringLiteral("signed in as %1 (%2, %3); %4 queues, %5 interactions held")
                  .arg(snapshot.agent.displayName, snapshot.agent.username,
                       roleName(snapshot.agent.role))
                  .arg(snapshot.queues.size())
                  .arg(snapshot.interactions.size()));
}

void HubProbe::finish(int exitCode, const QString& report)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    m_socket.abort();
    Q_EMIT finished(exitCode, report);
}

} // namespace qidong::ctl
