#pragma once

#include "protocol/Knowledge.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTextEdit;

namespace qidong::core {
class KnowledgeDesk;
} // namespace qidong::core

namespace qidong::ui {

// Knowledge at hand: a search box (results as the agent types), the
// articles suggested for the conversation shown, and the open article with
// "insert into reply", "send link" and helpful / not helpful.
class KnowledgePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KnowledgePane)

public:
    explicit KnowledgePane(core::KnowledgeDesk& desk, QWidget* parent = nullptr);

    QLineEdit* searchBox() const { return m_search; }
    QListView* resultsView() const { return m_results; }
    QListView* suggestionsView() const { return m_suggestions; }
    QTextEdit* articleView() const { return m_article; }
    QPushButton* insertButton() const { return m_insert; }
    QPushButton* sendLinkButton() const { return m_sendLink; }
    // Whether a chat is shown to insert into or send to.
    void setReplyTarget(bool available);
    void focusSearch();

Q_SIGNALS:
    // The article's answer, for the shown conversation's composer.
    void insertRequested(const QString& text);
    // A message with the article's title and link, for the customer.
    void sendLinkRequested(const QString& text);

private:
    void showArticle(const protocol::KnowledgeArticle& article);
    void updateButtons();

    core::KnowledgeDesk& m_desk;
    QLineEdit* m_search;
    QLabel* m_status;
    QListView* m_results;
    QLabel* m_suggestedTitle;
    QListView* m_suggestions;
    QTextEdit* m_article;
    QLabel* m_meta;
    QPushButton* m_insert;
    QPushButton* m_sendLink;
    QPushButton* m_helpful;
    QPushButton* m_notHelpful;
    bool m_replyTarget = false;
};

} // namespace qidong::ui
