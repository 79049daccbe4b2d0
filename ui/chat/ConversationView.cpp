#include "ConversationView.h"

#include "Composer.h"
#include "MessageDelegate.h"
#include "TransferDialog.h"
#include "WrapUpForm.h"
#include "core/chat/ChatDesk.h"
#include "core/session/AgentSession.h"
#include "models/ChatTranscriptModel.h"
#include "models/DomainText.h"
#include "ui/shell/ErrorText.h"

#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace qidong::ui {

using namespace qidong::protocol;

ConversationView::ConversationView(core::ChatDesk& desk, core::AgentSession& session,
                                   QString interactionId, QWidget* parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_session(session)
    , m_id(std::move(interactionId))
    , m_title(new QLabel(this))
    , m_sla(new QLabel(this))
    , m_note(new QLabel(this))
    , m_history(new QLabel(this))
    , m_transcript(new QListView(this))
    , m_typing(new QLabel(tr("The customer is typing…"), this))
    , m_composer(new Composer(this))
    , m_wrapUp(new WrapUpForm(session.wrapUpCodes(), this))
    , m_transfer(new QPushButton(tr("Transfer…"), this))
    , m_call(new QPushButton(tr("Call customer"), this))
    , m_end(new QPushButton(tr("End chat"), this))
{
    setObjectName(QStringLiteral("conversation-") + m_id);
    m_title->setTextFormat(Qt::PlainText); // customer names are never markup
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("transferNote"));
    m_sla->setObjectName(QStringLiteral("slaClock"));
    m_history->setObjectName(QStringLiteral("customerHistory"));
    m_history->setTextFormat(Qt::PlainText); // notes are the agents' text, shown as written
    m_history->setWordWrap(true);
    m_history->hide();
    m_typing->setObjectName(QStringLiteral("typingIndicator"));
    m_typing->setVisible(m_desk.isCustomerTyping(m_id));
    m_transcript->setObjectName(QStringLiteral("transcript"));
    m_transcript->setModel(m_desk.transcript(m_id));
    m_transcript->setItemDelegate(new MessageDelegate(m_transcript));
    m_transcript->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_transcript->setSelectionMode(QAbstractItemView::NoSelection);
    m_transcript->setResizeMode(QListView::Adjust);
    m_transcript->setWordWrap(true);
    m_transcript->setFocusPolicy(Qt::NoFocus);
    m_transcript->setMinimumHeight(220);
    m_end->setObjectName(QStringLiteral("endChat"));
    m_transfer->setObjectName(QStringLiteral("transferChat"));
    m_call->setObjectName(QStringLiteral("callCustomer"));
    m_call->setToolTip(tr("Call this customer now on the web page they chat from"));

    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_sla);
    header->addWidget(m_transfer);
    header->addWidget(m_call);
    header->addWidget(m_end);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_note);
    layout->addWidget(m_history);
    layout->addWidget(m_transcript, 1);
    layout->addWidget(m_typing);
    // One or the other; a hidden one takes no room from the transcript.
    layout->addWidget(m_composer);
    layout->addWidget(m_wrapUp);
    m_wrapUp->hide();

    m_composer->setCannedResponses(m_desk.cannedResponses());
    connect(m_composer, &Composer::sendRequested, this,
            [this](const QString& text, const std::optional<AttachmentUpload>& attachment) {
                m_desk.send(m_id, text, attachment);
                m_transcript->scrollToBottom();
            });
    connect(m_composer, &Composer::typing, this,
            [this](bool typing) { m_desk.setTyping(m_id, typing); });
    connect(m_composer, &Composer::cannedChosen, this, [this](const CannedResponse& canned) {
        m_composer->insertText(m_desk.expand(canned, m_id));
    });
    connect(m_end, &QPushButton::clicked, this, [this] { m_session.end(m_id); });
    connect(&m_desk, &core::ChatDesk::customerHistoryLoaded, this, [this](const QString& id) {
        if (id == m_id)
            showHistory();
    });
    showHistory();
    connect(m_transfer, &QPushButton::clicked, this, &ConversationView::transfer);
    connect(m_call, &QPushButton::clicked, this, [this] { Q_EMIT callRequested(m_id); });
    connect(m_wrapUp, &WrapUpForm::submitted, this,
            [this](const WrapUpRecord& record) { m_session.wrapUp(m_id, record); });
    connect(&m_desk, &core::ChatDesk::customerTypingChanged, this,
            [this](const QString& id, bool typing) {
                if (id == m_id)
                    m_typing->setVisible(typing);
            });
    connect(&m_desk, &core::ChatDesk::sendFailed, this,
            [this](const QString& id, const Error& error) {
                if (id == m_id)
                    m_composer->showError(ErrorText::describe(error));
            });
    if (models::ChatTranscriptModel* model = m_desk.transcript(m_id)) {
        // Follow new messages when the agent is at the end; keep their place otherwise.
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
            QScrollBar* bar = m_transcript->verticalScrollBar();
            m_transcript->setProperty("atEnd", bar->value() >= bar->maximum() - 4);
        });
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex&, int first) {
                    if (first == 0 && m_transcript->model()->rowCount() > 1 &&
                        !m_transcript->property("atEnd").toBool())
                        return;
                    scrollToEndIfFollowing(m_transcript->property("atEnd").toBool());
                });
    }
    // Double-click a message with a file: save it.
    connect(m_transcript, &QListView::doubleClicked, this, [this](const QModelIndex& index) {
        const QString attachmentId =
            index.data(models::ChatTranscriptModel::AttachmentIdRole).toString();
        if (!attachmentId.isEmpty())
            saveAttachment(attachmentId);
    });
    // Scrolled to the top: the next page of history.
    connect(m_transcript->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == 0 && m_desk.hasOlderHistory(m_id))
            m_desk.loadOlder(m_id);
    });
    refresh();
}

