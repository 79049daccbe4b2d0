#include "MonitoredIndicator.h"

#include "core/session/AgentSession.h"

namespace qidong::ui {

using namespace qidong::protocol;

MonitoredIndicator::MonitoredIndicator(core::AgentSession& session, QWidget* parent)
    : QLabel(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("monitoredIndicator"));
    setTextFormat(Qt::PlainText); // a name is never markup
    connect(&session, &core::AgentSession::monitoringChanged, this, &MonitoredIndicator::refresh);
    refresh();
}

void MonitoredIndicator::refresh()
{
    QStringList parts;
    for (const MonitorNotice& notice : m_session.monitoredBy()) {
        switch (notice.mode) {
        case MonitorMode::Listen:
            parts.append(tr("%1 is listening in").arg(notice.supervisorName));
            break;
        case MonitorMode::Whisper:
            parts.append(tr("%1 is coaching you").arg(notice.supervisorName));
            break;
        case MonitorMode::Barge:
            parts.append(tr("%1 joined the conversation").arg(notice.supervisorName));
            break;
        }
    }
    setText(parts.isEmpty() ? QString() : QStringLiteral("● ") + parts.join(QStringLiteral("; ")));
    setAccessibleName(text());
    setVisible(!parts.isEmpty());
}

} // namespace qidong::ui
