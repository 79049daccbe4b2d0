#pragma once

#include "protocol/Message.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace qidong::ctl {

// Connects, says hello and signs in once; reports what the hub answered.
class HubProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubProbe)

public:
    HubProbe(QUrl url, QString username, QString password, QObject* parent = nullptr);

    void start(std::chrono::milliseconds timeout);

Q_SIGNALS:
    // exitCode 0: signed in; 1: the hub refused (typed error); 2: no answer.
    void finished(int exitCode, const QString& report);

private:
    void onText(const QString& text);
    void send(qint64 id, QLatin1StringView method, const QJsonObject& params);
    void finish(int exitCode, const QString& report);

    QWebSocket m_socket;
    QTimer m_timeout;
    QUrl m_url;
    QString m_username;
    QString m_password;
    bool m_done = false;
};

} // namespace qidong::ctl
