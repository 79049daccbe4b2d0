<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DomainText</name>
    <message>
        <source>Voice</source>
        <translation>Voice</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Social</source>
        <translation>Social</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Callback</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Offered</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>On hold</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Not Ready</source>
        <translation>Not Ready</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Busy</translation>
    </message>
    <message>
        <source>After-call work</source>
        <translation>After-call work</translation>
    </message>
    <message>
        <source>Outbound call</source>
        <translation>Outbound call</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Wrong username or password.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed sign-ins. Try again in %n second.</numerusform>
            <numerusform>Too many failed sign-ins. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Your session has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>Cannot reach the hub. Check the address and your network.</source>
        <translation>Cannot reach the hub. Check the address and your network.</translation>
    </message>
    <message>
        <source>The hub did not answer in time.</source>
        <translation>The hub did not answer in time.</translation>
    </message>
    <message>
        <source>The hub is restarting. Try again in a moment.</source>
        <translation>The hub is restarting. Try again in a moment.</translation>
    </message>
    <message>
        <source>This desktop is too old or too new for the hub. Please update.</source>
        <translation>This desktop is too old or too new for the hub. Please update.</translation>
    </message>
    <message>
        <source>You are not allowed to do that.</source>
        <translation>You are not allowed to do that.</translation>
    </message>
    <message>
        <source>That is not possible right now.</source>
        <translation>That is not possible right now.</translation>
    </message>
    <message>
        <source>The hub could not save the change. Nothing was changed.</source>
        <translation>The hub could not save the change. Nothing was changed.</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Something went wrong (%1).</translation>
    </message>
    <message>
        <source>No phone line: the hub has no telephone trunk connected.</source>
        <translation>No phone line: the hub has no telephone trunk connected.</translation>
    </message>
    <message>
        <source>The customer cannot be reached: they left the web page and there is no phone line to call them on.</source>
        <translation>The customer cannot be reached: they left the web page and there is no phone line to call them on.</translation>
    </message>
</context>
<context>
    <name>RecordingPlayback</name>
    <message>
        <source>The sound device %1 stopped.</source>
        <translation>The sound device %1 stopped.</translation>
    </message>
    <message>
        <source>The sound device cannot be opened.</source>
        <translation>The sound device cannot be opened.</translation>
    </message>
</context>
<context>
    <name>qidong::app::SignInFlow</name>
    <message>
        <source>Link not followed: %1</source>
        <translation>Link not followed: %1</translation>
    </message>
</context>
<context>
    <name>qidong::core::ChatDesk</name>
    <message>
        <source>Files of type %1 cannot be sent. Allowed: images, PDF and plain text.</source>
        <translation>Files of type %1 cannot be sent. Allowed: images, PDF and plain text.</translation>
    </message>
    <message>
        <source>The file is %1 KiB; at most %2 KiB can be sent.</source>
        <translation>The file is %1 KiB; at most %2 KiB can be sent.</translation>
    </message>
</context>
<context>
    <name>qidong::core::CredentialStore</name>
    <message>
        <source>No keychain service is available, so Qidong cannot remember your sign-in. You can still sign in; you will be asked for your password next time.</source>
        <translation>No keychain service is available, so Qidong cannot remember your sign-in. You can still sign in; you will be asked for your password next time.</translation>
    </message>
    <message>
        <source>The keychain refused access, so Qidong cannot remember your sign-in.</source>
        <translation>The keychain refused access, so Qidong cannot remember your sign-in.</translation>
    </message>
    <message>
        <source>The keychain failed (%1), so Qidong cannot remember your sign-in.</source>
        <translation>The keychain failed (%1), so Qidong cannot remember your sign-in.</translation>
    </message>
</context>
<context>
    <name>qidong::core::MonitorDesk</name>
    <message>
        <source>Finish your own call first: the headset is in use.</source>
        <translation>Finish your own call first: the headset is in use.</translation>
    </message>
</context>
<context>
    <name>qidong::models::AlertListModel</name>
    <message>
        <source>%1 asks for help</source>
        <translation>%1 asks for help</translation>
    </message>
    <message>
        <source>%1 asks for help: %2</source>
        <translation>%1 asks for help: %2</translation>
    </message>
    <message>
        <source>%1 reports an abusive customer</source>
        <translation>%1 reports an abusive customer</translation>
    </message>
    <message>
        <source>%1 reports an abusive customer: %2</source>
        <translation>%1 reports an abusive customer: %2</translation>
    </message>
    <message>
        <source>%1 may miss its service level (%2)</source>
        <translation>%1 may miss its service level (%2)</translation>
    </message>
    <message>
        <source>%1 has waited past the SLA in %2</source>
        <translation>%1 has waited past the SLA in %2</translation>
    </message>
    <message>
        <source>%1 is long in after-call work (%2)</source>
        <translation>%1 is long in after-call work (%2)</translation>
    </message>
    <message>
        <source>%1 is long Not Ready (%2)</source>
        <translation>%1 is long Not Ready (%2)</translation>
    </message>
    <message>
        <source>Public post by %1 in %2</source>
        <translation>Public post by %1 in %2</translation>
    </message>
    <message>
        <source>Flagged words in %1: %2</source>
        <translation>Flagged words in %1: %2</translation>
    </message>
