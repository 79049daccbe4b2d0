#pragma once

#include "core/chat/ChatDesk.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QRadioButton;

namespace qidong::ui {

// Transfer a conversation to a queue or to a named colleague, with a note
// the next agent reads before they answer.
class TransferDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferDialog)

public:
    TransferDialog(const QList<core::ChatDesk::DirectoryEntry>& agents,
                   const QList<protocol::Queue>& queues, const QString& language,
                   QWidget* parent = nullptr);

    QString queueId() const;
    QString agentUsername() const;
    QString note() const;

private:
    QRadioButton* m_toQueue;
    QRadioButton* m_toAgent;
    QComboBox* m_queue;
    QComboBox* m_agent;
    QPlainTextEdit* m_note;
};

} // namespace qidong::ui
