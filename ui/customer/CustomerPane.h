#pragma once

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTabWidget;
class QTreeWidget;

namespace qidong::core {
class CustomerDesk;
} // namespace qidong::core

namespace qidong::ui {

class PreferenceMatrix;

// The customer 360 of the interaction shown: who they are (personal data
// masked; "reveal" asks the hub, which logs it), what they think (NPS) and
// buy (offer conversion), when and where they get in touch, their history,
// orders, next-best offers with one-click outcome, VoC cases with "close the
// loop", and notes. Customer text is shown as plain text.
class CustomerPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerPane)

public:
    explicit CustomerPane(core::CustomerDesk& desk, QWidget* parent = nullptr);

    QLabel* nameLabel() const { return m_name; }
    QLabel* phoneLabel() const { return m_phone; }
    QLabel* metricsLabel() const { return m_metrics; }
    QLabel* loadingLabel() const { return m_loading; }
    QTableView* timelineView() const { return m_timeline; }
    QTreeWidget* offersView() const { return m_offers; }
    QTreeWidget* casesView() const { return m_cases; }
    QListWidget* notesView() const { return m_notes; }
    QPlainTextEdit* noteEditor() const { return m_noteEditor; }
    QPushButton* revealPhoneButton() const { return m_revealPhone; }
    QPushButton* addNoteButton() const { return m_addNote; }
    PreferenceMatrix* preferenceMatrix() const { return m_matrix; }
    // Records the selected offer's outcome ("offered", "accepted", "declined").
    void recordSelectedOffer(const QString& outcome);
    QPushButton* callButton() const { return m_call; }
    QPushButton* undoMergeButton() const { return m_undoMerge; }

Q_SIGNALS:
    // "Call": ring the customer on their phone (the number stays in the hub).
    void callRequested(const QString& customerId);

private:
    QWidget* buildSummary();
    QWidget* buildTabs();
    void showCustomer();
    void closeLoopOnSelected();
    void editNote(qint64 noteId, const QString& body);
    // Asks which identity (kind and value); false if the agent cancelled.
    bool askIdentity(const QString& title, QString& kind, QString& value);

    core::CustomerDesk& m_desk;
    QStackedWidget* m_stack;
    QLabel* m_empty;
    QLabel* m_loading;
    QLabel* m_name;
    QLabel* m_segment;
    QLabel* m_phone;
    QLabel* m_email;
    QLabel* m_nationalId;
    QPushButton* m_revealPhone;
    QPushButton* m_revealEmail;
    QPushButton* m_revealNationalId;
    QLabel* m_identities;
    QLabel* m_metrics;
    PreferenceMatrix* m_matrix;
    QTabWidget* m_tabs;
    QComboBox* m_channel;
    QTableView* m_timeline;
    QPushButton* m_older;
    QTreeWidget* m_holdings;
    QTreeWidget* m_offers;
    QTreeWidget* m_cases;
    QPushButton* m_closeLoop;
    QListWidget* m_notes;
    QPlainTextEdit* m_noteEditor;
    QPushButton* m_addNote;
    QPushButton* m_call;
    QPushButton* m_link;
    QPushButton* m_merge;
    QPushButton* m_undoMerge;
    qint64 m_lastMerge = 0;
    QHash<QString, QString> m_revealed; // field -> value, for the customer shown
    QString m_shownCustomer;
};

} // namespace qidong::ui
