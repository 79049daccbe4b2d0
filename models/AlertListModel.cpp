#include "AlertListModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

#include <algorithm>

namespace qidong::models {

using namespace qidong::protocol;

AlertListModel::AlertListModel(QObject* parent)
    : QAbstractListModel(parent)
{}

AlertListModel::~AlertListModel() = default;

int AlertListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_alerts.size());
}

QVariant AlertListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FloorAlert& alert = m_alerts[static_cast<size_t>(index.row())];
    const bool open = alert.acknowledgedBy.isEmpty();
    switch (role) {
    case Qt::DisplayRole: {
        QString text =
            QDateTime::fromMSecsSinceEpoch(alert.raisedAt).toString(QStringLiteral("HH:mm")) +
            QStringLiteral("  ") + describe(alert);
        if (!alert.assignedTo.isEmpty())
            text += QStringLiteral(" → ") + m_agentNames.value(alert.assignedTo, alert.assignedTo);
        if (!open)
            text += QStringLiteral(" ✓");
        return text;
    }
    case Qt::ForegroundRole:
        if (!open)
            return QBrush(QColor(0x80, 0x80, 0x80));
        return alert.severity == QStringLiteral("critical") ? QBrush(QColor(0xb0, 0x1c, 0x1c))
                                                            : QVariant();
    case IdRole:
        return alert.id;
    case KindRole:
        return alert.kind;
    case SeverityRole:
        return alert.severity;
    case OpenRole:
        return open;
    case InteractionRole:
        return alert.interactionId;
    case AgentRole:
        return alert.agentId;
    default:
        return {};
    }
}

void AlertListModel::replaceAll(const QList<FloorAlert>& alerts)
{
    beginResetModel();
    m_alerts.assign(alerts.cbegin(), alerts.cend());
    endResetModel();
}

bool AlertListModel::upsert(const FloorAlert& alert)
{
    for (size_t i = 0; i < m_alerts.size(); ++i) {
        if (m_alerts[i].id == alert.id) {
            m_alerts[i] = alert;
            Q_EMIT dataChanged(index(int(i)), index(int(i)));
            return false;
        }
    }
    beginInsertRows({}, 0, 0); // newest first
    m_alerts.insert(m_alerts.begin(), alert);
    endInsertRows();
    return true;
}

void AlertListModel::setNames(const QHash<QString, QString>& agents,
                              const QHash<QString, QString>& queues)
{
    m_agentNames = agents;
    m_queueNames = queues;
    if (!m_alerts.empty())
        Q_EMIT dataChanged(index(0), index(int(m_alerts.size()) - 1));
}

int AlertListModel::openCount() const
{
    return int(std::count_if(m_alerts.cbegin(), m_alerts.cend(), [](const FloorAlert& alert) {
        return alert.acknowledgedBy.isEmpty();
    }));
}

const FloorAlert* AlertListModel::alertAt(int row) const
{
    if (row < 0 || row >= int(m_alerts.size()))
        return nullptr;
    return &m_alerts[size_t(row)];
}

QString AlertListModel::describe(const FloorAlert& alert) const
{
    const QString agent = m_agentNames.value(alert.agentId, alert.agentId);
    const QString queue = m_queueNames.value(alert.queueId, alert.queueId);
    if (alert.kind == QStringLiteral("helpRequested"))
        return alert.detail.isEmpty() ? tr("%1 asks for help").arg(agent)
                                      : tr("%1 asks for help: %2").arg(agent, alert.detail);
    if (alert.kind == QStringLiteral("abusiveCustomer"))
        return alert.detail.isEmpty()
                   ? tr("%1 reports an abusive customer").arg(agent)
                   : tr("%1 reports an abusive customer: %2").arg(agent, alert.detail);
    if (alert.kind == QStringLiteral("slaRisk"))
        return tr("%1 may miss its service level (%2)").arg(queue, alert.detail);
    if (alert.kind == QStringLiteral("waitingOverSla"))
        return tr("%1 has waited past the SLA in %2").arg(alert.detail, queue);
    if (alert.kind == QStringLiteral("afterCallWorkTooLong"))
        return tr("%1 is long in after-call work (%2)").arg(agent, alert.detail);
    if (alert.kind == QStringLiteral("notReadyTooLong"))
        return tr("%1 is long Not Ready (%2)").arg(agent, alert.detail);
    if (alert.kind == QStringLiteral("publicPost"))
        return tr("Public post by %1 in %2").arg(alert.detail, queue);
    if (alert.kind == QStringLiteral("keyword"))
        return tr("Flagged words in %1: %2").arg(queue, alert.detail);
    return alert.kind + QStringLiteral(": ") + alert.detail;
}

} // namespace qidong::models
