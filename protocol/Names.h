#pragma once

#include <QLatin1StringView>

// Method and event names of protocol v1; docs/protocol.md describes each.
namespace qidong::protocol::method {
inline constexpr QLatin1StringView Hello("hello");
inline constexpr QLatin1StringView Ping("ping");
inline constexpr QLatin1StringView AuthLogin("auth.login");
inline constexpr QLatin1StringView AuthRefresh("auth.refresh");
inline constexpr QLatin1StringView AuthLogout("auth.logout");
inline constexpr QLatin1StringView SessionResume("session.resume");
inline constexpr QLatin1StringView SessionSnapshot("session.snapshot");
inline constexpr QLatin1StringView AgentSetState("agent.setState");
inline constexpr QLatin1StringView FloorAgents("floor.agents");
inline constexpr QLatin1StringView FloorSubscribe("floor.subscribe");
inline constexpr QLatin1StringView FloorUnsubscribe("floor.unsubscribe");
inline constexpr QLatin1StringView FloorIntraday("floor.intraday");
inline constexpr QLatin1StringView FloorWaiting("floor.waiting");
inline constexpr QLatin1StringView AgentForceState("agent.forceState");
inline constexpr QLatin1StringView AgentForceSignOut("agent.forceSignOut");
inline constexpr QLatin1StringView AgentAdjust("agent.adjust");
inline constexpr QLatin1StringView InteractionReassign("interaction.reassign");
inline constexpr QLatin1StringView AlertList("alert.list");
inline constexpr QLatin1StringView AlertAcknowledge("alert.acknowledge");
inline constexpr QLatin1StringView AlertAssign("alert.assign");
inline constexpr QLatin1StringView AgentRequestHelp("agent.requestHelp");
inline constexpr QLatin1StringView MonitorStart("monitor.start");
inline constexpr QLatin1StringView MonitorMode("monitor.mode");
inline constexpr QLatin1StringView MonitorStop("monitor.stop");
inline constexpr QLatin1StringView MonitorWhisper("monitor.whisper");
inline constexpr QLatin1StringView InteractionAccept("interaction.accept");
inline constexpr QLatin1StringView InteractionReject("interaction.reject");
inline constexpr QLatin1StringView InteractionEnd("interaction.end");
inline constexpr QLatin1StringView InteractionWrapUp("interaction.wrapUp");
inline constexpr QLatin1StringView InteractionTransfer("interaction.transfer");
inline constexpr QLatin1StringView CallMedia("call.media");
inline constexpr QLatin1StringView CallHold("call.hold");
inline constexpr QLatin1StringView CallRecord("call.record");
inline constexpr QLatin1StringView CallConsult("call.consult");
inline constexpr QLatin1StringView CallConsultAnswer("call.consultAnswer");
inline constexpr QLatin1StringView CallConsultEnd("call.consultEnd");
inline constexpr QLatin1StringView CallDial("call.dial");
inline constexpr QLatin1StringView CallHangUp("call.hangUp");
inline constexpr QLatin1StringView CallDialNumber("call.dialNumber");
inline constexpr QLatin1StringView CallDialCustomer("call.dialCustomer");
inline constexpr QLatin1StringView AdminCreateInteraction("admin.createInteraction");
inline constexpr QLatin1StringView ChatSend("chat.send");
inline constexpr QLatin1StringView ChatTyping("chat.typing");
inline constexpr QLatin1StringView ChatHistory("chat.history");
inline constexpr QLatin1StringView ChatRead("chat.read");
inline constexpr QLatin1StringView ChatAttachment("chat.attachment");
inline constexpr QLatin1StringView CannedList("canned.list");
inline constexpr QLatin1StringView DirectoryList("directory.list");
inline constexpr QLatin1StringView HistoryList("history.list");
inline constexpr QLatin1StringView KbSearch("kb.search");
inline constexpr QLatin1StringView KbArticle("kb.article");
inline constexpr QLatin1StringView KbFeedback("kb.feedback");
inline constexpr QLatin1StringView KbSuggest("kb.suggest");
inline constexpr QLatin1StringView CustomerGet("customer.get");
inline constexpr QLatin1StringView CustomerTimeline("customer.timeline");
inline constexpr QLatin1StringView CustomerLookup("customer.lookup");
inline constexpr QLatin1StringView CustomerReveal("customer.reveal");
inline constexpr QLatin1StringView CustomerLink("customer.link");
inline constexpr QLatin1StringView CustomerNoteAdd("customer.noteAdd");
inline constexpr QLatin1StringView CustomerNoteEdit("customer.noteEdit");
inline constexpr QLatin1StringView CustomerMerge("customer.merge");
inline constexpr QLatin1StringView CustomerUnmerge("customer.unmerge");
inline constexpr QLatin1StringView CustomerOffer("customer.offer");
inline constexpr QLatin1StringView CustomerRecordingLink("customer.recordingLink");
inline constexpr QLatin1StringView CaseResolve("case.resolve");
inline constexpr QLatin1StringView CaseCloseLoop("case.closeLoop");
// The customer page's socket (/customer/ws on the web port).
inline constexpr QLatin1StringView CustomerStart("customer.start");
inline constexpr QLatin1StringView CustomerResume("customer.resume");
inline constexpr QLatin1StringView CustomerSend("customer.send");
inline constexpr QLatin1StringView CustomerTyping("customer.typing");
inline constexpr QLatin1StringView CustomerRead("customer.read");
inline constexpr QLatin1StringView CustomerEnd("customer.end");
inline constexpr QLatin1StringView CustomerRate("customer.rate");
inline constexpr QLatin1StringView CustomerMedia("customer.media");
inline constexpr QLatin1StringView CustomerCallback("customer.callback");
inline constexpr QLatin1StringView CustomerAnswer("customer.answer");
inline constexpr QLatin1StringView CustomerDecline("customer.decline");
inline constexpr QLatin1StringView CustomerHangUp("customer.hangUp");
// The phone trunk's socket (/trunk/ws on the web port): the boundary to the
// telephone network.
inline constexpr QLatin1StringView TrunkRegister("trunk.register");
inline constexpr QLatin1StringView TrunkAnswer("trunk.answer");
inline constexpr QLatin1StringView TrunkReject("trunk.reject");
inline constexpr QLatin1StringView TrunkHangUp("trunk.hangUp");
} // namespace qidong::protocol::method

