#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <chrono>
#include <memory>

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

class PromptSpeaker;

// One simulated call through the customer page's socket: starts a voice
// conversation, joins its media with the ticket, and once an agent answers
// says its prompts (PromptSpeaker), then hangs up (or is hung up on). With
// `callbackAfter`, a caller still waiting then asks to be called back (the
// seeds' "call back at once when lines were busy"), answers when the page
// rings, and talks as on any call.
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
        std::chrono::milliseconds callbackAfter{0}; // 0: waits for an agent
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
    void askForCallback();
    void newVoice();
    void finish(bool ok, const QString& why);

    Settings m_settings;
    CallScenario m_scenario;
    QWebSocket m_control;
    std::unique_ptr<PromptSpeaker> m_voice;
    QTimer m_giveUp;
    QTimer m_tiredOfWaiting;
    bool m_callbackAsked = false;
    int m_nextId = 1;
    QString m_callId;
    QString m_state;
    bool m_answered = false;
    bool m_done = false;
};

} // namespace qidong::hub::simulate
