#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QProgressBar;
class QSlider;

namespace qidong::ui {

// The agent's own preferences: where offers ring and how loud, the
// headset's microphone and speaker, echo cancellation, noise suppression
// and automatic gain, light or dark, and the language. Stored through
// core::SiteSettings (core/settings/SettingKeys.h): a setting IT locked is
// shown read-only with its site value. settingsApplied() tells the
// composition root to apply them.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(QWidget* parent = nullptr);
    ~SettingsDialog() override;

    int exec() override;
    QProgressBar* inputLevel() const { return m_inputLevel; }

Q_SIGNALS:
    void settingsApplied();
    // "Test" beside the speaker choice: play a tone on that device.
    void testToneRequested(const QByteArray& outputId);
    // The microphone shown (on opening, on each choice): show its level
    // through showInputLevel() until the dialog closes (inputMonitorEnded).
    void inputMonitorRequested(const QByteArray& inputId);
    void inputMonitorEnded();

public Q_SLOTS:
    void showInputLevel(double dbfs);

private:
    void load();
    void save();
    void showLocks();

    QComboBox* m_ringDevice;
    QSlider* m_ringVolume;
    QComboBox* m_input;
    QComboBox* m_output;
    QCheckBox* m_echoCancellation;
    QCheckBox* m_noiseSuppression;
    QCheckBox* m_gainControl;
    QProgressBar* m_inputLevel;
    QComboBox* m_theme;
    QComboBox* m_language;
};

} // namespace qidong::ui
