#include "models/ChatTranscriptModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest/QTest>

using namespace qidong::models;
using namespace qidong::protocol;

namespace {

ChatMessage message(qint64 seq, Sender sender, const QString& clientMsgId = {})
{
    ChatMessage m;
    m.interactionId = QStringLiteral("i-1");
    m.seq = seq;
    m.sender = sender;
    m.senderName = sender == Sender::Agent ? QStringLiteral("李娜") : QStringLiteral("王女士");
    m.clientMsgId = clientMsgId;
    m.text = QStringLiteral("消息 %1").arg(seq);
    m.sentAtMs = 1763884800000 + seq;
    return m;
}

QList<ChatMessage> range(qint64 first, qint64 last)
{
    QList<ChatMessage> list;
    for (qint64 seq = first; seq <= last; ++seq)
        list.append(message(seq, seq % 2 ? Sender::Customer : Sender::Agent));
    return list;
}

} // namespace

class tst_ChatTranscriptModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pendingTwinIsReplacedByTheStoredMessage();
    void historyPagesArePrependedInOrder();
    void outOfOrderAndRepeatedMessagesLandOnce();
    void receiptsChangeOnlyTheTail();
    void failedSendsSayWhy();
};

void tst_ChatTranscriptModel::pendingTwinIsReplacedByTheStoredMessage()
{
    ChatTranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.addAll(range(1, 3));
    model.addPending(QStringLiteral("c-9"), QStringLiteral("稍等"));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.pendingCount(), 1);
    QVERIFY(model.index(3, 0).data(ChatTranscriptModel::PendingRole).toBool());
    // A customer message arrives before the hub answers: it goes above the pending one.
    model.add(message(4, Sender::Customer));
    QCOMPARE(model.index(3, 0).data(ChatTranscriptModel::SeqRole).toLongLong(), 4);
    QVERIFY(model.index(4, 0).data(ChatTranscriptModel::PendingRole).toBool());
    // The stored twin replaces it; a resend answered again changes nothing.
    model.add(message(5, Sender::Agent, QStringLiteral("c-9")));
    model.add(message(5, Sender::Agent, QStringLiteral("c-9")));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.pendingCount(), 0);
    QCOMPARE(model.newestSeq(), 5);
    QCOMPARE(model.newestCustomerSeq(), 4);
}

void tst_ChatTranscriptModel::historyPagesArePrependedInOrder()
{
    ChatTranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.addAll(range(901, 1000));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.prependHistory(range(801, 905)); // overlaps: only the older ones go in
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 200);
    QCOMPARE(model.oldestSeq(), 801);
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.index(row - 1, 0).data(ChatTranscriptModel::SeqRole).toLongLong() <
                model.index(row, 0).data(ChatTranscriptModel::SeqRole).toLongLong());
}

void tst_ChatTranscriptModel::outOfOrderAndRepeatedMessagesLandOnce()
{
    ChatTranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.add(message(3, Sender::Customer));
    model.add(message(1, Sender::Customer));
    model.add(message(2, Sender::Agent));
    model.addAll(
        {message(2, Sender::Agent), message(3, Sender::Customer), message(4, Sender::Agent)});
    QCOMPARE(model.rowCount(), 4);
    for (int row = 0; row < 4; ++row)
        QCOMPARE(model.index(row, 0).data(ChatTranscriptModel::SeqRole).toLongLong(), row + 1);
}

void tst_ChatTranscriptModel::receiptsChangeOnlyTheTail()
{
    ChatTranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.addAll(range(1, 10000));
    model.applyReceipt(Sender::Agent, 9000, Delivery::Read);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applyReceipt(Sender::Agent, 9010, Delivery::Read);
    QCOMPARE(changed.count(), 1);
    const QModelIndex first = changed.first().at(0).value<QModelIndex>();
    const QModelIndex last = changed.first().at(1).value<QModelIndex>();
    QVERIFY(first.row() >= 9000 && last.row() <= 9010);
    QCOMPARE(model.index(9009, 0).data(ChatTranscriptModel::DeliveryRole).toInt(),
             int(Delivery::Read)); // seq 9010, the agent's
    QCOMPARE(model.index(9011, 0).data(ChatTranscriptModel::DeliveryRole).toInt(),
             int(Delivery::Sent));
    changed.clear();
    model.applyReceipt(Sender::Agent, 9010, Delivery::Delivered); // never backwards
    QCOMPARE(changed.count(), 0);
}

void tst_ChatTranscriptModel::failedSendsSayWhy()
{
    ChatTranscriptModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.addPending(QStringLiteral("c-1"), QStringLiteral("hi"));
    model.markFailed(QStringLiteral("c-1"), QStringLiteral("the conversation has ended"));
    QCOMPARE(model.index(0, 0).data(ChatTranscriptModel::FailedRole).toString(),
             QStringLiteral("the conversation has ended"));
    model.removePending(QStringLiteral("c-1"));
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_ChatTranscriptModel)
#include "tst_ChatTranscriptModel.moc"
