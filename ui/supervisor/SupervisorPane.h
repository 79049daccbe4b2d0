#pragma once

#include "protocol/Interaction.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QTableView;
class QToolButton;

namespace qidong::core {
class AgentSession;
class FloorDesk;
class MonitorDesk;
} // namespace qidong::core

namespace qidong::ui {

class IntradayChart;
class MonitorPanel;
class QueueTiles;

// The team lead's workspace: queue tiles, the agent roster (sort, filter
// by team, state and skill, search), actions on the selected agents with
// the reason the audit log keeps, the waiting interactions of a queue,
// and today's figures by half hour.
class SupervisorPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupervisorPane)

public:
    SupervisorPane(core::FloorDesk& desk, core::MonitorDesk& monitor, core::AgentSession& session,
                   QWidget* parent = nullptr);

    QTableView* roster() const { return m_roster; }
    QueueTiles* tiles() const { return m_tiles; }
    QLineEdit* whyEdit() const { return m_why; }
    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* presenceFilter() const { return m_presence; }
    QLabel* status() const { return m_status; }
    QListView* alertsView() const { return m_alerts; }
    MonitorPanel* monitorPanel() const { return m_monitorPanel; }
    // Drill-down: monitor what the one selected agent handles now
    // (protocol::MonitorMode as int).
    void monitorSelected(int mode);
    void acknowledgeSelectedAlert();
    // The selected alert, for the agent selected in the roster.
    void assignSelectedAlert();

    // Actions on the agents selected in the roster; each needs a reason.
    void forceSelected(int presence, const QString& reason);
    void signOutSelected();
    void adjustSelected();

private:
    void buildFilters(QWidget* bar);
    void buildActions(QWidget* bar);
    QWidget* buildAlerts();
    QStringList selectedAgents() const;
    QString why();
    void showWaiting(const QString& queueId, const QList<protocol::Interaction>& waiting);
    void editThresholds(const QString& queueId);
    void loadThresholds();
    void refillTeamsAndSkills();
    void say(const QString& text, bool problem);

    core::FloorDesk& m_desk;
    core::MonitorDesk& m_monitor;
    core::AgentSession& m_session;
    QueueTiles* m_tiles;
    QTableView* m_roster;
    IntradayChart* m_chart;
    QLineEdit* m_search = nullptr;
    QComboBox* m_team = nullptr;
    QComboBox* m_presence = nullptr;
    QComboBox* m_skill = nullptr;
    QLineEdit* m_why = nullptr;
    QToolButton* m_notReady = nullptr;
    QMenu* m_rowMenu = nullptr;
    QListView* m_alerts = nullptr;
    MonitorPanel* m_monitorPanel = nullptr;
    QLabel* m_status;
};

} // namespace qidong::ui
