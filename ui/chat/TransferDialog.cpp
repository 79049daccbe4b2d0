#include "TransferDialog.h"

#include "models/DomainText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QRadioButton>

namespace qidong::ui {

TransferDialog::TransferDialog(const QList<core::ChatDesk::DirectoryEntry>& agents,
                               const QList<protocol::Queue>& queues, const QString& language,
                               QWidget* parent)
    : QDialog(parent)
    , m_toQueue(new QRadioButton(tr("To a queue"), this))
    , m_toAgent(new QRadioButton(tr("To a colleague"), this))
    , m_queue(new QComboBox(this))
    , m_agent(new QComboBox(this))
    , m_note(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Transfer conversation"));
    for (const protocol::Queue& queue : queues)
        m_queue->addItem(language.startsWith(QStringLiteral("zh")) ? queue.name.zh : queue.name.en,
                         queue.id);
    for (const core::ChatDesk::DirectoryEntry& agent : agents)
        m_agent->addItem(QStringLiteral("%1 (%2)").arg(
                             agent.displayName, models::DomainText::presence(agent.presence)),
                         agent.username);
    m_note->setPlaceholderText(tr("What the next agent should know"));
    m_toQueue->setChecked(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* form = new QFormLayout(this);
    form->addRow(m_toQueue, m_queue);
    form->addRow(m_toAgent, m_agent);
    form->addRow(tr("Note"), m_note);
    form->addRow(buttons);
    const auto sync = [this] {
        m_queue->setEnabled(m_toQueue->isChecked());
        m_agent->setEnabled(m_toAgent->isChecked());
    };
    connect(m_toQueue, &QRadioButton::toggled, this, sync);
    sync();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString TransferDialog::queueId() const
{
    return m_toQueue->isChecked() ? m_queue->currentData().toString() : QString();
}

QString TransferDialog::agentUsername() const
{
    return m_toAgent->isChecked() ? m_agent->currentData().toString() : QString();
}

QString TransferDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

} // namespace qidong::ui
