#include "core/links/DesktopLink.h"

#include <QtTest/QTest>

using qidong::core::DesktopLink;

// Links a CRM page hands the desktop: what dials, and what is refused.
class tst_DesktopLink final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbersAreDialled_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<QString>("number");
        QTest::newRow("tel") << "tel:13800138000"
                             << "13800138000";
        QTest::newRow("international, written out") << "tel:+86 (138) 0013-8000"
                                                    << "+8613800138000";
        QTest::newRow("RFC 3966 separators and a parameter") << "tel:+86-138.0013.8000;ext=12"
                                                             << "+8613800138000";
        QTest::newRow("escaped") << "tel:%2B86%20138%200013%208000"
                                 << "+8613800138000";
        QTest::newRow("service code, # escaped") << "tel:*100%23"
                                                 << "*100#";
        QTest::newRow("qidong:dial") << "qidong:dial?number=10086"
                                     << "10086";
    }
    void numbersAreDialled()
    {
        QFETCH(QString, link);
        QFETCH(QString, number);
        QVERIFY(DesktopLink::looksLikeLink(link));
        const auto parsed = DesktopLink::parse(QUrl(link));
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed.value().action, DesktopLink::Action::Dial);
        QCOMPARE(parsed.value().number, number);
    }

    void aCustomerIsCalledByTheirId()
    {
        const auto parsed = DesktopLink::parse(QUrl(QStringLiteral("qidong:call?customer=c-42")));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().action, DesktopLink::Action::CallCustomer);
        QCOMPARE(parsed.value().customerId, QStringLiteral("c-42"));
    }

    void aCustomerIsOpenedByIdOrByWhatTheCrmKnows()
    {
        auto parsed = DesktopLink::parse(QUrl(QStringLiteral("qidong:customer?id=c-42")));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().action, DesktopLink::Action::OpenCustomer);
        QCOMPARE(parsed.value().customerId, QStringLiteral("c-42"));
        QVERIFY(parsed.value().identityKind.isEmpty());

        parsed =
            DesktopLink::parse(QUrl(QStringLiteral("qidong:customer?phone=%2B86%20138-0013-8000")));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().action, DesktopLink::Action::OpenCustomer);
        QVERIFY(parsed.value().customerId.isEmpty());
        QCOMPARE(parsed.value().identityKind, QStringLiteral("phone"));
        QCOMPARE(parsed.value().identity, QStringLiteral("+8613800138000"));

        parsed =
            DesktopLink::parse(QUrl(QStringLiteral("qidong:customer?email=wang.li%40example.cn")));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().identityKind, QStringLiteral("email"));
        QCOMPARE(parsed.value().identity, QStringLiteral("wang.li@example.cn"));
    }

    void anythingElseIsRefused_data()
    {
        QTest::addColumn<QString>("link");
        QTest::newRow("web page") << "https://example.com/?tel=1";
        QTest::newRow("letters") << "tel:1-800-FLOWERS";
        QTest::newRow("too short") << "tel:12";
        QTest::newRow("too long") << "tel:+123456789012345678901234567890123";
        QTest::newRow("plus in the middle") << "tel:138+0013";
        QTest::newRow("markup") << "tel:<b>110</b>";
        QTest::newRow("no customer") << "qidong:call?customer=";
        QTest::newRow("unknown action") << "qidong:format-disk";
        QTest::newRow("empty dial") << "qidong:dial";
        QTest::newRow("customer named no way") << "qidong:customer";
        QTest::newRow("customer named two ways") << "qidong:customer?id=c-1&phone=10086";
        QTest::newRow("customer by an unknown key") << "qidong:customer?passport=E123";
        QTest::newRow("customer by an empty id") << "qidong:customer?id=";
        QTest::newRow("customer by a phone that is not one") << "qidong:customer?phone=call-me";
    }
    void anythingElseIsRefused()
    {
        QFETCH(QString, link);
        const auto parsed = DesktopLink::parse(QUrl(link));
        QVERIFY(!parsed.ok());
        QVERIFY(!parsed.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_DesktopLink)
#include "tst_DesktopLink.moc"
