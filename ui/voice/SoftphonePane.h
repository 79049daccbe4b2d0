#pragma once

#include "protocol/Call.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QWidget;

namespace qidong::core {
class AgentSession;
class CallDesk;
class ChatDesk;
} // namespace qidong::core

namespace qidong::ui {

class WrapUpForm;

// The call the agent is on: who, how long, held or not, and the controls
// an agent expects — hold/resume, mute, keypad, pause the recording, blind
// transfer, consult a colleague (then transfer, conference or return),
// hang up — with microphone and speaker meters, the audio link's health, a
// fallen-back device, and the keys the customer pressed. A colleague's
// request to consult rings here with Answer and Decline. With no call it
// shows "No call" and a number to dial (typed, pasted or from the keypad).
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
    QPushButton* consultButton() const { return m_consult; }
    QPushButton* dialButton() const { return m_dial; }
    // Outbound: the number field and its Call button (shown with no call).
    QLineEdit* numberField() const { return m_number; }
    QPushButton* callNumberButton() const { return m_callNumber; }
    // The consultation row: what it is and its buttons.
    QString consultText() const;
    QPushButton* consultAnswerButton() const { return m_consultAnswer; }
    QPushButton* consultDeclineButton() const { return m_consultDecline; }
    QPushButton* consultTransferButton() const { return m_consultTransfer; }
    QPushButton* consultConferenceButton() const { return m_consultConference; }
    QPushButton* consultReturnButton() const { return m_consultReturn; }
    QString noticeText() const;
    // After a call: its wrap-up, as for chats (hidden when none is due).
    WrapUpForm* wrapUpForm() const { return m_wrapUp; }
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
    void callNumber();
    void pressKeypad(QChar key);
    void consult();
    void refreshConsultation();
    void tellConsultationEnded(const protocol::Consultation& ended);
    void followWrapUp(const protocol::Interaction& interaction);

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
    QPushButton* m_consult;
    QPushButton* m_dial;
    QWidget* m_dialRow;
    QLineEdit* m_number;
    QPushButton* m_callNumber;
    QPushButton* m_dialPadToggle;
    QWidget* m_consultRow;
    QLabel* m_consultStatus;
    QPushButton* m_consultAnswer;
    QPushButton* m_consultDecline;
    QPushButton* m_consultTransfer;
    QPushButton* m_consultConference;
    QPushButton* m_consultReturn;
    QLabel* m_wrapUpTitle;
    WrapUpForm* m_wrapUp;
    QString m_wrapUpId;
    QWidget* m_keypad;
    QWidget* m_controls;
};

} // namespace qidong::ui
