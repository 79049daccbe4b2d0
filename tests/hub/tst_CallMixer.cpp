#include "media/CallMixer.h"
#include "media/QueueAnnouncer.h"

#include <QtTest/QTest>

using namespace qidong::hub;
using qidong::protocol::MediaFrame;

// The mixer's generated feeds for a party on hold or in the queue: music,
// an announcement in its place, then the music again.
class tst_CallMixer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void announcementReplacesTheMusicThenTheMusicReturns();
    void announcementIsDroppedWhenTheCallerIsAnswered();
    void announcementsAreBuiltFromTheShippedPrompts();
    void aWhisperReachesItsOneListenerOnly();

private:
    // Payloads sent to "customer" on each of `ticks` ticks ("" for a tick
    // that sent nothing).
    QList<QByteArray> run(CallMixer& mixer, int ticks);
    QList<QByteArray> m_sent;
    int m_sentCount = 0;
};

namespace {

const SharedFeeds kFeeds{QByteArrayLiteral("music"), QByteArrayLiteral("ring")};

} // namespace

QList<QByteArray> tst_CallMixer::run(CallMixer& mixer, int ticks)
{
    QList<QByteArray> payloads;
    for (int i = 0; i < ticks; ++i) {
        const qsizetype before = m_sent.size();
        mixer.tick(kFeeds);
        payloads.append(m_sent.size() > before ? m_sent.last() : QByteArray());
    }
    return payloads;
}

void tst_CallMixer::announcementReplacesTheMusicThenTheMusicReturns()
{
    m_sent.clear();
    CallMixer mixer(QStringLiteral("c1"), [this](const QString& party, const QByteArray& frame) {
        QCOMPARE(party, QStringLiteral("customer"));
        m_sent.append(MediaFrame::decode(frame).value().payload);
    });
    mixer.addParty(QStringLiteral("customer"), Listen::Music, false);
    QCOMPARE(run(mixer, 2), (QList<QByteArray>{"music", "music"}));
    mixer.announce(QStringLiteral("customer"),
                   std::make_shared<const std::vector<QByteArray>>(
                       std::vector<QByteArray>{"two", "ahead", QByteArray(), "minutes"}));
    QCOMPARE(run(mixer, 6),
             (QList<QByteArray>{"two", "ahead", QByteArray(), "minutes", "music", "music"}));
    // Nobody else is told anything, and a party not in the call is ignored.
    mixer.announce(QStringLiteral("agent:u1"),
                   std::make_shared<const std::vector<QByteArray>>(std::vector<QByteArray>{"x"}));
    QCOMPARE(run(mixer, 1), (QList<QByteArray>{"music"}));
}

void tst_CallMixer::announcementIsDroppedWhenTheCallerIsAnswered()
{
    m_sent.clear();
    CallMixer mixer(QStringLiteral("c2"), [this](const QString&, const QByteArray& frame) {
        m_sent.append(MediaFrame::decode(frame).value().payload);
    });
    mixer.addParty(QStringLiteral("customer"), Listen::Music, false);
    mixer.announce(QStringLiteral("customer"), std::make_shared<const std::vector<QByteArray>>(
                                                   std::vector<QByteArray>{"one", "two", "three"}));
    QCOMPARE(run(mixer, 1), (QList<QByteArray>{"one"}));
    mixer.setListen(QStringLiteral("customer"), Listen::Ringback); // an agent is offered it
    QCOMPARE(run(mixer, 2), (QList<QByteArray>{"ring", "ring"}));
    mixer.setListen(QStringLiteral("customer"), Listen::Music); // rang out: back in the queue
    QCOMPARE(run(mixer, 1), (QList<QByteArray>{"music"}));
    // Only a caller who hears music hears announcements.
    mixer.setListen(QStringLiteral("customer"), Listen::Ringback);
    mixer.announce(QStringLiteral("customer"),
                   std::make_shared<const std::vector<QByteArray>>(std::vector<QByteArray>{"x"}));
    QCOMPARE(run(mixer, 1), (QList<QByteArray>{"ring"}));
}

void tst_CallMixer::announcementsAreBuiltFromTheShippedPrompts()
{
    // Position 3 (two ahead), about two minutes: two sentences and pauses.
    const QueueAnnouncer::Packets zh =
        QueueAnnouncer::announcement(QStringLiteral("zh-CN"), 3, 2 * 60000);
    QVERIFY(zh);
    QVERIFY(zh->size() > 100); // over two seconds of speech
    const QueueAnnouncer::Packets en =
        QueueAnnouncer::announcement(QStringLiteral("en"), 3, 2 * 60000);
    QVERIFY(en);
    QVERIFY(*en != *zh);
    // Next in line, or nobody signed in: one sentence each, all prompts there.
    QVERIFY(QueueAnnouncer::announcement(QStringLiteral("en"), 1, 10000));
    QVERIFY(QueueAnnouncer::announcement(QStringLiteral("zh-CN"), 40, 30 * 60000));
    const QueueAnnouncer::Packets nobody =
        QueueAnnouncer::announcement(QStringLiteral("zh-CN"), 1, -1);
    QVERIFY(nobody);
    QVERIFY(nobody->size() < zh->size() + 100);
    for (int position = 1; position <= 11; ++position)
        for (const qint64 minutes : {0, 1, 2, 3, 4, 5, 9})
            for (const QString& language : {QStringLiteral("zh-CN"), QStringLiteral("en")})
                QVERIFY2(QueueAnnouncer::announcement(language, position, minutes * 60000),
                         qPrintable(
                             QStringLiteral("%1 %2 %3").arg(language).arg(position).arg(minutes)));
}

void tst_CallMixer::aWhisperReachesItsOneListenerOnly()
{
    QList<std::pair<QString, QByteArray>> sent;
    CallMixer mixer(QStringLiteral("c3"), [&sent](const QString& party, const QByteArray& frame) {
        sent.append({party, MediaFrame::decode(frame).value().payload});
    });
    // The agent is muted, so each listener hears at most one talker and
    // gets its packets forwarded as they are.
    mixer.addParty(QStringLiteral("customer"), Listen::Mix, false);
    mixer.addParty(QStringLiteral("agent:u1"), Listen::Mix, false);
    mixer.addParty(QStringLiteral("supervisor:u9"), Listen::Mix, true, QStringLiteral("agent:u1"));
    MediaFrame spoken;
    spoken.kind = qidong::protocol::MediaKind::Opus;
    spoken.stream = 1;
    spoken.payload = QByteArrayLiteral("coaching");
    QVERIFY(mixer.receive(QStringLiteral("supervisor:u9"), spoken.encode()));
    QCOMPARE(sent, (QList<std::pair<QString, QByteArray>>{
                       {QStringLiteral("agent:u1"), QByteArrayLiteral("coaching")}}));
    // Barging in: heard by everyone else.
    sent.clear();
    mixer.setHeardOnlyBy(QStringLiteral("supervisor:u9"), {});
    spoken.sequence = 1;
    QVERIFY(mixer.receive(QStringLiteral("supervisor:u9"), spoken.encode()));
    QCOMPARE(sent.size(), 2);
    QVERIFY(sent.contains(std::pair{QStringLiteral("customer"), QByteArrayLiteral("coaching")}));
    // Listening only: heard by nobody.
    sent.clear();
    mixer.setTalks(QStringLiteral("supervisor:u9"), false);
    spoken.sequence = 2;
    QVERIFY(mixer.receive(QStringLiteral("supervisor:u9"), spoken.encode()));
    QVERIFY(sent.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CallMixer)
#include "tst_CallMixer.moc"
