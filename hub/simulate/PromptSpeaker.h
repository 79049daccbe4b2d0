#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <chrono>
#include <cstdint>
#include <vector>

namespace qidong::hub::simulate {

// A simulated person's voice on one media leg: joins the leg with its
// ticket's URL and, once told to talk, says the shipped prompts one after
// another with pauses for the other side's answers; the prompts' Opus
// packets go out as they are, 20 ms apart, on the hub's frame format.
class PromptSpeaker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptSpeaker)

public:
    PromptSpeaker(QStringList prompts, std::chrono::milliseconds pauseBetweenPrompts,
                  QObject* parent = nullptr);
    ~PromptSpeaker() override;

    void join(const QUrl& mediaSocket);
    // Starts talking after `greeting` of silence (the other side's hello).
    void talk(std::chrono::milliseconds greeting = std::chrono::seconds(1));
    void stop();
    // On hold: nothing is said, and the prompts wait.
    void setPaused(bool paused) { m_paused = paused; }

Q_SIGNALS:
    void said(const QString& prompt, int frames);
    // The last prompt was said, and two seconds of silence after it.
    void done();

private:
    void tick();

    QStringList m_prompts;
    std::chrono::milliseconds m_pause;
    QWebSocket m_media;
    QTimer m_clock;
    QElapsedTimer m_elapsed;
    qint64 m_ticks = 0;
    bool m_talking = false;
    bool m_paused = false;
    bool m_done = false;
    std::vector<QByteArray> m_packets; // the prompt being said
    std::size_t m_nextPacket = 0;
    int m_nextPrompt = 0;
    qint64 m_silentUntilTick = 0;
    std::uint32_t m_stream = 0;
    std::uint32_t m_sequence = 0;
    bool m_gap = true;
};

} // namespace qidong::hub::simulate
