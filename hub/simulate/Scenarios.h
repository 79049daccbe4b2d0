#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace qidong::hub::simulate {

// A customer writing in on an outside channel: their first message, then
// one more line after each answer from an agent.
struct Scenario final
{
    QString name;
    QString channel; // weibo, wechat, sms, email
    QString visibility;
    QString language;
    QString handle;
    QString displayName;
    QStringList lines;
};

// Conversations from the seeds' world: a public Weibo complaint about
// roaming charges, a WeChat question about a delayed bag, an SMS about a
// banking app login, an email about shoes, and English ones.
QList<Scenario> builtInScenarios();

} // namespace qidong::hub::simulate
