#include "Simulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrlQuery>

#include <cstdio>

namespace qidong::hub::simulate {

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

Simulator::Simulator(Settings settings, QList<Scenario> scenarios, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    for (Scenario& scenario : scenarios)
        m_plays.append(Play{std::move(scenario), 0, 0, 0, false});
    m_poll.setInterval(m_settings.pollInterval);
    connect(&m_poll, &QTimer::timeout, this, &Simulator::poll);
}

void Simulator::start()
{
    for (int i = 0; i < m_plays.size(); ++i)
        post(i);
    m_poll.start();
}

QString Simulator::threadOf(const Play& play) const
{
    return play.scenario.name + u'-' + m_settings.runId;
}

void Simulator::post(int index)
{
    Play& play = m_plays[index];
    const QString line = play.scenario.lines.value(play.nextLine);
    QUrl url = m_settings.webUrl;
    url.setPath(QStringLiteral("/ingest/v1/messages"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_settings.token.toUtf8());
    const QJsonObject body{
        {QStringLiteral("channel"), play.scenario.channel},
        {QStringLiteral("thread"), threadOf(play)},
        {QStringLiteral("from"), QJsonObject{{QStringLiteral("handle"), play.scenario.handle},
                                             {QStringLiteral("name"), play.scenario.displayName}}},
        {QStringLiteral("visibility"), play.scenario.visibility},
        {QStringLiteral("language"), play.scenario.language},
        {QStringLiteral("text"), line},
        // The same id on a retry: the hub stores the message once.
        {QStringLiteral("messageId"),
         QString(threadOf(play) + QStringLiteral("-m%1").arg(play.nextLine))}};
    ++m_inFlight;
    QNetworkReply* reply =
        m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply, index] {
        reply->deleteLater();
        --m_inFlight;
        Play& current = m_plays[index];
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        if (status != 200 && status != 201) {
            ++m_failures;
            current.done = true;
            report(QStringLiteral("post.failed"), current,
                   {{QStringLiteral("status"), status},
                    {QStringLiteral("error"), answer.value(QLatin1StringView("error"))},
                    {QStringLiteral("network"), reply->errorString()}});
            finishIfDone();
            return;
        }
        current.lastSeenSeq = answer.value(QLatin1StringView("seq")).toInteger();
        report(QStringLiteral("posted"), current,
               {{QStringLiteral("line"), current.nextLine},
                {QStringLiteral("interaction"), answer.value(QLatin1StringView("interactionId"))}});
        ++current.nextLine;
        current.waitingSinceMs = now();
        if (current.nextLine >= current.scenario.lines.size())
            current.done = true;
        finishIfDone();
    });
}

void Simulator::poll()
{
    for (int i = 0; i < m_plays.size(); ++i) {
        Play& play = m_plays[i];
        if (play.done || play.waitingSinceMs == 0)
            continue;
        if (now() - play.waitingSinceMs > m_settings.replyWait.count()) {
            play.done = true;
            report(QStringLiteral("gave_up"), play, {{QStringLiteral("line"), play.nextLine}});
            continue;
        }
        QUrl url = m_settings.webUrl;
        url.setPath(QStringLiteral("/ingest/v1/replies"));
        url.setQuery(QUrlQuery{{QStringLiteral("channel"), play.scenario.channel},
                               {QStringLiteral("thread"), threadOf(play)},
                               {QStringLiteral("after"), QString::number(play.lastSeenSeq)}});
        QNetworkRequest request(url);
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             "Bearer " + m_settings.token.toUtf8());
        ++m_inFlight;
        QNetworkReply* reply = m_network.get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, i] {
            reply->deleteLater();
            --m_inFlight;
            Play& current = m_plays[i];
            const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
            bool answered = false;
            for (const QJsonValue& value : answer.value(QLatin1StringView("messages")).toArray()) {
                const QJsonObject message = value.toObject();
                current.lastSeenSeq = std::max(current.lastSeenSeq,
                                               message.value(QLatin1StringView("seq")).toInteger());
                if (message.value(QLatin1StringView("sender")).toString() ==
                    QStringLiteral("agent")) {
                    answered = true;
                    report(QStringLiteral("answered"), current,
                           {{QStringLiteral("text"), message.value(QLatin1StringView("text"))}});
                }
            }
            if (answered && !current.done && current.waitingSinceMs > 0) {
                current.waitingSinceMs = 0;
                post(i);
            }
            finishIfDone();
        });
    }
}

void Simulator::report(const QString& event, const Play& play, const QJsonObject& extra)
{
    QJsonObject line = extra;
    line.insert(QStringLiteral("event"), event);
    line.insert(QStringLiteral("scenario"), play.scenario.name);
    line.insert(QStringLiteral("channel"), play.scenario.channel);
    std::fprintf(stdout, "%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

void Simulator::finishIfDone()
{
    if (m_inFlight > 0)
        return;
    for (const Play& play : std::as_const(m_plays)) {
        if (!play.done)
            return;
    }
    m_poll.stop();
    Q_EMIT finished();
}

} // namespace qidong::hub::simulate
