#include "ConnectionIndicator.h"

#include "ErrorText.h"
#include "core/connection/HubConnection.h"

#include <QDateTime>

namespace qidong::ui {

using Health = core::HubConnection::Health;

ConnectionIndicator::ConnectionIndicator(core::HubConnection& connection, QWidget* parent)
    : QLabel(parent)
    , m_connection(connection)
{
    setTextFormat(Qt::PlainText);
    setAccessibleName(tr("Connection to the hub"));
    m_countdown.setInterval(500);
    connect(&m_countdown, &QTimer::timeout, this, &ConnectionIndicator::refresh);
    connect(&m_connection, &core::HubConnection::healthChanged, this,
            &ConnectionIndicator::refresh);
    connect(&m_connection, &core::HubConnection::reconnectScheduled, this,
            &ConnectionIndicator::refresh);
    refresh();
}

ConnectionIndicator::~ConnectionIndicator() = default;

void ConnectionIndicator::refresh()
{
    const Health health = m_connection.health();
    QString text;
    QString colour;
    switch (health) {
    case Health::Connected:
        text = tr("● Connected");
        colour = QStringLiteral("#2e7d32");
        break;
    case Health::Connecting:
        text = tr("● Connecting…");
        colour = QStringLiteral("#f9a825");
        break;
    case Health::Reconnecting: {
        const qint64 ms = QDateTime::currentDateTimeUtc().msecsTo(m_connection.nextRetryAt());
        text = ms > 0 ? tr("● Connection lost. Reconnecting in %1 s (attempt %2)…")
                            .arg((ms + 999) / 1000)
                            .arg(m_connection.reconnectAttempt())
                      : tr("● Connection lost. Reconnecting now (attempt %1)…")
                            .arg(m_connection.reconnectAttempt());
        colour = QStringLiteral("#ef6c00");
        break;
    }
    case Health::Offline:
        text = m_connection.lastError().message.isEmpty()
                   ? tr("● Offline")
                   : tr("● Offline: %1").arg(ErrorText::describe(m_connection.lastError()));
        colour = QStringLiteral("#757575");
        break;
    case Health::AuthFailed:
        text = tr("● Signed out: %1").arg(ErrorText::describe(m_connection.lastError()));
        colour = QStringLiteral("#c62828");
        break;
    }
    setText(text);
    setStyleSheet(QStringLiteral("color: %1;").arg(colour));
    if (health == Health::Reconnecting)
        m_countdown.start();
    else
        m_countdown.stop();
}

} // namespace qidong::ui
