#include "WrapUpForm.h"

#include "models/ReasonCodeModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace qidong::ui {

using protocol::VocKind;

WrapUpForm::WrapUpForm(models::ReasonCodeModel& codes, QWidget* parent)
    : QWidget(parent)
    , m_mode(new QLabel(this))
    , m_code(new QComboBox(this))
    , m_voc(new QComboBox(this))
    , m_category(new QComboBox(this))
    , m_notes(new QPlainTextEdit(this))
    , m_followUp(new QCheckBox(tr("Needs follow-up"), this))
    , m_submit(new QPushButton(tr("Finish wrap-up"), this))
{
    setObjectName(QStringLiteral("wrapUpForm"));
    m_code->setObjectName(QStringLiteral("wrapUpCode"));
    m_code->setModel(&codes);
    m_voc->setObjectName(QStringLiteral("vocKind"));
    m_voc->addItem(tr("No feedback"), int(VocKind::None));
    m_voc->addItem(tr("Complaint"), int(VocKind::Complaint));
    m_voc->addItem(tr("Suggestion"), int(VocKind::Suggestion));
    m_voc->addItem(tr("Praise"), int(VocKind::Praise));
    m_category->setObjectName(QStringLiteral("vocCategory"));
    m_category->setEditable(true);
    const struct
    {
        const char* id;
        QString label;
    } categories[] = {
        {"billing", tr("Billing")}, {"network", tr("Network")},   {"roaming", tr("Roaming")},
        {"product", tr("Product")}, {"delivery", tr("Delivery")}, {"baggage", tr("Baggage")},
        {"app", tr("App")},         {"service", tr("Service")},
    };
    for (const auto& category : categories)
        m_category->addItem(category.label, QString::fromLatin1(category.id));
    m_notes->setObjectName(QStringLiteral("wrapUpNotes"));
    m_notes->setPlaceholderText(tr("Notes for the customer's history"));
    m_notes->setMaximumHeight(70);
    m_submit->setObjectName(QStringLiteral("finishWrapUp"));
    m_mode->setWordWrap(true);

    auto* form = new QFormLayout(this);
    form->addRow(m_mode);
    form->addRow(tr("Disposition"), m_code);
    form->addRow(tr("Customer feedback"), m_voc);
    form->addRow(tr("Category"), m_category);
    form->addRow(tr("Notes"), m_notes);
    form->addRow(m_followUp);
    form->addRow(m_submit);
    const auto updateCategory = [this] {
        m_category->setEnabled(m_voc->currentData().toInt() != int(VocKind::None));
    };
    connect(m_voc, &QComboBox::currentIndexChanged, this, updateCategory);
    updateCategory();
    connect(m_submit, &QPushButton::clicked, this, [this] { Q_EMIT submitted(record()); });
}

void WrapUpForm::setQueue(const protocol::Queue& queue)
{
    if (queue.afterCallWorkMode == QStringLiteral("optional"))
        m_mode->setText(tr("Wrap-up is optional in this queue."));
    else if (queue.afterCallWorkMode == QStringLiteral("timed"))
        m_mode->setText(tr("Wrap-up closes by itself after %1 s with the default code.")
                            .arg(queue.afterCallWorkSeconds));
    else
        m_mode->setText(tr("A disposition is required in this queue."));
    const int preset = m_code->findData(queue.defaultWrapUpCode, models::ReasonCodeModel::CodeRole);
    if (preset >= 0)
        m_code->setCurrentIndex(preset);
}

protocol::WrapUpRecord WrapUpForm::record() const
{
    protocol::WrapUpRecord record;
    record.code = m_code->currentData(models::ReasonCodeModel::CodeRole).toString();
    record.voc = static_cast<VocKind>(m_voc->currentData().toInt());
    if (record.voc != VocKind::None) {
        const int index = m_category->findText(m_category->currentText());
        record.vocCategory = index >= 0 ? m_category->itemData(index).toString()
                                        : m_category->currentText().trimmed();
    }
    record.notes = m_notes->toPlainText().trimmed();
    record.followUp = m_followUp->isChecked();
    return record;
}

void WrapUpForm::reset()
{
    m_voc->setCurrentIndex(0);
    m_notes->clear();
    m_followUp->setChecked(false);
}

} // namespace qidong::ui
