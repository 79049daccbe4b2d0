#include "SupervisorPane.h"

#include "IntradayChart.h"
#include "MonitorPanel.h"
#include "QueueTiles.h"
#include "core/session/AgentSession.h"
#include "core/supervisor/FloorDesk.h"
#include "core/supervisor/MonitorDesk.h"
#include "models/DomainText.h"
#include "models/FloorRosterModel.h"
#include "models/ReasonCodeModel.h"
#include "ui/shell/ErrorText.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <set>

namespace qidong::ui {

using namespace qidong::protocol;
using models::FloorRosterModel;
using models::QueueBoardModel;

namespace {

QString thresholdsKey(const QString& queueId, const char* name)
{
    return QStringLiteral("supervisor/thresholds/") + queueId + u'/' + QLatin1StringView(name);
}

} // namespace

SupervisorPane::SupervisorPane(core::FloorDesk& desk, core::MonitorDesk& monitor,
                               core::AgentSession& session, QWidget* parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_monitor(monitor)
    , m_session(session)
    , m_tiles(new QueueTiles(desk.queues(), this))
    , m_roster(new QTableView(this))
    , m_chart(new IntradayChart(this))
    , m_status(new QLabel(this))
{
    m_roster->setObjectName(QStringLiteral("floorRoster"));
    m_roster->setModel(&desk.rosterFilter());
    m_roster->setSortingEnabled(true);
    m_roster->sortByColumn(FloorRosterModel::NameColumn, Qt::AscendingOrder);
    m_roster->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_roster->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_roster->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_roster->verticalHeader()->hide();
    m_roster->verticalHeader()->setDefaultSectionSize(m_roster->fontMetrics().height() + 6);
    m_roster->horizontalHeader()->setStretchLastSection(true);
    m_roster->setContextMenuPolicy(Qt::CustomContextMenu);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setObjectName(QStringLiteral("floorStatus"));

    auto* tilesArea = new QScrollArea(this);
    tilesArea->setWidgetResizable(true);
    tilesArea->setWidget(m_tiles);
    tilesArea->setFrameShape(QFrame::NoFrame);
    tilesArea->setMinimumHeight(120);

    // The roster with what narrows it and what acts on it, as one block.
    auto* rosterBlock = new QWidget(this);
    auto* filterBar = new QWidget(rosterBlock);
    buildFilters(filterBar);
    auto* actionBar = new QWidget(rosterBlock);
    buildActions(actionBar);
    m_roster->setParent(rosterBlock);
    m_roster->setMinimumHeight(160);
    auto* rosterLayout = new QVBoxLayout(rosterBlock);
    rosterLayout->setContentsMargins(0, 0, 0, 0);
    rosterLayout->addWidget(filterBar);
    rosterLayout->addWidget(actionBar);
    rosterLayout->addWidget(m_roster, 1);

    // Tiles, roster and chart share the height as the team lead drags it.
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("floorSplit"));
    split->setChildrenCollapsible(false);
    auto* top = new QSplitter(Qt::Horizontal, this);
    top->setChildrenCollapsible(false);
    top->addWidget(tilesArea);
    top->addWidget(buildAlerts());
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);
    split->addWidget(top);
    // The roster with the interaction being monitored beside it.
    auto* middle = new QSplitter(Qt::Horizontal, this);
    middle->setChildrenCollapsible(false);
    middle->addWidget(rosterBlock);
    m_monitorPanel = new MonitorPanel(monitor, middle);
    middle->addWidget(m_monitorPanel);
    middle->setStretchFactor(0, 3);
    middle->setStretchFactor(1, 2);
    split->addWidget(middle);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 4);
    split->setStretchFactor(2, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(m_tiles, &QueueTiles::queueActivated, &m_desk, &core::FloorDesk::fetchWaiting);
    connect(m_tiles, &QueueTiles::thresholdsRequested, this, &SupervisorPane::editThresholds);
    connect(&m_desk, &core::FloorDesk::waitingReady, this, &SupervisorPane::showWaiting);
    connect(&m_desk, &core::FloorDesk::intradayReady, m_chart, &IntradayChart::show);
    connect(m_chart, &IntradayChart::queueChosen, &m_desk, &core::FloorDesk::fetchIntraday);
    connect(&m_desk, &core::FloorDesk::failed, this,
            [this](const Error& error) { say(ErrorText::describe(error), true); });
    connect(&m_desk, &core::FloorDesk::actionDone, this, [this](const QString&, const QString&) {
        say(tr("Done. The audit log keeps who, when and why."), false);
    });
    connect(&m_desk, &core::FloorDesk::watchingChanged, this, [this](bool watching) {
        if (!watching)
            return;
        refillTeamsAndSkills();
        loadThresholds();
        m_desk.fetchIntraday(m_chart->queueChoice()->currentData().toString());
    });
    // Today's chart moves on every few minutes; the tiles are live.
    auto* chartClock = new QTimer(this);
    chartClock->setInterval(std::chrono::minutes(2));
    connect(chartClock, &QTimer::timeout, this, [this] {
        if (m_desk.isWatching() && isVisible())
            m_desk.fetchIntraday(m_chart->queueChoice()->currentData().toString());
    });
    chartClock->start();
    connect(m_roster, &QAbstractItemView::doubleClicked, this,
            [this] { monitorSelected(int(MonitorMode::Listen)); });
    connect(&m_monitor, &core::MonitorDesk::failed, this,
            [this](const QString&, const Error& error) { say(ErrorText::describe(error), true); });
    connect(&m_monitor, &core::MonitorDesk::ended, this, [this](const QString& reason) {
        if (reason == QStringLiteral("ended"))
            say(tr("The monitored interaction ended."), false);
        else if (reason == QStringLiteral("transferred"))
            say(tr("The monitored interaction went back to a queue."), false);
        else if (reason == QStringLiteral("lost"))
            say(tr("Monitoring stopped: the connection to the hub was renewed."), true);
    });
    connect(m_roster, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        if (!selectedAgents().isEmpty())
            m_rowMenu->exec(m_roster->viewport()->mapToGlobal(at));
    });
    if (m_desk.isWatching()) {
        refillTeamsAndSkills();
        loadThresholds();
    }
}

