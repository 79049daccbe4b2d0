#include "PhoneNetwork.h"

#include "PromptSpeaker.h"
#include "protocol/Call.h"

#include <QJsonDocument>

namespace qidong::hub::simulate {

using namespace qidong::protocol;

namespace {

QString digitsOf(const QString& number)
{
    QString digits = number;
    digits.removeIf([](QChar c) { return !c.isDigit(); });
    return digits;
}

} // namespace

PhoneNetwork::PhoneNetwork(Settings settings, QList<CallScenario> callers, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_callers(std::move(callers))
{
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        request(QStringLiteral("trunk.register"), {{QStringLiteral("token"), m_settings.token}});
        m_keepAlive.start();
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &PhoneNetwork::onText);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_keepAlive.stop();
        QStringList calls;
        for (const auto& [id, call] : m_calls)
            calls.append(id);
        for (const QString& id : std::as_const(calls))
            end(id, QStringLiteral("trunk-closed"));
        Q_EMIT stopped(m_socket.closeReason().isEmpty() ? m_socket.errorString()
                                                        : m_socket.closeReason());
    });
    // The hub closes a silent socket after two minutes.
    m_keepAlive.setInterval(std::chrono::seconds(20));
    connect(&m_keepAlive, &QTimer::timeout, this, [this] { request(QStringLiteral("ping"), {}); });
}

PhoneNetwork::~PhoneNetwork()
{
    m_socket.disconnect(this);
}

void PhoneNetwork::start()
{
    m_socket.open(m_settings.trunkSocket);
}

void PhoneNetwork::request(const QString& method, const QJsonObject& params, const QString& callId)
{
    const int id = m_nextId++;
    if (method == QStringLiteral("trunk.answer"))
        m_answering.insert(id, callId);
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("id"), id},
                                                    {QStringLiteral("method"), method},
                                                    {QStringLiteral("params"), params}})
                              .toJson(QJsonDocument::Compact)));
}

void PhoneNetwork::onText(const QString& text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString event = frame.value(QLatin1StringView("event")).toString();
    const QJsonObject data = frame.value(QLatin1StringView("data")).toObject();
    if (event == QStringLiteral("trunk.call")) {
        onIncoming(data);
        return;
    }
    if (event == QStringLiteral("trunk.hangUp")) {
        end(data.value(QLatin1StringView("id")).toString(),
            data.value(QLatin1StringView("reason")).toString());
        return;
    }
    const int id = frame.value(QLatin1StringView("id")).toInt();
    const QString answered = m_answering.take(id);
    if (frame.contains(QLatin1StringView("error"))) {
        const QString message = frame.value(QLatin1StringView("error"))
                                    .toObject()
                                    .value(QLatin1StringView("message"))
                                    .toString();
        if (!m_registered) {
            Q_EMIT stopped(message);
            m_socket.close();
            return;
        }
        Q_EMIT progressed(QStringLiteral("phone.refused"), {{QStringLiteral("why"), message}});
        if (!answered.isEmpty())
            end(answered, message);
        return;
    }
    if (!m_registered && id == 1) {
        m_registered = true;
        Q_EMIT progressed(QStringLiteral("phone.registered"), {});
        return;
    }
    if (answered.isEmpty() || !m_calls.contains(answered))
        return;
    Result<MediaTicket> ticket = MediaTicket::fromJson(frame.value(QLatin1StringView("result"))
                                                           .toObject()
                                                           .value(QLatin1StringView("media"))
                                                           .toObject());
    if (!ticket) {
        end(answered, QStringLiteral("no media ticket"));
        return;
    }
    Call& call = m_calls[answered];
    call.voice->join(ticket.value().socketUrl(m_settings.trunkSocket.host()));
    call.voice->talk(std::chrono::seconds(2)); // "Hello?" is the agent's to say
}

void PhoneNetwork::onIncoming(const QJsonObject& incoming)
{
    const QString id = incoming.value(QLatin1StringView("id")).toString();
    const QString number = incoming.value(QLatin1StringView("number")).toString();
    Q_EMIT progressed(QStringLiteral("phone.ringing"),
                      {{QStringLiteral("call"), id}, {QStringLiteral("number"), number}});
    if (number.endsWith(QStringLiteral("486"))) {
        request(QStringLiteral("trunk.reject"),
                {{QStringLiteral("id"), id}, {QStringLiteral("reason"), QStringLiteral("busy")}});
        Q_EMIT progressed(QStringLiteral("phone.busy"), {{QStringLiteral("call"), id}});
        return;
    }
    Call& call = m_calls[id];
    call.number = number;
    call.caller = callerFor(number, incoming.value(QLatin1StringView("language")).toString());
    call.voice =
        std::make_unique<PromptSpeaker>(call.caller.prompts, m_settings.pauseBetweenPrompts);
    connect(call.voice.get(), &PromptSpeaker::said, this,
            [this, id](const QString& prompt, int frames) {
                Q_EMIT progressed(QStringLiteral("phone.said"),
                                  {{QStringLiteral("call"), id},
                                   {QStringLiteral("prompt"), prompt},
                                   {QStringLiteral("frames"), frames}});
            });
    connect(call.voice.get(), &PromptSpeaker::done, this, [this, id] {
        request(QStringLiteral("trunk.hangUp"), {{QStringLiteral("id"), id}});
        end(id, QStringLiteral("far-end-hung-up"));
    });
    if (number.endsWith(QStringLiteral("408")))
        return; // rings until the hub gives up
    call.ring = std::make_unique<QTimer>();
    call.ring->setSingleShot(true);
    connect(call.ring.get(), &QTimer::timeout, this, [this, id] { answer(id); });
    call.ring->start(m_settings.ringTime);
}

void PhoneNetwork::answer(const QString& callId)
{
    if (!m_calls.contains(callId))
        return;
    request(QStringLiteral("trunk.answer"), {{QStringLiteral("id"), callId}}, callId);
    Q_EMIT progressed(QStringLiteral("phone.answered"),
                      {{QStringLiteral("call"), callId},
                       {QStringLiteral("caller"), m_calls.at(callId).caller.name}});
}

void PhoneNetwork::end(const QString& callId, const QString& why)
{
    const auto it = m_calls.find(callId);
    if (it == m_calls.end())
        return;
    Call& call = it->second;
    // Deleted later: this may run inside the speaker's own signal.
    if (call.voice) {
        call.voice->stop();
        call.voice.release()->deleteLater();
    }
    if (call.ring)
        call.ring.release()->deleteLater();
    m_calls.erase(it);
    Q_EMIT progressed(QStringLiteral("phone.ended"),
                      {{QStringLiteral("call"), callId}, {QStringLiteral("why"), why}});
}

CallScenario PhoneNetwork::callerFor(const QString& number, const QString& language) const
{
    const QString digits = digitsOf(number);
    for (const CallScenario& caller : m_callers)
        if (!caller.phone.isEmpty() && digits.endsWith(digitsOf(caller.phone)))
            return caller;
    for (const CallScenario& caller : m_callers)
        if (language.startsWith(caller.language.left(2)))
            return caller;
    return m_callers.value(0);
}

} // namespace qidong::hub::simulate
