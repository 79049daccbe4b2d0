#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QTabWidget;

namespace qidong::core {
class AgentSession;
class ChatDesk;
} // namespace qidong::core

namespace qidong::ui {

class ConversationView;

// The agent's concurrent conversations, a tab each with its unread count;
// the tab shown follows the interaction selected in the list and counts
// as read.
class ChatPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatPane)

public:
    ChatPane(core::ChatDesk& desk, core::AgentSession& session, QWidget* parent = nullptr);

    void showConversation(const QString& interactionId);
    ConversationView* view(const QString& interactionId) const;
    ConversationView* current() const;
    QTabWidget* tabs() const { return m_tabs; }

Q_SIGNALS:
    // A conversation's "Call customer".
    void callRequested(const QString& interactionId);

private:
    void open(const QString& interactionId);
    void close(const QString& interactionId);
    void updateTab(const QString& interactionId);

    core::ChatDesk& m_desk;
    core::AgentSession& m_session;
    QTabWidget* m_tabs;
    QLabel* m_empty;
    QHash<QString, ConversationView*> m_views;
};

} // namespace qidong::ui
