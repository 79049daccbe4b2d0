#pragma once

#include <QStyledItemDelegate>

namespace qidong::ui {

// Paints one chat message as a bubble: the customer's on the left, the
// agent's on the right, system notices centred. Text is drawn as plain text
// (customer-supplied strings are never read as markup). Heights are cached
// in the transcript model per width, so a 10,000-message transcript lays
// out once.
class MessageDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit MessageDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // What a system notice (a code from the hub) reads as.
    static QString systemText(const QString& code);

private:
    struct Layout
    {
        QRect bubble;
        QRect text;
        QRect meta;
    };
    Layout layout(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    static QString metaText(const QModelIndex& index);
    static QString bodyText(const QModelIndex& index);
};

} // namespace qidong::ui
