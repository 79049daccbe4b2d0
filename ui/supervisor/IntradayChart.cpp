#include "IntradayChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace qidong::ui {

using namespace qidong::protocol;

IntradayChart::IntradayChart(QWidget* parent)
    : QWidget(parent)
    , m_queue(new QComboBox(this))
    , m_view(new QChartView(this))
{
    m_queue->setObjectName(QStringLiteral("intradayQueue"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_queue);
    layout->addWidget(m_view, 1);
    setQueues({});
    connect(m_queue, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT queueChosen(m_queue->currentData().toString()); });
}

void IntradayChart::setQueues(const QList<std::pair<QString, QString>>& idsAndNames)
{
    const QString current = m_queue->currentData().toString();
    const QSignalBlocker quiet(m_queue);
    m_queue->clear();
    m_queue->addItem(tr("All queues"), QString());
    for (const auto& [id, name] : idsAndNames)
        m_queue->addItem(name, id);
    m_queue->setCurrentIndex(std::max(m_queue->findData(current), 0));
}

void IntradayChart::show(const IntradayReport& report)
{
    auto* chart = new QChart();
    chart->setTitle(tr("Today by half hour"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    auto* offered = new QBarSet(tr("Contacts"));
    auto* service = new QLineSeries();
    service->setName(tr("Service level %"));
    auto* nps = new QLineSeries();
    nps->setName(tr("NPS"));
    QStringList labels;
    int most = 1;
    for (qsizetype i = 0; i < report.slots.size(); ++i) {
        const IntradaySlot& slot = report.slots.at(i);
        labels.append(
            QDateTime::fromMSecsSinceEpoch(slot.startsAt).toString(QStringLiteral("HH:mm")));
        *offered << slot.offered;
        most = std::max(most, slot.offered);
        const int counted = slot.answered + slot.abandoned;
        if (counted > 0)
            service->append(qreal(i), slot.answeredInSla * 100.0 / counted);
        if (slot.nps.responses > 0)
            nps->append(qreal(i), slot.nps.score());
    }
    auto* bars = new QBarSeries();
    bars->append(offered);
    chart->addSeries(bars);
    chart->addSeries(service);
    chart->addSeries(nps);
    auto* slots = new QBarCategoryAxis();
    slots->append(labels);
    slots->setLabelsAngle(-90); // 48 half hours side by side
    QFont small = slots->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    slots->setLabelsFont(small);
    chart->addAxis(slots, Qt::AlignBottom);
    auto* count = new QValueAxis();
    count->setRange(0, most);
    count->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(count, Qt::AlignLeft);
    auto* percent = new QValueAxis();
    percent->setRange(-100, 100);
    chart->addAxis(percent, Qt::AlignRight);
    bars->attachAxis(slots);
    bars->attachAxis(count);
    for (QLineSeries* line : {service, nps}) {
        line->attachAxis(slots);
        line->attachAxis(percent);
    }
    QChart* old = m_view->chart();
    m_view->setChart(chart);
    delete old;
    m_slots = int(report.slots.size());
}

} // namespace qidong::ui
