#include "models/ArticleHitListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest/QTest>

using namespace qidong::models;
using namespace qidong::protocol;

namespace {

ArticleHit hit(const QString& id, const QString& snippet = QStringLiteral("…漫游…"))
{
    ArticleHit made;
    made.id = id;
    made.title = {QStringLiteral("如何开通国际漫游 ") + id, {{6, 2}}};
    made.snippet = {snippet, {}};
    made.language = QStringLiteral("zh");
    made.products = {QStringLiteral("roaming")};
    return made;
}

} // namespace

class tst_ArticleHitListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsHitsWithTheirMarks();
    void sameArticlesUpdateRowsWithoutReset();
    void anotherListReplacesTheRows();
};

void tst_ArticleHitListModel::showsHitsWithTheirMarks()
{
    ArticleHitListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setHits({hit(QStringLiteral("a")), hit(QStringLiteral("b"))});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1).data(ArticleHitListModel::IdRole).toString(), QStringLiteral("b"));
    const auto title = model.index(0).data(ArticleHitListModel::TitleRole).value<MarkedText>();
    QCOMPARE(title.text.mid(title.marks.first().start, title.marks.first().length),
             QStringLiteral("漫游"));
    QCOMPARE(model.rowOf(QStringLiteral("b")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("zzz")), -1);
    QVERIFY(model.hitAt(2) == nullptr);
}

void tst_ArticleHitListModel::sameArticlesUpdateRowsWithoutReset()
{
    ArticleHitListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setHits({hit(QStringLiteral("a")), hit(QStringLiteral("b"))});
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    model.setHits({hit(QStringLiteral("a")), hit(QStringLiteral("b"), QStringLiteral("新的摘要"))});
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changes.count(), 1); // only the row whose snippet changed
    QCOMPARE(changes.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1).data(Qt::ToolTipRole).toString(), QStringLiteral("新的摘要"));
}

void tst_ArticleHitListModel::anotherListReplacesTheRows()
{
    ArticleHitListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setHits({hit(QStringLiteral("a")), hit(QStringLiteral("b"))});
    model.setHits({hit(QStringLiteral("c"))});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(ArticleHitListModel::IdRole).toString(), QStringLiteral("c"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_ArticleHitListModel)
#include "tst_ArticleHitListModel.moc"
