#include "models/InteractionListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTextDocument>
#include <QtTest/QTest>

using namespace qidong::models;
using namespace qidong::protocol;

namespace {

constexpr qint64 kNow = 1763884800000; // 2025-11-23 08:00 UTC

Interaction chat(int n, InteractionState state = InteractionState::Queued)
{
    return Interaction{QStringLiteral("i-%1").arg(n),
                       Channel::Chat,
                       QStringLiteral("online-chat"),
                       CustomerRef{QStringLiteral("c-%1").arg(n), QStringLiteral("顾客%1").arg(n),
                                   QStringLiteral("web"), QStringLiteral("visitor-%1").arg(n)},
                       state,
                       40,
                       kNow - 30000,
                       kNow + 30000,
                       {}};
}

} // namespace

class tst_InteractionListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void newInteractionIsOneInsert();
    void stateChangeTouchesOnlyItsCells();
    void unchangedUpdateSignalsNothing();
    void batchInsertsOnceAndCoalescesUpdates();
    void removeAndUnread();
    void clockTickIsOneSignalForTheTimeColumns();
    void displaysWhatAnAgentReads();
    void snapshotIsTheOnlyReset();
    void aCustomersMarkupIsNeverRendered();

private:
    std::unique_ptr<InteractionListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void tst_InteractionListModel::init()
{
    m_model = std::make_unique<InteractionListModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_model->tick(kNow);
}

void tst_InteractionListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void tst_InteractionListModel::newInteractionIsOneInsert()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->upsert(chat(1));
    m_model->upsert(chat(2));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(m_model->rowOf(QStringLiteral("i-2")), 1);
}

void tst_InteractionListModel::stateChangeTouchesOnlyItsCells()
{
    for (int n = 1; n <= 3; ++n)
        m_model->upsert(chat(n));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->upsert(chat(2, InteractionState::Active));
    QCOMPARE(changed.size(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(bottomRight.row(), 1);
    QCOMPARE(topLeft.column(), int(InteractionListModel::StateColumn));
    QCOMPARE(bottomRight.column(), int(InteractionListModel::SlaColumn));
    QCOMPARE(m_model->index(1, 0).data(InteractionListModel::StateRole).toInt(),
             int(InteractionState::Active));
}

void tst_InteractionListModel::unchangedUpdateSignalsNothing()
{
    m_model->upsert(chat(1));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->upsert(chat(1));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(inserted.size(), 0);
}

void tst_InteractionListModel::batchInsertsOnceAndCoalescesUpdates()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QList<Interaction> batch;
    for (int n = 0; n < 100; ++n)
        batch.append(chat(n));
    batch.append(chat(5, InteractionState::Offered)); // repeated: the last version wins
    m_model->apply(batch);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->rowCount(), 100);
    QCOMPARE(m_model->index(5, 0).data(InteractionListModel::StateRole).toInt(),
             int(InteractionState::Offered));

    // A few changes: one signal each, on their rows.
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->apply({chat(10, InteractionState::Active), chat(20, InteractionState::Active)});
    QCOMPARE(changed.size(), 2);

    // Most rows changed: one signal over everything.
    changed.clear();
    QList<Interaction> most;
    for (int n = 0; n < 80; ++n)
        most.append(chat(n, InteractionState::WrapUp));
    m_model->apply(most);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(0, 0));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(),
             m_model->index(99, InteractionListModel::ColumnCount - 1));
}

void tst_InteractionListModel::removeAndUnread()
{
    for (int n = 1; n <= 3; ++n)
        m_model->upsert(chat(n));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setUnread(QStringLiteral("i-3"), 4);
    m_model->setUnread(QStringLiteral("i-3"), 4);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(),
             m_model->index(2, InteractionListModel::UnreadColumn));
    QCOMPARE(m_model->index(2, InteractionListModel::UnreadColumn).data().toString(),
             QStringLiteral("4"));

    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    m_model->remove(QStringLiteral("i-1"));
    m_model->remove(QStringLiteral("no-such"));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(m_model->rowOf(QStringLiteral("i-3")), 1); // rows after it moved up
    QCOMPARE(m_model->index(1, 0).data(InteractionListModel::UnreadRole).toInt(), 4);
}

