#include "SettingsDialog.h"

#include <QAudioDevice>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QMediaDevices>
#include <QSettings>
#include <QSlider>
#include <QVBoxLayout>

namespace qidong::ui {

namespace {

QString key(const char* name)
{
    return QString::fromLatin1(name);
}

} // namespace

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
    , m_ringDevice(new QComboBox(this))
    , m_ringVolume(new QSlider(Qt::Horizontal, this))
    , m_theme(new QComboBox(this))
    , m_language(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    m_ringDevice->setAccessibleName(tr("Ring on"));
    m_ringDevice->addItem(tr("Default output"), QByteArray());
    for (const QAudioDevice& output : QMediaDevices::audioOutputs())
        m_ringDevice->addItem(output.description(), output.id());
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
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load()
{
    const QSettings settings;
    const auto select = [](QComboBox* box, const QVariant& value) {
        const int index = box->findData(value);
        box->setCurrentIndex(index >= 0 ? index : 0);
    };
    select(m_ringDevice, settings.value(key(kRingDeviceKey)).toByteArray());
    m_ringVolume->setValue(settings.value(key(kRingVolumeKey), 80).toInt());
    select(m_theme, settings.value(key(kThemeKey), QStringLiteral("light")).toString());
    select(m_language, settings.value(key(kLanguageKey), QStringLiteral("zh_CN")).toString());
}

void SettingsDialog::save()
{
    QSettings settings;
    settings.setValue(key(kRingDeviceKey), m_ringDevice->currentData().toByteArray());
    settings.setValue(key(kRingVolumeKey), m_ringVolume->value());
    settings.setValue(key(kThemeKey), m_theme->currentData().toString());
    settings.setValue(key(kLanguageKey), m_language->currentData().toString());
    Q_EMIT settingsApplied();
}

} // namespace qidong::ui
