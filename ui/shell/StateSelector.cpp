#include "StateSelector.h"

#include "core/session/AgentSession.h"
#include "models/DomainText.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>

namespace qidong::ui {

using namespace qidong::protocol;

namespace {

const QString kReady = QStringLiteral("ready");
const QString kOffline = QStringLiteral("offline");

QString clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

StateSelector::StateSelector(core::AgentSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_choices(new QComboBox(this))
    , m_timeInState(new QLabel(this))
    , m_next(new QLabel(this))
{
    m_choices->setAccessibleName(tr("Agent state"));
    m_choices->setMinimumContentsLength(16);
    m_timeInState->setAccessibleName(tr("Time in state"));
    m_next->setAccessibleName(tr("Next state"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_choices);
    layout->addWidget(m_timeInState);
    layout->addWidget(m_next);

    connect(m_choices, &QComboBox::activated, this, &StateSelector::onActivated);
    connect(&m_session.notReadyReasons(), &QAbstractItemModel::modelReset, this,
            &StateSelector::rebuild);
    connect(&m_session.notReadyReasons(), &QAbstractItemModel::dataChanged, this,
            &StateSelector::rebuild);
    connect(&m_session, &core::AgentSession::stateChanged, this, &StateSelector::showState);
    connect(&m_session, &core::AgentSession::clockTicked, this,
            [this](qint64 now) { showClock(now); });
    rebuild();
}

StateSelector::~StateSelector() = default;

void StateSelector::rebuild()
{
    m_choices->clear();
    m_choices->addItem(tr("Ready"), kReady);
    const models::ReasonCodeModel& reasons = m_session.notReadyReasons();
    for (int row = 0; row < reasons.rowCount(); ++row) {
        const QModelIndex index = reasons.index(row);
        m_choices->addItem(tr("Not Ready: %1").arg(index.data().toString()),
                           index.data(models::ReasonCodeModel::CodeRole));
    }
    m_choices->addItem(tr("Offline"), kOffline);
    showState();
}

void StateSelector::showState()
{
    const AgentState& state = m_session.state();
    QString key = state.presence == Presence::Ready      ? kReady
                  : state.presence == Presence::NotReady ? state.reasonCode
                  : state.presence == Presence::Offline  ? kOffline
                                                         : QString();
    const int index = m_choices->findData(key);
    if (index >= 0) {
        m_choices->setCurrentIndex(index);
    } else {
        // Busy and After-call work are the hub's; show them, not as a choice.
        m_choices->setEditable(false);
        m_choices->setPlaceholderText(models::DomainText::presence(state.presence));
        m_choices->setCurrentIndex(-1);
    }
    if (state.next) {
        const QString next = state.next->presence == Presence::NotReady
                                 ? m_session.notReadyReasons().labelOf(state.next->reasonCode)
                                 : models::DomainText::presence(state.next->presence);
        m_next->setText(tr("Next: %1").arg(next));
    } else {
        m_next->clear();
    }
    showClock(QDateTime::currentMSecsSinceEpoch());
}

void StateSelector::showClock(qint64 nowMs)
{
    QString text = clock(m_session.timeInStateMs(nowMs));
    const AgentState& state = m_session.state();
    if (state.presence == Presence::AfterCallWork && state.untilMs > 0) {
        const qint64 left = state.untilMs - nowMs;
        text += left > 0 ? tr(" · wrap-up %1 left").arg(clock(left + 999))
                         : tr(" · wrap-up time is up");
    }
    m_timeInState->setText(text);
}

void StateSelector::choose(const QString& reasonCode)
{
    const int index = m_choices->findData(reasonCode.isEmpty() ? kReady : reasonCode);
    if (index >= 0)
        onActivated(index);
}

void StateSelector::onActivated(int index)
{
    const QString key = m_choices->itemData(index).toString();
    if (key == kReady)
        m_session.requestState(Presence::Ready);
    else if (key == kOffline)
        m_session.requestState(Presence::Offline);
    else
        m_session.requestState(Presence::NotReady, key);
}

} // namespace qidong::ui
