#include "MonitorPanel.h"

#include "core/supervisor/MonitorDesk.h"
#include "models/DomainText.h"
#include "ui/chat/MessageDelegate.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace qidong::ui {

using namespace qidong::protocol;
using models::DomainText;

MonitorPanel::MonitorPanel(core::MonitorDesk& desk, QWidget* parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_heading(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_modes(new QButtonGroup(this))
    , m_transcript(new QListView(this))
    , m_input(new QLineEdit(this))
    , m_whisper(new QPushButton(tr("Whisper to agent"), this))
    , m_send(new QPushButton(tr("Send to customer"), this))
{
    setObjectName(QStringLiteral("monitorPanel"));
    m_heading->setObjectName(QStringLiteral("monitorHeading"));
    m_heading->setTextFormat(Qt::PlainText); // customer and agent names are never markup
    m_heading->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    m_transcript->setObjectName(QStringLiteral("monitorTranscript"));
    m_transcript->setModel(&desk.transcript());
    m_transcript->setItemDelegate(new MessageDelegate(m_transcript));
    m_transcript->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_transcript->setSelectionMode(QAbstractItemView::NoSelection);
    m_input->setObjectName(QStringLiteral("monitorInput"));
    m_input->setMaxLength(4000);

    auto* modeBar = new QHBoxLayout;
    const std::array<std::pair<MonitorMode, QString>, 3> modes{{
        {MonitorMode::Listen, tr("Listen")},
        {MonitorMode::Whisper, tr("Whisper")},
        {MonitorMode::Barge, tr("Barge in")},
    }};
    for (const auto& [mode, label] : modes) {
        auto* button = new QPushButton(label, this);
        button->setCheckable(true);
        m_modes->addButton(button, int(mode));
        modeBar->addWidget(button);
    }
    m_modes->setExclusive(true);
    auto* stop = new QPushButton(tr("Stop monitoring"), this);
    modeBar->addStretch(1);
    modeBar->addWidget(stop);

    auto* inputBar = new QHBoxLayout;
    inputBar->addStretch(1);
    inputBar->addWidget(m_whisper);
    inputBar->addWidget(m_send);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addLayout(modeBar);
    layout->addWidget(m_hint);
    layout->addWidget(m_transcript, 1);
    layout->addWidget(m_input);
    layout->addLayout(inputBar);

    connect(m_modes, &QButtonGroup::idClicked, this, [this](int id) {
        if (m_desk.current() && int(m_desk.current()->mode) != id)
            m_desk.setMode(static_cast<MonitorMode>(id));
    });
    connect(stop, &QPushButton::clicked, &m_desk, &core::MonitorDesk::stop);
    connect(m_whisper, &QPushButton::clicked, this, [this] { submit(false); });
    connect(m_send, &QPushButton::clicked, this, [this] { submit(true); });
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        if (m_desk.current())
            submit(m_desk.current()->mode == MonitorMode::Barge);
    });
    connect(&m_desk, &core::MonitorDesk::changed, this, &MonitorPanel::refresh);
    connect(&m_desk, &core::MonitorDesk::ended, this, &MonitorPanel::refresh);
    connect(&desk.transcript(), &QAbstractItemModel::rowsInserted, m_transcript,
            &QListView::scrollToBottom);
    refresh();
}

QPushButton* MonitorPanel::modeButton(int mode) const
{
    return qobject_cast<QPushButton*>(m_modes->button(mode));
}

void MonitorPanel::refresh()
{
    const std::optional<Monitoring>& monitoring = m_desk.current();
    setVisible(monitoring.has_value());
    if (!monitoring)
        return;
    const Interaction& interaction = monitoring->interaction;
    QStringList agents;
    for (const MonitoredAgent& agent : monitoring->agents)
        agents.append(agent.holder ? agent.displayName
                                   : tr("%1 (consulted)").arg(agent.displayName));
    m_heading->setText(tr("Monitoring %1 with %2 · %3 · %4")
                           .arg(DomainText::channel(interaction.channel),
                                interaction.customer.displayName, agents.join(QStringLiteral(", ")),
                                DomainText::interactionState(interaction.state)));
    if (QAbstractButton* button = m_modes->button(int(monitoring->mode)))
        button->setChecked(true);
    const bool call = isCallChannel(interaction.channel) || monitoring->ticket.has_value();
    const bool chat = !isCallChannel(interaction.channel);
    QString hint;
    switch (monitoring->mode) {
    case MonitorMode::Listen:
        hint = tr("Listening: nobody hears or sees you.");
        break;
    case MonitorMode::Whisper:
        hint = tr("Whispering: only the agent hears or reads you.");
        break;
    case MonitorMode::Barge:
        hint = tr("Barged in: the customer hears or reads you too.");
        break;
    }
    if (call)
        hint += u' ' + (m_desk.hasAudio() ? tr("The call is in your headset.")
                                          : tr("Finish your own call to hear this one."));
    if (monitoring->agentNotified)
        hint += u' ' + tr("The agent is told.");
    m_hint->setText(hint);
    m_transcript->setVisible(chat);
    m_input->setVisible(chat);
    m_whisper->setVisible(chat);
    m_send->setVisible(chat);
    m_whisper->setEnabled(monitoring->mode != MonitorMode::Listen);
    m_send->setEnabled(monitoring->mode == MonitorMode::Barge);
    m_input->setEnabled(monitoring->mode != MonitorMode::Listen);
    m_input->setPlaceholderText(monitoring->mode == MonitorMode::Listen
                                    ? tr("Switch to whisper to coach the agent")
                                    : tr("A note for the agent, or for the customer once joined"));
}

void MonitorPanel::submit(bool toCustomer)
{
    const QString text = m_input->text().trimmed();
    if (text.isEmpty() || !m_desk.current())
        return;
    if (toCustomer)
        m_desk.send(text);
    else
        m_desk.whisper(text);
    m_input->clear();
}

} // namespace qidong::ui
