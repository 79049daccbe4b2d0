#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace qidong::core {
class AgentSession;
}

namespace qidong::ui {

// Ready / Not Ready (with reason) / Offline, the time in the current state,
// and the state queued for when the current work ends.
class StateSelector final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateSelector)

public:
    explicit StateSelector(core::AgentSession& session, QWidget* parent = nullptr);
    ~StateSelector() override;

    // Chooses Ready, or Not Ready with `reasonCode` (empty: Ready).
    void choose(const QString& reasonCode);

private:
    void rebuild();
    void showState();
    void onActivated(int index);
    void showClock(qint64 nowMs);

    core::AgentSession& m_session;
    QComboBox* m_choices;
    QLabel* m_timeInState;
    QLabel* m_next;
};

} // namespace qidong::ui
