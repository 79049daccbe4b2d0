#pragma once

#include <QLabel>

namespace qidong::core {
class AgentSession;
}

namespace qidong::ui {

// The status bar's "a team lead is on your interaction" sign: who, and
// whether they listen, coach or joined. Hidden when nobody is; shown only
// where the organisation's policy tells agents (the hub decides).
class MonitoredIndicator final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitoredIndicator)

public:
    explicit MonitoredIndicator(core::AgentSession& session, QWidget* parent = nullptr);

private:
    void refresh();

    core::AgentSession& m_session;
};

} // namespace qidong::ui
