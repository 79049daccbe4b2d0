#include "MessageDelegate.h"

#include "models/ChatTranscriptModel.h"
#include "protocol/Chat.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

namespace qidong::ui {

using models::ChatTranscriptModel;
using protocol::Delivery;
using protocol::Sender;

namespace {

constexpr int kMargin = 6;
constexpr int kPadding = 8;
constexpr int kMaxBubbleShare = 75; // percent of the view's width

Sender senderOf(const QModelIndex& index)
{
    return static_cast<Sender>(index.data(ChatTranscriptModel::SenderRole).toInt());
}

} // namespace

MessageDelegate::MessageDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{}

QString MessageDelegate::systemText(const QString& code)
{
    if (code == QStringLiteral("transferred"))
        return tr("The conversation was transferred");
    if (code == QStringLiteral("ended"))
        return tr("The conversation ended");
    return code;
}

QString MessageDelegate::bodyText(const QModelIndex& index)
{
    QString text = index.data(ChatTranscriptModel::TextRole).toString();
    if (senderOf(index) == Sender::System)
        return systemText(text);
    const QString attachment = index.data(ChatTranscriptModel::AttachmentNameRole).toString();
    if (!attachment.isEmpty())
        text +=
            (text.isEmpty() ? QString() : QStringLiteral("\n")) + QStringLiteral("📎 ") + attachment;
    return text;
}

QString MessageDelegate::metaText(const QModelIndex& index)
{
    if (senderOf(index) == Sender::System)
        return {};
    const QString failed = index.data(ChatTranscriptModel::FailedRole).toString();
    if (!failed.isEmpty())
        return tr("Not sent: %1").arg(failed);
    const qint64 sentAt = index.data(ChatTranscriptModel::SentAtRole).toLongLong();
    const QString time =
        sentAt > 0 ? QDateTime::fromMSecsSinceEpoch(sentAt).toString(QStringLiteral("HH:mm"))
                   : QString();
    QString meta = index.data(ChatTranscriptModel::SenderNameRole).toString();
    if (!time.isEmpty())
        meta += QStringLiteral(" · ") + time;
    if (index.data(ChatTranscriptModel::WhisperRole).toBool())
        return meta + QStringLiteral(" · ") + tr("Whisper: not shown to the customer");
    if (senderOf(index) == Sender::Supervisor)
        return meta + QStringLiteral(" · ") + tr("Team lead");
    if (senderOf(index) == Sender::Agent) {
        if (index.data(ChatTranscriptModel::PendingRole).toBool())
            return meta + QStringLiteral(" · ") + tr("Sending…");
        switch (static_cast<Delivery>(index.data(ChatTranscriptModel::DeliveryRole).toInt())) {
        case Delivery::Sent:
            meta += QStringLiteral(" · ") + tr("Sent");
            break;
        case Delivery::Delivered:
            meta += QStringLiteral(" · ") + tr("Delivered");
            break;
        case Delivery::Read:
            meta += QStringLiteral(" · ") + tr("Read");
            break;
        }
    }
    return meta;
}

MessageDelegate::Layout MessageDelegate::layout(const QStyleOptionViewItem& option,
                                                const QModelIndex& index) const
{
    const QFontMetrics body(option.font);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    const QFontMetrics meta(small);
    const int maxText = std::max(80, option.rect.width() * kMaxBubbleShare / 100 - 2 * kPadding);
    const QRect textBox = body.boundingRect(
        QRect(0, 0, maxText, 100000), Qt::TextWordWrap | Qt::TextWrapAnywhere, bodyText(index));
    const QString metaLine = metaText(index);
    const int metaHeight = metaLine.isEmpty() ? 0 : meta.height();
    const int metaWidth =
        metaLine.isEmpty() ? 0 : std::min(maxText, meta.horizontalAdvance(metaLine));
    const int width = std::max(textBox.width(), metaWidth) + 2 * kPadding;
    const int height = textBox.height() + metaHeight + 2 * kPadding;
    int left = option.rect.left() + kMargin;
    const Sender sender = senderOf(index);
    if (sender == Sender::Agent || sender == Sender::Supervisor)
        left = option.rect.right() - kMargin - width;
    else if (sender == Sender::System)
        left = option.rect.left() + (option.rect.width() - width) / 2;
    Layout result;
    result.bubble = QRect(left, option.rect.top() + kMargin / 2, width, height);
    result.text = QRect(left + kPadding, result.bubble.top() + kPadding, width - 2 * kPadding,
                        textBox.height());
    result.meta =
        QRect(result.text.left(), result.text.bottom() + 1, width - 2 * kPadding, metaHeight);
    return result;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const auto* model = qobject_cast<const ChatTranscriptModel*>(index.model());
    const int width = option.rect.width() > 0 ? option.rect.width() : 400;
    if (model) {
        if (const int cached = model->cachedHeight(index.row(), width); cached > 0)
            return {width, cached};
    }
    // Only the height matters here: the text's wrapped height, one meta
    // line, the padding. Short single-line texts skip the wrapping pass.
    const QFontMetrics body(option.font);
    const int maxText = std::max(80, width * kMaxBubbleShare / 100 - 2 * kPadding);
    const QString text = bodyText(index);
    int textHeight = body.height();
    if (text.contains(u'\n') || body.horizontalAdvance(text) > maxText)
        textHeight = body.boundingRect(QRect(0, 0, maxText, 100000),
                                       Qt::TextWordWrap | Qt::TextWrapAnywhere, text)
                         .height();
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    const int metaHeight = senderOf(index) == Sender::System ? 0 : QFontMetrics(small).height();
    const int height = textHeight + metaHeight + 2 * kPadding + kMargin;
    if (model)
        model->cacheHeight(index.row(), width, height);
    return {width, height};
}

void MessageDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const
{
    const Layout box = layout(option, index);
    const Sender sender = senderOf(index);
    const QPalette& palette = option.palette;
    QColor fill = sender == Sender::Agent    ? palette.color(QPalette::Highlight)
                  : sender == Sender::System ? palette.color(QPalette::Window)
                                             : palette.color(QPalette::AlternateBase);
    QColor ink = sender == Sender::Agent ? palette.color(QPalette::HighlightedText)
                                         : palette.color(QPalette::Text);
    if (sender == Sender::System)
        ink = palette.color(QPalette::PlaceholderText);
    // A team lead's lines stand apart from the agent's: a whisper in amber
    // (the customer never sees it), a joined lead in green.
    if (sender == Sender::Supervisor) {
        const bool whisper = index.data(ChatTranscriptModel::WhisperRole).toBool();
        fill = whisper ? QColor(0xff, 0xf1, 0xc2) : QColor(0xdc, 0xef, 0xd8);
        ink = QColor(0x20, 0x20, 0x20);
    }
    if (index.data(ChatTranscriptModel::PendingRole).toBool())
        fill.setAlpha(150);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(box.bubble, 8, 8);
    painter->fillPath(path, fill);
    painter->setPen(ink);
    painter->setFont(option.font);
    // drawText with a string: plain text, whatever the customer typed.
    painter->drawText(box.text, Qt::TextWordWrap | Qt::TextWrapAnywhere, bodyText(index));
    if (!box.meta.isEmpty()) {
        QFont small = option.font;
        small.setPointSizeF(option.font.pointSizeF() * 0.85);
        painter->setFont(small);
        const bool failed = !index.data(ChatTranscriptModel::FailedRole).toString().isEmpty();
        QColor metaInk = failed ? QColor(0xb3, 0x26, 0x1e) : ink;
        metaInk.setAlpha(failed ? 255 : 180);
        painter->setPen(metaInk);
        painter->drawText(
            box.meta, Qt::AlignLeft | Qt::TextSingleLine,
            QFontMetrics(small).elidedText(metaText(index), Qt::ElideRight, box.meta.width()));
    }
    painter->restore();
}

} // namespace qidong::ui
