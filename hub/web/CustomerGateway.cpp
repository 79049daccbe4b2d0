#include "CustomerGateway.h"

#include "Clock.h"
#include "PeerConnection.h"
#include "auth/SecretToken.h"
#include "chat/ChatService.h"
#include "customers/Masking.h"
#include "interactions/CustomerIds.h"
#include "interactions/InteractionDirectory.h"
#include "log/HubLog.h"
#include "media/VoiceCalls.h"
#include "protocol/Call.h"
#include "protocol/FieldReader.h"
#include "protocol/Limits.h"
#include "protocol/Names.h"
#include "protocol/Payloads.h"
#include "storage/AccountStore.h"
#include "storage/ChatStore.h"

#include <QJsonArray>
#include <QWebSocket>

namespace qidong::hub {

using namespace qidong::protocol;

namespace {

QLatin1StringView key(const char* name)
{
    return QLatin1StringView(name);
}

} // namespace

QString CustomerGateway::customerState(const std::optional<Interaction>& interaction) const
{
    if (!interaction)
        return QStringLiteral("ended");
    // A callback: "callback" until the agent dials, "ringing" while the
    // page rings, then as any call.
    const bool callback = interaction->channel == Channel::Callback;
    if (callback && (interaction->state == InteractionState::Queued ||
                     interaction->state == InteractionState::Offered))
        return QStringLiteral("callback");
    if (callback && m_calls.isRinging(interaction->id))
        return QStringLiteral("ringing");
    if (callback && interaction->state == InteractionState::Active &&
        !m_calls.hasCustomerLeg(interaction->id))
        return QStringLiteral("callback");
    switch (interaction->state) {
    case InteractionState::Queued:
    case InteractionState::Offered:
        return QStringLiteral("waiting");
    case InteractionState::Active:
        return QStringLiteral("active");
    case InteractionState::Held:
        return QStringLiteral("held");
    case InteractionState::WrapUp:
    case InteractionState::Ended:
        break;
    }
    return QStringLiteral("ended");
}

namespace {

Error noConversation()
{
    return makeError(ErrorCode::InvalidTransition,
                     QStringLiteral("start or resume a conversation first"));
}

} // namespace

CustomerGateway::CustomerGateway(ChatService& chat, InteractionDirectory& interactions,
                                 const AccountStore& accounts, VoiceCalls& calls, QObject* parent)
    : QObject(parent)
    , m_chat(chat)
    , m_interactions(interactions)
    , m_accounts(accounts)
    , m_calls(calls)
{
    connect(&m_chat, &ChatService::messagePosted, this, &CustomerGateway::onMessagePosted);
    connect(&m_chat, &ChatService::typingChanged, this, [this](const TypingNotice& notice) {
        if (notice.sender != Sender::Customer)
            toConversation(notice.interactionId,
                           Event{QString(event::ChatTyping), std::nullopt, notice.toJson()});
    });
    connect(&m_chat, &ChatService::receiptChanged, this,
            [this](const ReceiptNotice& notice, Sender reader) {
                if (reader != Sender::Customer)
                    toConversation(notice.interactionId, Event{QString(event::ChatReceipt),
                                                               std::nullopt, notice.toJson()});
            });
    connect(&m_interactions, &InteractionDirectory::customerFacingChanged, this,
            &CustomerGateway::onCustomerFacingChanged);
    // Dialling a callback rings the page: only a page still open can answer.
    m_calls.addDialRoute(
        [this](const Interaction& call) { return m_byConversation.contains(call.id); });
    connect(&m_calls, &VoiceCalls::dialChanged, this,
            [this](const QString&, const QString& interactionId, const QString&) {
                if (const std::optional<Interaction> call = m_interactions.find(interactionId))
                    onCustomerFacingChanged(*call);
            });
}

CustomerGateway::~CustomerGateway()
{
    for (PeerConnection* connection : std::as_const(m_connections))
        connection->disconnect(this);
}

void CustomerGateway::adopt(std::unique_ptr<QWebSocket> socket)
{
    auto* connection = new PeerConnection(
        std::move(socket),
        [this](PeerConnection& peer, const Request& request) { handle(peer, request); }, this);
    m_connections.append(connection);
    connect(connection, &PeerConnection::disconnected, this, [this](PeerConnection* gone) {
        m_connections.removeOne(gone);
        m_byConversation.remove(gone->interactionId(), gone);
        gone->deleteLater();
    });
}

void CustomerGateway::closeAll()
{
    for (PeerConnection* connection : std::as_const(m_connections))
        connection->close(int(QWebSocketProtocol::CloseCodeGoingAway),
                          QStringLiteral("the hub is shutting down"));
}

std::optional<QString> CustomerGateway::conversationOf(const QString& visitorToken) const
{
    if (visitorToken.isEmpty() || visitorToken.size() > kMaxTokenLength)
        return std::nullopt;
    return m_chat.store().conversationOfVisitor(SecretToken::digest(visitorToken));
}

void CustomerGateway::handle(PeerConnection& connection, const Request& request)
{
    const QString& method = request.method;
    static const QStringList known{
        QString(method::Ping),           QString(method::CustomerStart),
        QString(method::CustomerResume), QString(method::CustomerSend),
        QString(method::CustomerTyping), QString(method::CustomerRead),
        QString(method::CustomerEnd),    QString(method::CustomerRate),
        QString(method::CustomerMedia),  QString(method::CustomerCallback),
        QString(method::CustomerAnswer), QString(method::CustomerDecline),
        QString(method::CustomerHangUp)};
    if (!known.contains(method)) {
        connection.sendError(request.id,
                             makeError(ErrorCode::UnknownMethod,
                                       QStringLiteral("unknown method \"%1\"").arg(method)));
        return;
    }
    if (method == method::Ping) {
        connection.sendResult(request.id, {});
    } else if (method == method::CustomerStart) {
        start(connection, request);
    } else if (method == method::CustomerResume) {
        resume(connection, request);
    } else if (connection.interactionId().isEmpty()) {
        connection.sendError(request.id, noConversation());
    } else if (method == method::CustomerSend) {
        send(connection, request);
    } else if (method == method::CustomerTyping) {
        Result<ChatTypingParams> params = ChatTypingParams::fromJson(request.params);
        if (!params) {
            connection.sendError(request.id, params.error());
            return;
        }
        // Typing beyond the limit is dropped quietly: it is only a hint.
        if (connection.takeTypingToken())
            m_chat.typingFromCustomer(connection.interactionId(), params.value().typing);
        connection.sendResult(request.id, {});
    } else if (method == method::CustomerRead) {
        Result<ChatReadParams> params = ChatReadParams::fromJson(request.params);
        if (!params) {
            connection.sendError(request.id, params.error());
            return;
        }
        const Result<bool> marked =
            m_chat.markRead(connection.interactionId(), Sender::Customer, params.value().upToSeq);
        if (!marked)
            connection.sendError(request.id, marked.error());
        else
            connection.sendResult(request.id, {});
    } else if (method == method::CustomerEnd) {
        const Result<Interaction> ended = m_interactions.endByCustomer(connection.interactionId());
        if (!ended)
            connection.sendError(request.id, ended.error());
        else
            connection.sendResult(request.id, conversationState(connection.interactionId()));
    } else if (method == method::CustomerRate) {
        rate(connection, request);
    } else if (method == method::CustomerMedia) {
        media(connection, request);
    } else if (method == method::CustomerCallback) {
        callback(connection, request);
    } else if (method == method::CustomerAnswer) {
        const Result<MediaTicket> ticket = m_calls.answerDial(connection.interactionId());
        if (!ticket)
            connection.sendError(request.id, ticket.error());
        else
            connection.sendResult(request.id,
                                  {{QStringLiteral("media"), ticket.value().toJson()},
                                   {QStringLiteral("state"), QStringLiteral("active")}});
    } else if (method == method::CustomerHangUp) {
        const Result<bool> ended = m_calls.hangUpDial(connection.interactionId());
        if (!ended)
            connection.sendError(request.id, ended.error());
        else
            connection.sendResult(request.id, conversationState(connection.interactionId()));
    } else if (method == method::CustomerDecline) {
        const Result<bool> declined = m_calls.declineDial(connection.interactionId());
        if (!declined)
            connection.sendError(request.id, declined.error());
        else
            connection.sendResult(request.id, conversationState(connection.interactionId()));
    }
}

void CustomerGateway::callback(PeerConnection& connection, const Request& request)
{
    const std::optional<Interaction> waiting = m_interactions.find(connection.interactionId());
    const qint64 waitedSeconds =
        waiting ? std::max<qint64>(0, (nowMs() - waiting->createdAtMs) / 1000) : 0;
    const QString note =
        QStringLiteral("Asked to be called back after waiting %1:%2 · 等待 %1:%2 后请求回电")
            .arg(waitedSeconds / 60)
            .arg(waitedSeconds % 60, 2, 10, QChar(u'0'));
    const Result<Interaction> converted =
        m_interactions.convertToCallback(connection.interactionId(), note);
    if (!converted) {
        connection.sendError(request.id, converted.error());
        return;
    }
    logInfo(lcWeb, QLatin1StringView("customer.callbackRequested"),
            {{QStringLiteral("conversation"), connection.interactionId()},
             {QStringLiteral("waitedSeconds"), waitedSeconds}});
    connection.sendResult(request.id, conversationState(connection.interactionId()));
}

void CustomerGateway::start(PeerConnection& connection, const Request& request)
{
    FieldReader reader(request.params);
    const QString name = reader.string(key("name"), 100).trimmed();
    const QString phone = reader.optionalString(key("phone"), 32).value_or(QString()).trimmed();
    const QString email = reader.optionalString(key("email"), 200).value_or(QString()).trimmed();
    const QString language =
        reader.optionalString(key("language"), 16).value_or(QStringLiteral("zh-CN"));
    QString queueId = reader.optionalString(key("queue"), kMaxIdentifierLength).value_or(QString());
    const QString channelText =
        reader.optionalString(key("channel"), 16).value_or(QStringLiteral("chat"));
    const bool call = channelText == QStringLiteral("voice");
    if (reader.ok() && !call && channelText != QStringLiteral("chat"))
        reader.fail(key("channel"), QStringLiteral("chat or voice"));
    const Channel channel = call ? Channel::Voice : Channel::Chat;
    if (reader.ok() && name.isEmpty())
        reader.fail(key("name"), QStringLiteral("a name is needed"));
    if (reader.ok() && !phone.isEmpty() && !std::all_of(phone.cbegin(), phone.cend(), [](QChar c) {
            return c.isDigit() || c == u'+' || c == u'-' || c == u' ';
        }))
        reader.fail(key("phone"), QStringLiteral("digits only"));
    if (reader.ok() && !email.isEmpty() && !email.contains(u'@'))
        reader.fail(key("email"), QStringLiteral("not an email address"));
    const bool english = language.startsWith(QStringLiteral("en"));
    if (queueId.isEmpty() && call)
        queueId = english ? QStringLiteral("en-voice") : QStringLiteral("cn-voice");
    else if (queueId.isEmpty())
        queueId = english ? QStringLiteral("en-care") : QStringLiteral("online-chat");
    const std::optional<Queue> queue = m_accounts.findQueue(queueId);
    if (reader.ok() && (!queue || queue->channel != channel))
        reader.fail(key("queue"), QStringLiteral("no %1 queue \"%2\"").arg(channelText, queueId));
    if (!reader.ok()) {
        connection.sendError(request.id, reader.error());
        return;
    }
    if (!connection.interactionId().isEmpty()) {
        connection.sendError(request.id,
                             makeError(ErrorCode::InvalidTransition,
                                       QStringLiteral("this page already has a conversation")));
        return;
    }

    NewInteraction create;
    create.params.channel = channel;
    create.params.queueId = queueId;
    create.params.customer.displayName = name;
    create.params.customer.identityKind = !phone.isEmpty()   ? QStringLiteral("phone")
                                          : !email.isEmpty() ? QStringLiteral("email")
                                                             : QStringLiteral("web");
    create.params.customer.identity =
        maskIdentity(create.params.customer.identityKind, !phone.isEmpty() ? phone : email);
    create.params.customer.id =
        customerIdFor(create.params.customer.identityKind, !phone.isEmpty() ? phone : email);
    create.rawIdentity = !phone.isEmpty() ? phone : email;
    create.language = language;
    if (!phone.isEmpty()) // a callback can ring them on it once the page is closed
        create.threadKey = numberKeyFor(phone);
    const Result<Interaction> created = m_interactions.create(create);
    if (!created) {
        connection.sendError(request.id, created.error());
        return;
    }
    const QString token = SecretToken::generate();
    const Result<bool> opened =
        m_chat.store().openConversation(created.value().id, SecretToken::digest(token));
    if (!opened) {
        connection.sendError(request.id, opened.error());
        return;
    }
    bind(connection, created.value().id);
    logInfo(lcWeb, QLatin1StringView("customer.started"),
            {{QStringLiteral("conversation"), created.value().id},
             {QStringLiteral("queue"), queueId},
             {QStringLiteral("channel"), channelText}});
    QJsonObject result = conversationState(created.value().id);
    result.insert(QStringLiteral("token"), token);
    result.insert(QStringLiteral("messages"), QJsonArray());
    if (call) {
        const Result<MediaTicket> ticket = m_calls.customerTicket(created.value().id);
        if (ticket)
            result.insert(QStringLiteral("media"), ticket.value().toJson());
    }
    connection.sendResult(request.id, result);
}

void CustomerGateway::resume(PeerConnection& connection, const Request& request)
{
    FieldReader reader(request.params);
    const QString token = reader.string(key("token"), kMaxTokenLength);
    const qint64 afterSeq = reader.optionalInteger(key("afterSeq"), 0, kMaxSafeInteger).value_or(0);
    if (!reader.ok()) {
        connection.sendError(request.id, reader.error());
        return;
    }
    const std::optional<QString> interactionId = conversationOf(token);
    if (!interactionId) {
        connection.sendError(request.id, makeError(ErrorCode::SessionInvalid,
                                                   QStringLiteral("no such conversation")));
        return;
    }
    bind(connection, *interactionId);
    QJsonObject result = conversationState(*interactionId);
    QJsonArray messages;
    const QList<ChatMessage> missed = m_chat.store().after(*interactionId, afterSeq, 10000);
    for (const ChatMessage& message : missed)
        messages.append(message.toJson());
    result.insert(QStringLiteral("messages"), messages);
    connection.sendResult(request.id, result);
    if (!missed.isEmpty())
        m_chat.markDelivered(*interactionId, Sender::Customer, missed.constLast().seq);
}

void CustomerGateway::send(PeerConnection& connection, const Request& request)
{
    Result<ChatSendParams> params = ChatSendParams::fromJson(request.params);
    if (!params) {
        connection.sendError(request.id, params.error());
        return;
    }
    const Result<ChatMessage> sent = m_chat.sendFromCustomer(
        connection.interactionId(), connection.customerName(), params.value());
    if (!sent)
        connection.sendError(request.id, sent.error());
    else
        connection.sendResult(request.id, {{QStringLiteral("message"), sent.value().toJson()}});
}

void CustomerGateway::rate(PeerConnection& connection, const Request& request)
{
    FieldReader reader(request.params);
    const int csat = int(reader.optionalInteger(key("csat"), 1, 5).value_or(-1));
    const int nps = int(reader.optionalInteger(key("nps"), 0, 10).value_or(-1));
    const QString comment =
        reader.optionalString(key("comment"), kMaxNoteLength).value_or(QString());
    if (reader.ok() && csat < 0 && nps < 0)
        reader.fail(key("nps"), QStringLiteral("give a score"));
    if (!reader.ok()) {
        connection.sendError(request.id, reader.error());
        return;
    }
    if (customerState(m_interactions.find(connection.interactionId())) != QStringLiteral("ended")) {
        connection.sendError(
            request.id, makeError(ErrorCode::InvalidTransition,
                                  QStringLiteral("a conversation is rated when it has ended")));
        return;
    }
    const Result<bool> rated = m_chat.store().rate(connection.interactionId(), csat, nps, comment);
    if (!rated) {
        connection.sendError(request.id, rated.error());
        return;
    }
    logInfo(lcWeb, QLatin1StringView("customer.rated"),
            {{QStringLiteral("conversation"), connection.interactionId()},
             {QStringLiteral("csat"), csat},
             {QStringLiteral("nps"), nps}});
    Q_EMIT this->rated(connection.interactionId());
    connection.sendResult(request.id, conversationState(connection.interactionId()));
}

void CustomerGateway::media(PeerConnection& connection, const Request& request)
{
    // A new ticket: the page reloaded, or its media socket dropped and the
    // old ticket expired unused.
    const Result<MediaTicket> ticket = m_calls.customerTicket(connection.interactionId());
    if (!ticket)
        connection.sendError(request.id, ticket.error());
    else
        connection.sendResult(request.id, ticket.value().toJson());
}

void CustomerGateway::bind(PeerConnection& connection, const QString& interactionId)
{
    m_byConversation.remove(connection.interactionId(), &connection);
    const std::optional<Interaction> interaction = m_interactions.find(interactionId);
    connection.bind(interactionId, interaction ? interaction->customer.displayName : QString());
    m_byConversation.insert(interactionId, &connection);
}

QJsonObject CustomerGateway::conversationState(const QString& interactionId) const
{
    const std::optional<Interaction> interaction = m_interactions.find(interactionId);
    QJsonObject state{{QStringLiteral("conversationId"), interactionId},
                      {QStringLiteral("state"), customerState(interaction)},
                      {QStringLiteral("rated"), m_chat.store().isRated(interactionId)}};
    if (interaction)
        state.insert(QStringLiteral("channel"), channelName(interaction->channel));
    // A dialled call (a callback, a chat the agent called): where it stands.
    if (m_calls.isRinging(interactionId))
        state.insert(QStringLiteral("call"), QStringLiteral("ringing"));
    else if (interaction && interaction->channel != Channel::Voice &&
             m_calls.hasCustomerLeg(interactionId))
        state.insert(QStringLiteral("call"), QStringLiteral("connected"));
    if (interaction && !interaction->agentId.isEmpty() &&
        interaction->state != InteractionState::Offered) {
        const std::optional<Agent> agent = m_accounts.findById(interaction->agentId);
        if (agent)
            state.insert(QStringLiteral("agentName"), agent->displayName);
    }
    const auto position = m_positions.constFind(interactionId);
    const QString now = customerState(interaction);
    if (position != m_positions.cend() &&
        (now == QStringLiteral("waiting") || now == QStringLiteral("callback")))
        state.insert(QStringLiteral("queue"), *position);
    return state;
}

void CustomerGateway::toConversation(const QString& interactionId, const Event& event)
{
    const auto range = m_byConversation.equal_range(interactionId);
    for (auto it = range.first; it != range.second; ++it)
        it.value()->sendEvent(event);
}

void CustomerGateway::onMessagePosted(const ChatMessage& message)
{
    toConversation(message.interactionId, Event{QString(event::ChatMessage),
                                                std::nullopt,
                                                {{QStringLiteral("message"), message.toJson()}}});
    if (message.sender != Sender::Customer && m_byConversation.contains(message.interactionId))
        m_chat.markDelivered(message.interactionId, Sender::Customer, message.seq);
}

void CustomerGateway::onCustomerFacingChanged(const Interaction& interaction)
{
    if (interaction.state != InteractionState::Queued &&
        interaction.state != InteractionState::Offered)
        m_positions.remove(interaction.id);
    if (!m_byConversation.contains(interaction.id))
        return;
    const std::optional<Interaction> live = m_interactions.find(interaction.id);
    QJsonObject state = conversationState(interaction.id);
    // The directory may already have closed it; what changed is what counts.
    state.insert(QStringLiteral("state"), customerState(live ? live : std::optional(interaction)));
    toConversation(interaction.id, Event{QString(event::ConversationState), std::nullopt, state});
}

void CustomerGateway::onPositionChanged(const QString& interactionId, int position,
                                        qint64 estimatedWaitMs)
{
    const QJsonObject standing = QueueStanding{position, estimatedWaitMs}.toJson();
    m_positions.insert(interactionId, standing);
    toConversation(interactionId, Event{QString(event::QueuePosition), std::nullopt, standing});
}

} // namespace qidong::hub
