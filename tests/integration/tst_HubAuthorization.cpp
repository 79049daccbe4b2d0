#include "HubProcess.h"
#include "TestClient.h"
#include "protocol/Names.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest/QTest>

#include <algorithm>

using namespace qidong::protocol;
using namespace qidong::test;

namespace {

// Who may call a method of the desktops' protocol (docs/protocol.md).
enum class Who
{
    Anyone,      // before signing in too (the handshake, sign-in, resume)
    SignedIn,    // any role
    Workers,     // agents and team leads: they handle interactions
    Leads,       // team leads and administrators: the floor, monitoring, QA
    Supervisors, // team leads only
    Admins,      // administrators only
    Nobody,      // not on this socket (the customer page's and trunk's own)
};

struct Entry
{
    QLatin1StringView method;
    Who who;
};

// Every method in protocol/Names.h. A method added there without a line
// here fails the completeness check below.
const Entry kMatrix[] = {
    {method::Hello, Who::Anyone},
    {method::Ping, Who::Anyone},
    {method::AuthLogin, Who::Anyone},
    {method::AuthRefresh, Who::Anyone},
    {method::SessionResume, Who::Anyone},
    {method::AuthLogout, Who::SignedIn},
    {method::SessionSnapshot, Who::SignedIn},
    // An administrator has no presence, team lead or colleagues to consult.
    {method::AgentSetState, Who::Workers},
    {method::AgentRequestHelp, Who::Workers},
    {method::DirectoryList, Who::Workers},
    {method::FloorAgents, Who::Leads},
    {method::FloorSubscribe, Who::Leads},
    {method::FloorUnsubscribe, Who::Leads},
    {method::FloorIntraday, Who::Leads},
    {method::FloorWaiting, Who::Leads},
    {method::AgentForceState, Who::Leads},
    {method::AgentForceSignOut, Who::Leads},
    {method::AgentAdjust, Who::Leads},
    {method::InteractionReassign, Who::Leads},
    {method::AlertList, Who::Leads},
    {method::AlertAcknowledge, Who::Leads},
    {method::AlertAssign, Who::Leads},
    {method::MonitorStart, Who::Leads},
    {method::MonitorMode, Who::Leads},
    {method::MonitorStop, Who::Leads},
    {method::MonitorWhisper, Who::Leads},
    {method::ReviewSearch, Who::Leads},
    {method::ReviewTranscript, Who::Leads},
    {method::ReviewSave, Who::Leads},
    {method::InteractionAccept, Who::Workers},
    {method::InteractionReject, Who::Workers},
    {method::InteractionEnd, Who::Workers},
    {method::InteractionWrapUp, Who::Workers},
    {method::InteractionTransfer, Who::Workers},
    {method::CallMedia, Who::Workers},
    {method::CallHold, Who::Workers},
    {method::CallRecord, Who::Workers},
    {method::CallConsult, Who::Workers},
    {method::CallConsultAnswer, Who::Workers},
    {method::CallConsultEnd, Who::Workers},
    {method::CallDial, Who::Workers},
    {method::CallHangUp, Who::Workers},
    {method::CallDialNumber, Who::Workers},
    {method::CallDialCustomer, Who::Workers},
    {method::AdminCreateInteraction, Who::Admins},
    {method::ChatSend, Who::Workers},
    {method::ChatTyping, Who::Workers},
    {method::ChatHistory, Who::Workers},
    {method::ChatRead, Who::Workers},
    {method::ChatAttachment, Who::Workers},
    {method::CannedList, Who::Workers},
    {method::HistoryList, Who::Workers},
    {method::KbSearch, Who::Workers},
    {method::KbArticle, Who::Workers},
    {method::KbFeedback, Who::Workers},
    {method::KbSuggest, Who::Workers},
    {method::CustomerGet, Who::Workers},
    {method::CustomerTimeline, Who::Workers},
    {method::CustomerLookup, Who::Workers},
    {method::CustomerReveal, Who::Workers},
    {method::CustomerLink, Who::Workers},
    {method::CustomerNoteAdd, Who::Workers},
    {method::CustomerNoteEdit, Who::Workers},
    {method::CustomerMerge, Who::Workers},
    {method::CustomerUnmerge, Who::Workers},
    {method::CustomerOffer, Who::Workers},
    {method::CustomerRecordingLink, Who::Workers},
    {method::CaseResolve, Who::Supervisors},
    {method::CaseCloseLoop, Who::Workers},
    {method::CustomerStart, Who::Nobody},
    {method::CustomerResume, Who::Nobody},
    {method::CustomerSend, Who::Nobody},
    {method::CustomerTyping, Who::Nobody},
    {method::CustomerRead, Who::Nobody},
    {method::CustomerEnd, Who::Nobody},
    {method::CustomerRate, Who::Nobody},
    {method::CustomerMedia, Who::Nobody},
    {method::CustomerCallback, Who::Nobody},
    {method::CustomerAnswer, Who::Nobody},
    {method::CustomerDecline, Who::Nobody},
    {method::CustomerHangUp, Who::Nobody},
    {method::TrunkRegister, Who::Nobody},
    {method::TrunkAnswer, Who::Nobody},
    {method::TrunkReject, Who::Nobody},
    {method::TrunkHangUp, Who::Nobody},
};

enum class Caller
{
    NotSignedIn,
    Agent,
    Supervisor,
    Admin,
};

bool allowed(Who who, Caller caller)
{
    switch (who) {
    case Who::Anyone:
        return true;
    case Who::SignedIn:
        return caller != Caller::NotSignedIn;
    case Who::Workers:
        return caller == Caller::Agent || caller == Caller::Supervisor;
    case Who::Leads:
        return caller == Caller::Supervisor || caller == Caller::Admin;
    case Who::Supervisors:
        return caller == Caller::Supervisor;
    case Who::Admins:
        return caller == Caller::Admin;
    case Who::Nobody:
        return false;
    }
    return false;
}

} // namespace

