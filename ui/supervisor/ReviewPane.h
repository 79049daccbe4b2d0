#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QVBoxLayout;

namespace qidong::core {
class AgentSession;
class FloorDesk;
class ReviewDesk;
} // namespace qidong::core

namespace qidong::ui {

class RecordingPlayer;

// The Quality tab: find ended calls and chats by agent, queue, dates,
// disposition and kind; open one to play its recording or read its
// transcript; score it on the scorecard's criteria with a comment, kept on
// the interaction.
class ReviewPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewPane)

public:
    ReviewPane(core::ReviewDesk& desk, core::FloorDesk& floor, core::AgentSession& session,
               QWidget* parent = nullptr);

    QComboBox* agentFilter() const { return m_agent; }
    QComboBox* kindFilter() const { return m_kind; }
    QComboBox* dispositionFilter() const { return m_disposition; }
    QTableView* results() const { return m_results; }
    RecordingPlayer* player() const { return m_player; }
    QListView* transcriptView() const { return m_transcript; }
    QSpinBox* scoreBox(const QString& criterion) const;
    QPlainTextEdit* commentEdit() const { return m_comment; }
    QPushButton* saveButton() const { return m_save; }
    QLabel* status() const { return m_status; }

    void search();
    static QString criterionText(const QString& criterion);

private:
    void refillFilters();
    void openRow(int row);
    void showTotal();
    void saveScorecard();

    core::ReviewDesk& m_desk;
    core::FloorDesk& m_floor;
    core::AgentSession& m_session;
    QComboBox* m_agent;
    QComboBox* m_queue;
    QComboBox* m_disposition;
    QComboBox* m_kind;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QTableView* m_results;
    QLabel* m_heading;
    RecordingPlayer* m_player;
    QListView* m_transcript;
    QList<QSpinBox*> m_scores;
    QPlainTextEdit* m_comment;
    QLabel* m_total;
    QPushButton* m_save;
    QLabel* m_status;
    QVBoxLayout* m_detailLayout = nullptr;
};

} // namespace qidong::ui
