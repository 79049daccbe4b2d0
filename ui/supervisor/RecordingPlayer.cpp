#include "RecordingPlayer.h"

#include "core/settings/SettingKeys.h"
#include "core/settings/SiteSettings.h"
#include "core/supervisor/RecordingPlayback.h"
#include "models/DomainText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

#include <utility>

namespace qidong::ui {

RecordingPlayer::RecordingPlayer(QWidget* parent)
    : QWidget(parent)
    , m_playback(new core::RecordingPlayback(this))
    , m_play(new QPushButton(tr("Play"), this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_time(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_network(new QNetworkAccessManager(this))
{
    setObjectName(QStringLiteral("recordingPlayer"));
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
        if (m_playback->isPlaying())
            m_playback->pause();
        else
            m_playback->play();
    });
    connect(m_playback, &core::RecordingPlayback::playingChanged, this,
            [this](bool playing) { m_play->setText(playing ? tr("Pause") : tr("Play")); });
    connect(m_playback, &core::RecordingPlayback::loaded, this, [this](qint64 duration) {
        m_slider->setRange(0, int(duration));
        m_slider->setEnabled(duration > 0);
        m_play->setEnabled(true);
        showTime();
    });
    connect(m_playback, &core::RecordingPlayback::positionChanged, this, [this](qint64 position) {
        if (!m_slider->isSliderDown())
            m_slider->setValue(int(position));
        showTime();
    });
    // Dragging moves the recording when let go; a click on the groove at once.
    connect(m_slider, &QSlider::sliderReleased, this,
            [this] { m_playback->seek(m_slider->value()); });
    connect(m_slider, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove)
            m_playback->seek(m_slider->sliderPosition());
    });
    connect(m_playback, &core::RecordingPlayback::failed, this, [this](const QString& why) {
        m_problem->setText(tr("The recording cannot be played: %1").arg(why));
        m_problem->show();
    });
    showTime();
}

RecordingPlayer::~RecordingPlayer() = default;

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
    if (!m_playback->load(reply->readAll())) {
        m_problem->setText(tr("The recording cannot be played: %1").arg(m_playback->error()));
        m_problem->show();
        showTime();
        return;
    }
    m_playback->setOutputDevice(
        core::SiteSettings().value(core::SettingKey::outputDevice).toByteArray());
    m_playback->play();
}

void RecordingPlayer::stop()
{
    if (QNetworkReply* fetching = std::exchange(m_fetching, nullptr))
        fetching->abort(); // its finished() is then not the current one
    m_problem->hide();
    m_playback->clear();
    m_slider->setRange(0, 0);
    m_slider->setEnabled(false);
    m_play->setEnabled(false);
    showTime();
}

void RecordingPlayer::showTime()
{
    m_time->setText(models::DomainText::clock(m_playback->positionMs()) + QStringLiteral(" / ") +
                    models::DomainText::clock(m_playback->durationMs()));
}

} // namespace qidong::ui
