#pragma once

#include "TestClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <optional>

namespace qidong::bench {

struct TimedAnswer
{
    protocol::Response response;
    double ms = 0; // from sending to the answer's arrival
};

// Sends a request and waits for its answer, timed on arrival (TestClient's
// call() would add its polling interval). Nothing after 15 s.
inline std::optional<TimedAnswer> timedCall(test::TestClient& client, const QString& method,
                                            const QJsonObject& params)
{
    QEventLoop loop;
    qint64 id = -1;
    double ms = 0;
    QElapsedTimer timer;
    QObject::connect(&client, &test::TestClient::responseArrived, &loop, [&](qint64 answered) {
        if (answered != id)
            return;
        ms = double(timer.nsecsElapsed()) / 1e6;
        loop.quit();
    });
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    timer.start();
    id = client.sendRequest(method, params);
    loop.exec();
    std::optional<protocol::Response> response = client.takeResponse(id);
    if (!response)
        return std::nullopt;
    return TimedAnswer{*response, ms};
}

} // namespace qidong::bench
