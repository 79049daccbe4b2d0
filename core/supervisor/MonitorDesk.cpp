#include "MonitorDesk.h"

#include "core/CoreLog.h"
#include "core/voice/CallDesk.h"
#include "core/voice/VoiceEngine.h"
#include "protocol/Names.h"

#include <QUuid>

namespace qidong::core {

using namespace qidong::protocol;

MonitorDesk::MonitorDesk(HubConnection& connection, CallDesk& calls, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_calls(calls)
    , m_engine(calls.engine())
{
    connect(&m_connection, &HubConnection::eventReceived, this, &MonitorDesk::onEvent);
    // Monitoring lives in the hub's memory: after a restart it is gone.
    connect(&m_connection, &HubConnection::resynced, this, [this] {
        if (m_current)
            finish(QStringLiteral("lost"));
    });
    // The lead's own call takes the headset.
    connect(&m_calls, &CallDesk::callChanged, this, [this] {
        if (m_audio && m_calls.call())
            stop();
    });
    connect(&m_engine, &VoiceEngine::callEnded, this, [this] { m_audio = false; });
}

MonitorDesk::~MonitorDesk()
{
    stopAudio();
}

void MonitorDesk::start(const QString& interactionId, MonitorMode mode)
{
    if (m_current && m_current->interaction.id != interactionId)
        stop();
    m_connection.request(QString(method::MonitorStart), MonitorParams{interactionId, mode}.toJson(),
                         this, [this](const Response& response) {
                             if (response.error) {
                                 Q_EMIT failed(QString(method::MonitorStart), *response.error);
                                 return;
                             }
                             Result<Monitoring> monitoring = Monitoring::fromJson(response.result);
                             if (!monitoring) {
                                 Q_EMIT failed(QString(method::MonitorStart), monitoring.error());
                                 return;
                             }
                             m_transcript.addAll(monitoring.value().transcript);
                             apply(monitoring.value());
                         });
}

void MonitorDesk::setMode(MonitorMode mode)
{
    if (!m_current)
        return;
    m_connection.request(
        QString(method::MonitorMode), MonitorParams{m_current->interaction.id, mode}.toJson(), this,
        [this](const Response& response) {
            if (response.error) {
                Q_EMIT failed(QString(method::MonitorMode), *response.error);
                return;
            }
            if (Result<Monitoring> monitoring = Monitoring::fromJson(response.result))
                apply(monitoring.value());
        });
}

void MonitorDesk::stop()
{
    if (!m_current)
        return;
    const QString id = m_current->interaction.id;
    finish(QStringLiteral("stopped"));
    m_connection.request(QString(method::MonitorStop), {{QStringLiteral("interactionId"), id}},
                         this, [this](const Response& response) {
                             // Already over at the hub (it ended meanwhile): nothing lost.
                             if (response.error && response.error->code != ErrorCode::NotFound)
                                 Q_EMIT failed(QString(method::MonitorStop), *response.error);
                         });
}

void MonitorDesk::whisper(const QString& text)
{
    if (!m_current)
        return;
    m_connection.request(
        QString(method::MonitorWhisper), WhisperParams{m_current->interaction.id, text}.toJson(),
        this, [this](const Response& response) {
            if (response.error) {
                Q_EMIT failed(QString(method::MonitorWhisper), *response.error);
                return;
            }
            // The lead sees their own coaching in the transcript too.
            Result<WhisperNote> note =
                WhisperNote::fromJson(response.result.value(QLatin1StringView("note")).toObject());
            if (note && m_current && note.value().interactionId == m_current->interaction.id)
                m_transcript.addWhisper(note.value());
        });
}

void MonitorDesk::send(const QString& text)
{
    if (!m_current)
        return;
    const QString clientMsgId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_connection.request(
        QString(method::ChatSend),
        ChatSendParams{m_current->interaction.id, clientMsgId, text, std::nullopt}.toJson(), this,
        [this](const Response& response) {
            if (response.error) {
                Q_EMIT failed(QString(method::ChatSend), *response.error);
                return;
            }
            Result<ChatMessage> stored = ChatMessage::fromJson(
                response.result.value(QLatin1StringView("message")).toObject());
            if (stored && m_current && stored.value().interactionId == m_current->interaction.id)
                m_transcript.add(stored.value());
        });
}

void MonitorDesk::apply(const Monitoring& monitoring)
{
    if (!monitoring.active) {
        if (m_current && m_current->interaction.id == monitoring.interaction.id)
            finish(monitoring.endReason);
        return;
    }
    const bool fresh = !m_current || m_current->interaction.id != monitoring.interaction.id;
    if (fresh && m_current)
        finish(QStringLiteral("stopped"));
    std::optional<MediaTicket> ticket = monitoring.ticket;
    m_current = monitoring;
    if (ticket && !m_audio)
        startAudio(*ticket);
    if (m_audio)
        m_engine.setMuted(monitoring.mode == MonitorMode::Listen);
    Q_EMIT changed();
}

void MonitorDesk::finish(const QString& reason)
{
    if (!m_current)
        return;
    stopAudio();
    m_current.reset();
    m_transcript.clear(); // the next one starts afresh
    Q_EMIT ended(reason);
}

void MonitorDesk::onEvent(const Event& event)
{
    if (event.name == event::MonitorChanged) {
        Result<Monitoring> monitoring = Monitoring::fromJson(event.data);
        if (!monitoring) {
            qCWarning(lcCore) << "malformed monitor.changed:" << monitoring.error().message;
            return;
        }
        if (m_current && monitoring.value().interaction.id == m_current->interaction.id)
            apply(monitoring.value());
    } else if (event.name == event::ChatMessage && m_current) {
        Result<ChatMessage> message =
            ChatMessage::fromJson(event.data.value(QLatin1StringView("message")).toObject());
        if (message && message.value().interactionId == m_current->interaction.id)
            m_transcript.add(message.value());
    }
}

void MonitorDesk::startAudio(const MediaTicket& ticket)
{
    if (m_engine.inCall()) {
        Q_EMIT failed(QString(method::MonitorStart),
                      makeError(ErrorCode::InvalidTransition,
                                tr("Finish your own call first: the headset is in use.")));
        return;
    }
    m_engine.startCall(ticket.socketUrl(m_connection.url().host()));
    m_audio = true;
}

void MonitorDesk::stopAudio()
{
    if (!m_audio)
        return;
    m_audio = false;
    m_engine.setMuted(false);
    m_engine.endCall();
}

} // namespace qidong::core
