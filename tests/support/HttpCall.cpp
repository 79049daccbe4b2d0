#include "HttpCall.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QtTest/QTest>

namespace qidong::test {

HttpAnswer httpCall(QNetworkAccessManager& network, const QByteArray& verb, const QUrl& url,
                    const QString& token, const QJsonObject& body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + token.toUtf8());
    QNetworkReply* reply = network.sendCustomRequest(
        request, verb, verb == "GET" ? QByteArray() : QJsonDocument(body).toJson());
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        return {};
    HttpAnswer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                      QJsonDocument::fromJson(reply->readAll()).object()};
    reply->deleteLater();
    return answer;
}

} // namespace qidong::test
