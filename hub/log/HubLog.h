#pragma once

#include <QJsonObject>
#include <QLoggingCategory>

namespace qidong::hub {

Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcAgents)
Q_DECLARE_LOGGING_CATEGORY(lcSessions)
Q_DECLARE_LOGGING_CATEGORY(lcInteractions)
Q_DECLARE_LOGGING_CATEGORY(lcRouting)
Q_DECLARE_LOGGING_CATEGORY(lcChat)
Q_DECLARE_LOGGING_CATEGORY(lcWeb)
Q_DECLARE_LOGGING_CATEGORY(lcMedia)

// The hub writes one JSON object per line to stderr:
// {"ts":"2026-11-23T08:00:00.123Z","level":"info","cat":"qidong.hub.auth","event":"login.succeeded",...}
// Plain qDebug()/qWarning() output is wrapped the same way with a "msg" field.
void installJsonLogHandler();

// A logging category as Q_DECLARE_LOGGING_CATEGORY declares it.
using LogCategory = const QLoggingCategory& (*)();

// Logs one machine-parsable event. Never pass passwords, tokens or unmasked PII.
void logEvent(LogCategory category, QtMsgType level, QLatin1StringView event,
              const QJsonObject& fields = {});

inline void logInfo(LogCategory category, QLatin1StringView event, const QJsonObject& fields = {})
{
    logEvent(category, QtInfoMsg, event, fields);
}

inline void logWarning(LogCategory category, QLatin1StringView event,
                       const QJsonObject& fields = {})
{
    logEvent(category, QtWarningMsg, event, fields);
}

} // namespace qidong::hub
