#pragma once

#include "protocol/Message.h"

namespace qidong::hub {

class AuditLog;
class ChatStore;
class ClientConnection;
class MethodDispatcher;
class RecordingLinks;
class ReviewStore;

// Quality review for team leads (docs/protocol.md §18): review.search finds
// ended interactions, review.transcript reads a chat's whole conversation,
// review.save keeps a scorecard on the interaction (audited). A call's
// recording plays through customer.recordingLink.
class ReviewMethods final
{
    Q_DISABLE_COPY_MOVE(ReviewMethods)

public:
    ReviewMethods(ReviewStore& reviews, ChatStore& chats, RecordingLinks& recordings,
                  AuditLog& audit);

    void registerWith(MethodDispatcher& dispatcher);

    // Messages review.transcript gives at most (a page of chat.history is 100).
    static constexpr int kTranscriptLimit = 1000;

private:
    void search(ClientConnection& caller, const protocol::Request& request);
    void transcript(ClientConnection& caller, const protocol::Request& request);
    void save(ClientConnection& caller, const protocol::Request& request);

    ReviewStore& m_reviews;
    ChatStore& m_chats;
    RecordingLinks& m_recordings;
    AuditLog& m_audit;
};

} // namespace qidong::hub