</context>
<context>
    <name>qidong::models::FloorRosterModel</name>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>In state</source>
        <translation>In state</translation>
    </message>
    <message>
        <source>Working on</source>
        <translation>Working on</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Handled</translation>
    </message>
    <message>
        <source>AHT</source>
        <translation>AHT</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>(disconnected)</source>
        <translation>(disconnected)</translation>
    </message>
</context>
<context>
    <name>qidong::models::InteractionListModel</name>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Unread</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>overdue %1</translation>
    </message>
</context>
<context>
    <name>qidong::models::ReviewListModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>QA</source>
        <translation>QA</translation>
    </message>
</context>
<context>
    <name>qidong::models::TimelineModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
</context>
<context>
    <name>qidong::ui::AboutDialog</name>
    <message>
        <source>the application framework</source>
        <translation>the application framework</translation>
    </message>
    <message>
        <source>remembering sign-ins in the keychain</source>
        <translation>remembering sign-ins in the keychain</translation>
    </message>
    <message>
        <source>resampling audio</source>
        <translation>resampling audio</translation>
    </message>
    <message>
        <source>echo cancellation and noise suppression</source>
        <translation>echo cancellation and noise suppression</translation>
    </message>
    <message>
        <source>About Qidong</source>
        <translation>About Qidong</translation>
    </message>
    <message>
        <source>Qidong %1 (契动), the agent desktop. Qt %2.</source>
        <translation>Qidong %1 (契动), the agent desktop. Qt %2.</translation>
    </message>
    <message>
        <source>Built on these parts, each under its own license:</source>
        <translation>Built on these parts, each under its own license:</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>License</source>
        <translation>License</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>Used for</translation>
    </message>
    <message>
        <source>the voice codec and playing recordings</source>
        <translation>the voice codec and playing recordings</translation>
    </message>
</context>
<context>
    <name>qidong::ui::ChatPane</name>
    <message>
        <source>No conversation selected</source>
        <translation>No conversation selected</translation>
    </message>
