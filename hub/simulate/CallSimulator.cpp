#include "CallSimulator.h"

#include "media/OggOpus.h"
#include "protocol/Call.h"
#include "protocol/MediaFrame.h"

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace qidong::hub::simulate {

using namespace qidong::protocol;

namespace {

constexpr int kTickMs = 20;
constexpr std::uint32_t kFrameSamples = 960;
constexpr int kHangUpAfterLastTicks = 100; // 2 s

std::vector<QByteArray> promptPackets(const QString& name)
{
    QFile file(QStringLiteral(":/qidong/prompts/%1.opus").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return media::OggOpusReader::packets(file.readAll()).value_or(std::vector<QByteArray>{});
}

} // namespace

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
    , m_stream(QRandomGenerator::global()->generate())
{
    m_clock.setTimerType(Qt::PreciseTimer);
    m_clock.setInterval(5);
    connect(&m_clock, &QTimer::timeout, this, &SimulatedCaller::tick);
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

SimulatedCaller::~SimulatedCaller()
{
    m_control.disconnect(this);
    m_media.disconnect(this);
}

void SimulatedCaller::start()
{
    m_giveUp.start(m_settings.answerWait);
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
    m_media.open(ticket.value().socketUrl(m_settings.customerSocket.host()));
    m_elapsed.start();
    m_clock.start();
}

void SimulatedCaller::onState(const QJsonObject& state)
{
    const QString now = state.value(QLatin1StringView("state")).toString();
    if (now == m_state)
        return;
    m_state = now;
    if (now == QStringLiteral("active") && !m_answered) {
        m_answered = true;
        m_giveUp.stop();
        m_silentUntilTick = m_ticks + 50; // a second for the agent's greeting
        Q_EMIT progressed(QStringLiteral("call.answered"),
                          {{QStringLiteral("call"), m_callId},
                           {QStringLiteral("agent"), state.value(QLatin1StringView("agentName"))}});
    } else if (now == QStringLiteral("ended")) {
        finish(m_answered, m_answered ? QString() : QStringLiteral("ended before an answer"));
    }
}

void SimulatedCaller::tick()
{
    while (m_ticks * kTickMs <= m_elapsed.elapsed()) {
        const std::uint32_t timestamp = std::uint32_t(m_ticks) * kFrameSamples;
        ++m_ticks;
        if (!m_answered || m_state != QStringLiteral("active") || m_ticks < m_silentUntilTick) {
            m_gap = true;
            continue;
        }
        if (m_nextPacket >= m_packets.size()) {
            if (!m_packets.empty()) { // a prompt just finished: the agent's turn
                m_packets.clear();
                m_silentUntilTick = m_ticks + m_settings.pauseBetweenPrompts.count() / kTickMs;
                m_gap = true;
                continue;
            }
            if (m_nextPrompt >= m_scenario.prompts.size()) {
                if (m_ticks >= m_silentUntilTick + kHangUpAfterLastTicks && !m_done) {
                    Q_EMIT progressed(QStringLiteral("call.hangingUp"),
                                      {{QStringLiteral("call"), m_callId}});
                    request(QStringLiteral("customer.end"));
                    m_silentUntilTick = m_ticks + 1'000'000; // quiet until the state says ended
                }
                continue;
            }
            const QString prompt = m_scenario.prompts.at(m_nextPrompt++);
            m_packets = promptPackets(prompt);
            m_nextPacket = 0;
            Q_EMIT progressed(QStringLiteral("call.said"),
                              {{QStringLiteral("call"), m_callId},
                               {QStringLiteral("prompt"), prompt},
                               {QStringLiteral("frames"), qint64(m_packets.size())}});
            if (m_packets.empty())
                continue;
        }
        MediaFrame frame;
        frame.kind = MediaKind::Opus;
        frame.flags = m_gap ? MediaFrame::kMarker : 0;
        frame.stream = m_stream;
        frame.sequence = m_sequence++;
        frame.timestamp = timestamp;
        frame.payload = m_packets.at(m_nextPacket++);
        m_gap = false;
        if (m_media.state() == QAbstractSocket::ConnectedState)
            m_media.sendBinaryMessage(frame.encode());
    }
}

void SimulatedCaller::finish(bool ok, const QString& why)
{
    if (m_done)
        return;
    m_done = true;
    m_clock.stop();
    m_giveUp.stop();
    QJsonObject fields{{QStringLiteral("call"), m_callId}, {QStringLiteral("ok"), ok}};
    if (!why.isEmpty())
        fields.insert(QStringLiteral("why"), why);
    Q_EMIT progressed(QStringLiteral("call.ended"), fields);
    m_media.close();
    m_control.disconnect(this);
    m_control.close();
    Q_EMIT finished(ok);
}

} // namespace qidong::hub::simulate
