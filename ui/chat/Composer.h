#pragma once

#include "protocol/Chat.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QMenu;
class QPlainTextEdit;
class QPushButton;

namespace qidong::ui {

// Where the agent writes: multi-line text, Ctrl+Enter sends, "/" opens the
// team's canned responses (search by shortcut or title), a file can be
// attached (type and size checked before anything is sent).
class Composer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Composer)

public:
    explicit Composer(QWidget* parent = nullptr);

    void setCannedResponses(const QList<protocol::CannedResponse>& canned);
    QPlainTextEdit* editor() const { return m_editor; }
    void insertText(const QString& text);
    void setAttachment(const std::optional<protocol::AttachmentUpload>& attachment);
    void showError(const QString& message);

Q_SIGNALS:
    void sendRequested(const QString& text,
                       const std::optional<qidong::protocol::AttachmentUpload>& attachment);
    void typing(bool typing);
    // The agent picked a canned response: the pane fills in its variables.
    void cannedChosen(const qidong::protocol::CannedResponse& canned);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void send();
    void chooseFile();
    void showCanned(const QString& filter);

    QPlainTextEdit* m_editor;
    QPushButton* m_send;
    QPushButton* m_attach;
    QPushButton* m_canned;
    QLabel* m_attachmentLabel;
    QLabel* m_error;
    QPointer<QMenu> m_menu;
    QList<protocol::CannedResponse> m_cannedResponses;
    std::optional<protocol::AttachmentUpload> m_attachment;
};

} // namespace qidong::ui
