#include "CustomerPane.h"

#include "PreferenceMatrix.h"
#include "core/customer/CustomerDesk.h"
#include "models/DomainText.h"
#include "models/TimelineModel.h"
#include "ui/shell/ErrorText.h"

#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace qidong::ui {

using namespace qidong::protocol;

namespace {

QLabel* plainLabel(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QTreeWidget* tree(QWidget* parent, const QString& name, const QStringList& headers)
{
    auto* view = new QTreeWidget(parent);
    view->setObjectName(name);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setHeaderLabels(headers);
    view->header()->setStretchLastSection(true);
    return view;
}

QString segmentName(const QString& segment)
{
    if (segment == QLatin1StringView("platinum"))
        return CustomerPane::tr("Platinum");
    if (segment == QLatin1StringView("gold"))
        return CustomerPane::tr("Gold");
    if (segment == QLatin1StringView("silver"))
        return CustomerPane::tr("Silver");
    return CustomerPane::tr("Standard");
}

QString statusName(const QString& status)
{
    if (status == QLatin1StringView("open"))
        return CustomerPane::tr("Open");
    if (status == QLatin1StringView("resolved"))
        return CustomerPane::tr("Resolved, customer not told yet");
    if (status == QLatin1StringView("closed"))
        return CustomerPane::tr("Closed, customer told");
    if (status == QLatin1StringView("suggested"))
        return CustomerPane::tr("Suggested");
    if (status == QLatin1StringView("offered"))
        return CustomerPane::tr("Offered");
    if (status == QLatin1StringView("accepted"))
        return CustomerPane::tr("Accepted");
    if (status == QLatin1StringView("declined"))
        return CustomerPane::tr("Declined");
    return status;
}

} // namespace

CustomerPane::CustomerPane(core::CustomerDesk& desk, QWidget* parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(tr("No conversation selected"), this))
    , m_loading(new QLabel(tr("Loading customer…"), this))
{
    setObjectName(QStringLiteral("customerPane"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    m_loading->setObjectName(QStringLiteral("customerLoading"));
    m_loading->setAlignment(Qt::AlignCenter);

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(buildSummary());
    contentLayout->addWidget(buildTabs(), 1);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_loading);
    layout->addWidget(m_stack, 1);
    m_loading->hide();

    connect(&m_desk, &core::CustomerDesk::customerChanged, this, &CustomerPane::showCustomer);
    connect(&m_desk, &core::CustomerDesk::loadingChanged, this, [this](bool loading) {
        // Only while nothing of the customer is on screen yet: a refresh
        // behind a shown customer does not blink.
        m_loading->setVisible(loading && !m_desk.customer().has_value());
    });
    connect(&m_desk, &core::CustomerDesk::revealed, this,
            [this](const QString& field, const QString& value) {
                m_revealed.insert(field, value);
                showCustomer();
            });
    connect(&m_desk, &core::CustomerDesk::failed, this, [this](const protocol::Error& error) {
        m_loading->setText(ErrorText::describe(error));
        m_loading->setVisible(!m_desk.customer().has_value());
        setToolTip(ErrorText::describe(error));
    });
    showCustomer();
}

QWidget* CustomerPane::buildSummary()
{
    auto* summary = new QWidget(this);
    m_name = plainLabel(summary, QStringLiteral("customerName"));
    QFont bold = m_name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_name->setFont(bold);
    m_segment = plainLabel(summary, QStringLiteral("customerSegment"));
    m_phone = plainLabel(summary, QStringLiteral("customerPhone"));
    m_email = plainLabel(summary, QStringLiteral("customerEmail"));
    m_nationalId = plainLabel(summary, QStringLiteral("customerNationalId"));
    m_identities = plainLabel(summary, QStringLiteral("customerIdentities"));
    m_metrics = plainLabel(summary, QStringLiteral("customerMetrics"));
    m_matrix = new PreferenceMatrix(summary);
    const auto revealButton = [this, summary](const QString& field, const QString& name) {
        auto* button = new QPushButton(tr("Reveal"), summary);
        button->setObjectName(name);
        button->setToolTip(tr("Show in full; the hub records who looked"));
        connect(button, &QPushButton::clicked, this, [this, field] { m_desk.reveal(field); });
        return button;
    };
    m_revealPhone = revealButton(QStringLiteral("phone"), QStringLiteral("revealPhone"));
    m_revealEmail = revealButton(QStringLiteral("email"), QStringLiteral("revealEmail"));
    m_revealNationalId =
        revealButton(QStringLiteral("nationalId"), QStringLiteral("revealNationalId"));

    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    const auto row = [form, summary](const QString& label, QLabel* value, QPushButton* button) {
        auto* line = new QHBoxLayout;
        line->addWidget(value, 1);
        line->addWidget(button);
        form->addRow(label, line);
        Q_UNUSED(summary)
    };
    row(tr("Phone"), m_phone, m_revealPhone);
    row(tr("Email"), m_email, m_revealEmail);
    row(tr("ID number"), m_nationalId, m_revealNationalId);
    form->addRow(tr("Also known as"), m_identities);
    m_call = new QPushButton(tr("&Call"), summary);
    m_call->setObjectName(QStringLiteral("callCustomer"));
    m_call->setToolTip(tr("Ring the customer's phone; the number stays hidden"));
    m_link = new QPushButton(tr("Add identity…"), summary);
    m_link->setObjectName(QStringLiteral("linkIdentity"));
    m_merge = new QPushButton(tr("Merge with…"), summary);
    m_merge->setObjectName(QStringLiteral("mergeCustomer"));
    m_merge->setToolTip(tr("Another record is this same person: bring it into this one"));
    m_undoMerge = new QPushButton(tr("Undo merge"), summary);
    m_undoMerge->setObjectName(QStringLiteral("undoMerge"));
    m_undoMerge->hide();
    connect(m_call, &QPushButton::clicked, this, [this] {
        if (m_desk.customer())
            Q_EMIT callRequested(m_desk.customer()->profile.id);
    });
    connect(m_link, &QPushButton::clicked, this, [this] {
        QString kind;
        QString value;
        if (askIdentity(tr("Add identity"), kind, value))
            m_desk.linkIdentity(kind, value);
    });
    connect(m_merge, &QPushButton::clicked, this, [this] {
        QString kind;
        QString value;
        if (!m_desk.customer() || !askIdentity(tr("Merge with another record"), kind, value))
            return;
        const auto answer = QMessageBox::question(
            this, tr("Merge records"),
            tr("The record found by %1 becomes part of %2: contacts, notes and cases together. "
               "This is recorded and can be undone.")
                .arg(value, m_desk.customer()->profile.displayName));
        if (answer == QMessageBox::Yes)
            m_desk.mergeWith(kind, value);
    });
    connect(m_undoMerge, &QPushButton::clicked, this, [this] {
        if (m_lastMerge > 0)
            m_desk.undoMerge(m_lastMerge);
        m_lastMerge = 0;
        m_undoMerge->hide();
    });
    connect(&m_desk, &core::CustomerDesk::merged, this, [this](qint64 mergeId) {
        m_lastMerge = mergeId;
        m_undoMerge->show();
    });
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_call);
    actions->addWidget(m_link);
    actions->addWidget(m_merge);
    actions->addWidget(m_undoMerge);
    actions->addStretch(1);

    auto* layout = new QVBoxLayout(summary);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(actions);
    layout->addWidget(m_name);
    layout->addWidget(m_segment);
    layout->addLayout(form);
    layout->addWidget(m_metrics);
    layout->addWidget(m_matrix);
    return summary;
}

QWidget* CustomerPane::buildTabs()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("customerTabs"));
    m_tabs->setDocumentMode(true);

    // History: every contact, newest first, older pages on demand.
    auto* history = new QWidget(m_tabs);
    m_channel = new QComboBox(history);
    m_channel->setObjectName(QStringLiteral("timelineChannel"));
    m_channel->addItem(tr("All channels"), QString());
    for (const Channel channel : {Channel::Voice, Channel::Chat, Channel::Social, Channel::Sms,
                                  Channel::Email, Channel::Callback, Channel::Outbound})
        m_channel->addItem(models::DomainText::channel(channel), channelName(channel));
    m_timeline = new QTableView(history);
    m_timeline->setObjectName(QStringLiteral("customerTimeline"));
    m_timeline->setModel(&m_desk.timeline());
    m_timeline->verticalHeader()->hide();
    m_timeline->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_timeline->horizontalHeader()->setStretchLastSection(true);
    m_timeline->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timeline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_older = new QPushButton(tr("Load older"), history);
    m_older->setObjectName(QStringLiteral("timelineOlder"));
    auto* historyLayout = new QVBoxLayout(history);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_channel);
    historyLayout->addWidget(m_timeline, 1);
    historyLayout->addWidget(m_older);
    connect(m_channel, &QComboBox::currentIndexChanged, this,
            [this] { m_desk.setTimelineChannel(m_channel->currentData().toString()); });
    connect(m_older, &QPushButton::clicked, &m_desk, &core::CustomerDesk::loadOlderTimeline);
    // Lazy: reaching the end of the list asks for the next page.
    connect(m_timeline->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_timeline->verticalScrollBar()->maximum())
            m_desk.loadOlderTimeline();
    });
    connect(&m_desk.timeline(), &QAbstractItemModel::rowsInserted, this,
            [this] { m_older->setEnabled(m_desk.hasOlderTimeline()); });
    connect(&m_desk.timeline(), &QAbstractItemModel::modelReset, this,
            [this] { m_older->setEnabled(m_desk.hasOlderTimeline()); });
    // A recorded call (●) opens in the system's player, through a link the
    // hub makes for a few minutes.
    m_timeline->setToolTip(tr("Double-click a recorded call (●) to listen"));
    connect(m_timeline, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.data(models::TimelineModel::RecordedRole).toBool())
            m_desk.fetchRecordingLink(
                index.data(models::TimelineModel::InteractionIdRole).toString());
    });
    connect(&m_desk, &core::CustomerDesk::recordingLinkReady, this,
            [](const QString&, const QUrl& url) { QDesktopServices::openUrl(url); });
    m_tabs->addTab(history, tr("History"));

    m_holdings = tree(m_tabs, QStringLiteral("customerHoldings"),
                      {tr("Item"), tr("Status"), tr("Amount"), tr("Date")});
    m_tabs->addTab(m_holdings, tr("Orders"));

    // Offers: what fits and what became of it, one click each.
    auto* offers = new QWidget(m_tabs);
    m_offers = tree(offers, QStringLiteral("customerOffers"),
                    {tr("Offer"), tr("Partner"), tr("Status"), tr("Why")});
    auto* offerButtons = new QHBoxLayout;
    for (const auto& [outcome, label] : {std::pair{QStringLiteral("offered"), tr("Offered")},
                                         std::pair{QStringLiteral("accepted"), tr("Accepted")},
                                         std::pair{QStringLiteral("declined"), tr("Declined")}}) {
        auto* button = new QPushButton(label, offers);
        button->setObjectName(QStringLiteral("offer-") + outcome);
        connect(button, &QPushButton::clicked, this,
                [this, outcome] { recordSelectedOffer(outcome); });
        offerButtons->addWidget(button);
    }
    offerButtons->addStretch(1);
    auto* offersLayout = new QVBoxLayout(offers);
    offersLayout->setContentsMargins(0, 0, 0, 0);
    offersLayout->addWidget(m_offers, 1);
    offersLayout->addLayout(offerButtons);
    m_tabs->addTab(offers, tr("Offers"));

    // Cases: the voice of the customer, and closing the loop with them.
    auto* cases = new QWidget(m_tabs);
    m_cases = tree(cases, QStringLiteral("customerCases"),
                   {tr("Status"), tr("Department"), tr("Summary"), tr("Outcome")});
    m_closeLoop = new QPushButton(tr("Close the &loop…"), cases);
    m_closeLoop->setObjectName(QStringLiteral("closeLoop"));
    m_closeLoop->setToolTip(tr("Tell the customer the outcome over their preferred channel"));
    connect(m_closeLoop, &QPushButton::clicked, this, &CustomerPane::closeLoopOnSelected);
    auto* casesLayout = new QVBoxLayout(cases);
    casesLayout->setContentsMargins(0, 0, 0, 0);
    casesLayout->addWidget(m_cases, 1);
    casesLayout->addWidget(m_closeLoop, 0, Qt::AlignLeft);
    m_tabs->addTab(cases, tr("Cases"));

    // Notes: add; edit one's own by double-click.
    auto* notes = new QWidget(m_tabs);
    m_notes = new QListWidget(notes);
    m_notes->setObjectName(QStringLiteral("customerNotes"));
    m_notes->setWordWrap(true);
    m_noteEditor = new QPlainTextEdit(notes);
    m_noteEditor->setObjectName(QStringLiteral("noteEditor"));
    m_noteEditor->setPlaceholderText(tr("A note on this customer for everyone who serves them"));
    m_noteEditor->setMaximumHeight(60);
    m_addNote = new QPushButton(tr("Add note"), notes);
    m_addNote->setObjectName(QStringLiteral("addNote"));
    connect(m_addNote, &QPushButton::clicked, this, [this] {
        const QString body = m_noteEditor->toPlainText().trimmed();
        if (body.isEmpty())
            return;
        m_desk.addNote(body.left(2000));
        m_noteEditor->clear();
    });
    connect(m_notes, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        editNote(item->data(Qt::UserRole).toLongLong(), item->data(Qt::UserRole + 1).toString());
    });
    auto* notesLayout = new QVBoxLayout(notes);
    notesLayout->setContentsMargins(0, 0, 0, 0);
    notesLayout->addWidget(m_notes, 1);
    notesLayout->addWidget(m_noteEditor);
    notesLayout->addWidget(m_addNote, 0, Qt::AlignRight);
    m_tabs->addTab(notes, tr("Notes"));
    return m_tabs;
}

