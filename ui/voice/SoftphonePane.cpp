#include "SoftphonePane.h"

#include "core/chat/ChatDesk.h"
#include "core/session/AgentSession.h"
#include "core/voice/CallDesk.h"
#include "core/voice/VoiceEngine.h"
#include "models/DomainText.h"
#include "ui/chat/TransferDialog.h"
#include "ui/chat/WrapUpForm.h"
#include "ui/shell/ErrorText.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace qidong::ui {

using core::VoiceEngine;
using protocol::InteractionState;

namespace {

// Meters show -60 .. 0 dBFS.
int meterValue(double dbfs)
{
    return static_cast<int>(std::lround(std::clamp(dbfs + 60.0, 0.0, 60.0)));
}

QProgressBar* meter(const QString& name, QWidget* parent)
{
    auto* bar = new QProgressBar(parent);
    bar->setRange(0, 60);
    bar->setTextVisible(false);
    bar->setMaximumHeight(8);
    bar->setAccessibleName(name);
    return bar;
}

} // namespace

SoftphonePane::SoftphonePane(core::CallDesk& calls, core::ChatDesk& directory,
                             core::AgentSession& session, QWidget* parent)
    : QWidget(parent)
    , m_calls(calls)
    , m_directory(directory)
    , m_session(session)
    , m_who(new QLabel(this))
    , m_status(new QLabel(this))
    , m_timer(new QLabel(this))
    , m_link(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_keysPressed(new QLabel(this))
    , m_micLevel(meter(tr("Microphone level"), this))
    , m_speakerLevel(meter(tr("Speaker level"), this))
    , m_hold(new QPushButton(tr("&Hold"), this))
    , m_mute(new QPushButton(tr("&Mute"), this))
    , m_keypadToggle(new QPushButton(tr("&Keypad"), this))
    , m_record(new QPushButton(tr("&Pause recording"), this))
    , m_recording(new QLabel(this))
    , m_transfer(new QPushButton(tr("&Transfer…"), this))
    , m_hangUp(new QPushButton(tr("Hang &up"), this))
    , m_consult(new QPushButton(tr("C&onsult…"), this))
    , m_dial(new QPushButton(tr("Call &back now"), this))
    , m_dialRow(new QWidget(this))
    , m_number(new QLineEdit(m_dialRow))
    , m_callNumber(new QPushButton(tr("&Call"), m_dialRow))
    , m_dialPadToggle(new QPushButton(tr("&Keypad"), m_dialRow))
    , m_consultRow(new QWidget(this))
    , m_consultStatus(new QLabel(m_consultRow))
    , m_consultAnswer(new QPushButton(tr("&Answer"), m_consultRow))
    , m_consultDecline(new QPushButton(tr("&Decline"), m_consultRow))
    , m_consultTransfer(new QPushButton(tr("Complete &transfer"), m_consultRow))
    , m_consultConference(new QPushButton(tr("&Conference"), m_consultRow))
    , m_consultReturn(new QPushButton(tr("&Return to caller"), m_consultRow))
    , m_wrapUpTitle(new QLabel(this))
    , m_wrapUp(new WrapUpForm(session.wrapUpCodes(), this))
    , m_keypad(buildKeypad())
    , m_controls(new QWidget(this))
{
    setObjectName(QStringLiteral("softphonePane"));
    m_who->setObjectName(QStringLiteral("callWho"));
    QFont big = m_who->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_who->setFont(big);
    m_timer->setObjectName(QStringLiteral("callTimer"));
    m_status->setObjectName(QStringLiteral("callStatus"));
    m_notice->setWordWrap(true);
    m_notice->setObjectName(QStringLiteral("callNotice"));
    m_hold->setCheckable(true);
    m_mute->setCheckable(true);
    m_keypadToggle->setCheckable(true);
    m_hangUp->setObjectName(QStringLiteral("hangUpButton"));
    m_record->setCheckable(true);
    m_record->setAccessibleName(tr("Pause or resume the call recording"));
    m_recording->setObjectName(QStringLiteral("callRecording"));
    m_hold->setAccessibleName(tr("Hold the call"));
    m_mute->setAccessibleName(tr("Mute the microphone"));
    m_hangUp->setAccessibleName(tr("Hang up"));
    m_keypad->hide();
    m_consult->setAccessibleName(tr("Consult a colleague while the caller waits"));
    m_consultStatus->setObjectName(QStringLiteral("consultStatus"));
    m_consultStatus->setWordWrap(true);
    m_consultRow->setObjectName(QStringLiteral("consultRow"));
    auto* consultButtons = new QHBoxLayout;
    for (QPushButton* button : {m_consultAnswer, m_consultDecline, m_consultTransfer,
                                m_consultConference, m_consultReturn})
        consultButtons->addWidget(button);
    consultButtons->addStretch(1);
    auto* consultLayout = new QVBoxLayout(m_consultRow);
    consultLayout->setContentsMargins(0, 0, 0, 0);
    consultLayout->addWidget(m_consultStatus);
    consultLayout->addLayout(consultButtons);

    auto* header = new QHBoxLayout;
    header->addWidget(m_who, 1);
    header->addWidget(m_timer);
    auto* meters = new QGridLayout;
    meters->addWidget(new QLabel(tr("Mic"), this), 0, 0);
    meters->addWidget(m_micLevel, 0, 1);
    meters->addWidget(new QLabel(tr("Speaker"), this), 1, 0);
    meters->addWidget(m_speakerLevel, 1, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_hold);
    buttons->addWidget(m_mute);
    buttons->addWidget(m_keypadToggle);
    buttons->addWidget(m_record);
    buttons->addWidget(m_transfer);
    buttons->addWidget(m_consult);
    buttons->addStretch(1);
    buttons->addWidget(m_hangUp);
    auto* controls = new QVBoxLayout(m_controls);
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_recording);
    controls->addLayout(meters);
    controls->addLayout(buttons);
    controls->addWidget(m_keysPressed);
    m_dial->setObjectName(QStringLiteral("dialButton"));
    m_dial->setAccessibleName(tr("Call the customer back"));
    m_dialRow->setObjectName(QStringLiteral("dialRow"));
    m_number->setObjectName(QStringLiteral("numberField"));
    m_number->setPlaceholderText(tr("Phone number"));
    m_number->setAccessibleName(tr("Phone number to call"));
    m_number->setMaxLength(24);
    m_number->setClearButtonEnabled(true);
    m_callNumber->setObjectName(QStringLiteral("callNumberButton"));
    m_callNumber->setAccessibleName(tr("Call this number"));
    m_dialPadToggle->setCheckable(true);
    m_dialPadToggle->setObjectName(QStringLiteral("dialPadToggle"));
    auto* dialLayout = new QHBoxLayout(m_dialRow);
    dialLayout->setContentsMargins(0, 0, 0, 0);
    dialLayout->addWidget(m_number, 1);
    dialLayout->addWidget(m_dialPadToggle);
    dialLayout->addWidget(m_callNumber);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_status);
    layout->addWidget(m_dial, 0, Qt::AlignLeft);
    layout->addWidget(m_link);
    layout->addWidget(m_consultRow);
    layout->addWidget(m_controls);
    layout->addWidget(m_dialRow);
    layout->addWidget(m_keypad); // DTMF on a call, digits of the number without one
    layout->addWidget(m_notice);
    m_wrapUpTitle->setObjectName(QStringLiteral("callWrapUpTitle"));
    m_wrapUp->setObjectName(QStringLiteral("callWrapUp"));
    m_wrapUpTitle->hide();
    m_wrapUp->hide();
    layout->addWidget(m_wrapUpTitle);
    layout->addWidget(m_wrapUp);
    layout->addStretch(1);

    VoiceEngine& engine = calls.engine();
    connect(&calls, &core::CallDesk::callChanged, this, &SoftphonePane::refresh);
    connect(&calls, &core::CallDesk::customerPressed, this, [this](QChar key) {
        m_keysPressed->setText(m_keysPressed->text().isEmpty()
                                   ? tr("Customer pressed: %1").arg(key)
                                   : m_keysPressed->text() + u' ' + key);
    });
    connect(&calls, &core::CallDesk::failed, this,
            [this](const QString&, const protocol::Error& error) {
                m_notice->setText(ErrorText::describe(error));
            });
    connect(&engine, &VoiceEngine::levelsChanged, this, [this](double input, double output) {
        m_micLevel->setValue(meterValue(input));
        m_speakerLevel->setValue(meterValue(output));
    });
    connect(&engine, &VoiceEngine::mutedChanged, this, [this](bool muted) {
        m_mute->setChecked(muted);
        m_mute->setText(muted ? tr("Un&mute") : tr("&Mute"));
    });
    connect(&engine, &VoiceEngine::linkChanged, this, [this](bool connected) {
        m_link->setText(connected ? QString() : tr("Audio reconnecting…"));
    });
    connect(
        &engine, &VoiceEngine::deviceFellBack, this,
        [this](VoiceEngine::Direction direction, const QString& lost, const QString& replacement) {
            m_notice->setText(
                direction == VoiceEngine::Direction::Input
                    ? tr("Microphone \"%1\" is gone; using \"%2\".").arg(lost, replacement)
                    : tr("Speaker \"%1\" is gone; using \"%2\".").arg(lost, replacement));
        });
    connect(m_hold, &QPushButton::clicked, this, &SoftphonePane::toggleHold);
    connect(m_mute, &QPushButton::clicked, this, &SoftphonePane::toggleMute);
    // One keypad, a toggle on the call's row and one beside the number.
    for (QPushButton* toggle : {m_keypadToggle, m_dialPadToggle})
        connect(toggle, &QPushButton::toggled, this, [this](bool shown) {
            m_keypad->setVisible(shown);
            for (QPushButton* each : {m_keypadToggle, m_dialPadToggle}) {
                const QSignalBlocker quiet(each);
                each->setChecked(shown);
            }
        });
    connect(m_callNumber, &QPushButton::clicked, this, &SoftphonePane::callNumber);
    connect(m_number, &QLineEdit::returnPressed, this, &SoftphonePane::callNumber);
    connect(m_number, &QLineEdit::textChanged, this, [this](const QString& typed) {
        m_callNumber->setEnabled(
            protocol::CallDialNumberParams::normalizedNumber(typed).has_value());
    });
    connect(m_hangUp, &QPushButton::clicked, &calls, &core::CallDesk::hangUp);
    connect(m_transfer, &QPushButton::clicked, this, &SoftphonePane::transfer);
    connect(m_consult, &QPushButton::clicked, this, &SoftphonePane::consult);
    connect(m_dial, &QPushButton::clicked, &calls, &core::CallDesk::dial);
    connect(&session, &core::AgentSession::interactionChanged, this, &SoftphonePane::followWrapUp);
    connect(&session, &core::AgentSession::interactionGone, this, [this](const QString& id) {
        if (id == m_wrapUpId) {
            m_wrapUpId.clear();
            m_wrapUpTitle->hide();
            m_wrapUp->hide();
        }
    });
    connect(m_wrapUp, &WrapUpForm::submitted, this, [this](const protocol::WrapUpRecord& record) {
        if (!m_wrapUpId.isEmpty())
            m_session.wrapUp(m_wrapUpId, record);
    });
    connect(&calls, &core::CallDesk::dialFailed, this, [this](const QString& outcome) {
        const QString who = m_calls.call() ? m_calls.call()->customer.displayName : QString();
        m_notice->setText(
            outcome == QLatin1StringView("declined") ? tr("%1 declined the call.").arg(who)
            : outcome == QLatin1StringView("customer-hung-up") ? tr("%1 hung up.").arg(who)
                                                               : tr("%1 did not answer.").arg(who));
    });
    connect(&calls, &core::CallDesk::consultChanged, this, [this] {
        if (const auto now = m_calls.consultation();
            now && now->stage == protocol::ConsultStage::Ended)
            tellConsultationEnded(*now);
        refresh();
    });
    connect(m_consultAnswer, &QPushButton::clicked, &calls, &core::CallDesk::answerConsult);
    connect(m_consultDecline, &QPushButton::clicked, this,
            [this] { m_calls.finishConsult(protocol::ConsultAction::Leave); });
    connect(m_consultTransfer, &QPushButton::clicked, this,
            [this] { m_calls.finishConsult(protocol::ConsultAction::Transfer); });
    connect(m_consultConference, &QPushButton::clicked, this,
            [this] { m_calls.finishConsult(protocol::ConsultAction::Conference); });
    connect(m_consultReturn, &QPushButton::clicked, this,
            [this] { m_calls.finishConsult(protocol::ConsultAction::Return); });
    connect(m_record, &QPushButton::clicked, this, [this] {
        m_calls.setRecordingPaused(!m_calls.isRecordingPaused());
        m_record->setChecked(m_calls.isRecordingPaused()); // follows the hub's answer
    });
    auto* clock = new QTimer(this);
    clock->setInterval(1000);
    connect(clock, &QTimer::timeout, this, &SoftphonePane::updateTimer);
    clock->start();
    refresh();
}

