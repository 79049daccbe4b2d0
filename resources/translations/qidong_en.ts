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
</TS>
