#include "ShellWindow.h"

#include "AboutDialog.h"
#include "ConnectionIndicator.h"
#include "ErrorText.h"
#include "MonitoredIndicator.h"
#include "OfferToast.h"
#include "StateSelector.h"
#include "SystemHotkeys.h"
#include "Theme.h"
#include "core/chat/ChatDesk.h"
#include "core/customer/CustomerDesk.h"
#include "core/knowledge/KnowledgeDesk.h"
#include "core/session/AgentSession.h"
#include "core/settings/SettingKeys.h"
#include "core/settings/SiteSettings.h"
#include "core/supervisor/FloorDesk.h"
#include "core/voice/CallDesk.h"
#include "core/voice/VoiceEngine.h"
#include "models/InteractionListModel.h"
#include "ui/chat/ChatPane.h"
#include "ui/chat/Composer.h"
#include "ui/chat/ConversationView.h"
#include "ui/customer/CustomerPane.h"
#include "ui/knowledge/KnowledgePane.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/supervisor/ReviewPane.h"
#include "ui/supervisor/SupervisorPane.h"
#include "ui/voice/SoftphonePane.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

namespace qidong::ui {

ShellWindow::ShellWindow(core::HubConnection& connection, core::AgentSession& session,
                         core::ChatDesk& chatDesk, core::CallDesk& callDesk,
                         core::KnowledgeDesk& knowledgeDesk, core::CustomerDesk& customerDesk,
                         QWidget* parent)
    : QMainWindow(parent)
    , m_connection(connection)
    , m_session(session)
    , m_chatDesk(chatDesk)
    , m_callDesk(callDesk)
    , m_knowledgeDesk(knowledgeDesk)
    , m_customerDesk(customerDesk)
    , m_interactions(new QTableView(this))
    , m_toast(new OfferToast(this))
{
    setObjectName(QStringLiteral("shellWindow"));
    setWindowTitle(tr("Qidong Agent Desktop — %1").arg(session.agent().displayName));

    auto* toolbar = addToolBar(tr("State"));
    toolbar->setObjectName(QStringLiteral("stateToolbar"));
    toolbar->setMovable(false);
    toolbar->addWidget(new StateSelector(session, toolbar));
    auto* spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addWidget(new ConnectionIndicator(connection, toolbar));

    m_interactions->setObjectName(QStringLiteral("interactionList"));
    m_interactions->setAccessibleName(tr("My interactions"));
    m_interactions->setModel(&session.interactions());
    m_interactions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_interactions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_interactions->verticalHeader()->hide();
    m_interactions->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // uniform rows
    m_interactions->horizontalHeader()->setStretchLastSection(true);
    setCentralWidget(m_interactions);

    createDocks();
    connectKnowledge();
    createActions();

    connect(&session, &core::AgentSession::offerReceived, this,
            [this](const protocol::InteractionOffer& offer) {
                const QModelIndex row = m_session.interactions().index(
                    m_session.interactions().rowOf(offer.interaction.id),
                    models::InteractionListModel::QueueColumn);
                m_toast->showOffer(offer, row.data().toString());
                placeToast();
                notifyIfAway(offer);
            });
    connect(&session, &core::AgentSession::offerEnded, m_toast, &OfferToast::dismiss);
    connect(m_toast, &OfferToast::accepted, &session, &core::AgentSession::accept);
    connect(m_toast, &OfferToast::rejected, &session, &core::AgentSession::reject);
    connect(&session, &core::AgentSession::stateChangeFailed, this,
            [this](const protocol::Error& error) {
                statusBar()->showMessage(ErrorText::describe(error), 8000);
            });
    connect(&session, &core::AgentSession::requestFailed, this,
            [this](const QString&, const protocol::Error& error) {
                statusBar()->showMessage(ErrorText::describe(error), 8000);
            });
    statusBar()->addPermanentWidget(new MonitoredIndicator(session, statusBar()));
    connect(&session, &core::AgentSession::helpRequested, this, [this](const QString&) {
        statusBar()->showMessage(tr("Your team lead has been told."), 8000);
    });

    QSettings settings;
    if (!restoreGeometry(settings.value(core::SettingKey::shellGeometry).toByteArray()))
        resize(1200, 760);
    restoreState(settings.value(core::SettingKey::shellState).toByteArray());
}

ShellWindow::~ShellWindow() = default;

void ShellWindow::createDocks()
{
    // Where the channel, customer and knowledge panes plug in as their issues land.
    const struct
    {
        const char* name;
        QString title;
        Qt::DockWidgetArea area;
    } docks[] = {
        {"callDock", tr("Call"), Qt::LeftDockWidgetArea},
        {"conversationDock", tr("Conversation"), Qt::RightDockWidgetArea},
        {"customerDock", tr("Customer"), Qt::RightDockWidgetArea},
        {"knowledgeDock", tr("Knowledge"), Qt::BottomDockWidgetArea},
    };
    for (const auto& spec : docks) {
        auto* dock = new QDockWidget(spec.title, this);
        dock->setObjectName(QString::fromLatin1(spec.name));
        if (QLatin1StringView(spec.name) == QLatin1StringView("conversationDock")) {
            m_chatPane = new ChatPane(m_chatDesk, m_session, dock);
            dock->setWidget(m_chatPane);
            connect(m_chatPane, &ChatPane::callRequested, this, [this](const QString& id) {
                if (const std::optional<protocol::Interaction> chat = m_chatDesk.interaction(id))
                    m_callDesk.callChatCustomer(*chat);
            });
        } else if (QLatin1StringView(spec.name) == QLatin1StringView("customerDock")) {
            m_customer = new CustomerPane(m_customerDesk, dock);
            dock->setWidget(m_customer);
            connect(m_customer, &CustomerPane::callRequested, &m_callDesk,
                    &core::CallDesk::dialCustomer);
        } else if (QLatin1StringView(spec.name) == QLatin1StringView("knowledgeDock")) {
            m_knowledge = new KnowledgePane(m_knowledgeDesk, dock);
            dock->setWidget(m_knowledge);
        } else if (QLatin1StringView(spec.name) == QLatin1StringView("callDock")) {
            m_softphone = new SoftphonePane(m_callDesk, m_chatDesk, m_session, dock);
            dock->setWidget(m_softphone);
        } else {
            auto* placeholder = new QLabel(tr("No conversation selected"), dock);
            placeholder->setAlignment(Qt::AlignCenter);
            placeholder->setEnabled(false);
            placeholder->setWordWrap(true);
            dock->setWidget(placeholder);
        }
        addDockWidget(spec.area, dock);
    }
    // The conversation gets most of the right side until the agent arranges it.
    const QList<QDockWidget*> right{findChild<QDockWidget*>(QStringLiteral("conversationDock")),
                                    findChild<QDockWidget*>(QStringLiteral("customerDock"))};
    resizeDocks(right, {3, 1}, Qt::Vertical);
    // The conversation shown follows the interaction selected in the list.
    connect(m_interactions->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const protocol::Interaction* selected =
                    m_session.interactions().interactionAt(current.row());
                if (!selected)
                    return;
                m_chatPane->showConversation(selected->id);
                m_customerDesk.showInteraction(selected->id); // any channel
            });
}

