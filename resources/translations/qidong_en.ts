<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>main</name>
    <message>
        <source>Qidong agent desktop for customer engagement centers</source>
        <translation>Qidong agent desktop for customer engagement centers</translation>
    </message>
</context>
<context>
    <name>qidong::ui::ShellWindow</name>
    <message>
        <source>Qidong Agent Desktop</source>
        <translation>Qidong Agent Desktop</translation>
    </message>
    <message>
        <source>Not connected to a hub yet.</source>
        <translation>Not connected to a hub yet.</translation>
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
    <name>qidong::models::DomainText</name>
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
</TS>