void ConversationView::refresh()
{
    const std::optional<Interaction> interaction = m_desk.interaction(m_id);
    if (!interaction)
        return;
    const bool zh = m_session.agent().languages.value(0).startsWith(QStringLiteral("zh"));
    QString queueName = interaction->queueId;
    std::optional<Queue> queue;
    for (const Queue& candidate : m_session.queues()) {
        if (candidate.id == interaction->queueId) {
            queue = candidate;
            queueName = zh ? candidate.name.zh : candidate.name.en;
        }
    }
    QString title = QStringLiteral("%1 · %2 · %3")
                        .arg(interaction->customer.displayName,
                             models::DomainText::channel(interaction->channel), queueName);
    if (interaction->visibility == QStringLiteral("public"))
        title += QStringLiteral(" · ") + tr("public post");
    m_title->setText(title);
    m_note->setVisible(!interaction->note.isEmpty());
    m_note->setText(tr("Transfer note: %1").arg(interaction->note));
    const bool wrapping = interaction->state == InteractionState::WrapUp;
    m_composer->setVisible(!wrapping);
    m_wrapUp->setVisible(wrapping);
    if (wrapping && queue)
        m_wrapUp->setQueue(*queue);
    m_end->setEnabled(interaction->state == InteractionState::Active);
    m_transfer->setEnabled(interaction->state == InteractionState::Active);
    // Only the web chat page can ring: social posts, SMS and email cannot.
    m_call->setVisible(interaction->channel == protocol::Channel::Chat);
    m_call->setEnabled(interaction->state == InteractionState::Active);
    m_composer->setEnabled(interaction->state == InteractionState::Active);
    m_composer->setCannedResponses(m_desk.cannedResponses());
}

void ConversationView::tick(qint64 nowMs)
{
    const std::optional<Interaction> interaction = m_desk.interaction(m_id);
    if (!interaction)
        return;
    const qint64 left = (interaction->slaDeadlineMs - nowMs) / 1000;
    const qint64 magnitude = std::abs(left);
    const QString clock =
        QStringLiteral("%1:%2").arg(magnitude / 60).arg(magnitude % 60, 2, 10, QLatin1Char('0'));
    m_sla->setText(left >= 0 ? tr("SLA %1").arg(clock) : tr("SLA −%1").arg(clock));
    m_sla->setStyleSheet(left < 0 ? QStringLiteral("color: #b3261e; font-weight: bold")
                                  : QString());
}

void ConversationView::showHistory()
{
    const QList<PastInteraction> history = m_desk.customerHistory(m_id);
    m_history->setVisible(!history.isEmpty());
    if (history.isEmpty())
        return;
    QStringList lines{tr("Earlier contacts (%1):").arg(history.size())};
    for (const PastInteraction& past : history.mid(0, 3)) {
        QString line = QStringLiteral("%1 · %2 · %3")
                           .arg(QDateTime::fromMSecsSinceEpoch(past.createdAtMs)
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                models::DomainText::channel(past.channel), past.wrapUp.code);
        if (past.wrapUp.voc != VocKind::None)
            line +=
                QStringLiteral(" · ") + vocKindName(past.wrapUp.voc) +
                (past.wrapUp.vocCategory.isEmpty() ? QString() : u'/' + past.wrapUp.vocCategory);
        if (past.wrapUp.followUp)
            line += QStringLiteral(" · ") + tr("follow-up");
        if (!past.wrapUp.notes.isEmpty())
            line += QStringLiteral(" · ") + past.wrapUp.notes;
        lines.append(line);
    }
    m_history->setText(lines.join(u'\n'));
}

void ConversationView::saveAttachment(const QString& attachmentId)
{
    m_desk.fetchAttachment(attachmentId, this, [this](const Result<AttachmentUpload>& file) {
        if (!file) {
            m_composer->showError(ErrorText::describe(file.error()));
            return;
        }
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save attachment"), file.value().name);
        if (path.isEmpty())
            return;
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.value().data) < 0)
            m_composer->showError(tr("Cannot save %1: %2").arg(path, out.errorString()));
    });
}

void ConversationView::markSeen()
{
    m_desk.markRead(m_id);
}

void ConversationView::transfer()
{
    m_desk.fetchDirectory(this, [this](const QList<core::ChatDesk::DirectoryEntry>& agents,
                                       const QList<Queue>& queues) {
        TransferDialog dialog(agents, queues, m_session.agent().languages.value(0), this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        m_desk.transfer(m_id, dialog.queueId(), dialog.agentUsername(), dialog.note());
    });
}

void ConversationView::scrollToEndIfFollowing(bool wasAtEnd)
{
    if (wasAtEnd)
        m_transcript->scrollToBottom();
}

} // namespace qidong::ui