</context>
<context>
    <name>qidong::ui::Composer</name>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <source>Canned…</source>
        <translation>Canned…</translation>
    </message>
    <message>
        <source>Write a reply — Ctrl+Enter sends, / for canned responses</source>
        <translation>Write a reply — Ctrl+Enter sends, / for canned responses</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Send (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>The message is too long (%1 characters; at most %2).</source>
        <translation>The message is too long (%1 characters; at most %2).</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Attach a file</translation>
    </message>
    <message>
        <source>Images, PDF and text (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt)</source>
        <translation>Images, PDF and text (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
</context>
<context>
    <name>qidong::ui::ConnectionIndicator</name>
    <message>
        <source>Connection to the hub</source>
        <translation>Connection to the hub</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● Connected</translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation>● Connecting…</translation>
    </message>
    <message>
        <source>● Connection lost. Reconnecting in %1 s (attempt %2)…</source>
        <translation>● Connection lost. Reconnecting in %1 s (attempt %2)…</translation>
    </message>
    <message>
        <source>● Connection lost. Reconnecting now (attempt %1)…</source>
        <translation>● Connection lost. Reconnecting now (attempt %1)…</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>● Offline: %1</source>
        <translation>● Offline: %1</translation>
    </message>
    <message>
        <source>● Signed out: %1</source>
        <translation>● Signed out: %1</translation>
    </message>
</context>
<context>
    <name>qidong::ui::ConversationView</name>
    <message>
        <source>The customer is typing…</source>
        <translation>The customer is typing…</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Transfer…</translation>
    </message>
    <message>
        <source>End chat</source>
        <translation>End chat</translation>
    </message>
    <message>
        <source>public post</source>
        <translation>public post</translation>
    </message>
    <message>
        <source>Transfer note: %1</source>
        <translation>Transfer note: %1</translation>
    </message>
    <message>
        <source>SLA %1</source>
        <translation>SLA %1</translation>
    </message>
    <message>
        <source>SLA −%1</source>
        <translation>SLA −%1</translation>
    </message>
    <message>
        <source>Earlier contacts (%1):</source>
        <translation>Earlier contacts (%1):</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>follow-up</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Cannot save %1: %2</translation>
    </message>
    <message>
        <source>Call customer</source>
        <translation>Call customer</translation>
    </message>
    <message>
        <source>Call this customer now on the web page they chat from</source>
        <translation>Call this customer now on the web page they chat from</translation>
    </message>
</context>
<context>
    <name>qidong::ui::CustomerPane</name>
    <message>
        <source>Platinum</source>
        <translation>Platinum</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Resolved, customer not told yet</source>
        <translation>Resolved, customer not told yet</translation>
    </message>
    <message>
        <source>Closed, customer told</source>
        <translation>Closed, customer told</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Suggested</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Offered</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>No conversation selected</source>
        <translation>No conversation selected</translation>
    </message>
    <message>
        <source>Loading customer…</source>
        <translation>Loading customer…</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Reveal</translation>
    </message>
    <message>
        <source>Show in full; the hub records who looked</source>
        <translation>Show in full; the hub records who looked</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>Also known as</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Load older</source>
        <translation>Load older</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Offers</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Close the &amp;loop…</source>
        <translation>Close the &amp;loop…</translation>
    </message>
    <message>
        <source>Tell the customer the outcome over their preferred channel</source>
        <translation>Tell the customer the outcome over their preferred channel</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>A note on this customer for everyone who serves them</source>
        <translation>A note on this customer for everyone who serves them</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>%1 · value %2 · prefers %3 · %4</source>
        <translation>%1 · value %2 · prefers %3 · %4</translation>
    </message>
    <message numerus="yes">
        <source>NPS %1 (%n answer(s))</source>
        <translation>
            <numerusform>NPS %1 (%n answer)</numerusform>
            <numerusform>NPS %1 (%n answers)</numerusform>
        </translation>
    </message>
    <message>
        <source>NPS: no answers yet</source>
        <translation>NPS: no answers yet</translation>
    </message>
    <message>
        <source>offers: %1 of %2 accepted (%3%)</source>
        <translation>offers: %1 of %2 accepted (%3%)</translation>
    </message>
    <message>
        <source>no offers made yet</source>
        <translation>no offers made yet</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>Ours</translation>
    </message>
    <message>
        <source>— %1, %2</source>
        <translation>— %1, %2</translation>
    </message>
    <message>
        <source>Only a resolved case can be closed with the customer</source>
        <translation>Only a resolved case can be closed with the customer</translation>
    </message>
    <message>
        <source>Close the loop</source>
        <translation>Close the loop</translation>
    </message>
    <message>
        <source>What the customer will be told:</source>
        <translation>What the customer will be told:</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Call</translation>
    </message>
    <message>
        <source>Ring the customer&apos;s phone; the number stays hidden</source>
        <translation>Ring the customer&apos;s phone; the number stays hidden</translation>
    </message>
    <message>
        <source>Add identity…</source>
        <translation>Add identity…</translation>
    </message>
    <message>
        <source>Merge with…</source>
        <translation>Merge with…</translation>
    </message>
    <message>
        <source>Another record is this same person: bring it into this one</source>
        <translation>Another record is this same person: bring it into this one</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>Undo merge</translation>
    </message>
    <message>
        <source>Add identity</source>
        <translation>Add identity</translation>
    </message>
    <message>
        <source>Merge with another record</source>
        <translation>Merge with another record</translation>
    </message>
    <message>
        <source>Merge records</source>
        <translation>Merge records</translation>
    </message>
    <message>
        <source>The record found by %1 becomes part of %2: contacts, notes and cases together. This is recorded and can be undone.</source>
        <translation>The record found by %1 becomes part of %2: contacts, notes and cases together. This is recorded and can be undone.</translation>
    </message>
    <message>
        <source>Double-click a recorded call (●) to listen</source>
        <translation>Double-click a recorded call (●) to listen</translation>
    </message>
    <message>
        <source>WeChat id</source>
        <translation>WeChat id</translation>
    </message>
    <message>
        <source>Weibo handle</source>
        <translation>Weibo handle</translation>
    </message>
    <message>
        <source>Which identity:</source>
        <translation>Which identity:</translation>
    </message>
</context>
<context>
    <name>qidong::ui::IntradayChart</name>
    <message>
        <source>All queues</source>
        <translation>All queues</translation>
    </message>
    <message>
        <source>Today by half hour</source>
        <translation>Today by half hour</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Service level %</source>
        <translation>Service level %</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
</context>
<context>
    <name>qidong::ui::KnowledgePane</name>
    <message>
        <source>Suggested for this conversation</source>
        <translation>Suggested for this conversation</translation>
    </message>
    <message>
        <source>&amp;Insert into reply</source>
        <translation>&amp;Insert into reply</translation>
    </message>
    <message>
        <source>Send &amp;link</source>
        <translation>Send &amp;link</translation>
    </message>
    <message>
        <source>Helpful</source>
        <translation>Helpful</translation>
    </message>
    <message>
        <source>Not helpful</source>
        <translation>Not helpful</translation>
    </message>
    <message>
        <source>Search knowledge (Ctrl+K)</source>
        <translation>Search knowledge (Ctrl+K)</translation>
    </message>
    <message>
        <source>Open an article to read it here.</source>
        <translation>Open an article to read it here.</translation>
    </message>
    <message>
        <source>Put the answer into the reply being written</source>
        <translation>Put the answer into the reply being written</translation>
    </message>
    <message>
        <source>Send the customer a link to this article</source>
        <translation>Send the customer a link to this article</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>No articles found</source>
        <translation>No articles found</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s), some matching only part of the search</source>
        <translation>
            <numerusform>%n article, matching only part of the search</numerusform>
            <numerusform>%n articles, some matching only part of the search</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggestions follow the conversation shown</source>
        <translation>Suggestions follow the conversation shown</translation>
    </message>
    <message>
        <source>Thank you. %1 found it helpful, %2 did not.</source>
        <translation>Thank you. %1 found it helpful, %2 did not.</translation>
    </message>
    <message>
        <source>for agents only</source>
        <translation>for agents only</translation>
    </message>
    <message>
        <source>customers may read it</source>
        <translation>customers may read it</translation>
    </message>
    <message>
        <source>Version %1, %2; %3 found it helpful</source>
        <translation>Version %1, %2; %3 found it helpful</translation>
    </message>
</context>
<context>
    <name>qidong::ui::MessageDelegate</name>
    <message>
        <source>The conversation was transferred</source>
        <translation>The conversation was transferred</translation>
    </message>
    <message>
        <source>The conversation ended</source>
        <translation>The conversation ended</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Whisper: not shown to the customer</source>
        <translation>Whisper: not shown to the customer</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Team lead</translation>
    </message>
</context>
<context>
    <name>qidong::ui::MonitorPanel</name>
    <message>
        <source>Whisper to agent</source>
        <translation>Whisper to agent</translation>
    </message>
    <message>
        <source>Send to customer</source>
        <translation>Send to customer</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>Whisper</source>
        <translation>Whisper</translation>
    </message>
    <message>
        <source>Barge in</source>
        <translation>Barge in</translation>
    </message>
    <message>
        <source>Stop monitoring</source>
        <translation>Stop monitoring</translation>
    </message>
    <message>
        <source>%1 (consulted)</source>
        <translation>%1 (consulted)</translation>
    </message>
    <message>
        <source>Monitoring %1 with %2 · %3 · %4</source>
        <translation>Monitoring %1 with %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Listening: nobody hears or sees you.</source>
        <translation>Listening: nobody hears or sees you.</translation>
    </message>
    <message>
        <source>Whispering: only the agent hears or reads you.</source>
        <translation>Whispering: only the agent hears or reads you.</translation>
    </message>
    <message>
        <source>Barged in: the customer hears or reads you too.</source>
        <translation>Barged in: the customer hears or reads you too.</translation>
    </message>
    <message>
        <source>The call is in your headset.</source>
        <translation>The call is in your headset.</translation>
    </message>
    <message>
        <source>Finish your own call to hear this one.</source>
        <translation>Finish your own call to hear this one.</translation>
    </message>
    <message>
        <source>The agent is told.</source>
        <translation>The agent is told.</translation>
    </message>
    <message>
        <source>Switch to whisper to coach the agent</source>
        <translation>Switch to whisper to coach the agent</translation>
    </message>
    <message>
        <source>A note for the agent, or for the customer once joined</source>
        <translation>A note for the agent, or for the customer once joined</translation>
    </message>
</context>
<context>
    <name>qidong::ui::MonitoredIndicator</name>
    <message>
        <source>%1 is listening in</source>
        <translation>%1 is listening in</translation>
    </message>
    <message>
        <source>%1 is coaching you</source>
        <translation>%1 is coaching you</translation>
    </message>
    <message>
        <source>%1 joined the conversation</source>
        <translation>%1 joined the conversation</translation>
    </message>
</context>
<context>
    <name>qidong::ui::OfferToast</name>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Incoming offer</source>
        <translation>Incoming offer</translation>
    </message>
    <message>
        <source>Accept the offer</source>
        <translation>Accept the offer</translation>
    </message>
    <message>
        <source>Reject the offer</source>
        <translation>Reject the offer</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) to answer</source>
        <translation>
            <numerusform>%n second to answer</numerusform>
            <numerusform>%n seconds to answer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>qidong::ui::PreferenceMatrix</name>
    <message>
        <source>Contacts by channel and time of day</source>
        <translation>Contacts by channel and time of day</translation>
    </message>
    <message>
        <source>Contacts at 0-6 / 6-12 / 12-18 / 18-24 h</source>
        <translation>Contacts at 0-6 / 6-12 / 12-18 / 18-24 h</translation>
    </message>
