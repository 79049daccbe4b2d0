#pragma once

#include <QWidget>

class QLabel;
class QNetworkAccessManager;
class QNetworkReply;
class QPushButton;
class QSlider;

namespace qidong::core {
class RecordingPlayback;
}

namespace qidong::ui {

// Plays a call's recording (Ogg Opus, both parties) from the hub's
// short-lived link: play / pause, a position slider to drag to any moment,
// and the time. The file is fetched whole into memory (over plain HTTP an
// Ogg stream has no length and cannot be sought) and played by
// core::RecordingPlayback on the call speaker chosen in Settings; it is
// never written to disk.
class RecordingPlayer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingPlayer)

public:
    explicit RecordingPlayer(QWidget* parent = nullptr);
    ~RecordingPlayer() override;

    void play(const QUrl& url);
    void stop();

    core::RecordingPlayback* playback() const { return m_playback; }
    QSlider* slider() const { return m_slider; }
    QPushButton* playButton() const { return m_play; }
    QLabel* timeLabel() const { return m_time; }

private:
    void showTime();
    void onFetched(QNetworkReply* reply);

    core::RecordingPlayback* m_playback;
    QPushButton* m_play;
    QSlider* m_slider;
    QLabel* m_time;
    QLabel* m_problem;
    QNetworkAccessManager* m_network;
    QNetworkReply* m_fetching = nullptr;
};

} // namespace qidong::ui
