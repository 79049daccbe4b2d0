#pragma once

#include "Scenarios.h"

#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <chrono>

namespace qidong::hub::simulate {

// `qidong-hub simulate`: plays scenarios against a hub's ingest API as the
// outside channels would (Weibo, WeChat, SMS, email): posts a customer's
// message, waits for an agent's answer, posts the next line. Prints one
// JSON line per step; finishes when every scenario has played out or its
// wait for an answer ran out.
class Simulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Simulator)

public:
    struct Settings
    {
        QUrl webUrl;
        QString token;
        std::chrono::milliseconds replyWait{std::chrono::minutes(5)};
        std::chrono::milliseconds pollInterval{1000};
        QString runId; // makes threads unique per run
    };

    Simulator(Settings settings, QList<Scenario> scenarios, QObject* parent = nullptr);

    void start();
    int failures() const { return m_failures; }

Q_SIGNALS:
    void finished();

private:
    struct Play
    {
        Scenario scenario;
        int nextLine = 0;
        qint64 lastSeenSeq = 0;
        qint64 waitingSinceMs = 0;
        bool done = false;
    };

    void post(int index);
    void poll();
    void report(const QString& event, const Play& play, const QJsonObject& extra = {});
    void finishIfDone();
    QString threadOf(const Play& play) const;

    Settings m_settings;
    QNetworkAccessManager m_network;
    QList<Play> m_plays;
    QTimer m_poll;
    int m_failures = 0;
    int m_inFlight = 0;
};

} // namespace qidong::hub::simulate
