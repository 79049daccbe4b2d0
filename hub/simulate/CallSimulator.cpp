#include "CallSimulator.h"

#include "PromptSpeaker.h"
#include "protocol/Call.h"

#include <QJsonDocument>

namespace qidong::hub::simulate {

using namespace qidong::protocol;

QList<CallScenario> builtInCallScenarios()
{
    const auto zh = QStringLiteral("zh-CN");
    return {
        {QStringLiteral("zh-roaming-call"),
         zh,
         QStringLiteral("赵先生"),
         QStringLiteral("13800138000"),
         {QStringLiteral("zh-roaming-1"), QStringLiteral("zh-roaming-2"),
          QStringLiteral("zh-roaming-3")}},
        {QStringLiteral("zh-billing-call"),
         zh,
         QStringLiteral("钱女士"),
         QStringLiteral("13900139000"),
         {QStringLiteral("zh-billing-1"), QStringLiteral("zh-billing-2"),
          QStringLiteral("zh-billing-3")}},
        {QStringLiteral("en-roaming-call"),
         QStringLiteral("en"),
         QStringLiteral("Ms Taylor"),
         QStringLiteral("447700900123"),
         {QStringLiteral("en-roaming-1"), QStringLiteral("en-roaming-2"),
          QStringLiteral("en-roaming-3")}},
    };
}

SimulatedCaller::SimulatedCaller(Settings settings, CallScenario scenario, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_scenario(std::move(scenario))
{
    newVoice();
    m_tiredOfWaiting.setSingleShot(true);
    connect(&m_tiredOfWaiting, &QTimer::timeout, this, &SimulatedCaller::askForCallback);
    m_giveUp.setSingleShot(true);
    connect(&m_giveUp, &QTimer::timeout, this,
            [this] { finish(false, QStringLiteral("no agent answered in time")); });
    connect(&m_control, &QWebSocket::connected, this, [this] {
        request(QStringLiteral("customer.start"),
                {{QStringLiteral("name"), m_scenario.displayName},
                 {QStringLiteral("phone"), m_scenario.phone},
                 {QStringLiteral("language"), m_scenario.language},
                 {QStringLiteral("channel"), QStringLiteral("voice")}});
    });
    connect(&m_control, &QWebSocket::textMessageReceived, this, &SimulatedCaller::onText);
    connect(&m_control, &QWebSocket::disconnected, this,
            [this] { finish(false, QStringLiteral("the hub closed the page's socket")); });
}

void SimulatedCaller::newVoice()
{
    // A fresh voice for each leg: the waiting call's, then the callback's.
    m_voice = std::make_unique<PromptSpeaker>(m_scenario.prompts, m_settings.pauseBetweenPrompts);
    connect(m_voice.get(), &PromptSpeaker::said, this, [this](const QString& prompt, int frames) {
        Q_EMIT progressed(QStringLiteral("call.said"), {{QStringLiteral("call"), m_callId},
                                                        {QStringLiteral("prompt"), prompt},
                                                        {QStringLiteral("frames"), frames}});
    });
    connect(m_voice.get(), &PromptSpeaker::done, this, [this] {
        Q_EMIT progressed(QStringLiteral("call.hangingUp"), {{QStringLiteral("call"), m_callId}});
        request(QStringLiteral("customer.end"));
    });
}

void SimulatedCaller::askForCallback()
{
    if (m_answered || m_done || m_callId.isEmpty())
        return;
    m_callbackAsked = true;
    m_voice->stop();
    request(QStringLiteral("customer.callback"));
    Q_EMIT progressed(QStringLiteral("call.callbackRequested"),
                      {{QStringLiteral("call"), m_callId}});
}

SimulatedCaller::~SimulatedCaller()
{
    m_control.disconnect(this);
}

void SimulatedCaller::start()
{
    m_giveUp.start(m_settings.answerWait);
    if (m_settings.callbackAfter.count() > 0)
        m_tiredOfWaiting.start(m_settings.callbackAfter);
    m_control.open(m_settings.customerSocket);
}

void SimulatedCaller::request(const QString& method, const QJsonObject& params)
{
    m_control.sendTextMessage(
        QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("id"), m_nextId++},
                                                    {QStringLiteral("method"), method},
                                                    {QStringLiteral("params"), params}})
                              .toJson(QJsonDocument::Compact)));
}

void SimulatedCaller::onText(const QString& text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    if (frame.contains(QLatin1StringView("error"))) {
        finish(false, frame.value(QLatin1StringView("error"))
                          .toObject()
                          .value(QLatin1StringView("message"))
                          .toString());
        return;
    }
    const QJsonObject result = frame.value(QLatin1StringView("result")).toObject();
    if (result.contains(QLatin1StringView("media")) && m_callbackAsked) { // customer.answer's
        // The state event saying "active" may have come first: talk now.
        newVoice();
        openMedia(result.value(QLatin1StringView("media")).toObject());
        m_voice->talk();
        onState(result);
        return;
    }
    if (result.contains(QLatin1StringView("media"))) { // customer.start's answer
        m_callId = result.value(QLatin1StringView("conversationId")).toString();
        Q_EMIT progressed(QStringLiteral("call.placed"), {{QStringLiteral("call"), m_callId}});
        openMedia(result.value(QLatin1StringView("media")).toObject());
        onState(result);
        return;
    }
    if (frame.value(QLatin1StringView("event")).toString() == QStringLiteral("conversation.state"))
        onState(frame.value(QLatin1StringView("data")).toObject());
}

void SimulatedCaller::openMedia(const QJsonObject& ticketJson)
{
    Result<MediaTicket> ticket = MediaTicket::fromJson(ticketJson);
    if (!ticket) {
        finish(false, QStringLiteral("no media ticket"));
        return;
    }
    m_voice->join(ticket.value().socketUrl(m_settings.customerSocket.host()));
}

void SimulatedCaller::onState(const QJsonObject& state)
{
    const QString now = state.value(QLatin1StringView("state")).toString();
    if (now == m_state)
        return;
    m_state = now;
    m_voice->setPaused(now != QStringLiteral("active"));
    if (now == QStringLiteral("ringing") && m_callbackAsked) {
        Q_EMIT progressed(QStringLiteral("call.ringing"), {{QStringLiteral("call"), m_callId}});
        request(QStringLiteral("customer.answer"));
        return;
    }
    if (now == QStringLiteral("active") && !m_answered) {
        m_tiredOfWaiting.stop();
        m_answered = true;
        m_giveUp.stop();
        m_voice->talk(); // after a second for the agent's greeting
        Q_EMIT progressed(QStringLiteral("call.answered"),
                          {{QStringLiteral("call"), m_callId},
                           {QStringLiteral("agent"), state.value(QLatin1StringView("agentName"))}});
    } else if (now == QStringLiteral("ended")) {
        finish(m_answered, m_answered ? QString() : QStringLiteral("ended before an answer"));
    }
}

void SimulatedCaller::finish(bool ok, const QString& why)
{
    if (m_done)
        return;
    m_done = true;
    m_giveUp.stop();
    m_tiredOfWaiting.stop();
    QJsonObject fields{{QStringLiteral("call"), m_callId}, {QStringLiteral("ok"), ok}};
    if (!why.isEmpty())
        fields.insert(QStringLiteral("why"), why);
    Q_EMIT progressed(QStringLiteral("call.ended"), fields);
    m_voice->stop();
    m_control.disconnect(this);
    m_control.close();
    Q_EMIT finished(ok);
}

} // namespace qidong::hub::simulate
