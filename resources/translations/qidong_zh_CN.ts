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
</TS>