void CustomerPane::showCustomer()
{
    const std::optional<Customer360>& customer = m_desk.customer();
    m_loading->setVisible(m_desk.isLoading() && !customer);
    if (!customer) {
        m_stack->setCurrentWidget(m_empty);
        m_empty->setText(m_desk.interactionId().isEmpty() ? tr("No conversation selected")
                                                          : QString());
        return;
    }
    m_stack->setCurrentIndex(1);
    const CustomerProfile& profile = customer->profile;
    if (profile.id != m_shownCustomer) {
        m_revealed.clear(); // a reveal is for the customer it was asked for
        m_shownCustomer = profile.id;
        if (m_lastMerge == 0)
            m_undoMerge->hide();
    }
    m_call->setEnabled(!profile.phone.isEmpty());
    m_name->setText(profile.displayName);
    m_segment->setText(tr("%1 · value %2 · prefers %3 · %4")
                           .arg(segmentName(profile.segment))
                           .arg(profile.valueScore)
                           .arg(profile.preferredChannel, profile.language));
    const auto showField = [this](QLabel* label, QPushButton* button, const QString& field,
                                  const QString& masked) {
        const bool revealed = m_revealed.contains(field);
        label->setText(revealed ? m_revealed.value(field) : masked);
        button->setVisible(!masked.isEmpty() && !revealed);
    };
    showField(m_phone, m_revealPhone, QStringLiteral("phone"), profile.phone);
    showField(m_email, m_revealEmail, QStringLiteral("email"), profile.email);
    showField(m_nationalId, m_revealNationalId, QStringLiteral("nationalId"), profile.nationalId);
    QStringList identities;
    for (const CustomerIdentity& identity : profile.identities)
        identities.append(identity.kind + u' ' + identity.value);
    m_identities->setText(identities.join(QStringLiteral(" · ")));

    const CustomerMetrics& metrics = customer->metrics;
    const QString nps = metrics.npsResponses > 0
                            ? tr("NPS %1 (%n answer(s))", "", metrics.npsResponses).arg(metrics.nps)
                            : tr("NPS: no answers yet");
    const QString conversion = metrics.offersMade > 0
                                   ? tr("offers: %1 of %2 accepted (%3%)")
                                         .arg(metrics.offersAccepted)
                                         .arg(metrics.offersMade)
                                         .arg(metrics.offersAccepted * 100 / metrics.offersMade)
                                   : tr("no offers made yet");
    m_metrics->setText(nps + QStringLiteral(" · ") + conversion + QStringLiteral(" · ") +
                       tr("%n contact(s)", "", metrics.contactCount));
    m_matrix->setChannels(metrics.channels);

    m_holdings->clear();
    for (const CustomerHolding& holding : customer->holdings)
        m_holdings->addTopLevelItem(new QTreeWidgetItem(
            {holding.title, holding.status,
             holding.amountCents > 0 ? QString::number(double(holding.amountCents) / 100.0, 'f', 2)
                                     : QString(),
             QDateTime::fromMSecsSinceEpoch(holding.atMs).toString(QStringLiteral("yyyy-MM-dd"))}));

    const QString selectedOffer = m_offers->currentItem()
                                      ? m_offers->currentItem()->data(0, Qt::UserRole).toString()
                                      : QString();
    m_offers->clear();
    for (const CustomerOffer& offer : customer->offers) {
        auto* item =
            new QTreeWidgetItem({offer.title, offer.partner.isEmpty() ? tr("Ours") : offer.partner,
                                 statusName(offer.status), offer.reason});
        item->setData(0, Qt::UserRole, offer.code);
        m_offers->addTopLevelItem(item);
        if (offer.code == selectedOffer)
            m_offers->setCurrentItem(item);
    }

    m_cases->clear();
    for (const VocCase& voc : customer->cases) {
        auto* item = new QTreeWidgetItem(
            {statusName(voc.status), voc.department, voc.summary, voc.resolution});
        item->setData(0, Qt::UserRole, voc.id);
        item->setData(0, Qt::UserRole + 1, voc.status);
        m_cases->addTopLevelItem(item);
    }

    m_notes->clear();
    for (const CustomerNote& note : customer->notes) {
        auto* item = new QListWidgetItem(
            note.body + u'\n' +
            tr("— %1, %2")
                .arg(note.authorName, QDateTime::fromMSecsSinceEpoch(note.updatedAtMs)
                                          .toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        item->setData(Qt::UserRole, note.id);
        item->setData(Qt::UserRole + 1, note.body);
        m_notes->addItem(item);
    }
}

void CustomerPane::recordSelectedOffer(const QString& outcome)
{
    const QTreeWidgetItem* item = m_offers->currentItem();
    if (item)
        m_desk.recordOffer(item->data(0, Qt::UserRole).toString(), outcome);
}

void CustomerPane::closeLoopOnSelected()
{
    const QTreeWidgetItem* item = m_cases->currentItem();
    if (!item)
        return;
    if (item->data(0, Qt::UserRole + 1).toString() != QLatin1StringView("resolved")) {
        m_closeLoop->setToolTip(tr("Only a resolved case can be closed with the customer"));
        return;
    }
    bool ok = false;
    const QString message = QInputDialog::getMultiLineText(
        this, tr("Close the loop"), tr("What the customer will be told:"), item->text(3), &ok);
    if (ok && !message.trimmed().isEmpty())
        m_desk.closeLoop(item->data(0, Qt::UserRole).toString(), message.trimmed().left(4000));
}

bool CustomerPane::askIdentity(const QString& title, QString& kind, QString& value)
{
    const QStringList kinds{QStringLiteral("phone"), QStringLiteral("email"),
                            QStringLiteral("wechat"), QStringLiteral("weibo")};
    const QStringList labels{tr("Phone"), tr("Email"), tr("WeChat id"), tr("Weibo handle")};
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, title, tr("Which identity:"), labels, 0, false, &ok);
    if (!ok)
        return false;
    kind = kinds.value(labels.indexOf(chosen));
    value = QInputDialog::getText(this, title, chosen + u':', QLineEdit::Normal, {}, &ok).trimmed();
    return ok && !value.isEmpty() && !kind.isEmpty();
}

void CustomerPane::editNote(qint64 noteId, const QString& body)
{
    bool ok = false;
    const QString edited =
        QInputDialog::getMultiLineText(this, tr("Edit note"), tr("Note:"), body, &ok);
    if (ok && !edited.trimmed().isEmpty())
        m_desk.editNote(noteId, edited.trimmed().left(2000));
}

} // namespace qidong::ui
