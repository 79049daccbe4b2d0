#pragma once

#include "protocol/Customer.h"

#include <QAbstractTableModel>

#include <vector>

namespace qidong::models {

// A customer's contacts on every channel, newest first, grown a page at a
// time (older pages append); a new customer replaces the rows.
class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)

public:
    enum Column
    {
        WhenColumn,
        ChannelColumn,
        AgentColumn,
        OutcomeColumn,
        NpsColumn,
        ColumnCount
    };
    enum Role
    {
        InteractionIdRole = Qt::UserRole + 1,
        AtRole,
        RecordedRole,
    };

    explicit TimelineModel(QObject* parent = nullptr);
    ~TimelineModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void reset(const QList<protocol::TimelineEntry>& entries);
    // Older entries after the ones shown; any already shown are skipped.
    void appendOlder(const QList<protocol::TimelineEntry>& entries);
    const protocol::TimelineEntry* entryAt(int row) const;

private:
    std::vector<protocol::TimelineEntry> m_entries;
};

} // namespace qidong::models
