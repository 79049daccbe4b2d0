#include "WebFront.h"

#include "CustomerGateway.h"
#include "PhoneTrunk.h"
#include "SelfServiceKnowledge.h"
#include "auth/SecretToken.h"
#include "chat/ChatService.h"
#include "customers/RecordingLinks.h"
#include "customers/VocCases.h"
#include "interactions/CustomerIds.h"
#include "interactions/InteractionDirectory.h"
#include "log/HubLog.h"
#include "protocol/FieldReader.h"
#include "protocol/Limits.h"
#include "storage/ChatStore.h"

#include <QAbstractHttpServer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QWebSocket>

namespace qidong::hub {

using namespace qidong::protocol;

// Serves the web port. Qt 6.4 upgrades a WebSocket request only when
// handleRequest() claims it (and answers nothing); QHttpServer's router
// cannot claim a path without answering, hence this small server.
class WebServer final : public QAbstractHttpServer
{
public:
    explicit WebServer(WebFront& front)
        : m_front(front)
    {}

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        const QString path = request.url().path();
        if (path == QStringLiteral("/customer/ws") || path == QStringLiteral("/trunk/ws"))
            return true; // the base class upgrades it to a WebSocket
        write(request, socket, m_front.answer(request));
        return true;
    }

    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        write(request, socket, WebReply{404, QByteArrayLiteral("text/plain"), "not found\n", {}});
    }

private:
    static void write(const QHttpServerRequest& request, QTcpSocket* socket, const WebReply& reply)
    {
        QHttpServerResponder responder = makeResponder(request, socket);
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
        responder.writeHeader(QByteArrayLiteral("Content-Type"), reply.mimeType);
        responder.writeHeader(QByteArrayLiteral("Content-Length"),
                              QByteArray::number(reply.body.size()));
        responder.writeHeader(QByteArrayLiteral("X-Content-Type-Options"),
                              QByteArrayLiteral("nosniff"));
        for (const auto& [name, value] : reply.headers)
            responder.writeHeader(name, value);
        responder.writeBody(reply.body);
    }

    WebFront& m_front;
};

