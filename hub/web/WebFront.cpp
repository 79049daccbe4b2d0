#include "WebFront.h"

#include "CustomerGateway.h"
#include "chat/ChatService.h"
#include "interactions/InteractionDirectory.h"
#include "log/HubLog.h"
#include "protocol/FieldReader.h"
#include "protocol/Limits.h"
#include "storage/ChatStore.h"

#include <QFile>
#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

using Status = QHttpServerResponse::StatusCode;

constexpr qsizetype kMaxIngestBody = 64 * 1024;

QLatin1StringView key(const char* name)
{
    return QLatin1StringView(name);
}

QHttpServerResponse asset(const QString& path, const QByteArray& mimeType)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QHttpServerResponse(Status::NotFound);
    QHttpServerResponse response(mimeType, file.readAll());
    // The page runs its own script only; nothing from elsewhere.
    response.addHeader(QByteArrayLiteral("Content-Security-Policy"),
                       QByteArrayLiteral("default-src 'self'; connect-src 'self' ws: wss:;"
                                         " img-src 'self' data: blob:; frame-ancestors 'none'"));
    response.addHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache"));
    return response;
}

QHttpServerResponse problem(Status status, const Error& error)
{
    return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), error.toJson()}}, status);
}

struct ChannelRoute
{
    Channel channel;
    const char* identityKind;
    const char* queue;
};

std::optional<ChannelRoute> channelRoute(const QString& name)
{
    if (name == QStringLiteral("weibo"))
        return ChannelRoute{Channel::Social, "weibo", "social-care"};
    if (name == QStringLiteral("wechat"))
        return ChannelRoute{Channel::Social, "wechat", "social-care"};
    if (name == QStringLiteral("sms"))
        return ChannelRoute{Channel::Sms, "phone", "cn-messaging"};
    if (name == QStringLiteral("email"))
        return ChannelRoute{Channel::Email, "email", "cn-messaging"};
    return std::nullopt;
}

} // namespace

WebFront::WebFront(CustomerGateway& customers, ChatService& chat,
                   InteractionDirectory& interactions, QString ingestToken, QObject* parent)
    : QObject(parent)
    , m_customers(customers)
    , m_chat(chat)
    , m_interactions(interactions)
    , m_ingestToken(std::move(ingestToken))
    , m_server(std::make_unique<QHttpServer>())
{
    addRoutes();
    connect(m_server.get(), &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (m_server->hasPendingWebSocketConnections()) {
            std::unique_ptr<QWebSocket> socket = m_server->nextPendingWebSocketConnection();
            if (socket->requestUrl().path() != QStringLiteral("/customer/ws")) {
                socket->close(QWebSocketProtocol::CloseCodePolicyViolated,
                              QStringLiteral("no such endpoint"));
                socket.release()->deleteLater();
                continue;
            }
            m_customers.adopt(std::move(socket));
        }
    });
}

WebFront::~WebFront() = default;

Result<QUrl> WebFront::listen(const QHostAddress& address, quint16 port)
{
    const quint16 bound = m_server->listen(address, port);
    if (bound == 0)
        return makeError(ErrorCode::Internal,
                         QStringLiteral("cannot listen for the web page on %1:%2")
                             .arg(address.toString())
                             .arg(port));
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(address.toString());
    url.setPort(bound);
    return url;
}

void WebFront::addRoutes()
{
    m_server->route(QStringLiteral("/"), [] {
        QHttpServerResponse response(Status::Found);
        response.addHeader(QByteArrayLiteral("Location"), QByteArrayLiteral("/chat"));
        return response;
    });
    m_server->route(QStringLiteral("/chat"), [] {
        return asset(QStringLiteral(":/qidong/web/chat.html"),
                     QByteArrayLiteral("text/html; charset=utf-8"));
    });
    m_server->route(QStringLiteral("/chat/chat.js"), [] {
        return asset(QStringLiteral(":/qidong/web/chat.js"),
                     QByteArrayLiteral("text/javascript; charset=utf-8"));
    });
    m_server->route(QStringLiteral("/chat/chat.css"), [] {
        return asset(QStringLiteral(":/qidong/web/chat.css"),
                     QByteArrayLiteral("text/css; charset=utf-8"));
    });
    m_server->route(QStringLiteral("/chat/attachments/<arg>"),
                    [this](const QString& id, const QHttpServerRequest& request) {
                        return attachment(id, request);
                    });
    m_server->route(QStringLiteral("/ingest/v1/messages"), QHttpServerRequest::Method::Post,
                    [this](const QHttpServerRequest& request) { return ingestMessage(request); });
    m_server->route(QStringLiteral("/ingest/v1/replies"), QHttpServerRequest::Method::Get,
                    [this](const QHttpServerRequest& request) { return replies(request); });
}

bool WebFront::authorized(const QHttpServerRequest& request) const
{
    const QByteArray header = request.value(QByteArrayLiteral("Authorization"));
    const QByteArray expected = QByteArrayLiteral("Bearer ") + m_ingestToken.toUtf8();
    // Same time whatever matches, so the token cannot be guessed byte by byte.
    if (m_ingestToken.isEmpty() || header.size() != expected.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < header.size(); ++i)
        difference |= static_cast<unsigned char>(header[i] ^ expected[i]);
    return difference == 0;
}

