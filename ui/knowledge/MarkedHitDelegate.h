#pragma once

#include <QStyledItemDelegate>

namespace qidong::ui {

// Paints a knowledge hit: its title, then a line of snippet, with the words
// that matched in bold. Both are drawn as plain text with formats laid over
// the marked ranges, so an article can never inject markup.
class MarkedHitDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MarkedHitDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace qidong::ui
