#pragma once

#include "protocol/Floor.h"

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;

namespace qidong::ui {

// Today by half hour: contacts offered (bars), service level and NPS
// (lines), for every queue or one.
class IntradayChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntradayChart)

public:
    explicit IntradayChart(QWidget* parent = nullptr);

    QComboBox* queueChoice() const { return m_queue; }
    void setQueues(const QList<std::pair<QString, QString>>& idsAndNames);
    void show(const protocol::IntradayReport& report);
    int slotCount() const { return m_slots; }

Q_SIGNALS:
    void queueChosen(const QString& queueId); // "" for all

private:
    QComboBox* m_queue;
    QChartView* m_view;
    int m_slots = 0;
};

} // namespace qidong::ui
