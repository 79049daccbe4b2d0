#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QWidget;

namespace qidong::core {
class AgentSession;
class CallDesk;
class ChatDesk;
} // namespace qidong::core

namespace qidong::ui {

// The call the agent is on: who, how long, held or not, and the controls
// an agent expects — hold/resume, mute, keypad, pause the recording, hang
// up — with microphone
// and speaker meters, the audio link's health, a fallen-back device, and
// the keys the customer pressed. Shows "No call" when there is none.
class SoftphonePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SoftphonePane)

public:
    // `directory` lists who and where a call can be transferred to.
    SoftphonePane(core::CallDesk& calls, core::ChatDesk& directory, core::AgentSession& session,
                  QWidget* parent = nullptr);
    ~SoftphonePane() override;

    QPushButton* holdButton() const { return m_hold; }
    QPushButton* muteButton() const { return m_mute; }
    QPushButton* hangUpButton() const { return m_hangUp; }
    QPushButton* recordButton() const { return m_record; }
    QPushButton* transferButton() const { return m_transfer; }
    QString statusText() const;
    QString customerKeys() const;

public Q_SLOTS:
    void toggleMute();
    void toggleHold();

private:
    void refresh();
    void updateTimer();
    QWidget* buildKeypad();

    void transfer();

    core::CallDesk& m_calls;
    core::ChatDesk& m_directory;
    core::AgentSession& m_session;
    QLabel* m_who;
    QLabel* m_status;
    QLabel* m_timer;
    QLabel* m_link;
    QLabel* m_notice;
    QLabel* m_keysPressed;
    QProgressBar* m_micLevel;
    QProgressBar* m_speakerLevel;
    QPushButton* m_hold;
    QPushButton* m_mute;
    QPushButton* m_keypadToggle;
    QPushButton* m_record;
    QLabel* m_recording;
    QPushButton* m_transfer;
    QPushButton* m_hangUp;
    QWidget* m_keypad;
    QWidget* m_controls;
};

} // namespace qidong::ui
