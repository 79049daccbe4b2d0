#include "Composer.h"

#include "core/chat/ChatDesk.h"
#include "protocol/Limits.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace qidong::ui {

Composer::Composer(QWidget* parent)
    : QWidget(parent)
    , m_editor(new QPlainTextEdit(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_attach(new QPushButton(tr("Attach…"), this))
    , m_canned(new QPushButton(tr("Canned…"), this))
    , m_attachmentLabel(new QLabel(this))
    , m_error(new QLabel(this))
{
    m_editor->setObjectName(QStringLiteral("composerEditor"));
    m_editor->setPlaceholderText(tr("Write a reply — Ctrl+Enter sends, / for canned responses"));
    m_editor->setTabChangesFocus(true);
    m_editor->setMaximumHeight(110);
    m_editor->installEventFilter(this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_error->setObjectName(QStringLiteral("composerError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e"));
    m_error->hide();
    m_attachmentLabel->hide();

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_canned);
    buttons->addWidget(m_attach);
    buttons->addWidget(m_attachmentLabel, 1);
    buttons->addStretch();
    buttons->addWidget(m_send);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_send, &QPushButton::clicked, this, &Composer::send);
    connect(m_attach, &QPushButton::clicked, this, &Composer::chooseFile);
    connect(m_canned, &QPushButton::clicked, this, [this] { showCanned({}); });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_editor->toPlainText();
        Q_EMIT typing(!text.isEmpty());
        if (text.startsWith(u'/') && !text.contains(u' ') && !text.contains(u'\n') &&
            text.size() > 1)
            showCanned(text.mid(1));
    });
}

void Composer::setCannedResponses(const QList<protocol::CannedResponse>& canned)
{
    m_cannedResponses = canned;
}

void Composer::insertText(const QString& text)
{
    QString current = m_editor->toPlainText();
    if (current.startsWith(u'/') && !current.contains(u' '))
        m_editor->setPlainText(text); // the "/shortcut" is replaced by what it stands for
    else
        m_editor->insertPlainText(text);
    m_editor->setFocus();
    m_editor->moveCursor(QTextCursor::End);
}

void Composer::setAttachment(const std::optional<protocol::AttachmentUpload>& attachment)
{
    m_attachment = attachment;
    m_attachmentLabel->setVisible(attachment.has_value());
    if (attachment)
        m_attachmentLabel->setText(QStringLiteral("📎 ") + attachment->name);
}

void Composer::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

bool Composer::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers().testFlag(Qt::ControlModifier)) {
            send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void Composer::send()
{
    const QString text = m_editor->toPlainText().trimmed();
    if (text.isEmpty() && !m_attachment)
        return;
    if (text.size() > protocol::kMaxChatTextLength) {
        showError(tr("The message is too long (%1 characters; at most %2).")
                      .arg(text.size())
                      .arg(protocol::kMaxChatTextLength));
        return;
    }
    showError({});
    Q_EMIT sendRequested(text, m_attachment);
    m_editor->clear();
    setAttachment(std::nullopt);
    Q_EMIT typing(false);
}

void Composer::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Attach a file"), {},
        tr("Images, PDF and text (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt)"));
    if (path.isEmpty())
        return;
    const QString mimeType = QMimeDatabase().mimeTypeForFile(path).name();
    const QFileInfo info(path);
    if (const std::optional<QString> refused =
            core::ChatDesk::refuseAttachment(mimeType, info.size())) {
        showError(*refused);
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Cannot read %1: %2").arg(info.fileName(), file.errorString()));
        return;
    }
    showError({});
    setAttachment(protocol::AttachmentUpload{info.fileName(), mimeType, file.readAll()});
}

void Composer::showCanned(const QString& filter)
{
    // Non-modal: typing is not blocked, and a later keystroke refilters.
    if (m_menu)
        m_menu->deleteLater();
    m_menu = new QMenu(this);
    QMenu& menu = *m_menu;
    menu.setObjectName(QStringLiteral("cannedMenu"));
    for (const protocol::CannedResponse& canned : std::as_const(m_cannedResponses)) {
        if (!filter.isEmpty() && !canned.shortcut.startsWith(filter, Qt::CaseInsensitive) &&
            !canned.title.contains(filter, Qt::CaseInsensitive))
            continue;
        QAction* action =
            menu.addAction(QStringLiteral("/%1 — %2").arg(canned.shortcut, canned.title));
        action->setToolTip(canned.body);
        connect(action, &QAction::triggered, this, [this, canned] { Q_EMIT cannedChosen(canned); });
    }
    if (menu.isEmpty())
        return;
    menu.popup(m_editor->mapToGlobal(m_editor->cursorRect().bottomLeft()));
}

} // namespace qidong::ui
