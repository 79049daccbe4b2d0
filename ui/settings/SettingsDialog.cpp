#include "SettingsDialog.h"

#include "core/settings/SettingKeys.h"
#include "core/settings/SiteSettings.h"

#include <QAudioDevice>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QMediaDevices>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>

namespace qidong::ui {

namespace Key = core::SettingKey;

namespace {

// A control and the key it shows.
struct Bound
{
    QWidget* control;
    QLatin1StringView key;
};

} // namespace

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
    , m_ringDevice(new QComboBox(this))
    , m_ringVolume(new QSlider(Qt::Horizontal, this))
    , m_input(new QComboBox(this))
    , m_output(new QComboBox(this))
    , m_echoCancellation(new QCheckBox(tr("&Echo cancellation"), this))
    , m_noiseSuppression(new QCheckBox(tr("&Noise suppression"), this))
    , m_gainControl(new QCheckBox(tr("&Automatic gain"), this))
    , m_inputLevel(new QProgressBar(this))
    , m_theme(new QComboBox(this))
    , m_language(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    m_ringDevice->setAccessibleName(tr("Ring on"));
    m_ringDevice->addItem(tr("Default output"), QByteArray());
    for (const QAudioDevice& output : QMediaDevices::audioOutputs())
        m_ringDevice->addItem(output.description(), output.id());
    m_input->setAccessibleName(tr("Microphone"));
    m_input->addItem(tr("Default input"), QByteArray());
    for (const QAudioDevice& input : QMediaDevices::audioInputs())
        m_input->addItem(input.description(), input.id());
    m_output->setAccessibleName(tr("Call speaker"));
    m_output->addItem(tr("Default output"), QByteArray());
    for (const QAudioDevice& output : QMediaDevices::audioOutputs())
        m_output->addItem(output.description(), output.id());
    m_ringVolume->setRange(0, 100);
    m_ringVolume->setAccessibleName(tr("Ring volume"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setAccessibleName(tr("Theme"));
    m_language->addItem(QStringLiteral("中文"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setAccessibleName(tr("Language"));

    auto* form = new QFormLayout;
    form->addRow(tr("Ring &on:"), m_ringDevice);
    form->addRow(tr("Ring &volume:"), m_ringVolume);
    form->addRow(tr("&Microphone:"), m_input);
    m_inputLevel->setRange(0, 60);
    m_inputLevel->setTextVisible(false);
    m_inputLevel->setMaximumHeight(8);
    m_inputLevel->setAccessibleName(tr("Microphone level"));
    form->addRow(QString(), m_inputLevel);
    connect(m_input, &QComboBox::currentIndexChanged, this, [this] {
        if (isVisible())
            Q_EMIT inputMonitorRequested(m_input->currentData().toByteArray());
    });
    auto* speakerRow = new QHBoxLayout;
    speakerRow->addWidget(m_output, 1);
    auto* test = new QPushButton(tr("&Test"), this);
    test->setAccessibleName(tr("Play a test tone on the call speaker"));
    speakerRow->addWidget(test);
    form->addRow(tr("Call &speaker:"), speakerRow);
    auto* processing = new QVBoxLayout;
    processing->addWidget(m_echoCancellation);
    processing->addWidget(m_noiseSuppression);
    processing->addWidget(m_gainControl);
    form->addRow(tr("Voice:"), processing);
    connect(test, &QPushButton::clicked, this,
            [this] { Q_EMIT testToneRequested(m_output->currentData().toByteArray()); });
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Language:"), m_language);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    load();
    showLocks();
}

SettingsDialog::~SettingsDialog() = default;

int SettingsDialog::exec()
{
    // The meter runs while the dialog is open: the agent speaks and sees
    // whether the chosen microphone hears them.
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT inputMonitorRequested(m_input->currentData().toByteArray()); },
        Qt::QueuedConnection);
    const int result = QDialog::exec();
    Q_EMIT inputMonitorEnded();
    return result;
}

void SettingsDialog::showInputLevel(double dbfs)
{
    m_inputLevel->setValue(static_cast<int>(std::clamp(dbfs + 60.0, 0.0, 60.0)));
}

void SettingsDialog::load()
{
    const core::SiteSettings settings;
    const auto select = [](QComboBox* box, const QVariant& value) {
        const int index = box->findData(value);
        box->setCurrentIndex(index >= 0 ? index : 0);
    };
    select(m_ringDevice, settings.value(Key::ringDevice).toByteArray());
    m_ringVolume->setValue(settings.value(Key::ringVolume, 80).toInt());
    select(m_input, settings.value(Key::inputDevice).toByteArray());
    select(m_output, settings.value(Key::outputDevice).toByteArray());
    m_echoCancellation->setChecked(settings.value(Key::echoCancellation, true).toBool());
    m_noiseSuppression->setChecked(settings.value(Key::noiseSuppression, true).toBool());
    m_gainControl->setChecked(settings.value(Key::gainControl, true).toBool());
    select(m_theme, settings.value(Key::theme, QStringLiteral("light")).toString());
    select(m_language, settings.value(Key::language, QStringLiteral("zh_CN")).toString());
}

void SettingsDialog::save()
{
    // A locked key is refused by SiteSettings: its control could not change.
    core::SiteSettings settings;
    settings.setValue(Key::ringDevice, m_ringDevice->currentData().toByteArray());
    settings.setValue(Key::ringVolume, m_ringVolume->value());
    settings.setValue(Key::inputDevice, m_input->currentData().toByteArray());
    settings.setValue(Key::outputDevice, m_output->currentData().toByteArray());
    settings.setValue(Key::echoCancellation, m_echoCancellation->isChecked());
    settings.setValue(Key::noiseSuppression, m_noiseSuppression->isChecked());
    settings.setValue(Key::gainControl, m_gainControl->isChecked());
    settings.setValue(Key::theme, m_theme->currentData().toString());
    settings.setValue(Key::language, m_language->currentData().toString());
    Q_EMIT settingsApplied();
}

void SettingsDialog::showLocks()
{
    const core::SiteSettings site;
    const QString why = tr("Set by your organisation");
    for (const Bound& bound : {Bound{m_ringDevice, Key::ringDevice},
                               {m_ringVolume, Key::ringVolume},
                               {m_input, Key::inputDevice},
                               {m_output, Key::outputDevice},
                               {m_echoCancellation, Key::echoCancellation},
                               {m_noiseSuppression, Key::noiseSuppression},
                               {m_gainControl, Key::gainControl},
                               {m_theme, Key::theme},
                               {m_language, Key::language}}) {
        if (!site.isLocked(bound.key))
            continue;
        bound.control->setEnabled(false);
        bound.control->setToolTip(why);
        bound.control->setAccessibleDescription(why);
    }
}

} // namespace qidong::ui
