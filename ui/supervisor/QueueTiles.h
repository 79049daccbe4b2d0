#pragma once

#include <QFrame>
#include <QWidget>

class QAbstractItemModel;
class QGridLayout;
class QLabel;
class QModelIndex;

namespace qidong::ui {

class QueueTile;

// One tile per queue of the floor: waiting and the longest wait, service
// level, speed of answer, handle time, agents by state, NPS and offer
// conversion; coloured by the queue's thresholds. Tiles follow the queue
// board model's rows; a click asks for the queue's waiting interactions.
class QueueTiles final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueTiles)

public:
    explicit QueueTiles(QAbstractItemModel& model, QWidget* parent = nullptr);

    QueueTile* tileOf(const QString& queueId) const;

Q_SIGNALS:
    void queueActivated(const QString& queueId);
    void thresholdsRequested(const QString& queueId);

private:
    void rebuild();
    void refresh(const QModelIndex& first, const QModelIndex& last);

    QAbstractItemModel& m_model;
    QGridLayout* m_grid;
    QList<QueueTile*> m_tiles;
};

// One queue's figures. Its text is set from the model, never as markup.
class QueueTile final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueTile)

public:
    explicit QueueTile(QWidget* parent = nullptr);

    void show(const QModelIndex& row);
    QString queueId() const { return m_queueId; }
    QString level() const { return m_level; }
    QString figures() const; // what the tile says, for tests and accessibility

Q_SIGNALS:
    void activated(const QString& queueId);
    void thresholdsRequested(const QString& queueId);

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    QString m_queueId;
    QString m_level;
    QLabel* m_name;
    QLabel* m_waiting;
    QLabel* m_service;
    QLabel* m_detail;
};

} // namespace qidong::ui
