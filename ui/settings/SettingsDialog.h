#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QProgressBar;
class QSlider;

namespace qidong::ui {

// The agent's own preferences: where offers ring and how loud, the
// headset's microphone and speaker, echo cancellation, light or dark, and
// the language. Stored in QSettings; settingsApplied() tells the
// composition root to apply them.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    static constexpr const char* kRingDeviceKey = "audio/ringDevice";
    static constexpr const char* kRingVolumeKey = "audio/ringVolume";
    static constexpr const char* kInputDeviceKey = "audio/inputDevice";
    static constexpr const char* kOutputDeviceKey = "audio/outputDevice";
    static constexpr const char* kVoiceProcessingKey = "audio/voiceProcessing";
    static constexpr const char* kThemeKey = "ui/theme";
    static constexpr const char* kLanguageKey = "signIn/language";

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

    QComboBox* m_ringDevice;
    QSlider* m_ringVolume;
    QComboBox* m_input;
    QComboBox* m_output;
    QCheckBox* m_processing;
    QProgressBar* m_inputLevel;
    QComboBox* m_theme;
    QComboBox* m_language;
};

} // namespace qidong::ui