QHttpServerResponse WebFront::ingestMessage(const QHttpServerRequest& request)
{
    if (!authorized(request))
        return problem(Status::Unauthorized,
                       makeError(ErrorCode::Unauthenticated, QStringLiteral("bad ingest token")));
    if (request.body().size() > kMaxIngestBody)
        return problem(Status::PayloadTooLarge,
                       makeError(ErrorCode::MessageTooLarge, QStringLiteral("body over 64 KiB")));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (!document.isObject())
        return problem(Status::BadRequest,
                       makeError(ErrorCode::BadJson, QStringLiteral("expected a JSON object")));
    FieldReader reader(document.object());
    const QString channelName = reader.string(key("channel"), 16);
    const QString thread = reader.string(key("thread"), kMaxIdentifierLength);
    const QJsonObject from = reader.object(key("from"));
    const QString visibility =
        reader.optionalString(key("visibility"), 16).value_or(QStringLiteral("private"));
    const QString text = reader.string(key("text"), kMaxChatTextLength);
    const QString language =
        reader.optionalString(key("language"), 16).value_or(QStringLiteral("zh-CN"));
    const QString messageId =
        reader.optionalString(key("messageId"), kMaxIdentifierLength).value_or(QString());
    const std::optional<ChannelRoute> route = channelRoute(channelName);
    if (reader.ok() && !route)
        reader.fail(key("channel"), QStringLiteral("one of weibo, wechat, sms, email"));
    if (reader.ok() && visibility != QStringLiteral("public") &&
        visibility != QStringLiteral("private"))
        reader.fail(key("visibility"), QStringLiteral("public or private"));
    FieldReader sender(from, QStringLiteral("from"));
    const QString handle = sender.string(key("handle"), kMaxNameLength);
    const QString name = sender.optionalString(key("name"), kMaxNameLength).value_or(handle);
    if (reader.ok() && !sender.ok())
        reader.adopt(sender.error());
    if (!reader.ok())
        return problem(Status::BadRequest, reader.error());

    const QString threadKey = channelName + u':' + thread;
    std::optional<QString> interactionId = m_interactions.findByThread(threadKey);
    bool created = false;
    if (!interactionId) {
        NewInteraction create;
        create.params.channel = route->channel;
        create.params.queueId = language.startsWith(QStringLiteral("en"))
                                    ? QStringLiteral("en-care")
                                    : QString::fromLatin1(route->queue);
        create.params.customer.displayName = name;
        create.params.customer.identityKind = QString::fromLatin1(route->identityKind);
        create.params.customer.identity = handle;
        create.language = language;
        create.visibility = route->channel == Channel::Social ? visibility : QString();
        create.threadKey = threadKey;
        const Result<Interaction> made = m_interactions.create(create);
        if (!made)
            return problem(Status::InternalServerError, made.error());
        interactionId = made.value().id;
        created = true;
        const Result<bool> opened = m_chat.store().openConversation(*interactionId, {});
        if (!opened)
            return problem(Status::InternalServerError, opened.error());
    }
    ChatSendParams params;
    params.clientMsgId = messageId;
    params.text = text;
    const Result<ChatMessage> stored = m_chat.sendFromCustomer(*interactionId, name, params);
    if (!stored)
        return problem(Status::Conflict, stored.error());
    logInfo(lcWeb, QLatin1StringView("ingest.message"),
            {{QStringLiteral("channel"), channelName},
             {QStringLiteral("interaction"), *interactionId},
             {QStringLiteral("seq"), stored.value().seq},
             {QStringLiteral("visibility"), visibility}});
    return QHttpServerResponse(QJsonObject{{QStringLiteral("interactionId"), *interactionId},
                                           {QStringLiteral("seq"), stored.value().seq},
                                           {QStringLiteral("created"), created}},
                               created ? Status::Created : Status::Ok);
}

QHttpServerResponse WebFront::replies(const QHttpServerRequest& request)
{
    if (!authorized(request))
        return problem(Status::Unauthorized,
                       makeError(ErrorCode::Unauthenticated, QStringLiteral("bad ingest token")));
    const QUrlQuery query = request.query();
    const QString threadKey = query.queryItemValue(QStringLiteral("channel")) + u':' +
                              query.queryItemValue(QStringLiteral("thread"));
    const qint64 after = query.queryItemValue(QStringLiteral("after")).toLongLong();
    const std::optional<QString> interactionId = m_interactions.findByThread(threadKey);
    if (!interactionId)
        return problem(Status::NotFound,
                       makeError(ErrorCode::NotFound, QStringLiteral("no open thread")));
    QJsonArray messages;
    for (const ChatMessage& message : m_chat.store().after(*interactionId, after, 500)) {
        if (message.sender != Sender::Customer)
            messages.append(message.toJson());
    }
    const std::optional<Interaction> interaction = m_interactions.find(*interactionId);
    return QHttpServerResponse(
        QJsonObject{{QStringLiteral("interactionId"), *interactionId},
                    {QStringLiteral("state"), interaction ? interactionStateName(interaction->state)
                                                          : QStringLiteral("ended")},
                    {QStringLiteral("lastSeq"), m_chat.store().lastSeq(*interactionId)},
                    {QStringLiteral("messages"), messages}});
}

QHttpServerResponse WebFront::attachment(const QString& id, const QHttpServerRequest& request)
{
    const std::optional<QString> conversation =
        m_customers.conversationOf(request.query().queryItemValue(QStringLiteral("token")));
    const std::optional<StoredAttachment> file = m_chat.store().attachment(id);
    if (!conversation || !file || file->interactionId != *conversation)
        return QHttpServerResponse(Status::NotFound);
    QHttpServerResponse response(file->mimeType.toUtf8(), file->data);
    response.addHeader(QByteArrayLiteral("Content-Disposition"),
                       QByteArrayLiteral("attachment; filename=\"") +
                           QUrl::toPercentEncoding(file->name) + QByteArrayLiteral("\""));
    response.addHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    return response;
}

} // namespace qidong::hub