</context>
<context>
    <name>qidong::ui::QueueTile</name>
    <message>
        <source>Click to see who is waiting; right-click to set thresholds</source>
        <translation>Click to see who is waiting; right-click to set thresholds</translation>
    </message>
    <message>
        <source>0 waiting</source>
        <translation>0 waiting</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting · longest %1</source>
        <translation>
            <numerusform>%n waiting · longest %1</numerusform>
            <numerusform>%n waiting · longest %1</numerusform>
        </translation>
    </message>
    <message>
        <source>SL %1 · ASA %2 · AHT %3</source>
        <translation>SL %1 · ASA %2 · AHT %3</translation>
    </message>
    <message>
        <source>Offered %1 · answered %2 · abandoned %3
Ready %4 · busy %5 · wrap-up %6 · not ready %7
NPS today %8 / week %9 · conversion today %10 / week %11</source>
        <translation>Offered %1 · answered %2 · abandoned %3
Ready %4 · busy %5 · wrap-up %6 · not ready %7
NPS today %8 / week %9 · conversion today %10 / week %11</translation>
    </message>
    <message>
        <source>Waiting interactions…</source>
        <translation>Waiting interactions…</translation>
    </message>
    <message>
        <source>Thresholds…</source>
        <translation>Thresholds…</translation>
    </message>