void SupervisorPane::buildFilters(QWidget* bar)
{
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("floorSearch"));
    m_search->setPlaceholderText(tr("Search agents"));
    m_search->setClearButtonEnabled(true);
    m_team = new QComboBox(bar);
    m_team->setObjectName(QStringLiteral("floorTeam"));
    m_presence = new QComboBox(bar);
    m_presence->setObjectName(QStringLiteral("floorPresence"));
    m_presence->addItem(tr("Every state"), QVariant());
    for (const Presence presence : {Presence::Ready, Presence::Busy, Presence::AfterCallWork,
                                    Presence::NotReady, Presence::Offline})
        m_presence->addItem(models::DomainText::presence(presence), static_cast<int>(presence));
    m_skill = new QComboBox(bar);
    m_skill->setObjectName(QStringLiteral("floorSkill"));
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 2);
    layout->addWidget(m_team, 1);
    layout->addWidget(m_presence, 1);
    layout->addWidget(m_skill, 1);

    models::FloorRosterFilter& filter = m_desk.rosterFilter();
    connect(m_search, &QLineEdit::textChanged, this,
            [&filter](const QString& text) { filter.setSearch(text); });
    connect(m_team, &QComboBox::currentIndexChanged, this,
            [this, &filter] { filter.setTeam(m_team->currentData().toString()); });
    connect(m_presence, &QComboBox::currentIndexChanged, this, [this, &filter] {
        const QVariant value = m_presence->currentData();
        filter.setPresence(value.isValid() ? std::optional<int>(value.toInt()) : std::nullopt);
    });
    connect(m_skill, &QComboBox::currentIndexChanged, this,
            [this, &filter] { filter.setSkill(m_skill->currentData().toString()); });
}

