#pragma once

#include "protocol/Interaction.h"
#include "protocol/Queue.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace qidong::models {

// The agent's interactions, one row each, in arrival order. Changes are
// signalled as narrowly as they happen: a new interaction is one
// beginInsertRows, a changed state is one dataChanged on that cell, the
// clock tick is one dataChanged on the two time columns. Only a whole new
// snapshot resets the model.
class InteractionListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InteractionListModel)

public:
    enum Column
    {
        ChannelColumn,
        CustomerColumn,
        QueueColumn,
        StateColumn,
        ElapsedColumn, // waiting while queued/offered, handling after
        SlaColumn,     // time left to the SLA deadline
        UnreadColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        IdRole = Qt::UserRole + 1,
        ChannelRole,     // protocol::Channel as int
        StateRole,       // protocol::InteractionState as int
        CreatedAtRole,   // epoch ms
        SlaDeadlineRole, // epoch ms
        UnreadRole,      // int
        OverdueRole,     // bool: past the SLA deadline and not yet answered
    };
    Q_ENUM(Role)

    explicit InteractionListModel(QObject* parent = nullptr);
    ~InteractionListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A new snapshot (sign-in, resync): the only reset.
    void replaceAll(const QList<protocol::Interaction>& interactions);
    // Adds new interactions and updates known ones, coalesced: one insert
    // for all new rows; per-row changes, or one full-range change when more
    // than half the rows changed.
    void apply(const QList<protocol::Interaction>& interactions);
    void upsert(const protocol::Interaction& interaction);
    void remove(const QString& id);
    void setUnread(const QString& id, int unread);
    // Moves the clock the time columns are computed from.
    void tick(qint64 nowMs);
    void setQueues(const QList<protocol::Queue>& queues);
    void setLanguage(const QString& language);

    int rowOf(const QString& id) const;
    const protocol::Interaction* interactionAt(int row) const;

private:
    struct Row
    {
        protocol::Interaction interaction;
        int unread = 0;
        qint64 stateSinceMs = 0;
    };

    // Which columns differ between two versions of one interaction.
    static std::pair<int, int> changedColumns(const protocol::Interaction& before,
                                              const protocol::Interaction& after);
    void reindex();
    QString elapsedText(const Row& row) const;
    QString slaText(const Row& row) const;
    bool overdue(const Row& row) const;

    std::vector<Row> m_rows;
    QHash<QString, int> m_rowById;
    QHash<QString, protocol::LocalizedText> m_queueNames;
    QString m_language = QStringLiteral("zh-CN");
    qint64 m_nowMs = 0;
};

} // namespace qidong::models