</context>
<context>
    <name>qidong::ui::RecordingPlayer</name>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Position in the recording</source>
        <translation>Position in the recording</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>The recording cannot be played: %1</source>
        <translation>The recording cannot be played: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>The recording cannot be fetched: %1</source>
        <translation>The recording cannot be fetched: %1</translation>
    </message>
</context>
<context>
    <name>qidong::ui::ReviewPane</name>
    <message>
        <source>Save scorecard</source>
        <translation>Save scorecard</translation>
    </message>
    <message>
        <source>Calls and chats</source>
        <translation>Calls and chats</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Chats and messages</source>
        <translation>Chats and messages</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>Scorecard</translation>
    </message>
    <message>
        <source>What went well, what to coach</source>
        <translation>What went well, what to coach</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message numerus="yes">
        <source>%n interaction(s) found</source>
        <translation>
            <numerusform>%n interaction found</numerusform>
            <numerusform>%n interactions found</numerusform>
        </translation>
    </message>
    <message>
        <source>Scorecard saved: %1 %</source>
        <translation>Scorecard saved: %1 %</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>Greeting</translation>
    </message>
    <message>
        <source>Understood the need</source>
        <translation>Understood the need</translation>
    </message>
    <message>
        <source>Accurate information</source>
        <translation>Accurate information</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Compliance and privacy</source>
        <translation>Compliance and privacy</translation>
    </message>
    <message>
        <source>Courtesy and empathy</source>
        <translation>Courtesy and empathy</translation>
    </message>
    <message>
        <source>Every agent</source>
        <translation>Every agent</translation>
    </message>
    <message>
        <source>Every queue</source>
        <translation>Every queue</translation>
    </message>
    <message>
        <source>Every disposition</source>
        <translation>Every disposition</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Choose an interaction to review.</source>
        <translation>Choose an interaction to review.</translation>
    </message>
    <message>
        <source>%1 with %2, handled by %3</source>
        <translation>%1 with %2, handled by %3</translation>
    </message>
    <message>
        <source>This call has no recording.</source>
        <translation>This call has no recording.</translation>
    </message>
    <message>
        <source>Total: %1 %</source>
        <translation>Total: %1 %</translation>
    </message>
</context>
<context>
    <name>qidong::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Ring on</source>
        <translation>Ring on</translation>
    </message>
    <message>
        <source>Default output</source>
        <translation>Default output</translation>
    </message>
    <message>
        <source>Ring volume</source>
        <translation>Ring volume</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Ring &amp;on:</source>
        <translation>Ring &amp;on:</translation>
    </message>
    <message>
        <source>Ring &amp;volume:</source>
        <translation>Ring &amp;volume:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Theme:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Default input</source>
        <translation>Default input</translation>
    </message>
    <message>
        <source>Call speaker</source>
        <translation>Call speaker</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Microphone:</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Test</translation>
    </message>
    <message>
        <source>Play a test tone on the call speaker</source>
        <translation>Play a test tone on the call speaker</translation>
    </message>
    <message>
        <source>Call &amp;speaker:</source>
        <translation>Call &amp;speaker:</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Microphone level</translation>
    </message>
    <message>
        <source>&amp;Echo cancellation</source>
        <translation>&amp;Echo cancellation</translation>
    </message>
    <message>
        <source>&amp;Noise suppression</source>
        <translation>&amp;Noise suppression</translation>
    </message>
    <message>
        <source>&amp;Automatic gain</source>
        <translation>&amp;Automatic gain</translation>
    </message>
    <message>
        <source>Voice:</source>
        <translation>Voice:</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Set by your organisation</translation>
    </message>