void SupervisorPane::buildActions(QWidget* bar)
{
    m_why = new QLineEdit(bar);
    m_why->setObjectName(QStringLiteral("floorWhy"));
    m_why->setPlaceholderText(tr("Why (kept in the audit log)"));
    m_why->setMaxLength(500);
    auto* ready = new QPushButton(tr("Make ready"), bar);
    m_notReady = new QToolButton(bar);
    m_notReady->setText(tr("Make not ready"));
    m_notReady->setPopupMode(QToolButton::InstantPopup);
    auto* reasons = new QMenu(m_notReady);
    m_notReady->setMenu(reasons);
    auto* signOut = new QPushButton(tr("Sign out…"), bar);
    auto* adjust = new QPushButton(tr("Skills and capacity…"), bar);
    auto* monitor = new QToolButton(bar);
    monitor->setObjectName(QStringLiteral("floorMonitor"));
    monitor->setText(tr("Monitor"));
    monitor->setToolTip(tr("Monitor what the selected agent handles now (double-click a row)"));
    monitor->setPopupMode(QToolButton::MenuButtonPopup);
    auto* modes = new QMenu(monitor);
    modes->addAction(tr("Listen"), this, [this] { monitorSelected(int(MonitorMode::Listen)); });
    modes->addAction(tr("Whisper"), this, [this] { monitorSelected(int(MonitorMode::Whisper)); });
    modes->addAction(tr("Barge in"), this, [this] { monitorSelected(int(MonitorMode::Barge)); });
    monitor->setMenu(modes);
    connect(monitor, &QToolButton::clicked, this,
            [this] { monitorSelected(int(MonitorMode::Listen)); });
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_why, 2);
    layout->addWidget(ready);
    layout->addWidget(m_notReady);
    layout->addWidget(signOut);
    layout->addWidget(adjust);
    layout->addWidget(monitor);

    // Not-ready reasons as the session knows them, filled when the menu opens.
    const auto fillReasons = [this](QMenu* menu) {
        menu->clear();
        models::ReasonCodeModel& codes = m_session.notReadyReasons();
        for (int row = 0; row < codes.rowCount(); ++row) {
            const QString code = codes.codeAt(row);
            menu->addAction(codes.labelOf(code), this, [this, code] {
                forceSelected(static_cast<int>(Presence::NotReady), code);
            });
        }
    };
    connect(reasons, &QMenu::aboutToShow, this, [reasons, fillReasons] { fillReasons(reasons); });
    connect(ready, &QPushButton::clicked, this,
            [this] { forceSelected(static_cast<int>(Presence::Ready), {}); });
    connect(signOut, &QPushButton::clicked, this, &SupervisorPane::signOutSelected);
    connect(adjust, &QPushButton::clicked, this, &SupervisorPane::adjustSelected);

    m_rowMenu = new QMenu(this);
    m_rowMenu->addAction(tr("Make ready"), this,
                         [this] { forceSelected(static_cast<int>(Presence::Ready), {}); });
    QMenu* rowReasons = m_rowMenu->addMenu(tr("Make not ready"));
    connect(rowReasons, &QMenu::aboutToShow, this,
            [rowReasons, fillReasons] { fillReasons(rowReasons); });
    m_rowMenu->addAction(tr("Sign out…"), this, &SupervisorPane::signOutSelected);
    m_rowMenu->addAction(tr("Skills and capacity…"), this, &SupervisorPane::adjustSelected);
    m_rowMenu->addSeparator();
    m_rowMenu->addAction(tr("Monitor"), this,
                         [this] { monitorSelected(int(MonitorMode::Listen)); });
}

void SupervisorPane::monitorSelected(int mode)
{
    const QModelIndexList rows = m_roster->selectionModel()->selectedRows();
    if (rows.size() != 1) {
        say(tr("Select one agent to monitor."), true);
        return;
    }
    const QStringList work = rows.constFirst().data(FloorRosterModel::WorkIdsRole).toStringList();
    if (work.isEmpty()) {
        say(tr("%1 is not handling anything now.")
                .arg(rows.constFirst()
                         .siblingAtColumn(FloorRosterModel::NameColumn)
                         .data()
                         .toString()),
            true);
        return;
    }
    // A call, when they are on one (the roster lists calls first).
    m_monitor.start(work.constFirst(), static_cast<MonitorMode>(mode));
}