// The authorization matrix: every method of the desktops' socket, called
// by every kind of caller (not signed in, agent, team lead, administrator)
// against a real hub. A caller who may not call it is refused before the
// method does anything (unauthenticated / forbidden; unknown_method for the
// customer page's and trunk's methods); one who may gets past the check
// (an empty request then meets invalid_params, not_found and the like).
class tst_HubAuthorization final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyMethodIsInTheMatrix();
    void everyCallerMeetsTheMatrix_data();
    void everyCallerMeetsTheMatrix();

private:
    HubProcess m_hub;
};

void tst_HubAuthorization::initTestCase()
{
    QVERIFY(m_hub.start());
}

void tst_HubAuthorization::everyMethodIsInTheMatrix()
{
    // protocol/Names.h's methods, read from the header itself.
    QFile names(QStringLiteral(QIDONG_SOURCE_DIR "/protocol/Names.h"));
    QVERIFY(names.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(names.readAll());
    const qsizetype start = text.indexOf(QStringLiteral("namespace qidong::protocol::method"));
    const qsizetype end = text.indexOf(QStringLiteral("} // namespace qidong::protocol::method"));
    QVERIFY(start >= 0 && end > start);
    static const QRegularExpression declared(
        QStringLiteral("QLatin1StringView \\w+\\(\"([A-Za-z.]+)\"\\)"));
    QStringList missing;
    int count = 0;
    for (const QRegularExpressionMatch& match :
         declared.globalMatch(text.mid(start, end - start))) {
        ++count;
        const QString name = match.captured(1);
        if (std::none_of(std::begin(kMatrix), std::end(kMatrix),
                         [&name](const Entry& entry) { return entry.method == name; }))
            missing.append(name);
    }
    QVERIFY(count > 50);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", ")));
    QCOMPARE(int(std::size(kMatrix)), count);
}

void tst_HubAuthorization::everyCallerMeetsTheMatrix_data()
{
    QTest::addColumn<int>("caller");
    QTest::addColumn<QString>("username");
    QTest::newRow("not signed in") << int(Caller::NotSignedIn) << QString();
    QTest::newRow("agent") << int(Caller::Agent) << QStringLiteral("li.na");
    QTest::newRow("team lead") << int(Caller::Supervisor) << QStringLiteral("zhou.hui");
    QTest::newRow("administrator") << int(Caller::Admin) << QStringLiteral("admin");
}

void tst_HubAuthorization::everyCallerMeetsTheMatrix()
{
    QFETCH(int, caller);
    QFETCH(QString, username);
    const auto who = Caller(caller);
    TestClient client(m_hub.url());
    QVERIFY(client.open());
    if (who == Caller::NotSignedIn)
        QVERIFY(client.hello());
    else
        QVERIFY(client.signIn(username).has_value());

    QStringList wrong;
    // auth.logout last: it ends the session the other calls use.
    std::vector<Entry> order(std::begin(kMatrix), std::end(kMatrix));
    std::stable_partition(order.begin(), order.end(),
                          [](const Entry& entry) { return entry.method != method::AuthLogout; });
    for (const Entry& entry : order) {
        const Response response = client.call(entry.method, {});
        const QString outcome = outcomeOf(response);
        const bool refused = outcome == QStringLiteral("forbidden") ||
                             outcome == QStringLiteral("unauthenticated") ||
                             outcome == QStringLiteral("unknown_method");
        if (allowed(entry.who, who) == refused)
            wrong.append(QStringLiteral("%1 -> %2").arg(entry.method, outcome));
        // Refused for the right reason: signed-in callers are forbidden,
        // others unauthenticated, other sockets' methods unknown here.
        if (refused && entry.who == Who::Nobody && outcome != QStringLiteral("unknown_method"))
            wrong.append(
                QStringLiteral("%1 -> %2 (expected unknown_method)").arg(entry.method, outcome));
        if (refused && entry.who != Who::Nobody && who == Caller::NotSignedIn &&
            outcome != QStringLiteral("unauthenticated"))
            wrong.append(
                QStringLiteral("%1 -> %2 (expected unauthenticated)").arg(entry.method, outcome));
        if (refused && entry.who != Who::Nobody && who != Caller::NotSignedIn &&
            outcome != QStringLiteral("forbidden"))
            wrong.append(
                QStringLiteral("%1 -> %2 (expected forbidden)").arg(entry.method, outcome));
        // A refusal keeps the connection (signing out ends it, by design).
        if (entry.method != method::AuthLogout)
            QVERIFY2(client.isConnected(),
                     qPrintable(QStringLiteral("dropped after ") + entry.method));
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"\n")));
}

QTEST_GUILESS_MAIN(tst_HubAuthorization)
#include "tst_HubAuthorization.moc"
