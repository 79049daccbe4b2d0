#pragma once

#include "protocol/Payloads.h"

#include <QMainWindow>

class QSystemTrayIcon;
class QTableView;

namespace qidong::core {
class AgentSession;
class CallDesk;
class ChatDesk;
class CustomerDesk;
class FloorDesk;
class MonitorDesk;
class ReviewDesk;
class HubConnection;
class KnowledgeDesk;
} // namespace qidong::core

namespace qidong::ui {

class SystemHotkeys;

class ChatPane;
class CustomerPane;
class KnowledgePane;
class OfferToast;
class SoftphonePane;
class ReviewPane;
class SupervisorPane;

// The agent desktop's main window. It assembles panes and actions — the
// state selector, connection indicator, interaction list, offer toast and
// the docks where conversation, customer and knowledge panes plug in — and
// knows no business rules.
class ShellWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShellWindow)

public:
    ShellWindow(core::HubConnection& connection, core::AgentSession& session,
                core::ChatDesk& chatDesk, core::CallDesk& callDesk,
                core::KnowledgeDesk& knowledgeDesk, core::CustomerDesk& customerDesk,
                QWidget* parent = nullptr);
    ~ShellWindow() override;

    OfferToast* offerToast() const { return m_toast; }
    QTableView* interactionView() const { return m_interactions; }
    ChatPane* chatPane() const { return m_chatPane; }
    SoftphonePane* softphonePane() const { return m_softphone; }
    KnowledgePane* knowledgePane() const { return m_knowledge; }
    CustomerPane* customerPane() const { return m_customer; }
    SupervisorPane* supervisorPane() const { return m_supervisor; }

    // A team lead's floor, in a tab beside their own work (the hub decides
    // whether they may use it).
    void addSupervisorWorkspace(core::FloorDesk& desk, core::MonitorDesk& monitor,
                                core::ReviewDesk& review);
    ReviewPane* reviewPane() const { return m_review; }
    // Brings the customer pane into view (a link opened a customer).
    void showCustomerPane();

Q_SIGNALS:
    void signOutRequested();
    // The agent changed their settings: apply them (audio devices, theme, language).
    void settingsApplied();

protected:
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void createActions();
    void createDocks();
    void connectKnowledge();
    void placeToast();
    void showShortcuts();
    void createSystemHotkeys();
    void notifyIfAway(const protocol::InteractionOffer& offer);
    void trayMessage(const QString& title, const QString& text);

    core::HubConnection& m_connection;
    core::AgentSession& m_session;
    core::ChatDesk& m_chatDesk;
    core::CallDesk& m_callDesk;
    core::KnowledgeDesk& m_knowledgeDesk;
    core::CustomerDesk& m_customerDesk;
    QTableView* m_interactions;
    ChatPane* m_chatPane = nullptr;
    SoftphonePane* m_softphone = nullptr;
    KnowledgePane* m_knowledge = nullptr;
    CustomerPane* m_customer = nullptr;
    SupervisorPane* m_supervisor = nullptr;
    ReviewPane* m_review = nullptr;
    OfferToast* m_toast;
    QSystemTrayIcon* m_tray = nullptr;
    SystemHotkeys* m_systemKeys = nullptr;
    QString m_systemKeysText; // for the shortcuts help
};

} // namespace qidong::ui