void ShellWindow::showCustomerPane()
{
    if (auto* dock = findChild<QDockWidget*>(QStringLiteral("customerDock"))) {
        dock->show();
        dock->raise();
    }
}

void ShellWindow::connectKnowledge()
{
    // Suggestions and "insert into reply" follow the conversation shown.
    const auto follow = [this] {
        ConversationView* shown = m_chatPane->current();
        m_knowledgeDesk.followConversation(shown ? shown->interactionId() : QString());
        if (shown)
            m_customerDesk.showInteraction(shown->interactionId());
        m_knowledge->setReplyTarget(shown != nullptr);
    };
    connect(m_chatPane->tabs(), &QTabWidget::currentChanged, this, follow);
    follow();
    connect(m_knowledge, &KnowledgePane::insertRequested, this, [this](const QString& text) {
        if (ConversationView* shown = m_chatPane->current()) {
            shown->composer()->insertText(text);
            shown->composer()->setFocus();
        }
    });
    connect(m_knowledge, &KnowledgePane::sendLinkRequested, this, [this](const QString& text) {
        if (ConversationView* shown = m_chatPane->current())
            m_chatDesk.send(shown->interactionId(), text);
    });
}

void ShellWindow::createActions()
{
    QMenu* work = menuBar()->addMenu(tr("&Work"));
    const auto add = [this, work](const QString& text, const QKeySequence& shortcut, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        work->addAction(action);
        addAction(action);
        return action;
    };
    add(tr("&Accept offer"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), [this] {
        if (!m_toast->interactionId().isEmpty())
            m_session.accept(m_toast->interactionId());
    });
    add(tr("&Reject offer"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), [this] {
        if (!m_toast->interactionId().isEmpty())
            m_session.reject(m_toast->interactionId());
    });
    add(tr("Set &Ready"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
        [this] { m_session.requestState(protocol::Presence::Ready); });
    add(tr("&End interaction"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this] {
        const QModelIndex current = m_interactions->currentIndex();
        if (const protocol::Interaction* item =
                m_session.interactions().interactionAt(current.row()))
            m_session.end(item->id);
    });
    add(tr("Search &knowledge"), QKeySequence(Qt::CTRL | Qt::Key_K), [this] {
        if (auto* dock = findChild<QDockWidget*>(QStringLiteral("knowledgeDock"))) {
            dock->show();
            dock->raise();
        }
        m_knowledge->focusSearch();
    });
    // Seed 002: an agent facing an abusive caller hands over to the lead.
    const auto currentInteraction = [this] {
        const protocol::Interaction* item =
            m_session.interactions().interactionAt(m_interactions->currentIndex().row());
        return item ? item->id : QString();
    };
    add(tr("Ask team lead for &help"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
        [this, currentInteraction] {
            m_session.requestHelp(QStringLiteral("help"), currentInteraction());
        });
    add(tr("Report abusive &customer"), QKeySequence(), [this, currentInteraction] {
        m_session.requestHelp(QStringLiteral("abusive"), currentInteraction());
    });
    work->addSeparator();
    // Call control works wherever focus is in the application, and with
    // SystemHotkeys also from other applications (createSystemHotkeys).
    const auto callAction = [&](const QString& text, const QKeySequence& shortcut, auto slot) {
        add(text, shortcut, slot)->setShortcutContext(Qt::ApplicationShortcut);
    };
    callAction(tr("&Hang up"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
               [this] { m_callDesk.hangUp(); });
    callAction(tr("&Mute / unmute"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
               [this] { m_softphone->toggleMute(); });
    callAction(tr("H&old / resume"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
               [this] { m_softphone->toggleHold(); });
    createSystemHotkeys();
    work->addSeparator();
    add(tr("Sign &out"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q),
        [this] { Q_EMIT signOutRequested(); });
    QMenu* view = menuBar()->addMenu(tr("&View"));
    auto* dark = new QAction(tr("&Dark theme"), this);
    dark->setCheckable(true);
    dark->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    const core::SiteSettings site;
    dark->setChecked(site.value(core::SettingKey::theme).toString() == QStringLiteral("dark"));
    dark->setEnabled(!site.isLocked(core::SettingKey::theme));
    connect(dark, &QAction::toggled, this, [](bool on) {
        const Theme::Kind kind = on ? Theme::Kind::Dark : Theme::Kind::Light;
        Theme::apply(kind);
        core::SiteSettings().setValue(core::SettingKey::theme, Theme::name(kind));
    });
    view->addAction(dark);
    addAction(dark);
    view->addSeparator();
    auto* preferences = new QAction(tr("&Settings…"), this);
    preferences->setShortcut(QKeySequence::Preferences);
    connect(preferences, &QAction::triggered, this, [this] {
        SettingsDialog dialog(this);
        connect(&dialog, &SettingsDialog::settingsApplied, this, &ShellWindow::settingsApplied);
        connect(&dialog, &SettingsDialog::testToneRequested, this,
                [this](const QByteArray& outputId) { m_callDesk.engine().playTestTone(outputId); });
        core::VoiceEngine& engine = m_callDesk.engine();
        connect(&dialog, &SettingsDialog::inputMonitorRequested, &engine,
                &core::VoiceEngine::monitorInput);
        connect(&dialog, &SettingsDialog::inputMonitorEnded, &engine,
                &core::VoiceEngine::stopDeviceTest);
        connect(&engine, &core::VoiceEngine::levelsChanged, &dialog,
                [&dialog](double inputDbfs, double) { dialog.showInputLevel(inputDbfs); });
        dialog.exec();
    });
    view->addAction(preferences);
    addAction(preferences);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    auto* shortcuts = new QAction(tr("&Keyboard shortcuts"), this);
    shortcuts->setShortcut(QKeySequence::HelpContents);
    connect(shortcuts, &QAction::triggered, this, &ShellWindow::showShortcuts);
    help->addAction(shortcuts);
    addAction(shortcuts);
    help->addAction(tr("&About Qidong"), this, [this] {
        AboutDialog about(this);
        about.exec();
    });
}

void ShellWindow::createSystemHotkeys()
{
    // Answer, hang up and mute while the agent works in another program
    // (the CRM, a ticket). Ctrl+Alt+Shift: Ctrl+Alt+A is a common
    // screenshot key in Chinese chat apps.
    enum Key
    {
        Answer = 1,
        HangUp,
        Mute
    };
    m_systemKeys = new SystemHotkeys(this);
    const struct
    {
        Key id;
        QKeySequence keys;
        QString text;
    } wanted[] = {
        {Answer, QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_A), tr("Answer")},
        {HangUp, QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_H), tr("Hang up")},
        {Mute, QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_M), tr("Mute / unmute")},
    };
    if (!SystemHotkeys::isSupported()) {
        m_systemKeysText = tr("Keys that work from other applications are not available on this "
                              "desktop (Wayland, macOS).");
        return;
    }
    QStringList taken;
    for (const auto& key : wanted) {
        const QString keys = key.keys.toString(QKeySequence::NativeText);
        if (m_systemKeys->add(key.id, key.keys))
            m_systemKeysText += key.text + QStringLiteral("\t") + keys + u'\n';
        else
            taken.append(keys);
    }
    if (!taken.isEmpty()) {
        const QString note = tr("Another program holds %1: those keys work only in Qidong.")
                                 .arg(taken.join(QStringLiteral(", ")));
        m_systemKeysText += note + u'\n';
        statusBar()->showMessage(note, 15000);
    }
    connect(m_systemKeys, &SystemHotkeys::activated, this, [this](int id) {
        switch (id) {
        case Answer:
            if (!m_toast->interactionId().isEmpty())
                m_session.accept(m_toast->interactionId());
            else if (m_callDesk.isConsulted())
                m_callDesk.answerConsult();
            break;
        case HangUp:
            m_callDesk.hangUp();
            break;
        case Mute:
            if (m_softphone)
                m_softphone->toggleMute();
            break;
        default:
            break;
        }
    });
}

void ShellWindow::showShortcuts()
{
    QString text;
    for (const QAction* action : actions()) {
        if (!action->shortcut().isEmpty())
            text += action->text().remove(u'&') + QStringLiteral("\t") +
                    action->shortcut().toString(QKeySequence::NativeText) + u'\n';
    }
    if (!m_systemKeysText.isEmpty())
        text += u'\n' + tr("From any application:") + u'\n' + m_systemKeysText;
    QMessageBox box(QMessageBox::Information, tr("Keyboard shortcuts"), text, QMessageBox::Close,
                    this);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

void ShellWindow::notifyIfAway(const protocol::InteractionOffer& offer)
{
    if (isActiveWindow())
        return;
    QApplication::alert(this); // taskbar flash
    trayMessage(tr("Incoming offer"), offer.interaction.customer.displayName);
}

void ShellWindow::trayMessage(const QString& title, const QString& text)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            activateWindow();
        });
        m_tray->show();
    }
    m_tray->showMessage(title, text, QSystemTrayIcon::Information, 10000);
}