QWidget* SupervisorPane::buildAlerts()
{
    auto* box = new QWidget(this);
    m_alerts = new QListView(box);
    m_alerts->setObjectName(QStringLiteral("floorAlerts"));
    m_alerts->setModel(&m_desk.alerts());
    m_alerts->setWordWrap(true);
    m_alerts->setUniformItemSizes(false);
    m_alerts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* title = new QLabel(tr("Alerts"), box);
    auto* acknowledge = new QPushButton(tr("Acknowledge"), box);
    auto* assign = new QPushButton(tr("Assign to selected agent"), box);
    auto* buttons = new QHBoxLayout();
    buttons->addWidget(acknowledge);
    buttons->addWidget(assign);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_alerts, 1);
    layout->addLayout(buttons);
    const auto count = [this, title] {
        const int open = m_desk.alerts().openCount();
        title->setText(open == 0 ? tr("Alerts") : tr("Alerts (%n open)", "", open));
    };
    connect(&m_desk.alerts(), &QAbstractItemModel::rowsInserted, this, count);
    connect(&m_desk.alerts(), &QAbstractItemModel::dataChanged, this, count);
    connect(&m_desk.alerts(), &QAbstractItemModel::modelReset, this, count);
    connect(acknowledge, &QPushButton::clicked, this, &SupervisorPane::acknowledgeSelectedAlert);
    connect(assign, &QPushButton::clicked, this, &SupervisorPane::assignSelectedAlert);
    return box;
}

void SupervisorPane::acknowledgeSelectedAlert()
{
    const QModelIndex current = m_alerts->currentIndex();
    if (!current.isValid()) {
        say(tr("Select an alert first."), true);
        return;
    }
    m_desk.acknowledgeAlert(current.data(models::AlertListModel::IdRole).toLongLong());
}

void SupervisorPane::assignSelectedAlert()
{
    const QModelIndex current = m_alerts->currentIndex();
    const QStringList agents = selectedAgents();
    if (!current.isValid() || agents.size() != 1) {
        say(tr("Select an alert and one agent in the list."), true);
        return;
    }
    m_desk.assignAlert(current.data(models::AlertListModel::IdRole).toLongLong(),
                       agents.constFirst());
}

QStringList SupervisorPane::selectedAgents() const
{
    QStringList ids;
    for (const QModelIndex& row : m_roster->selectionModel()->selectedRows())
        ids.append(row.data(FloorRosterModel::AgentIdRole).toString());
    return ids;
}

QString SupervisorPane::why()
{
    const QString text = m_why->text().trimmed();
    if (text.isEmpty()) {
        say(tr("Write why first: the audit log keeps it."), true);
        m_why->setFocus();
    }
    return text;
}

void SupervisorPane::forceSelected(int presence, const QString& reason)
{
    const QStringList agents = selectedAgents();
    if (agents.isEmpty()) {
        say(tr("Select agents in the list first."), true);
        return;
    }
    const QString because = why();
    if (because.isEmpty())
        return;
    for (const QString& agentId : agents)
        m_desk.forceState(agentId, static_cast<Presence>(presence), reason, because);
}

void SupervisorPane::signOutSelected()
{
    const QStringList agents = selectedAgents();
    const QString because = agents.isEmpty() ? QString() : why();
    if (because.isEmpty())
        return;
    for (const QString& agentId : agents)
        m_desk.forceSignOut(agentId, because);
}

