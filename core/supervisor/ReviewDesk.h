#pragma once

#include "core/connection/HubConnection.h"
#include "models/ChatTranscriptModel.h"
#include "models/ReviewListModel.h"
#include "protocol/Review.h"

#include <QObject>
#include <QUrl>

namespace qidong::core {

// A team lead's quality review: finds ended interactions, opens one (a
// call's recording link, or a chat's whole transcript) and keeps a
// scorecard on it. Answers to an older search or a row no longer open are
// dropped, so a quick click-through shows the last one chosen.
class ReviewDesk final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewDesk)

public:
    explicit ReviewDesk(HubConnection& connection, QObject* parent = nullptr);
    ~ReviewDesk() override;

    void search(const protocol::ReviewQuery& query);
    // Opens a row of the results: its recording or its transcript.
    void open(const QString& interactionId);
    void save(const protocol::QaScorecard& card);

    models::ReviewListModel& results() { return m_results; }
    models::ChatTranscriptModel& transcript() { return m_transcript; }
    QString openId() const { return m_openId; }

Q_SIGNALS:
    void searched(int count);
    void recordingReady(const QString& interactionId, const QUrl& url);
    void transcriptReady(const QString& interactionId);
    void saved(const qidong::protocol::QaScorecard& card);
    void failed(const QString& method, const qidong::protocol::Error& error);

private:
    HubConnection& m_connection;
    models::ReviewListModel m_results;
    models::ChatTranscriptModel m_transcript;
    QString m_openId;
    int m_searchGeneration = 0;
};

} // namespace qidong::core
