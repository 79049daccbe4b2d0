#pragma once

#include <QWidget>

#include <memory>

class QAudioOutput;
class QLabel;
class QMediaPlayer;
class QNetworkAccessManager;
class QNetworkReply;
class QTemporaryFile;
class QPushButton;
class QSlider;

namespace qidong::ui {

// Plays a call's recording (Ogg Opus, the customer left and the agents
// right) from the hub's short-lived link: play / pause, a position slider
// to drag to any moment, and the time. The file is fetched whole into a
// temporary file only the user can read, removed when the next one opens
// or the player goes: over plain HTTP the Ogg stream has no length and
// cannot be sought.
class RecordingPlayer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingPlayer)

public:
    explicit RecordingPlayer(QWidget* parent = nullptr);
    ~RecordingPlayer() override;

    void play(const QUrl& url);
    void stop();

    QMediaPlayer* player() const { return m_player; }
    QSlider* slider() const { return m_slider; }
    QPushButton* playButton() const { return m_play; }
    QLabel* timeLabel() const { return m_time; }

private:
    void showTime();
    void onFetched(QNetworkReply* reply);

    QMediaPlayer* m_player;
    QAudioOutput* m_output;
    QPushButton* m_play;
    QSlider* m_slider;
    QLabel* m_time;
    QLabel* m_problem;
    QNetworkAccessManager* m_network;
    QNetworkReply* m_fetching = nullptr;
    std::unique_ptr<QTemporaryFile> m_file;
};

} // namespace qidong::ui