SoftphonePane::~SoftphonePane() = default;

QWidget* SoftphonePane::buildKeypad()
{
    auto* pad = new QWidget(this);
    pad->setObjectName(QStringLiteral("keypad"));
    auto* grid = new QGridLayout(pad);
    grid->setContentsMargins(0, 0, 0, 0);
    const QString keys = QStringLiteral("123456789*0#");
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QChar key = keys.at(i);
        auto* button = new QPushButton(QString(key), pad);
        button->setObjectName(QStringLiteral("key_") + (key == u'*'   ? QStringLiteral("star")
                                                        : key == u'#' ? QStringLiteral("hash")
                                                                      : QString(key)));
        button->setAccessibleName(tr("Key %1").arg(key));
        connect(button, &QPushButton::clicked, this, [this, key] { pressKeypad(key); });
        grid->addWidget(button, int(i / 3), int(i % 3));
    }
    return pad;
}

void SoftphonePane::pressKeypad(QChar key)
{
    if (m_calls.call()) {
        m_calls.pressKey(key);
        return;
    }
    if (key.isDigit()) // '*' and '#' are for menus, not numbers
        m_number->insert(QString(key));
}

void SoftphonePane::callNumber()
{
    const QString number = m_number->text().trimmed();
    if (m_calls.call() || !protocol::CallDialNumberParams::normalizedNumber(number))
        return;
    m_notice->clear();
    m_calls.dialNumber(number);
}

