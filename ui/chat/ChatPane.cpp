#include "ChatPane.h"

#include "ConversationView.h"
#include "core/chat/ChatDesk.h"
#include "core/session/AgentSession.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace qidong::ui {

ChatPane::ChatPane(core::ChatDesk& desk, core::AgentSession& session, QWidget* parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_session(session)
    , m_tabs(new QTabWidget(this))
    , m_empty(new QLabel(tr("No conversation selected"), this))
{
    setObjectName(QStringLiteral("chatPane"));
    m_tabs->setDocumentMode(true);
    m_tabs->setObjectName(QStringLiteral("conversationTabs"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    layout->addWidget(m_empty);
    m_tabs->hide();

    for (const QString& id : m_desk.conversations())
        open(id);
    connect(&m_desk, &core::ChatDesk::conversationOpened, this, &ChatPane::open);
    connect(&m_desk, &core::ChatDesk::conversationClosed, this, &ChatPane::close);
    connect(&m_desk, &core::ChatDesk::conversationChanged, this, [this](const QString& id) {
        if (ConversationView* shown = view(id))
            shown->refresh();
    });
    connect(&m_desk, &core::ChatDesk::unreadChanged, this, &ChatPane::updateTab);
    connect(&m_desk, &core::ChatDesk::messageArrived, this, [this](const QString& id) {
        ConversationView* shown = current();
        if (shown && shown->interactionId() == id && isVisible() && window()->isActiveWindow())
            shown->markSeen();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (ConversationView* shown = current())
            shown->markSeen();
    });
    connect(&m_session, &core::AgentSession::clockTicked, this, [this](qint64 nowMs) {
        for (ConversationView* each : std::as_const(m_views))
            each->tick(nowMs);
    });
}

void ChatPane::showConversation(const QString& interactionId)
{
    if (ConversationView* target = view(interactionId))
        m_tabs->setCurrentWidget(target);
}

ConversationView* ChatPane::view(const QString& interactionId) const
{
    return m_views.value(interactionId, nullptr);
}

ConversationView* ChatPane::current() const
{
    return qobject_cast<ConversationView*>(m_tabs->currentWidget());
}

void ChatPane::open(const QString& interactionId)
{
    if (m_views.contains(interactionId))
        return;
    auto* created = new ConversationView(m_desk, m_session, interactionId, m_tabs);
    connect(created, &ConversationView::callRequested, this, &ChatPane::callRequested);
    m_views.insert(interactionId, created);
    m_tabs->addTab(created, QString());
    updateTab(interactionId);
    m_tabs->show();
    m_empty->hide();
    if (m_tabs->count() == 1)
        m_tabs->setCurrentWidget(created);
}

void ChatPane::close(const QString& interactionId)
{
    ConversationView* gone = m_views.take(interactionId);
    if (!gone)
        return;
    m_tabs->removeTab(m_tabs->indexOf(gone));
    gone->deleteLater();
    m_tabs->setVisible(m_tabs->count() > 0);
    m_empty->setVisible(m_tabs->count() == 0);
}

void ChatPane::updateTab(const QString& interactionId)
{
    ConversationView* target = view(interactionId);
    const std::optional<protocol::Interaction> interaction = m_desk.interaction(interactionId);
    if (!target || !interaction)
        return;
    const int unread = m_desk.unread(interactionId);
    QString label = interaction->customer.displayName;
    if (label.size() > 16)
        label = label.left(15) + QStringLiteral("…");
    if (unread > 0)
        label += QStringLiteral(" (%1)").arg(unread);
    const int index = m_tabs->indexOf(target);
    m_tabs->setTabText(index, label);
    m_tabs->setTabToolTip(index, interaction->customer.displayName);
}

} // namespace qidong::ui
