#include "ReviewPane.h"

#include "RecordingPlayer.h"
#include "core/session/AgentSession.h"
#include "core/supervisor/FloorDesk.h"
#include "core/supervisor/ReviewDesk.h"
#include "models/FloorRosterModel.h"
#include "models/ReasonCodeModel.h"
#include "models/ReviewListModel.h"
#include "ui/chat/MessageDelegate.h"
#include "ui/shell/ErrorText.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace qidong::ui {

using namespace qidong::protocol;
using models::ReviewListModel;

ReviewPane::ReviewPane(core::ReviewDesk& desk, core::FloorDesk& floor, core::AgentSession& session,
                       QWidget* parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_floor(floor)
    , m_session(session)
    , m_agent(new QComboBox(this))
    , m_queue(new QComboBox(this))
    , m_disposition(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_from(new QDateEdit(QDate::currentDate().addDays(-7), this))
    , m_to(new QDateEdit(QDate::currentDate(), this))
    , m_results(new QTableView(this))
    , m_heading(new QLabel(this))
    , m_player(new RecordingPlayer(this))
    , m_transcript(new QListView(this))
    , m_comment(new QPlainTextEdit(this))
    , m_total(new QLabel(this))
    , m_save(new QPushButton(tr("Save scorecard"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("reviewPane"));
    m_kind->addItem(tr("Calls and chats"), int(ReviewKind::All));
    m_kind->addItem(tr("Calls"), int(ReviewKind::Calls));
    m_kind->addItem(tr("Chats and messages"), int(ReviewKind::Chats));
    for (QDateEdit* date : {m_from, m_to}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    auto* find = new QPushButton(tr("Search"), this);
    find->setDefault(true);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_agent, 2);
    filters->addWidget(m_queue, 2);
    filters->addWidget(m_disposition, 2);
    filters->addWidget(m_kind, 1);
    filters->addWidget(new QLabel(tr("From"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    filters->addWidget(find);

    m_results->setObjectName(QStringLiteral("reviewResults"));
    m_results->setModel(&desk.results());
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setStretchLastSection(true);

    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    m_transcript->setObjectName(QStringLiteral("reviewTranscript"));
    m_transcript->setModel(&desk.transcript());
    m_transcript->setItemDelegate(new MessageDelegate(m_transcript));
    m_transcript->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_transcript->setSelectionMode(QAbstractItemView::NoSelection);

    // The scorecard: each criterion 0..5, a comment, the total as it adds up.
    auto* card = new QGroupBox(tr("Scorecard"), this);
    auto* form = new QFormLayout(card);
    for (const QString& criterion : qaCriteria()) {
        auto* box = new QSpinBox(card);
        box->setObjectName(QStringLiteral("score_") + criterion);
        box->setRange(0, kQaMaxScore);
        box->setValue(kQaMaxScore);
        box->setSuffix(QStringLiteral(" / %1").arg(kQaMaxScore));
        form->addRow(criterionText(criterion), box);
        m_scores.append(box);
        connect(box, &QSpinBox::valueChanged, this, &ReviewPane::showTotal);
    }
    m_comment->setPlaceholderText(tr("What went well, what to coach"));
    m_comment->setMaximumHeight(80);
    form->addRow(tr("Comment"), m_comment);
    auto* saveRow = new QHBoxLayout;
    saveRow->addWidget(m_total, 1);
    saveRow->addWidget(m_save);
    form->addRow(saveRow);

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_heading);
    detailLayout->addWidget(m_player);
    detailLayout->addWidget(m_transcript, 1);
    detailLayout->addWidget(card);
    // A call has no transcript: the scorecard keeps its height, the rest is space.
    detailLayout->addStretch(0);
    m_detailLayout = detailLayout;

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_results);
    split->addWidget(detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setObjectName(QStringLiteral("reviewStatus"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(find, &QPushButton::clicked, this, &ReviewPane::search);
    connect(m_results->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { openRow(current.row()); });
    connect(m_save, &QPushButton::clicked, this, &ReviewPane::saveScorecard);
    connect(&m_desk, &core::ReviewDesk::searched, this, [this](int count) {
        m_status->setText(tr("%n interaction(s) found", nullptr, count));
        m_results->resizeColumnsToContents();
        openRow(-1);
    });
    connect(&m_desk, &core::ReviewDesk::recordingReady, this,
            [this](const QString&, const QUrl& url) { m_player->play(url); });
    connect(&m_desk, &core::ReviewDesk::saved, this, [this](const QaScorecard& saved) {
        m_status->setText(tr("Scorecard saved: %1 %").arg(saved.percent()));
    });
    connect(&m_desk, &core::ReviewDesk::failed, this, [this](const QString&, const Error& error) {
        m_status->setText(ErrorText::describe(error));
    });
    connect(&m_floor, &core::FloorDesk::watchingChanged, this, &ReviewPane::refillFilters);
    refillFilters();
    openRow(-1);
}

QString ReviewPane::criterionText(const QString& criterion)
{
    if (criterion == QStringLiteral("greeting"))
        return tr("Greeting");
    if (criterion == QStringLiteral("understanding"))
        return tr("Understood the need");
    if (criterion == QStringLiteral("accuracy"))
        return tr("Accurate information");
    if (criterion == QStringLiteral("resolution"))
        return tr("Resolution");
    if (criterion == QStringLiteral("compliance"))
        return tr("Compliance and privacy");
    if (criterion == QStringLiteral("courtesy"))
        return tr("Courtesy and empathy");
    return criterion;
}

QSpinBox* ReviewPane::scoreBox(const QString& criterion) const
{
    const qsizetype at = qaCriteria().indexOf(criterion);
    return at >= 0 ? m_scores.at(at) : nullptr;
}

void ReviewPane::refillFilters()
{
    const QString language = m_session.language();
    const QString agent = m_agent->currentData().toString();
    m_agent->clear();
    m_agent->addItem(tr("Every agent"), QString());
    const models::FloorRosterModel& roster = m_floor.roster();
    QList<std::pair<QString, QString>> agents;
    for (int row = 0; row < roster.rowCount(); ++row) {
        const QModelIndex index = roster.index(row, models::FloorRosterModel::NameColumn);
        agents.append({index.data().toString(),
                       index.data(models::FloorRosterModel::AgentIdRole).toString()});
    }
    std::sort(agents.begin(), agents.end());
    for (const auto& [name, id] : agents)
        m_agent->addItem(name, id);
    m_agent->setCurrentIndex(std::max(0, m_agent->findData(agent)));

    m_queue->clear();
    m_queue->addItem(tr("Every queue"), QString());
    QHash<QString, QString> queueNames;
    for (const Queue& queue : m_session.queues()) {
        m_queue->addItem(queue.name.forLanguage(language), queue.id);
        queueNames.insert(queue.id, queue.name.forLanguage(language));
    }
    m_disposition->clear();
    m_disposition->addItem(tr("Every disposition"), QString());
    QHash<QString, QString> codeNames;
    models::ReasonCodeModel& codes = m_session.wrapUpCodes();
    for (int row = 0; row < codes.rowCount(); ++row) {
        const QString code = codes.codeAt(row);
        m_disposition->addItem(codes.labelOf(code), code);
        codeNames.insert(code, codes.labelOf(code));
    }
    m_desk.results().setNames(queueNames, codeNames);
}

void ReviewPane::search()
{
    ReviewQuery query;
    query.agentId = m_agent->currentData().toString();
    query.queueId = m_queue->currentData().toString();
    query.disposition = m_disposition->currentData().toString();
    query.kind = static_cast<ReviewKind>(m_kind->currentData().toInt());
    query.fromMs = m_from->date().startOfDay().toMSecsSinceEpoch();
    query.toMs = m_to->date().addDays(1).startOfDay().toMSecsSinceEpoch();
    if (query.toMs <= query.fromMs) {
        m_status->setText(tr("The end date is before the start date."));
        return;
    }
    query.limit = 200;
    m_status->setText(tr("Searching…"));
    m_desk.search(query);
}

void ReviewPane::openRow(int row)
{
    const protocol::ReviewItem* item = m_desk.results().itemAt(row);
    m_player->stop();
    const bool open = item != nullptr;
    for (QSpinBox* box : std::as_const(m_scores))
        box->setEnabled(open);
    m_comment->setEnabled(open);
    m_save->setEnabled(open);
    if (!item) {
        m_heading->setText(tr("Choose an interaction to review."));
        m_player->hide();
        m_transcript->hide();
        m_detailLayout->setStretch(m_detailLayout->count() - 1, 1);
        showTotal();
        return;
    }
    const bool call = isCallChannel(item->interaction.channel);
    m_heading->setText(
        tr("%1 with %2, handled by %3")
            .arg(m_results->model()->index(row, ReviewListModel::ChannelColumn).data().toString(),
                 item->customerName, item->interaction.agentName) +
        (call && !item->recorded ? u'\n' + tr("This call has no recording.") : QString()));
    m_player->setVisible(call && item->recorded);
    m_transcript->setVisible(!call);
    m_detailLayout->setStretch(m_detailLayout->count() - 1, call ? 1 : 0);
    // The saved scorecard, or a fresh one at full marks to mark down.
    for (qsizetype i = 0; i < m_scores.size(); ++i) {
        int value = kQaMaxScore;
        if (item->scorecard)
            for (const QaScore& score : item->scorecard->scores)
                if (score.criterion == qaCriteria().at(i))
                    value = score.score;
        m_scores.at(i)->setValue(value);
    }
    m_comment->setPlainText(item->scorecard ? item->scorecard->comment : QString());
    showTotal();
    m_desk.open(item->interaction.id);
}

void ReviewPane::showTotal()
{
    QaScorecard card;
    for (qsizetype i = 0; i < m_scores.size(); ++i)
        card.scores.append({qaCriteria().at(i), m_scores.at(i)->value()});
    m_total->setText(tr("Total: %1 %").arg(card.percent()));
}

void ReviewPane::saveScorecard()
{
    const protocol::ReviewItem* item =
        m_desk.results().itemAt(m_results->selectionModel()->currentIndex().row());
    if (!item)
        return;
    QaScorecard card;
    card.interactionId = item->interaction.id;
    for (qsizetype i = 0; i < m_scores.size(); ++i)
        card.scores.append({qaCriteria().at(i), m_scores.at(i)->value()});
    card.comment = m_comment->toPlainText().trimmed().left(2000);
    m_desk.save(card);
}

} // namespace qidong::ui