void SoftphonePane::toggleMute()
{
    if (m_calls.call())
        m_calls.setMuted(!m_calls.engine().isMuted());
}

void SoftphonePane::toggleHold()
{
    if (m_calls.call())
        m_calls.setHeld(!m_calls.isHeld());
    m_hold->setChecked(m_calls.isHeld()); // follows the hub's answer, not the click
}

void SoftphonePane::transfer()
{
    if (!m_calls.call())
        return;
    m_directory.fetchDirectory(this, [this](const QList<core::ChatDesk::DirectoryEntry>& agents,
                                            const QList<protocol::Queue>& queues) {
        QList<protocol::Queue> voiceQueues;
        for (const protocol::Queue& queue : queues)
            if (queue.channel == protocol::Channel::Voice)
                voiceQueues.append(queue);
        TransferDialog dialog(agents, voiceQueues, m_session.agent().languages.value(0), this);
        dialog.setObjectName(QStringLiteral("callTransferDialog"));
        if (dialog.exec() == QDialog::Accepted)
            m_calls.transfer(dialog.queueId(), dialog.agentUsername(), dialog.note());
    });
}

void SoftphonePane::consult()
{
    if (!m_calls.call() || m_calls.consultation())
        return;
    m_directory.fetchDirectory(this, [this](const QList<core::ChatDesk::DirectoryEntry>& agents,
                                            const QList<protocol::Queue>&) {
        QStringList names;
        QStringList usernames;
        for (const core::ChatDesk::DirectoryEntry& agent : agents) {
            if (agent.username == m_session.agent().username ||
                agent.presence == protocol::Presence::Offline)
                continue;
            names.append(QStringLiteral("%1 (%2)").arg(
                agent.displayName, models::DomainText::presence(agent.presence)));
            usernames.append(agent.username);
        }
        if (names.isEmpty()) {
            m_notice->setText(tr("No colleague is signed in to consult."));
            return;
        }
        QInputDialog dialog(this);
        dialog.setObjectName(QStringLiteral("consultDialog"));
        dialog.setWindowTitle(tr("Consult a colleague"));
        dialog.setLabelText(tr("The caller hears music while you talk to:"));
        dialog.setComboBoxItems(names);
        dialog.setComboBoxEditable(false);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const qsizetype chosen = names.indexOf(dialog.textValue());
        if (chosen >= 0)
            m_calls.consult(usernames.at(chosen));
    });
}

