#include "MarkedHitDelegate.h"

#include "models/ArticleHitListModel.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace qidong::ui {

using models::ArticleHitListModel;
using protocol::MarkedText;

namespace {

constexpr int kPadding = 4;

// Lays out one line of marked text elided to `width`, marks in bold.
void drawMarked(QPainter* painter, const MarkedText& marked, const QFont& font, const QColor& color,
                const QPoint& topLeft, int width)
{
    const QFontMetrics metrics(font);
    const QString elided = metrics.elidedText(marked.text, Qt::ElideRight, width);
    QTextLayout layout(elided, font);
    QList<QTextLayout::FormatRange> formats;
    for (const MarkedText::Mark& mark : marked.marks) {
        if (mark.start >= elided.size())
            break;
        QTextLayout::FormatRange range;
        range.start = mark.start;
        range.length = std::min<int>(mark.length, int(elided.size()) - mark.start);
        range.format.setFontWeight(QFont::Bold);
        formats.append(range);
    }
    layout.setFormats(formats);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(width);
    layout.endLayout();
    painter->setPen(color);
    layout.draw(painter, topLeft);
}

} // namespace

MarkedHitDelegate::MarkedHitDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{}

void MarkedHitDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text =
        option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.7f);
    const QRect area = option.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.9);

    painter->save();
    drawMarked(painter, index.data(ArticleHitListModel::TitleRole).value<MarkedText>(), option.font,
               text, area.topLeft(), area.width());
    const int second = area.top() + QFontMetrics(option.font).height() + 2;
    drawMarked(painter, index.data(ArticleHitListModel::SnippetRole).value<MarkedText>(), small,
               dim, QPoint(area.left(), second), area.width());
    painter->restore();
}

QSize MarkedHitDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.9);
    const int height = QFontMetrics(option.font).height() + QFontMetrics(small).height() + 2;
    return {200, height + 2 * kPadding};
}

} // namespace qidong::ui
