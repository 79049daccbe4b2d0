#include "ChatMethods.h"

#include "RequestParams.h"
#include "agents/AgentDirectory.h"
#include "chat/ChatService.h"
#include "protocol/Names.h"
#include "server/MethodDispatcher.h"
#include "session/Session.h"
#include "storage/AccountStore.h"

#include <QJsonArray>

namespace qidong::hub {

using namespace qidong::protocol;

ChatMethods::ChatMethods(ChatService& chat, const AccountStore& accounts,
                         const AgentDirectory& agents)
    : m_chat(chat)
    , m_accounts(accounts)
    , m_agents(agents)
{}

void ChatMethods::registerWith(MethodDispatcher& dispatcher)
{
    const MethodDispatcher::Access workers{true, {Role::Agent, Role::Supervisor}, false, false};
    dispatcher.add(
        method::ChatSend, workers, [this](ClientConnection& caller, const Request& request) {
            const auto params = readParams<ChatSendParams>(caller, request);
            if (!params)
                return;
            if (params->interactionId.isEmpty()) {
                caller.sendError(
                    request.id,
                    makeError(ErrorCode::InvalidParams, QStringLiteral("missing field"),
                              {{QStringLiteral("field"), QStringLiteral("interactionId")}}));
                return;
            }
            const Result<ChatMessage> sent =
                m_chat.sendFromAgent(caller.session()->agentId(), *params);
            if (!sent)
                caller.sendError(request.id, sent.error());
            else
                caller.sendResult(request.id, {{QStringLiteral("message"), sent.value().toJson()}});
        });
    dispatcher.add(
        method::ChatTyping, workers, [this](ClientConnection& caller, const Request& request) {
            const auto params = readParams<ChatTypingParams>(caller, request);
            if (!params)
                return;
            const Result<bool> done = m_chat.typingFromAgent(caller.session()->agentId(), *params);
            if (!done)
                caller.sendError(request.id, done.error());
            else
                caller.sendResult(request.id, {});
        });
    dispatcher.add(method::ChatHistory, workers,
                   [this](ClientConnection& caller, const Request& request) {
                       const auto params = readParams<ChatHistoryParams>(caller, request);
                       if (!params)
                           return;
                       const Result<ChatHistory> history =
                           m_chat.historyForAgent(caller.session()->agentId(), *params);
                       if (!history)
                           caller.sendError(request.id, history.error());
                       else
                           caller.sendResult(request.id, history.value().toJson());
                   });
    dispatcher.add(
        method::ChatRead, workers, [this](ClientConnection& caller, const Request& request) {
            const auto params = readParams<ChatReadParams>(caller, request);
            if (!params)
                return;
            const Result<ChatHistory> held =
                m_chat.historyForAgent(caller.session()->agentId(), {params->interactionId, 0, 1});
            if (!held) {
                caller.sendError(request.id, held.error());
                return;
            }
            const Result<bool> done =
                m_chat.markRead(params->interactionId, Sender::Agent, params->upToSeq);
            if (!done)
                caller.sendError(request.id, done.error());
            else
                caller.sendResult(request.id, {});
        });
    dispatcher.add(method::ChatAttachment, workers,
                   [this](ClientConnection& caller, const Request& request) {
                       const auto params = readParams<InteractionRef>(caller, request);
                       if (!params)
                           return;
                       const Result<AttachmentUpload> file =
                           m_chat.attachmentForAgent(caller.session()->agentId(), params->id);
                       if (!file)
                           caller.sendError(request.id, file.error());
                       else
                           caller.sendResult(request.id, file.value().toJson());
                   });
    dispatcher.add(method::HistoryList, workers,
                   [this](ClientConnection& caller, const Request& request) {
                       const auto params = readParams<InteractionRef>(caller, request);
                       if (!params)
                           return;
                       const Result<QList<PastInteraction>> history =
                           m_chat.customerHistoryForAgent(caller.session()->agentId(), params->id);
                       if (!history) {
                           caller.sendError(request.id, history.error());
                           return;
                       }
                       QJsonArray list;
                       for (const PastInteraction& past : history.value())
                           list.append(past.toJson());
                       caller.sendResult(request.id, {{QStringLiteral("interactions"), list}});
                   });
    dispatcher.add(
        method::CannedList, workers, [this](ClientConnection& caller, const Request& request) {
            const std::optional<Agent> agent = m_accounts.findById(caller.session()->agentId());
            QJsonArray list;
            for (const CannedResponse& canned :
                 m_accounts.cannedResponses(agent ? agent->teamId : QString()))
                list.append(canned.toJson());
            caller.sendResult(request.id, {{QStringLiteral("responses"), list}});
        });
    dispatcher.add(
        method::DirectoryList, workers,
        [this](ClientConnection& caller, const Request& request) { directory(caller, request); });
}

void ChatMethods::directory(ClientConnection& caller, const Request& request)
{
    QJsonArray agents;
    for (const Agent& agent : m_accounts.agents()) {
        if (agent.role == Role::Admin || agent.id == caller.session()->agentId())
            continue;
        agents.append(QJsonObject{
            {QStringLiteral("username"), agent.username},
            {QStringLiteral("displayName"), agent.displayName},
            {QStringLiteral("teamId"), agent.teamId},
            {QStringLiteral("presence"), presenceName(m_agents.stateOf(agent.id).presence)}});
    }
    QJsonArray queues;
    for (const Queue& queue : m_accounts.queues())
        queues.append(queue.toJson());
    caller.sendResult(request.id,
                      {{QStringLiteral("agents"), agents}, {QStringLiteral("queues"), queues}});
}

} // namespace qidong::hub
