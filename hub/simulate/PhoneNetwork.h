#pragma once

#include "CallSimulator.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <chrono>
#include <memory>
#include <unordered_map>

namespace qidong::hub::simulate {

class PromptSpeaker;

// A stand-in for the telephone network, named as such: nothing here can
// reach a real phone, so `qidong-hub simulate --phone-network` registers
// as the hub's phone trunk (/trunk/ws, docs/protocol.md §13) and answers
// the calls agents dial. A number of one of the built-in callers is
// answered by them, any other by a caller of the call's language; it rings
// `ringTime` first. Numbers ending in 486 are busy (SIP's 486 Busy Here),
// numbers ending in 408 never answer (they ring out). Once answered the
// far end says its prompts, then hangs up; or the agent hangs up first.
class PhoneNetwork final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhoneNetwork)

public:
    struct Settings
    {
        QUrl trunkSocket; // ws://host:port/trunk/ws
        QString token;    // the hub's ingest token
        std::chrono::milliseconds ringTime{std::chrono::seconds(3)};
        std::chrono::milliseconds pauseBetweenPrompts{std::chrono::seconds(3)};
    };

    PhoneNetwork(Settings settings, QList<CallScenario> callers, QObject* parent = nullptr);
    ~PhoneNetwork() override;

    void start();

Q_SIGNALS:
    void progressed(const QString& event, const QJsonObject& fields);
    // The hub refused the token or closed the trunk's socket.
    void stopped(const QString& why);

private:
    struct Call
    {
        QString number;
        CallScenario caller;
        std::unique_ptr<PromptSpeaker> voice;
        std::unique_ptr<QTimer> ring;
    };

    void request(const QString& method, const QJsonObject& params, const QString& callId = {});
    void onText(const QString& text);
    void onIncoming(const QJsonObject& call);
    void answer(const QString& callId);
    void end(const QString& callId, const QString& why);
    CallScenario callerFor(const QString& number, const QString& language) const;

    Settings m_settings;
    QList<CallScenario> m_callers;
    QWebSocket m_socket;
    QTimer m_keepAlive;
    int m_nextId = 1;
    QHash<int, QString> m_answering; // trunk.answer request id → call
    std::unordered_map<QString, Call> m_calls;
    bool m_registered = false;
};

} // namespace qidong::hub::simulate
