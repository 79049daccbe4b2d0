#include "ReviewDesk.h"

#include "protocol/Names.h"

#include <QJsonArray>

namespace qidong::core {

using namespace qidong::protocol;

ReviewDesk::ReviewDesk(HubConnection& connection, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
{}

ReviewDesk::~ReviewDesk() = default;

void ReviewDesk::search(const ReviewQuery& query)
{
    const int generation = ++m_searchGeneration;
    m_connection.request(QString(method::ReviewSearch), query.toJson(), this,
                         [this, generation](const Response& response) {
                             if (generation != m_searchGeneration)
                                 return;
                             if (response.error) {
                                 Q_EMIT failed(QString(method::ReviewSearch), *response.error);
                                 return;
                             }
                             QList<ReviewItem> items;
                             for (const QJsonValue& value :
                                  response.result.value(QLatin1StringView("items")).toArray()) {
                                 Result<ReviewItem> item = ReviewItem::fromJson(value.toObject());
                                 if (item)
                                     items.append(item.value());
                             }
                             m_results.replaceAll(items);
                             Q_EMIT searched(int(items.size()));
                         });
}

void ReviewDesk::open(const QString& interactionId)
{
    const int row = m_results.rowOf(interactionId);
    const ReviewItem* item = m_results.itemAt(row);
    if (!item)
        return;
    m_openId = interactionId;
    m_transcript.clear();
    if (isCallChannel(item->interaction.channel)) {
        if (!item->recorded)
            return;
        m_connection.request(
            QString(method::CustomerRecordingLink),
            {{QStringLiteral("interactionId"), interactionId}}, this,
            [this, interactionId](const Response& response) {
                if (interactionId != m_openId)
                    return;
                if (response.error) {
                    Q_EMIT failed(QString(method::CustomerRecordingLink), *response.error);
                    return;
                }
                QUrl url(response.result.value(QLatin1StringView("url")).toString());
                // A hub listening on every address names 0.0.0.0: use the
                // host this desktop reached it by.
                if (url.host() == QStringLiteral("0.0.0.0") || url.host() == QStringLiteral("::"))
                    url.setHost(m_connection.url().host());
                Q_EMIT recordingReady(interactionId, url);
            });
        return;
    }
    m_connection.request(QString(method::ReviewTranscript),
                         {{QStringLiteral("interactionId"), interactionId}}, this,
                         [this, interactionId](const Response& response) {
                             if (interactionId != m_openId)
                                 return;
                             if (response.error) {
                                 Q_EMIT failed(QString(method::ReviewTranscript), *response.error);
                                 return;
                             }
                             Result<ChatHistory> history = ChatHistory::fromJson(response.result);
                             if (history)
                                 m_transcript.addAll(history.value().messages);
                             Q_EMIT transcriptReady(interactionId);
                         });
}

void ReviewDesk::save(const QaScorecard& card)
{
    m_connection.request(QString(method::ReviewSave), card.toJson(), this,
                         [this](const Response& response) {
                             if (response.error) {
                                 Q_EMIT failed(QString(method::ReviewSave), *response.error);
                                 return;
                             }
                             Result<QaScorecard> stored = QaScorecard::fromJson(
                                 response.result.value(QLatin1StringView("scorecard")).toObject());
                             if (!stored)
                                 return;
                             m_results.setScorecard(stored.value());
                             Q_EMIT saved(stored.value());
                         });
}

} // namespace qidong::core