</context>
<context>
    <name>qidong::ui::ShellWindow</name>
    <message>
        <source>Qidong Agent Desktop — %1</source>
        <translation>Qidong Agent Desktop — %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>My interactions</source>
        <translation>My interactions</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Knowledge</source>
        <translation>Knowledge</translation>
    </message>
    <message>
        <source>No conversation selected</source>
        <translation>No conversation selected</translation>
    </message>
    <message>
        <source>&amp;Work</source>
        <translation>&amp;Work</translation>
    </message>
    <message>
        <source>&amp;Accept offer</source>
        <translation>&amp;Accept offer</translation>
    </message>
    <message>
        <source>&amp;Reject offer</source>
        <translation>&amp;Reject offer</translation>
    </message>
    <message>
        <source>Set &amp;Ready</source>
        <translation>Set &amp;Ready</translation>
    </message>
    <message>
        <source>&amp;End interaction</source>
        <translation>&amp;End interaction</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Incoming offer</source>
        <translation>Incoming offer</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>&amp;Dark theme</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>&amp;Hang up</source>
        <translation>&amp;Hang up</translation>
    </message>
    <message>
        <source>&amp;Mute / unmute</source>
        <translation>&amp;Mute / unmute</translation>
    </message>
    <message>
        <source>H&amp;old / resume</source>
        <translation>H&amp;old / resume</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <source>Mute / unmute</source>
        <translation>Mute / unmute</translation>
    </message>
    <message>
        <source>Keys that work from other applications are not available on this desktop (Wayland, macOS).</source>
        <translation>Keys that work from other applications are not available on this desktop (Wayland, macOS).</translation>
    </message>
    <message>
        <source>Another program holds %1: those keys work only in Qidong.</source>
        <translation>Another program holds %1: those keys work only in Qidong.</translation>
    </message>
    <message>
        <source>From any application:</source>
        <translation>From any application:</translation>
    </message>
    <message>
        <source>Search &amp;knowledge</source>
        <translation>Search &amp;knowledge</translation>
    </message>
    <message>
        <source>My work</source>
        <translation>My work</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Your team lead has been told.</source>
        <translation>Your team lead has been told.</translation>
    </message>
    <message>
        <source>Ask team lead for &amp;help</source>
        <translation>Ask team lead for &amp;help</translation>
    </message>
    <message>
        <source>Report abusive &amp;customer</source>
        <translation>Report abusive &amp;customer</translation>
    </message>
    <message>
        <source>Floor alert</source>
        <translation>Floor alert</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>&amp;About Qidong</source>
        <translation>&amp;About Qidong</translation>
    </message>
</context>
<context>
    <name>qidong::ui::SignInDialog</name>
    <message>
        <source>&amp;Remember me on this computer</source>
        <translation>&amp;Remember me on this computer</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Sign in to Qidong</source>
        <translation>Sign in to Qidong</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Hub address</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Keeps a sign-in token in the system keychain, never your password.</source>
        <translation>Keeps a sign-in token in the system keychain, never your password.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Sign-in status</translation>
    </message>
    <message>
        <source>&amp;Hub:</source>
        <translation>&amp;Hub:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>The hub address must start with ws:// or wss://.</source>
        <translation>The hub address must start with ws:// or wss://.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Set by your organisation</translation>
    </message>