void SoftphonePane::followWrapUp(const protocol::Interaction& interaction)
{
    using protocol::Channel;
    if (!protocol::isCallChannel(interaction.channel) ||
        interaction.agentId != m_session.agent().id)
        return;
    if (interaction.state == InteractionState::WrapUp) {
        if (m_wrapUpId != interaction.id) {
            m_wrapUpId = interaction.id;
            m_wrapUp->reset();
            for (const protocol::Queue& queue : m_session.queues())
                if (queue.id == interaction.queueId)
                    m_wrapUp->setQueue(queue);
        }
        m_wrapUpTitle->setText(
            tr("Wrap up the call with %1").arg(interaction.customer.displayName));
        m_wrapUpTitle->show();
        m_wrapUp->show();
    } else if (interaction.id == m_wrapUpId) {
        m_wrapUpId.clear();
        m_wrapUpTitle->hide();
        m_wrapUp->hide();
    }
}

void SoftphonePane::refreshConsultation()
{
    const std::optional<protocol::Consultation> now = m_calls.consultation();
    const bool live = now && now->stage != protocol::ConsultStage::Ended;
    m_consultRow->setVisible(live);
    if (!live) {
        m_consultStatus->clear();
        return;
    }
    using protocol::ConsultStage;
    const bool asked = m_calls.isConsulted();
    const QString colleague = asked ? now->fromName : now->toName;
    const QString caller = now->customer.displayName;
    switch (now->stage) {
    case ConsultStage::Ringing:
        m_consultStatus->setText(
            asked ? tr("%1 asks you to consult on a call with %2").arg(colleague, caller)
                  : tr("Asking %1… the caller is on hold").arg(colleague));
        break;
    case ConsultStage::Talking:
        m_consultStatus->setText(
            asked ? tr("Consulting with %1 — %2 cannot hear you").arg(colleague, caller)
                  : tr("Talking with %1 — the caller is on hold").arg(colleague));
        break;
    case ConsultStage::Conference:
        m_consultStatus->setText(tr("Conference with %1 and %2").arg(colleague, caller));
        break;
    case ConsultStage::Ended:
        break;
    }
    const bool ringing = now->stage == ConsultStage::Ringing;
    m_consultAnswer->setVisible(asked && ringing);
    m_consultDecline->setVisible(asked && ringing);
    m_consultTransfer->setVisible(!asked && !ringing);
    m_consultConference->setVisible(!asked && now->stage == ConsultStage::Talking);
    m_consultReturn->setVisible(!asked);
    m_consultReturn->setText(ringing ? tr("&Cancel — back to the caller")
                                     : tr("&Return to caller"));
}

