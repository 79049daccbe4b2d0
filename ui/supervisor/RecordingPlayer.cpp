#include "RecordingPlayer.h"

#include "models/DomainText.h"

#include <QAudioOutput>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSlider>
#include <QTemporaryFile>
#include <QVBoxLayout>

#include <utility>

namespace qidong::ui {

RecordingPlayer::RecordingPlayer(QWidget* parent)
    : QWidget(parent)
    , m_player(new QMediaPlayer(this))
    , m_output(new QAudioOutput(this))
    , m_play(new QPushButton(tr("Play"), this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_time(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_network(new QNetworkAccessManager(this))
{
    setObjectName(QStringLiteral("recordingPlayer"));
    m_player->setAudioOutput(m_output);
    m_play->setObjectName(QStringLiteral("recordingPlay"));
    m_play->setEnabled(false);
    m_slider->setObjectName(QStringLiteral("recordingPosition"));
    m_slider->setAccessibleName(tr("Position in the recording"));
    m_slider->setEnabled(false);
    m_slider->setSingleStep(1000);
    m_slider->setPageStep(10000);
    m_time->setTextFormat(Qt::PlainText);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto* row = new QHBoxLayout;
    row->addWidget(m_play);
    row->addWidget(m_slider, 1);
    row->addWidget(m_time);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_problem);

    connect(m_play, &QPushButton::clicked, this, [this] {
        if (m_player->playbackState() == QMediaPlayer::PlayingState)
            m_player->pause();
        else
            m_player->play();
    });
    connect(m_player, &QMediaPlayer::playbackStateChanged, this,
            [this](QMediaPlayer::PlaybackState state) {
                m_play->setText(state == QMediaPlayer::PlayingState ? tr("Pause") : tr("Play"));
            });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 duration) {
        m_slider->setRange(0, int(duration));
        m_slider->setEnabled(duration > 0);
        m_play->setEnabled(true);
        showTime();
    });
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 position) {
        if (!m_slider->isSliderDown())
            m_slider->setValue(int(position));
        showTime();
    });
    // Dragging moves the recording when let go; a click on the groove at once.
    connect(m_slider, &QSlider::sliderReleased, this,
            [this] { m_player->setPosition(m_slider->value()); });
    connect(m_slider, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove)
            m_player->setPosition(m_slider->sliderPosition());
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error, const QString& text) {
                m_problem->setText(tr("The recording cannot be played: %1").arg(text));
                m_problem->show();
            });
    showTime();
}

RecordingPlayer::~RecordingPlayer()
{
    m_player->stop();
    m_player->setSource({}); // before the file goes
}

void RecordingPlayer::play(const QUrl& url)
{
    stop();
    m_time->setText(tr("Loading…"));
    m_fetching = m_network->get(QNetworkRequest(url));
    QNetworkReply* reply = m_fetching;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFetched(reply); });
}

void RecordingPlayer::onFetched(QNetworkReply* reply)
{
    reply->deleteLater();
    if (reply != m_fetching)
        return; // another recording was chosen meanwhile
    m_fetching = nullptr;
    if (reply->error() != QNetworkReply::NoError) {
        m_problem->setText(tr("The recording cannot be fetched: %1").arg(reply->errorString()));
        m_problem->show();
        showTime();
        return;
    }
    auto file = std::make_unique<QTemporaryFile>(QDir::tempPath() +
                                                 QStringLiteral("/qidong-recording-XXXXXX.opus"));
    if (!file->open() || file->write(reply->readAll()) < 0 || !file->flush()) {
        m_problem->setText(
            tr("The recording cannot be kept for playing: %1").arg(file->errorString()));
        m_problem->show();
        return;
    }
    m_file = std::move(file);
    m_player->setSource(QUrl::fromLocalFile(m_file->fileName()));
    m_player->play();
}

void RecordingPlayer::stop()
{
    if (QNetworkReply* fetching = std::exchange(m_fetching, nullptr))
        fetching->abort(); // its finished() is then not the current one
    m_problem->hide();
    m_player->stop();
    m_player->setSource({});
    m_file.reset();
    m_slider->setRange(0, 0);
    m_slider->setEnabled(false);
    m_play->setEnabled(false);
    showTime();
}

void RecordingPlayer::showTime()
{
    m_time->setText(models::DomainText::clock(m_player->position()) + QStringLiteral(" / ") +
                    models::DomainText::clock(m_player->duration()));
}

} // namespace qidong::ui
