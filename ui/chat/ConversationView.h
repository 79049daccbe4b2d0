#pragma once

#include "protocol/Interaction.h"

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace qidong::core {
class AgentSession;
class ChatDesk;
} // namespace qidong::core

namespace qidong::ui {

class Composer;
class WrapUpForm;

// One conversation: who and where (with the SLA clock and the transfer
// note), the transcript, the customer's typing, the composer with
// transfer, end and "call this customer now", and the wrap-up form once it
// has ended.
class ConversationView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConversationView)

public:
    ConversationView(core::ChatDesk& desk, core::AgentSession& session, QString interactionId,
                     QWidget* parent = nullptr);

    QString interactionId() const { return m_id; }
    QListView* transcriptView() const { return m_transcript; }
    Composer* composer() const { return m_composer; }
    WrapUpForm* wrapUpForm() const { return m_wrapUp; }
    void refresh();
    void tick(qint64 nowMs);
    // The agent sees it: unread to 0, the customer sees "read".
    void markSeen();

Q_SIGNALS:
    // "Call this customer now" (web chats): the shell hands it to the calls.
    void callRequested(const QString& interactionId);

private:
    void transfer();
    void showHistory();
    void saveAttachment(const QString& attachmentId);
    void scrollToEndIfFollowing(bool wasAtEnd);

    core::ChatDesk& m_desk;
    core::AgentSession& m_session;
    QString m_id;
    QLabel* m_title;
    QLabel* m_sla;
    QLabel* m_note;
    QLabel* m_history;
    QListView* m_transcript;
    QLabel* m_typing;
    Composer* m_composer;
    WrapUpForm* m_wrapUp;
    QPushButton* m_transfer;
    QPushButton* m_call;
    QPushButton* m_end;
};

} // namespace qidong::ui