void SoftphonePane::tellConsultationEnded(const protocol::Consultation& ended)
{
    const bool asked = m_calls.isConsulted();
    const QString colleague = asked ? ended.fromName : ended.toName;
    QString text;
    if (ended.outcome == QLatin1StringView("declined"))
        text = asked ? QString() : tr("%1 declined.").arg(colleague);
    else if (ended.outcome == QLatin1StringView("no-answer"))
        text = asked ? tr("You missed %1's request.").arg(colleague)
                     : tr("%1 did not answer.").arg(colleague);
    else if (ended.outcome == QLatin1StringView("left"))
        text = asked ? QString() : tr("%1 left the call.").arg(colleague);
    else if (ended.outcome == QLatin1StringView("transferred"))
        text = asked ? tr("The call with %1 is yours now.").arg(ended.customer.displayName)
                     : tr("The call went to %1.").arg(colleague);
    else if (ended.outcome == QLatin1StringView("returned"))
        text = asked ? tr("%1 went back to the caller.").arg(colleague) : QString();
    m_notice->setText(text);
}

QString SoftphonePane::consultText() const
{
    return m_consultStatus->text();
}

QString SoftphonePane::noticeText() const
{
    return m_notice->text();
}

QString SoftphonePane::statusText() const
{
    return m_status->text();
}