void SupervisorPane::adjustSelected()
{
    const QStringList agents = selectedAgents();
    if (agents.size() != 1) {
        say(tr("Select one agent to change their skills and capacity."), true);
        return;
    }
    const QString because = why();
    if (because.isEmpty())
        return;
    const FloorRosterModel& roster = m_desk.roster();
    const FloorAgentRow* row = roster.rowAt(roster.rowOf(agents.constFirst()));
    if (!row)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Skills and capacity for today: %1").arg(row->displayName));
    auto* form = new QFormLayout(&dialog);
    QList<std::pair<QString, QSpinBox*>> skills;
    std::set<QString> names;
    for (const Skill& skill : row->skills)
        names.insert(skill.name);
    for (const Queue& queue : m_session.queues()) {
        for (const QString& skill : queue.requiredSkills)
            names.insert(skill);
    }
    for (const QString& name : names) {
        auto* level = new QSpinBox(&dialog);
        level->setRange(0, 10);
        level->setSpecialValueText(tr("none"));
        for (const Skill& skill : row->skills) {
            if (skill.name == name)
                level->setValue(skill.level);
        }
        form->addRow(name, level);
        skills.append({name, level});
    }
    QList<std::pair<Channel, QSpinBox*>> capacity;
    for (const Channel channel : {Channel::Voice, Channel::Chat, Channel::Social, Channel::Email}) {
        auto* count = new QSpinBox(&dialog);
        count->setRange(0, 20);
        count->setValue(row->capacity.value(channel, isCallChannel(channel) ? 1 : 3));
        form->addRow(tr("At once: %1").arg(models::DomainText::channel(channel)), count);
        capacity.append({channel, count});
    }
    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Reset, &dialog);
    buttons->button(QDialogButtonBox::Reset)->setText(tr("Back to their own"));
    form->addRow(buttons);
    bool reset = false;
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, &dialog, [&] {
        reset = true;
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    AdjustAgentParams params;
    params.agentId = row->agentId;
    params.why = because;
    params.reset = reset;
    if (!reset) {
        QList<Skill> chosen;
        for (const auto& [name, level] : skills) {
            if (level->value() > 0)
                chosen.append({name, level->value()});
        }
        QHash<Channel, int> counts;
        for (const auto& [channel, count] : capacity)
            counts.insert(channel, count->value());
        params.skills = chosen;
        params.capacity = counts;
    }
    m_desk.adjust(params);
}

void SupervisorPane::showWaiting(const QString& queueId, const QList<Interaction>& waiting)
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("waitingDialog"));
    const int row = m_desk.queues().rowOf(queueId);
    const QString name = m_desk.queues().index(row).data(QueueBoardModel::NameRole).toString();
    dialog.setWindowTitle(tr("Waiting in %1").arg(name));
    auto* list = new QListWidget(&dialog);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Interaction& interaction : waiting) {
        auto* item =
            new QListWidgetItem(tr("%1 · %2 · waiting %3")
                                    .arg(interaction.customer.displayName,
                                         models::DomainText::channel(interaction.channel),
                                         models::DomainText::clock(now - interaction.createdAtMs)),
                                list);
        item->setData(Qt::UserRole, interaction.id);
    }
    if (waiting.isEmpty())
        list->addItem(tr("Nobody is waiting."));
    auto* queues = new QComboBox(&dialog);
    for (const Queue& queue : m_session.queues()) {
        if (queue.id != queueId)
            queues->addItem(queue.name.forLanguage(m_session.language()), queue.id);
    }
    auto* agents = new QComboBox(&dialog);
    const FloorRosterModel& roster = m_desk.roster();
    for (int i = 0; i < roster.rowCount(); ++i) {
        const FloorAgentRow* agent = roster.rowAt(i);
        if (agent->connected)
            agents->addItem(agent->displayName + QStringLiteral(" · ") +
                                models::DomainText::presence(agent->state.presence),
                            agent->agentId);
    }
    auto* toQueue = new QPushButton(tr("Move to queue"), &dialog);
    auto* toAgent = new QPushButton(tr("Offer to agent"), &dialog);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    auto* layout = new QFormLayout(&dialog);
    layout->addRow(list);
    layout->addRow(queues, toQueue);
    layout->addRow(agents, toAgent);
    layout->addRow(close);
    connect(close, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    const auto move = [&](bool toOneAgent) {
        const QListWidgetItem* item = list->currentItem();
        const QString id = item ? item->data(Qt::UserRole).toString() : QString();
        const QString because = why();
        if (id.isEmpty() || because.isEmpty())
            return;
        m_desk.reassign(id, toOneAgent ? QString() : queues->currentData().toString(),
                        toOneAgent ? agents->currentData().toString() : QString(), because);
        delete item;
    };
    connect(toQueue, &QPushButton::clicked, &dialog, [&] { move(false); });
    connect(toAgent, &QPushButton::clicked, &dialog, [&] { move(true); });
    dialog.exec();
}

