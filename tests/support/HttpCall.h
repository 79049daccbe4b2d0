#pragma once

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

namespace qidong::test {

struct HttpAnswer
{
    int status = 0; // 0: no answer in time
    QJsonObject body;
};

// One HTTP request to a hub's web port, waited for (tests only). A bearer
// token is sent when given; a JSON body with anything but GET.
HttpAnswer httpCall(QNetworkAccessManager& network, const QByteArray& verb, const QUrl& url,
                    const QString& token = {}, const QJsonObject& body = {});

} // namespace qidong::test
