<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <source>Qidong agent desktop for customer engagement centers</source>
        <translation>契动客户契动中心坐席桌面</translation>
    </message>
</context>
<context>
    <name>qidong::ui::ShellWindow</name>
    <message>
        <source>Qidong Agent Desktop</source>
        <translation>契动坐席桌面</translation>
    </message>
    <message>
        <source>Not connected to a hub yet.</source>
        <translation>尚未连接到服务中心。</translation>
    </message>
</context>
<context>
    <name>qidong::core::CredentialStore</name>
    <message>
        <source>No keychain service is available, so Qidong cannot remember your sign-in. You can still sign in; you will be asked for your password next time.</source>
        <translation>没有可用的密钥环服务，契动无法记住您的登录。您仍可登录，下次需要重新输入密码。</translation>
    </message>
    <message>
        <source>The keychain refused access, so Qidong cannot remember your sign-in.</source>
        <translation>密钥环拒绝访问，契动无法记住您的登录。</translation>
    </message>
    <message>
        <source>The keychain failed (%1), so Qidong cannot remember your sign-in.</source>
        <translation>密钥环出错（%1），契动无法记住您的登录。</translation>
    </message>
</context>
</TS>