void SupervisorPane::editThresholds(const QString& queueId)
{
    QueueBoardModel& board = m_desk.queues();
    const QueueBoardModel::Thresholds current = board.thresholds(queueId);
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Thresholds"));
    auto* form = new QFormLayout(&dialog);
    const auto spin = [&](int value, int maximum, const QString& suffix) {
        auto* box = new QSpinBox(&dialog);
        box->setRange(0, maximum);
        box->setValue(value);
        box->setSuffix(suffix);
        return box;
    };
    QSpinBox* waitWarn = spin(current.waitWarnSeconds, 86400, tr(" s"));
    QSpinBox* waitAlarm = spin(current.waitAlarmSeconds, 86400, tr(" s"));
    QSpinBox* slWarn = spin(current.serviceWarnPercent, 100, QStringLiteral(" %"));
    QSpinBox* slAlarm = spin(current.serviceAlarmPercent, 100, QStringLiteral(" %"));
    form->addRow(tr("Longest wait: warn from"), waitWarn);
    form->addRow(tr("Longest wait: alarm from"), waitAlarm);
    form->addRow(tr("Service level: warn below"), slWarn);
    form->addRow(tr("Service level: alarm below"), slAlarm);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QueueBoardModel::Thresholds chosen{waitWarn->value(), waitAlarm->value(), slWarn->value(),
                                             slAlarm->value()};
    board.setThresholds(queueId, chosen);
    QSettings settings;
    settings.setValue(thresholdsKey(queueId, "waitWarn"), chosen.waitWarnSeconds);
    settings.setValue(thresholdsKey(queueId, "waitAlarm"), chosen.waitAlarmSeconds);
    settings.setValue(thresholdsKey(queueId, "serviceWarn"), chosen.serviceWarnPercent);
    settings.setValue(thresholdsKey(queueId, "serviceAlarm"), chosen.serviceAlarmPercent);
}

void SupervisorPane::loadThresholds()
{
    QSettings settings;
    for (const Queue& queue : m_session.queues()) {
        if (!settings.contains(thresholdsKey(queue.id, "waitWarn")))
            continue;
        const QueueBoardModel::Thresholds defaults = QueueBoardModel::defaultsFor(queue);
        m_desk.queues().setThresholds(
            queue.id,
            {settings.value(thresholdsKey(queue.id, "waitWarn"), defaults.waitWarnSeconds).toInt(),
             settings.value(thresholdsKey(queue.id, "waitAlarm"), defaults.waitAlarmSeconds)
                 .toInt(),
             settings.value(thresholdsKey(queue.id, "serviceWarn"), defaults.serviceWarnPercent)
                 .toInt(),
             settings.value(thresholdsKey(queue.id, "serviceAlarm"), defaults.serviceAlarmPercent)
                 .toInt()});
    }
}

void SupervisorPane::refillTeamsAndSkills()
{
    const QString language = m_session.language();
    const QSignalBlocker quietTeams(m_team);
    m_team->clear();
    m_team->addItem(tr("Every team"), QString());
    for (const Team& team : m_session.teams())
        m_team->addItem(team.name.forLanguage(language), team.id);
    const QSignalBlocker quietSkills(m_skill);
    m_skill->clear();
    m_skill->addItem(tr("Any skill"), QString());
    std::set<QString> skills;
    for (const Queue& queue : m_session.queues()) {
        for (const QString& skill : queue.requiredSkills)
            skills.insert(skill);
    }
    for (const QString& skill : skills)
        m_skill->addItem(skill, skill);
    QList<std::pair<QString, QString>> queues;
    for (const Queue& queue : m_session.queues())
        queues.append({queue.id, queue.name.forLanguage(language)});
    m_chart->setQueues(queues);
}

void SupervisorPane::say(const QString& text, bool problem)
{
    m_status->setText(text);
    m_status->setForegroundRole(problem ? QPalette::BrightText : QPalette::WindowText);
}

} // namespace qidong::ui