</context>
<context>
    <name>qidong::ui::SoftphonePane</name>
    <message>
        <source>Microphone level</source>
        <translation>Microphone level</translation>
    </message>
    <message>
        <source>Speaker level</source>
        <translation>Speaker level</translation>
    </message>
    <message>
        <source>&amp;Hold</source>
        <translation>&amp;Hold</translation>
    </message>
    <message>
        <source>&amp;Mute</source>
        <translation>&amp;Mute</translation>
    </message>
    <message>
        <source>&amp;Keypad</source>
        <translation>&amp;Keypad</translation>
    </message>
    <message>
        <source>Hang &amp;up</source>
        <translation>Hang &amp;up</translation>
    </message>
    <message>
        <source>Hold the call</source>
        <translation>Hold the call</translation>
    </message>
    <message>
        <source>Mute the microphone</source>
        <translation>Mute the microphone</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <source>Mic</source>
        <translation>Mic</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Customer pressed: %1</source>
        <translation>Customer pressed: %1</translation>
    </message>
    <message>
        <source>Un&amp;mute</source>
        <translation>Un&amp;mute</translation>
    </message>
    <message>
        <source>Audio reconnecting…</source>
        <translation>Audio reconnecting…</translation>
    </message>
    <message>
        <source>Microphone &quot;%1&quot; is gone; using &quot;%2&quot;.</source>
        <translation>Microphone &quot;%1&quot; is gone; using &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Speaker &quot;%1&quot; is gone; using &quot;%2&quot;.</source>
        <translation>Speaker &quot;%1&quot; is gone; using &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Key %1</source>
        <translation>Key %1</translation>
    </message>
    <message>
        <source>No call</source>
        <translation>No call</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>On hold — the customer hears music</source>
        <translation>On hold — the customer hears music</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <source>&amp;Pause recording</source>
        <translation>&amp;Pause recording</translation>
    </message>
    <message>
        <source>Pause or resume the call recording</source>
        <translation>Pause or resume the call recording</translation>
    </message>
    <message>
        <source>Resume &amp;recording</source>
        <translation>Resume &amp;recording</translation>
    </message>
    <message>
        <source>Recording paused</source>
        <translation>Recording paused</translation>
    </message>
    <message>
        <source>● Recording</source>
        <translation>● Recording</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>&amp;Transfer…</translation>
    </message>
    <message>
        <source>C&amp;onsult…</source>
        <translation>C&amp;onsult…</translation>
    </message>
    <message>
        <source>&amp;Answer</source>
        <translation>&amp;Answer</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>&amp;Decline</translation>
    </message>
    <message>
        <source>Complete &amp;transfer</source>
        <translation>Complete &amp;transfer</translation>
    </message>
    <message>
        <source>&amp;Conference</source>
        <translation>&amp;Conference</translation>
    </message>
    <message>
        <source>&amp;Return to caller</source>
        <translation>&amp;Return to caller</translation>
    </message>
    <message>
        <source>Consult a colleague while the caller waits</source>
        <translation>Consult a colleague while the caller waits</translation>
    </message>
    <message>
        <source>No colleague is signed in to consult.</source>
        <translation>No colleague is signed in to consult.</translation>
    </message>
    <message>
        <source>Consult a colleague</source>
        <translation>Consult a colleague</translation>
    </message>
    <message>
        <source>The caller hears music while you talk to:</source>
        <translation>The caller hears music while you talk to:</translation>
    </message>
    <message>
        <source>%1 asks you to consult on a call with %2</source>
        <translation>%1 asks you to consult on a call with %2</translation>
    </message>
    <message>
        <source>Asking %1… the caller is on hold</source>
        <translation>Asking %1… the caller is on hold</translation>
    </message>
    <message>
        <source>Consulting with %1 — %2 cannot hear you</source>
        <translation>Consulting with %1 — %2 cannot hear you</translation>
    </message>
    <message>
        <source>Talking with %1 — the caller is on hold</source>
        <translation>Talking with %1 — the caller is on hold</translation>
    </message>
    <message>
        <source>Conference with %1 and %2</source>
        <translation>Conference with %1 and %2</translation>
    </message>
    <message>
        <source>&amp;Cancel — back to the caller</source>
        <translation>&amp;Cancel — back to the caller</translation>
    </message>
    <message>
        <source>%1 declined.</source>
        <translation>%1 declined.</translation>
    </message>
    <message>
        <source>You missed %1&apos;s request.</source>
        <translation>You missed %1&apos;s request.</translation>
    </message>
    <message>
        <source>%1 did not answer.</source>
        <translation>%1 did not answer.</translation>
    </message>
    <message>
        <source>%1 left the call.</source>
        <translation>%1 left the call.</translation>
    </message>
    <message>
        <source>The call with %1 is yours now.</source>
        <translation>The call with %1 is yours now.</translation>
    </message>
    <message>
        <source>The call went to %1.</source>
        <translation>The call went to %1.</translation>
    </message>
    <message>
        <source>%1 went back to the caller.</source>
        <translation>%1 went back to the caller.</translation>
    </message>
    <message>
        <source>Call &amp;back now</source>
        <translation>Call &amp;back now</translation>
    </message>
    <message>
        <source>Call the customer back</source>
        <translation>Call the customer back</translation>
    </message>
    <message>
        <source>%1 declined the call.</source>
        <translation>%1 declined the call.</translation>
    </message>
    <message>
        <source>Callback request — call %1 back</source>
        <translation>Callback request — call %1 back</translation>
    </message>
    <message>
        <source>Calling %1…</source>
        <translation>Calling %1…</translation>
    </message>
    <message>
        <source>%1 hung up.</source>
        <translation>%1 hung up.</translation>
    </message>
    <message>
        <source>Wrap up the call with %1</source>
        <translation>Wrap up the call with %1</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>&amp;Call</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>Phone number to call</source>
        <translation>Phone number to call</translation>
    </message>
    <message>
        <source>Call this number</source>
        <translation>Call this number</translation>
    </message>
    <message>
        <source>Call &amp;again</source>
        <translation>Call &amp;again</translation>
    </message>
    <message>
        <source>Not connected — call again or hang up</source>
        <translation>Not connected — call again or hang up</translation>
    </message>
</context>
<context>
    <name>qidong::ui::StateSelector</name>
    <message>
        <source>Agent state</source>
        <translation>Agent state</translation>
    </message>
    <message>
        <source>Time in state</source>
        <translation>Time in state</translation>
    </message>
    <message>
        <source>Next state</source>
        <translation>Next state</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Not Ready: %1</source>
        <translation>Not Ready: %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Next: %1</translation>
    </message>
    <message>
        <source> · wrap-up %1 left</source>
        <translation> · wrap-up %1 left</translation>
    </message>
    <message>
        <source> · wrap-up time is up</source>
        <translation> · wrap-up time is up</translation>
    </message>
