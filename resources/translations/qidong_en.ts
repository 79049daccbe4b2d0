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
</TS>
