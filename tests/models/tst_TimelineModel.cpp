#include "models/TimelineModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest/QTest>

using namespace qidong::models;
using namespace qidong::protocol;

namespace {

TimelineEntry entry(const QString& id, qint64 at, int nps = -1)
{
    TimelineEntry made;
    made.interactionId = id;
    made.channel = Channel::Voice;
    made.atMs = at;
    made.state = QStringLiteral("ended");
    made.agentName = QStringLiteral("李娜");
    made.wrapUp.code = QStringLiteral("resolved");
    made.nps = nps;
    return made;
}

} // namespace

class tst_TimelineModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void olderPagesAppendWithoutRepeats();
};

void tst_TimelineModel::olderPagesAppendWithoutRepeats()
{
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.reset({entry(QStringLiteral("c"), 3000, 9), entry(QStringLiteral("b"), 2000)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, TimelineModel::NpsColumn).data().toInt(), 9);
    QVERIFY(!model.index(1, TimelineModel::NpsColumn).data().isValid());
    QCOMPARE(model.index(0, TimelineModel::AgentColumn).data().toString(), QStringLiteral("李娜"));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendOlder({entry(QStringLiteral("b"), 2000), entry(QStringLiteral("a"), 1000)});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2, 0).data(TimelineModel::InteractionIdRole).toString(),
             QStringLiteral("a"));
    model.appendOlder({entry(QStringLiteral("a"), 1000)});
    QCOMPARE(inserted.size(), 1); // nothing new
    model.reset({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_TimelineModel)
#include "tst_TimelineModel.moc"
