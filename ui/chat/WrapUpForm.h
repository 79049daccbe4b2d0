#pragma once

#include "protocol/Chat.h"
#include "protocol/Queue.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace qidong::models {
class ReasonCodeModel;
}

namespace qidong::ui {

// After an interaction ends: disposition code, the voice of the customer
// (complaint / suggestion / praise and a category, to pass on and feed
// back), free notes and a follow-up flag. Says how the queue wraps up.
class WrapUpForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WrapUpForm)

public:
    explicit WrapUpForm(models::ReasonCodeModel& codes, QWidget* parent = nullptr);

    void setQueue(const protocol::Queue& queue);
    protocol::WrapUpRecord record() const;
    void reset();

Q_SIGNALS:
    void submitted(const qidong::protocol::WrapUpRecord& record);

private:
    QLabel* m_mode;
    QComboBox* m_code;
    QComboBox* m_voc;
    QComboBox* m_category;
    QPlainTextEdit* m_notes;
    QCheckBox* m_followUp;
    QPushButton* m_submit;
};

} // namespace qidong::ui
