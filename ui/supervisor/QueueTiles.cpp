#include "QueueTiles.h"

#include "models/DomainText.h"
#include "models/QueueBoardModel.h"

#include <QAbstractItemModel>
#include <QContextMenuEvent>
#include <QGridLayout>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QVBoxLayout>

namespace qidong::ui {

using models::QueueBoardModel;

namespace {

constexpr int kColumns = 3;

QString orDash(const QVariant& value, const QString& suffix = {})
{
    return value.isNull() || value.toInt() < 0 ? QStringLiteral("–") : value.toString() + suffix;
}

} // namespace

QueueTiles::QueueTiles(QAbstractItemModel& model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(6);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &QueueTiles::rebuild);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &QueueTiles::rebuild);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &QueueTiles::refresh);
    rebuild();
}

QueueTile* QueueTiles::tileOf(const QString& queueId) const
{
    for (QueueTile* tile : m_tiles) {
        if (tile->queueId() == queueId)
            return tile;
    }
    return nullptr;
}

void QueueTiles::rebuild()
{
    qDeleteAll(m_tiles);
    m_tiles.clear();
    for (int row = 0; row < m_model.rowCount(); ++row) {
        auto* tile = new QueueTile(this);
        connect(tile, &QueueTile::activated, this, &QueueTiles::queueActivated);
        connect(tile, &QueueTile::thresholdsRequested, this, &QueueTiles::thresholdsRequested);
        m_grid->addWidget(tile, row / kColumns, row % kColumns);
        m_tiles.append(tile);
        tile->show(m_model.index(row, 0));
    }
}

void QueueTiles::refresh(const QModelIndex& first, const QModelIndex& last)
{
    for (int row = first.row(); row <= last.row() && row < m_tiles.size(); ++row)
        m_tiles.at(row)->show(m_model.index(row, 0));
}

QueueTile::QueueTile(QWidget* parent)
    : QFrame(parent)
    , m_name(new QLabel(this))
    , m_waiting(new QLabel(this))
    , m_service(new QLabel(this))
    , m_detail(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setCursor(Qt::PointingHandCursor);
    for (QLabel* label : {m_name, m_waiting, m_service, m_detail})
        label->setTextFormat(Qt::PlainText);
    QFont big = m_waiting->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_waiting->setFont(big);
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    // No word wrap: the lines are broken by hand, and a wrapping label
    // makes every change re-measure the whole grid.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(2);
    layout->addWidget(m_name);
    layout->addWidget(m_waiting);
    layout->addWidget(m_service);
    layout->addWidget(m_detail);
    setToolTip(tr("Click to see who is waiting; right-click to set thresholds"));
}

void QueueTile::show(const QModelIndex& row)
{
    m_queueId = row.data(QueueBoardModel::QueueIdRole).toString();
    m_name->setText(row.data(QueueBoardModel::NameRole).toString());
    const qint64 longest = row.data(QueueBoardModel::LongestWaitMsRole).toLongLong();
    const int waiting = row.data(QueueBoardModel::WaitingRole).toInt();
    m_waiting->setText(
        waiting == 0
            ? tr("0 waiting")
            : tr("%n waiting · longest %1", "", waiting).arg(models::DomainText::clock(longest)));
    const QVariant asa = row.data(QueueBoardModel::AsaSecondsRole);
    const QVariant aht = row.data(QueueBoardModel::AhtSecondsRole);
    m_service->setText(
        tr("SL %1 · ASA %2 · AHT %3")
            .arg(orDash(row.data(QueueBoardModel::ServiceLevelRole), QStringLiteral("%")),
                 asa.toInt() < 0 ? QStringLiteral("–")
                                 : models::DomainText::clock(asa.toInt() * 1000LL),
                 aht.toInt() < 0 ? QStringLiteral("–")
                                 : models::DomainText::clock(aht.toInt() * 1000LL)));
    m_detail->setText(
        tr("Offered %1 · answered %2 · abandoned %3\n"
           "Ready %4 · busy %5 · wrap-up %6 · not ready %7\n"
           "NPS today %8 / week %9 · conversion today %10 / week %11")
            .arg(row.data(QueueBoardModel::OfferedRole).toInt())
            .arg(row.data(QueueBoardModel::AnsweredRole).toInt())
            .arg(row.data(QueueBoardModel::AbandonedRole).toInt())
            .arg(row.data(QueueBoardModel::AgentsReadyRole).toInt())
            .arg(row.data(QueueBoardModel::AgentsBusyRole).toInt())
            .arg(row.data(QueueBoardModel::AgentsAcwRole).toInt())
            .arg(row.data(QueueBoardModel::AgentsNotReadyRole).toInt())
            .arg(orDash(row.data(QueueBoardModel::NpsTodayRole)),
                 orDash(row.data(QueueBoardModel::NpsWeekRole)),
                 orDash(row.data(QueueBoardModel::ConversionTodayRole), QStringLiteral("%")),
                 orDash(row.data(QueueBoardModel::ConversionWeekRole), QStringLiteral("%"))));
    const auto level = row.data(QueueBoardModel::LevelRole).value<QueueBoardModel::Level>();
    const QString levelName = level == QueueBoardModel::Level::Alarm     ? QStringLiteral("alarm")
                              : level == QueueBoardModel::Level::Warning ? QStringLiteral("warning")
                                                                         : QStringLiteral("normal");
    setAccessibleName(m_name->text());
    if (levelName == m_level)
        return; // the colours stay; a new palette would restyle and repaint the tile
    QPalette colours = palette();
    const QColor base = parentWidget() ? parentWidget()->palette().color(QPalette::Window)
                                       : colours.color(QPalette::Window);
    switch (level) {
    case QueueBoardModel::Level::Alarm:
        m_level = QStringLiteral("alarm");
        colours.setColor(QPalette::Window, QColor(0xf4, 0xc7, 0xc3));
        break;
    case QueueBoardModel::Level::Warning:
        m_level = QStringLiteral("warning");
        colours.setColor(QPalette::Window, QColor(0xfc, 0xe8, 0xb2));
        break;
    case QueueBoardModel::Level::Normal:
        m_level = QStringLiteral("normal");
        colours.setColor(QPalette::Window, base);
        break;
    }
    // Dark text on the warning colours whatever the theme.
    if (level != QueueBoardModel::Level::Normal)
        colours.setColor(QPalette::WindowText, Qt::black);
    setPalette(colours);
}

QString QueueTile::figures() const
{
    return m_waiting->text() + u'\n' + m_service->text() + u'\n' + m_detail->text();
}

void QueueTile::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT activated(m_queueId);
    QFrame::mouseReleaseEvent(event);
}

void QueueTile::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    menu.addAction(tr("Waiting interactions…"), this, [this] { Q_EMIT activated(m_queueId); });
    menu.addAction(tr("Thresholds…"), this, [this] { Q_EMIT thresholdsRequested(m_queueId); });
    menu.exec(event->globalPos());
}

} // namespace qidong::ui