</context>
<context>
    <name>qidong::ui::SupervisorPane</name>
    <message>
        <source>Done. The audit log keeps who, when and why.</source>
        <translation>Done. The audit log keeps who, when and why.</translation>
    </message>
    <message>
        <source>Search agents</source>
        <translation>Search agents</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>Every state</translation>
    </message>
    <message>
        <source>Why (kept in the audit log)</source>
        <translation>Why (kept in the audit log)</translation>
    </message>
    <message>
        <source>Make ready</source>
        <translation>Make ready</translation>
    </message>
    <message>
        <source>Make not ready</source>
        <translation>Make not ready</translation>
    </message>
    <message>
        <source>Sign out…</source>
        <translation>Sign out…</translation>
    </message>
    <message>
        <source>Skills and capacity…</source>
        <translation>Skills and capacity…</translation>
    </message>
    <message>
        <source>Write why first: the audit log keeps it.</source>
        <translation>Write why first: the audit log keeps it.</translation>
    </message>
    <message>
        <source>Select agents in the list first.</source>
        <translation>Select agents in the list first.</translation>
    </message>
    <message>
        <source>Select one agent to change their skills and capacity.</source>
        <translation>Select one agent to change their skills and capacity.</translation>
    </message>
    <message>
        <source>Skills and capacity for today: %1</source>
        <translation>Skills and capacity for today: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>At once: %1</source>
        <translation>At once: %1</translation>
    </message>
    <message>
        <source>Back to their own</source>
        <translation>Back to their own</translation>
    </message>
    <message>
        <source>Waiting in %1</source>
        <translation>Waiting in %1</translation>
    </message>
    <message>
        <source>%1 · %2 · waiting %3</source>
        <translation>%1 · %2 · waiting %3</translation>
    </message>
    <message>
        <source>Nobody is waiting.</source>
        <translation>Nobody is waiting.</translation>
    </message>
    <message>
        <source>Move to queue</source>
        <translation>Move to queue</translation>
    </message>
    <message>
        <source>Offer to agent</source>
        <translation>Offer to agent</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Thresholds</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Longest wait: warn from</source>
        <translation>Longest wait: warn from</translation>
    </message>
    <message>
        <source>Longest wait: alarm from</source>
        <translation>Longest wait: alarm from</translation>
    </message>
    <message>
        <source>Service level: warn below</source>
        <translation>Service level: warn below</translation>
    </message>
    <message>
        <source>Service level: alarm below</source>
        <translation>Service level: alarm below</translation>
    </message>
    <message>
        <source>Every team</source>
        <translation>Every team</translation>
    </message>
    <message>
        <source>Any skill</source>
        <translation>Any skill</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Assign to selected agent</source>
        <translation>Assign to selected agent</translation>
    </message>
    <message numerus="yes">
        <source>Alerts (%n open)</source>
        <translation>
            <numerusform>Alerts (%n open)</numerusform>
            <numerusform>Alerts (%n open)</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an alert first.</source>
        <translation>Select an alert first.</translation>
    </message>
    <message>
        <source>Select an alert and one agent in the list.</source>
        <translation>Select an alert and one agent in the list.</translation>
    </message>
    <message>
        <source>The monitored interaction ended.</source>
        <translation>The monitored interaction ended.</translation>
    </message>
    <message>
        <source>The monitored interaction went back to a queue.</source>
        <translation>The monitored interaction went back to a queue.</translation>
    </message>
    <message>
        <source>Monitoring stopped: the connection to the hub was renewed.</source>
        <translation>Monitoring stopped: the connection to the hub was renewed.</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Monitor</translation>
    </message>
    <message>
        <source>Monitor what the selected agent handles now (double-click a row)</source>
        <translation>Monitor what the selected agent handles now (double-click a row)</translation>
    </message>
    <message>
        <source>Listen</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>Whisper</source>
        <translation>Whisper</translation>
    </message>
    <message>
        <source>Barge in</source>
        <translation>Barge in</translation>
    </message>
    <message>
        <source>Select one agent to monitor.</source>
        <translation>Select one agent to monitor.</translation>
    </message>
    <message>
        <source>%1 is not handling anything now.</source>
        <translation>%1 is not handling anything now.</translation>
    </message>
</context>
<context>
    <name>qidong::ui::TransferDialog</name>
    <message>
        <source>To a queue</source>
        <translation>To a queue</translation>
    </message>
    <message>
        <source>To a colleague</source>
        <translation>To a colleague</translation>
    </message>
    <message>
        <source>Transfer conversation</source>
        <translation>Transfer conversation</translation>
    </message>
    <message>
        <source>What the next agent should know</source>
        <translation>What the next agent should know</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>qidong::ui::WrapUpForm</name>
    <message>
        <source>Needs follow-up</source>
        <translation>Needs follow-up</translation>
    </message>
    <message>
        <source>Finish wrap-up</source>
        <translation>Finish wrap-up</translation>
    </message>
    <message>
        <source>No feedback</source>
        <translation>No feedback</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>Praise</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Billing</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Roaming</source>
        <translation>Roaming</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Baggage</source>
        <translation>Baggage</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Notes for the customer&apos;s history</source>
        <translation>Notes for the customer&apos;s history</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <source>Customer feedback</source>
        <translation>Customer feedback</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Wrap-up is optional in this queue.</source>
        <translation>Wrap-up is optional in this queue.</translation>
    </message>
    <message>
        <source>Wrap-up closes by itself after %1 s with the default code.</source>
        <translation>Wrap-up closes by itself after %1 s with the default code.</translation>
    </message>
    <message>
        <source>A disposition is required in this queue.</source>
        <translation>A disposition is required in this queue.</translation>
    </message>
</context>
</TS>