QString SoftphonePane::customerKeys() const
{
    return m_keysPressed->text();
}

void SoftphonePane::refresh()
{
    refreshConsultation();
    const std::optional<protocol::Interaction> call = m_calls.call();
    m_controls->setVisible(call.has_value());
    m_timer->setVisible(call.has_value());
    // The asked colleague talks and listens; the call's holder decides.
    // A callback has no one to hold or transfer until it is answered.
    using Dial = core::CallDesk::Dial;
    const Dial dial = m_calls.dialState();
    const bool connected = dial == Dial::None || dial == Dial::Answered;
    const bool holds = call && call->agentId == m_session.agent().id && connected;
    for (QPushButton* button : {m_hold, m_record, m_transfer, m_consult})
        button->setEnabled(holds && !m_calls.consultation());
    // A call on a chat: the chat is held, transferred and ended as a chat.
    for (QPushButton* button : {m_hold, m_transfer, m_consult})
        button->setEnabled(button->isEnabled() && !m_calls.isChatCall());
    m_mute->setEnabled(dial != Dial::Waiting);
    m_keypadToggle->setEnabled(connected);
    m_dial->setVisible(call && dial == Dial::Waiting);
    m_dialRow->setVisible(!call);
    if (!call) {
        m_callNumber->setEnabled(
            protocol::CallDialNumberParams::normalizedNumber(m_number->text()).has_value());
        m_who->setText(tr("No call"));
        m_status->clear();
        m_link->clear();
        m_keysPressed->clear();
        m_hold->setChecked(false);
        return;
    }
    m_who->setText(call->customer.identity.isEmpty() ||
                           call->customer.identity == call->customer.displayName
                       ? call->customer.displayName
                       : tr("%1 (%2)").arg(call->customer.displayName, call->customer.identity));
    const bool held = call->state == InteractionState::Held && holds;
    const bool outbound = call->channel == protocol::Channel::Outbound;
    m_dial->setText(outbound ? tr("Call &again") : tr("Call &back now"));
    if (dial == Dial::Waiting && outbound)
        m_status->setText(tr("Not connected — call again or hang up"));
    else if (dial == Dial::Waiting)
        m_status->setText(tr("Callback request — call %1 back").arg(call->customer.displayName));
    else if (dial == Dial::Ringing)
        m_status->setText(tr("Calling %1…").arg(call->customer.displayName));
    else
        m_status->setText(held ? tr("On hold — the customer hears music") : tr("Connected"));
    m_timer->setVisible(connected);
    m_hold->setChecked(held);
    m_hold->setText(held ? tr("&Resume") : tr("&Hold"));
    const bool recordingPaused = m_calls.isRecordingPaused();
    m_record->setChecked(recordingPaused);
    m_record->setText(recordingPaused ? tr("Resume &recording") : tr("&Pause recording"));
    m_recording->setText(!connected        ? QString()
                         : recordingPaused ? tr("Recording paused")
                                           : tr("● Recording"));
    updateTimer();
}

void SoftphonePane::updateTimer()
{
    if (!m_calls.call() || m_calls.answeredAtMs() <= 0)
        return;
    const qint64 seconds =
        std::max<qint64>(0, (QDateTime::currentMSecsSinceEpoch() - m_calls.answeredAtMs()) / 1000);
    m_timer->setText(QStringLiteral("%1:%2")
                         .arg(seconds / 60, 2, 10, QChar(u'0'))
                         .arg(seconds % 60, 2, 10, QChar(u'0')));
}

} // namespace qidong::ui