namespace {

constexpr qsizetype kMaxIngestBody = 64 * 1024;

QLatin1StringView key(const char* name)
{
    return QLatin1StringView(name);
}

WebReply asset(const QString& path, const QByteArray& mimeType)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return WebReply{404, QByteArrayLiteral("text/plain"), "not found\n", {}};
    // The page runs its own script only; nothing from elsewhere.
    return WebReply{200,
                    mimeType,
                    file.readAll(),
                    {{QByteArrayLiteral("Content-Security-Policy"),
                      QByteArrayLiteral("default-src 'self'; connect-src 'self' ws: wss:;"
                                        " img-src 'self' data: blob:; frame-ancestors 'none'")},
                     {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")}}};
}

WebReply json(int status, const QJsonObject& body)
{
    return jsonReply(status, body);
}

WebReply problem(int status, const Error& error)
{
    return json(status, {{QStringLiteral("error"), error.toJson()}});
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

WebReply jsonReply(int status, const QJsonObject& body)
{
    return WebReply{status,
                    QByteArrayLiteral("application/json"),
                    QJsonDocument(body).toJson(QJsonDocument::Compact),
                    {}};
}

WebFront::WebFront(CustomerGateway& customers, PhoneTrunk& trunk, ChatService& chat,
                   InteractionDirectory& interactions, QString ingestToken, QObject* parent)
    : QObject(parent)
    , m_customers(customers)
    , m_trunk(trunk)
    , m_chat(chat)
    , m_interactions(interactions)
    , m_ingestToken(std::move(ingestToken))
    , m_server(std::make_unique<WebServer>(*this))
{
    connect(m_server.get(), &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (m_server->hasPendingWebSocketConnections()) {
            std::unique_ptr<QWebSocket> socket = m_server->nextPendingWebSocketConnection();
            const QString path = socket->requestUrl().path();
            if (path == QStringLiteral("/trunk/ws")) {
                m_trunk.adopt(std::move(socket));
                continue;
            }
            if (path != QStringLiteral("/customer/ws")) {
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

WebReply WebFront::answer(const QHttpServerRequest& request)
{
    using Method = QHttpServerRequest::Method;
    const QString path = request.url().path();
    const Method method = request.method();
    if (method == Method::Get || method == Method::Head) {
        if (path == QStringLiteral("/"))
            return WebReply{302,
                            QByteArrayLiteral("text/plain"),
                            {},
                            {{QByteArrayLiteral("Location"), QByteArrayLiteral("/chat")}}};
        if (path == QStringLiteral("/chat") || path == QStringLiteral("/chat/"))
            return asset(QStringLiteral(":/qidong/web/chat.html"),
                         QByteArrayLiteral("text/html; charset=utf-8"));
        if (path == QStringLiteral("/chat/chat.js"))
            return asset(QStringLiteral(":/qidong/web/chat.js"),
                         QByteArrayLiteral("text/javascript; charset=utf-8"));
        if (path == QStringLiteral("/chat/help.js"))
            return asset(QStringLiteral(":/qidong/web/help.js"),
                         QByteArrayLiteral("text/javascript; charset=utf-8"));
        if (path == QStringLiteral("/chat/call.js"))
            return asset(QStringLiteral(":/qidong/web/call.js"),
                         QByteArrayLiteral("text/javascript; charset=utf-8"));
        if (path == QStringLiteral("/chat/chat.css"))
            return asset(QStringLiteral(":/qidong/web/chat.css"),
                         QByteArrayLiteral("text/css; charset=utf-8"));
        if (path.startsWith(QStringLiteral("/chat/attachments/")))
            return attachment(path.section(u'/', 3, 3), request);
        if (path == QStringLiteral("/ingest/v1/replies"))
            return replies(request);
        if (path == QStringLiteral("/ingest/v1/notifications"))
            return notifications(request);
        if (m_recordings && path.startsWith(QStringLiteral("/recordings/")))
            return recording(path.section(u'/', 2, 2));
        if (m_knowledge && path.startsWith(QStringLiteral("/kb/")))
            return m_knowledge->answer(path, QUrlQuery(request.url()));
    }
    if (method == Method::Post && path == QStringLiteral("/ingest/v1/messages"))
        return ingestMessage(request);
    return WebReply{404, QByteArrayLiteral("text/plain"), "not found\n", {}};
}

bool WebFront::authorized(const QHttpServerRequest& request) const
{
    const QByteArray header = request.value(QByteArrayLiteral("Authorization"));
    return !m_ingestToken.isEmpty() &&
           SecretToken::matches(header, QByteArrayLiteral("Bearer ") + m_ingestToken.toUtf8());
}

WebReply WebFront::ingestMessage(const QHttpServerRequest& request)
{
    if (!authorized(request))
        return problem(401,
                       makeError(ErrorCode::Unauthenticated, QStringLiteral("bad ingest token")));
    if (request.body().size() > kMaxIngestBody)
        return problem(413,
                       makeError(ErrorCode::MessageTooLarge, QStringLiteral("body over 64 KiB")));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (!document.isObject())
        return problem(400,
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
        return problem(400, reader.error());

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
        create.params.customer.id = customerIdFor(create.params.customer.identityKind, handle);
        create.rawIdentity = handle;
        create.language = language;
        create.visibility = route->channel == Channel::Social ? visibility : QString();
        create.threadKey = threadKey;
        const Result<Interaction> made = m_interactions.create(create);
        if (!made)
            return problem(500, made.error());
        interactionId = made.value().id;
        created = true;
        const Result<bool> opened = m_chat.store().openConversation(*interactionId, {});
        if (!opened)
            return problem(500, opened.error());
    }
    ChatSendParams params;
    params.clientMsgId = messageId;
    params.text = text;
    const Result<ChatMessage> stored = m_chat.sendFromCustomer(*interactionId, name, params);
    if (!stored)
        return problem(409, stored.error());
    logInfo(lcWeb, QLatin1StringView("ingest.message"),
            {{QStringLiteral("channel"), channelName},
             {QStringLiteral("interaction"), *interactionId},
             {QStringLiteral("seq"), stored.value().seq},
             {QStringLiteral("visibility"), visibility}});
    return json(created ? 201 : 200, {{QStringLiteral("interactionId"), *interactionId},
                                      {QStringLiteral("seq"), stored.value().seq},
                                      {QStringLiteral("created"), created}});
}

WebReply WebFront::replies(const QHttpServerRequest& request)
{
    if (!authorized(request))
        return problem(401,
                       makeError(ErrorCode::Unauthenticated, QStringLiteral("bad ingest token")));
    const QUrlQuery query = request.query();
    const QString threadKey = query.queryItemValue(QStringLiteral("channel")) + u':' +
                              query.queryItemValue(QStringLiteral("thread"));
    const qint64 after = query.queryItemValue(QStringLiteral("after")).toLongLong();
    const std::optional<QString> interactionId = m_interactions.findByThread(threadKey);
    if (!interactionId)
        return problem(404, makeError(ErrorCode::NotFound, QStringLiteral("no open thread")));
    QJsonArray messages;
    for (const ChatMessage& message : m_chat.store().after(*interactionId, after, 500)) {
        if (message.sender != Sender::Customer)
            messages.append(message.toJson());
    }
    const std::optional<Interaction> interaction = m_interactions.find(*interactionId);
    return json(
        200,
        QJsonObject{{QStringLiteral("interactionId"), *interactionId},
                    {QStringLiteral("state"), interaction ? interactionStateName(interaction->state)
                                                          : QStringLiteral("ended")},
                    {QStringLiteral("lastSeq"), m_chat.store().lastSeq(*interactionId)},
                    {QStringLiteral("messages"), messages}});
}

WebReply WebFront::recording(const QString& token)
{
    const std::optional<QString> path = m_recordings->open(token);
    QFile file(path.value_or(QString()));
    if (!path || !file.open(QIODevice::ReadOnly))
        return WebReply{404, QByteArrayLiteral("text/plain"), "not found\n", {}};
    return WebReply{200,
                    QByteArrayLiteral("audio/ogg"),
                    file.readAll(),
                    {{QByteArrayLiteral("Content-Disposition"),
                      QByteArrayLiteral("inline; filename=\"recording.opus\"")},
                     {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")}}};
}

WebReply WebFront::notifications(const QHttpServerRequest& request)
{
    if (!authorized(request))
        return problem(401,
                       makeError(ErrorCode::Unauthenticated, QStringLiteral("bad ingest token")));
    if (!m_cases || request.method() != QHttpServerRequest::Method::Get)
        return problem(404, makeError(ErrorCode::NotFound, QStringLiteral("not found")));
    const QString channel = request.query().queryItemValue(QStringLiteral("channel"));
    if (channel.size() > kMaxIdentifierLength)
        return problem(400, makeError(ErrorCode::InvalidParams, QStringLiteral("channel")));
    const Result<QJsonArray> taken = m_cases->takeNotifications(channel, 100);
    if (!taken)
        return problem(503, taken.error());
    return json(200, {{QStringLiteral("notifications"), taken.value()}});
}

WebReply WebFront::attachment(const QString& id, const QHttpServerRequest& request)
{
    const std::optional<QString> conversation =
        m_customers.conversationOf(request.query().queryItemValue(QStringLiteral("token")));
    const std::optional<StoredAttachment> file = m_chat.store().attachment(id);
    if (!conversation || !file || file->interactionId != *conversation)
        return WebReply{404, QByteArrayLiteral("text/plain"), "not found\n", {}};
    return WebReply{200,
                    file->mimeType.toUtf8(),
                    file->data,
                    {{QByteArrayLiteral("Content-Disposition"),
                      QByteArrayLiteral("attachment; filename=\"") +
                          QUrl::toPercentEncoding(file->name) + QByteArrayLiteral("\"")}}};
}

} // namespace qidong::hub