namespace qidong::protocol::event {
inline constexpr QLatin1StringView AgentStateChanged("agent.stateChanged");
inline constexpr QLatin1StringView HubDraining("hub.draining");
inline constexpr QLatin1StringView FloorDelta("floor.delta");
inline constexpr QLatin1StringView FloorAlert("floor.alert");
inline constexpr QLatin1StringView MonitorChanged("monitor.changed");
inline constexpr QLatin1StringView MonitorNotice("monitor.notice");
inline constexpr QLatin1StringView MonitorWhisper("monitor.whisper");
inline constexpr QLatin1StringView InteractionOffered("interaction.offered");
inline constexpr QLatin1StringView InteractionUpdated("interaction.updated");
inline constexpr QLatin1StringView InteractionRevoked("interaction.revoked");
inline constexpr QLatin1StringView ChatMessage("chat.message");
inline constexpr QLatin1StringView ChatTyping("chat.typing");
inline constexpr QLatin1StringView ChatReceipt("chat.receipt");
inline constexpr QLatin1StringView CallDtmf("call.dtmf");
inline constexpr QLatin1StringView CallConsultChanged("call.consult");
inline constexpr QLatin1StringView CallDialChanged("call.dial");
// Customer socket only.
inline constexpr QLatin1StringView QueuePosition("queue.position");
inline constexpr QLatin1StringView ConversationState("conversation.state");
// Trunk socket only.
inline constexpr QLatin1StringView TrunkCall("trunk.call");
inline constexpr QLatin1StringView TrunkHangUp("trunk.hangUp");
} // namespace qidong::protocol::event
