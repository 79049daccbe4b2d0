#pragma once

#include "protocol/Floor.h"

#include <QAbstractListModel>
#include <QHash>

#include <vector>

namespace qidong::models {

// The floor's alerts for a team lead, open ones first, newest first; an
// alert that changes (acknowledged, assigned) is updated in place. The
// text says what happened in the reader's language, with names, never
// markup.
class AlertListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertListModel)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        KindRole,
        SeverityRole,
        OpenRole, // bool: not acknowledged yet
        InteractionRole,
        AgentRole,
    };
    Q_ENUM(Role)

    explicit AlertListModel(QObject* parent = nullptr);
    ~AlertListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    void replaceAll(const QList<protocol::FloorAlert>& alerts);
    // Answers true when the alert is new.
    bool upsert(const protocol::FloorAlert& alert);
    void setNames(const QHash<QString, QString>& agents, const QHash<QString, QString>& queues);
    int openCount() const;
    const protocol::FloorAlert* alertAt(int row) const;

    QString describe(const protocol::FloorAlert& alert) const;

private:
    std::vector<protocol::FloorAlert> m_alerts;
    QHash<QString, QString> m_agentNames;
    QHash<QString, QString> m_queueNames;
};

} // namespace qidong::models
