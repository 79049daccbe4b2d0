#pragma once

#include <QDialog>

class QComboBox;
class QSlider;

namespace qidong::ui {

// The agent's own preferences: where offers ring and how loud, light or
// dark, and the language. Stored in QSettings; settingsApplied() tells the
// composition root to apply them.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    static constexpr const char* kRingDeviceKey = "audio/ringDevice";
    static constexpr const char* kRingVolumeKey = "audio/ringVolume";
    static constexpr const char* kThemeKey = "ui/theme";
    static constexpr const char* kLanguageKey = "signIn/language";

    explicit SettingsDialog(QWidget* parent = nullptr);
    ~SettingsDialog() override;

Q_SIGNALS:
    void settingsApplied();

private:
    void load();
    void save();

    QComboBox* m_ringDevice;
    QSlider* m_ringVolume;
    QComboBox* m_theme;
    QComboBox* m_language;
};

} // namespace qidong::ui
