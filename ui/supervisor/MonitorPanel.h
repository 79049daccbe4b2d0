#pragma once

#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace qidong::core {
class MonitorDesk;
}

namespace qidong::ui {

// The interaction a team lead monitors: whose it is (and who joined it),
// the mode as three buttons (listen, whisper, barge in) that switch during
// the session, and Stop. A call is heard through the headset; a chat shows
// its live transcript with a line to whisper to the agent or, joined,
// write to the customer.
class MonitorPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitorPanel)

public:
    explicit MonitorPanel(core::MonitorDesk& desk, QWidget* parent = nullptr);

    QLabel* heading() const { return m_heading; }
    QListView* transcriptView() const { return m_transcript; }
    QLineEdit* input() const { return m_input; }
    QPushButton* modeButton(int mode) const;
    QPushButton* whisperButton() const { return m_whisper; }
    QPushButton* sendButton() const { return m_send; }

private:
    void refresh();
    void submit(bool toCustomer);

    core::MonitorDesk& m_desk;
    QLabel* m_heading;
    QLabel* m_hint;
    QButtonGroup* m_modes;
    QListView* m_transcript;
    QLineEdit* m_input;
    QPushButton* m_whisper;
    QPushButton* m_send;
};

} // namespace qidong::ui
