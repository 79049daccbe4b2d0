#pragma once

#include "protocol/Review.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace qidong::models {

// Ended interactions a team lead reviews, as review.search found them
// (newest first): when, who handled it, the queue, the channel, the
// customer, the disposition, how long it took, whether a call is recorded
// and the QA score once reviewed. Names are shown as text, never markup.
class ReviewListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewListModel)

public:
    enum Column
    {
        WhenColumn,
        AgentColumn,
        QueueColumn,
        ChannelColumn,
        CustomerColumn,
        DispositionColumn,
        DurationColumn,
        RecordedColumn,
        ScoreColumn,
        ColumnCount
    };
    enum Role
    {
        InteractionIdRole = Qt::UserRole + 1,
        IsCallRole,   // bool
        RecordedRole, // bool
        ScoreRole,    // int percent, -1 not reviewed
    };
    Q_ENUM(Role)

    explicit ReviewListModel(QObject* parent = nullptr);
    ~ReviewListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void replaceAll(const QList<protocol::ReviewItem>& items);
    // A scorecard saved for one of the rows.
    void setScorecard(const protocol::QaScorecard& card);
    // Queue ids and wrap-up codes shown by name.
    void setNames(const QHash<QString, QString>& queues, const QHash<QString, QString>& codes);
    const protocol::ReviewItem* itemAt(int row) const;
    int rowOf(const QString& interactionId) const;

private:
    std::vector<protocol::ReviewItem> m_items;
    QHash<QString, QString> m_queueNames;
    QHash<QString, QString> m_codeNames;
};

} // namespace qidong::models
