#include "PreferenceMatrix.h"

#include "models/DomainText.h"

#include <QPainter>

#include <algorithm>

namespace qidong::ui {

namespace {

constexpr int kRowHeight = 16;
constexpr int kLabelWidth = 80;

QString channelLabel(const QString& name)
{
    const std::optional<protocol::Channel> channel = protocol::channelFromName(name);
    return channel ? models::DomainText::channel(*channel) : name;
}

} // namespace

PreferenceMatrix::PreferenceMatrix(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("preferenceMatrix"));
    setAccessibleName(tr("Contacts by channel and time of day"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void PreferenceMatrix::setChannels(const QList<protocol::ChannelUse>& channels)
{
    m_channels = channels;
    QStringList lines;
    for (const protocol::ChannelUse& use : channels) {
        QStringList counts;
        for (const int count : use.byDaypart)
            counts.append(QString::number(count));
        lines.append(channelLabel(use.channel) + QStringLiteral(": ") + counts.join(u'/'));
    }
    setToolTip(tr("Contacts at 0-6 / 6-12 / 12-18 / 18-24 h") + u'\n' + lines.join(u'\n'));
    updateGeometry();
    update();
}

QSize PreferenceMatrix::sizeHint() const
{
    return {kLabelWidth + 4 * 40, kRowHeight * int(m_channels.size() + 1) + 2};
}

void PreferenceMatrix::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    int most = 1;
    for (const protocol::ChannelUse& use : m_channels) {
        for (const int count : use.byDaypart)
            most = std::max(most, count);
    }
    const int cell = std::max(20, (width() - kLabelWidth) / 4);
    const QColor ink = palette().color(QPalette::Highlight);
    painter.setPen(palette().color(QPalette::WindowText));
    const QStringList dayparts{QStringLiteral("0-6"), QStringLiteral("6-12"),
                               QStringLiteral("12-18"), QStringLiteral("18-24")};
    for (int c = 0; c < 4; ++c)
        painter.drawText(QRect(kLabelWidth + c * cell, 0, cell, kRowHeight), Qt::AlignCenter,
                         dayparts.at(c));
    for (qsizetype r = 0; r < m_channels.size(); ++r) {
        const protocol::ChannelUse& use = m_channels.at(r);
        const int y = kRowHeight * int(r + 1);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(0, y, kLabelWidth - 4, kRowHeight),
                         Qt::AlignRight | Qt::AlignVCenter, channelLabel(use.channel));
        for (int c = 0; c < 4 && c < use.byDaypart.size(); ++c) {
            QColor shade = ink;
            shade.setAlphaF(0.08f + 0.92f * float(use.byDaypart.at(c)) / float(most));
            const QRect box(kLabelWidth + c * cell + 1, y + 1, cell - 2, kRowHeight - 2);
            painter.fillRect(box, shade);
            if (use.byDaypart.at(c) > 0) {
                painter.setPen(use.byDaypart.at(c) * 2 > most
                                   ? palette().color(QPalette::HighlightedText)
                                   : palette().color(QPalette::WindowText));
                painter.drawText(box, Qt::AlignCenter, QString::number(use.byDaypart.at(c)));
            }
        }
    }
}

} // namespace qidong::ui
