#include "models/ReasonCodeModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest/QTest>

using namespace qidong::models;
using namespace qidong::protocol;

namespace {

QList<ReasonCode> codes()
{
    return {
        {QStringLiteral("break"),
         ReasonKind::NotReady,
         {QStringLiteral("小休"), QStringLiteral("Break")}},
        {QStringLiteral("resolved"),
         ReasonKind::WrapUp,
         {QStringLiteral("问题已解决"), QStringLiteral("Resolved")}},
        {QStringLiteral("lunch"),
         ReasonKind::NotReady,
         {QStringLiteral("午餐"), QStringLiteral("Lunch")}},
    };
}

} // namespace

class tst_ReasonCodeModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsOneKindInOrder();
    void sameCodesAgainChangeNothing();
    void languageRelabelsWithoutReset();
};

void tst_ReasonCodeModel::keepsOneKindInOrder()
{
    ReasonCodeModel model(ReasonKind::NotReady);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setReasonCodes(codes());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.codeAt(0), QStringLiteral("break"));
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("午餐"));
    QCOMPARE(model.index(1).data(ReasonCodeModel::CodeRole).toString(), QStringLiteral("lunch"));
    QCOMPARE(model.rowOf(QStringLiteral("resolved")), -1);
    QCOMPARE(model.labelOf(QStringLiteral("lunch")), QStringLiteral("午餐"));
    QCOMPARE(model.codeAt(5), QString());

    ReasonCodeModel wrapUp(ReasonKind::WrapUp);
    wrapUp.setReasonCodes(codes());
    QCOMPARE(wrapUp.rowCount(), 1);
}

void tst_ReasonCodeModel::sameCodesAgainChangeNothing()
{
    ReasonCodeModel model(ReasonKind::NotReady);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setReasonCodes(codes());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setReasonCodes(codes());
    QCOMPARE(reset.size(), 0);
}

void tst_ReasonCodeModel::languageRelabelsWithoutReset()
{
    ReasonCodeModel model(ReasonKind::NotReady);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setReasonCodes(codes());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setLanguage(QStringLiteral("en"));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("Break"));
}

QTEST_GUILESS_MAIN(tst_ReasonCodeModel)
#include "tst_ReasonCodeModel.moc"