void ShellWindow::placeToast()
{
    if (!m_toast->isVisible())
        return;
    m_toast->adjustSize();
    const QRect area = centralWidget()->geometry();
    m_toast->move(area.right() - m_toast->width() - 16, area.top() + 16);
}

void ShellWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    placeToast();
}

void ShellWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(core::SettingKey::shellGeometry, saveGeometry());
    settings.setValue(core::SettingKey::shellState, saveState());
    QMainWindow::closeEvent(event);
}

void ShellWindow::addSupervisorWorkspace(core::FloorDesk& desk, core::MonitorDesk& monitor,
                                         core::ReviewDesk& review)
{
    if (m_supervisor)
        return;
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("workspaceTabs"));
    tabs->setDocumentMode(true);
    takeCentralWidget();
    tabs->addTab(m_interactions, tr("My work"));
    m_supervisor = new SupervisorPane(desk, monitor, m_session, tabs);
    tabs->addTab(m_supervisor, tr("Floor"));
    m_review = new ReviewPane(review, desk, m_session, tabs);
    tabs->addTab(m_review, tr("Quality"));
    tabs->setCurrentWidget(m_supervisor);
    setCentralWidget(tabs);
    // Alerts reach a lead who is looking elsewhere: the tray, and the taskbar.
    connect(&desk, &core::FloorDesk::alertRaised, this,
            [this](const protocol::FloorAlert& alert, const QString& text) {
                if (alert.severity == QStringLiteral("info"))
                    return;
                if (!isActiveWindow())
                    QApplication::alert(this);
                trayMessage(tr("Floor alert"), text);
            });
    // The floor wants the height; the knowledge dock is a click away (Ctrl+K).
    if (auto* knowledge = findChild<QDockWidget*>(QStringLiteral("knowledgeDock")))
        knowledge->hide();
}

} // namespace qidong::ui
