#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <chrono>
#include <vector>

namespace qidong::hub::simulate {

// A caller from the seeds' world: who, in which language, and what they
// say, as shipped speech prompts (hub/simulate/prompts, made by
// tools/make-prompts with espeak-ng).
struct CallScenario final
{
    QString name;
    QString language;
    QString displayName;
    QString phone;
    QStringList prompts;
};

QList<CallScenario> builtInCallScenarios();

// One simulated call through the customer page's socket: starts a voice
// conversation, joins its media with the ticket, and once an agent answers
// says its prompts one after another with pauses for the agent's answers,
// then hangs up (or is hung up on). The prompts' Opus packets go out as
// they are, 20 ms apart, on the hub's frame format.
class SimulatedCaller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulatedCaller)

public:
    struct Settings
    {
        QUrl customerSocket; // ws://host:port/customer/ws
        std::chrono::milliseconds answerWait{std::chrono::minutes(5)};
        std::chrono::milliseconds pauseBetweenPrompts{std::chrono::seconds(3)};
    };

    SimulatedCaller(Settings settings, CallScenario scenario, QObject* parent = nullptr);
    ~SimulatedCaller() override;

    void start();
    const CallScenario& scenario() const { return m_scenario; }

Q_SIGNALS:
    void progressed(const QString& event, const QJsonObject& fields);
    // `ok`: the call was answered and ended.
    void finished(bool ok);

private:
    void request(const QString& method, const QJsonObject& params = {});
    void onText(const QString& text);
    void onState(const QJsonObject& state);
    void openMedia(const QJsonObject& ticket);
    void tick();
    void finish(bool ok, const QString& why);

    Settings m_settings;
    CallScenario m_scenario;
    QWebSocket m_control;
    QWebSocket m_media;
    QTimer m_clock;
    QTimer m_giveUp;
    QElapsedTimer m_elapsed;
    qint64 m_ticks = 0;
    int m_nextId = 1;
    QString m_callId;
    QString m_state;
    bool m_answered = false;
    bool m_done = false;
    // What is being said: the current prompt's packets, or a pause.
    std::vector<QByteArray> m_packets;
    std::size_t m_nextPacket = 0;
    int m_nextPrompt = 0;
    qint64 m_silentUntilTick = 0;
    std::uint32_t m_stream = 0;
    std::uint32_t m_sequence = 0;
    bool m_gap = true;
};

} // namespace qidong::hub::simulate