void tst_InteractionListModel::clockTickIsOneSignalForTheTimeColumns()
{
    for (int n = 1; n <= 50; ++n)
        m_model->upsert(chat(n));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->tick(kNow + 1000);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().column(),
             int(InteractionListModel::ElapsedColumn));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().column(),
             int(InteractionListModel::SlaColumn));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 49);
}

void tst_InteractionListModel::displaysWhatAnAgentReads()
{
    m_model->setQueues({Queue{QStringLiteral("online-chat"),
                              {QStringLiteral("在线客服"), QStringLiteral("Online chat")},
                              Channel::Chat,
                              QStringLiteral("zh-CN"),
                              {},
                              40,
                              60,
                              80}});
    m_model->upsert(chat(7));
    const auto cell = [this](int column) { return m_model->index(0, column).data().toString(); };
    QCOMPARE(cell(InteractionListModel::CustomerColumn), QStringLiteral("顾客7"));
    QCOMPARE(cell(InteractionListModel::QueueColumn), QStringLiteral("在线客服"));
    QCOMPARE(cell(InteractionListModel::ChannelColumn), QStringLiteral("Chat"));
    QCOMPARE(cell(InteractionListModel::ElapsedColumn),
             QStringLiteral("0:30")); // waiting since creation
    QCOMPARE(cell(InteractionListModel::SlaColumn), QStringLiteral("0:30")); // left to the deadline
    QVERIFY(!m_model->index(0, 0).data(InteractionListModel::OverdueRole).toBool());

    m_model->tick(kNow + 95000);
    QCOMPARE(cell(InteractionListModel::SlaColumn), QStringLiteral("overdue 1:05"));
    QVERIFY(m_model->index(0, 0).data(InteractionListModel::OverdueRole).toBool());

    m_model->setLanguage(QStringLiteral("en"));
    QCOMPARE(cell(InteractionListModel::QueueColumn), QStringLiteral("Online chat"));

    // Once answered, the clock counts handling time and the SLA is met.
    m_model->upsert(chat(7, InteractionState::Active));
    m_model->tick(kNow + 95000 + 3723000);
    QCOMPARE(cell(InteractionListModel::ElapsedColumn), QStringLiteral("1:02:03"));
    QCOMPARE(cell(InteractionListModel::SlaColumn), QString());
    QCOMPARE(m_model->headerData(InteractionListModel::CustomerColumn, Qt::Horizontal).toString(),
             QStringLiteral("Customer"));
}

void tst_InteractionListModel::snapshotIsTheOnlyReset()
{
    m_model->upsert(chat(1));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->replaceAll({chat(8), chat(9)});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->rowOf(QStringLiteral("i-1")), -1);
    QCOMPARE(m_model->interactionAt(1)->id, QStringLiteral("i-9"));
    QVERIFY(m_model->interactionAt(2) == nullptr);
}

void tst_InteractionListModel::aCustomersMarkupIsNeverRendered()
{
    // A social handle is whatever the customer chose.
    Interaction hostile = chat(9);
    hostile.customer.displayName = QStringLiteral("<b>Boss</b>");
    hostile.customer.identity = QStringLiteral("<img src=x><a href='http://evil'>me</a>");
    m_model->upsert(hostile);
    const QModelIndex customer = m_model->index(0, InteractionListModel::CustomerColumn);
    // Shown as typed (item views draw DisplayRole as plain text)…
    QCOMPARE(customer.data().toString(), QStringLiteral("<b>Boss</b>"));
    // …and the tooltip, which Qt renders as rich text when it looks like
    // it, carries the handle escaped: what shows is the text itself.
    const QString tip = customer.data(Qt::ToolTipRole).toString();
    QTextDocument shown;
    shown.setHtml(tip);
    QCOMPARE(shown.toPlainText().trimmed(), hostile.customer.identity);
    QVERIFY(!tip.contains(QStringLiteral("<img")));
}

QTEST_GUILESS_MAIN(tst_InteractionListModel)
#include "tst_InteractionListModel.moc"
