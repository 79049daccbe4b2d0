#include "HubLog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMutex>

#include <cstdio>

namespace qidong::hub {

Q_LOGGING_CATEGORY(lcServer, "qidong.hub.server")
Q_LOGGING_CATEGORY(lcAuth, "qidong.hub.auth")
Q_LOGGING_CATEGORY(lcStorage, "qidong.hub.storage")
Q_LOGGING_CATEGORY(lcAgents, "qidong.hub.agents")
Q_LOGGING_CATEGORY(lcSessions, "qidong.hub.sessions")
Q_LOGGING_CATEGORY(lcInteractions, "qidong.hub.interactions")
Q_LOGGING_CATEGORY(lcRouting, "qidong.hub.routing")
Q_LOGGING_CATEGORY(lcChat, "qidong.hub.chat")
Q_LOGGING_CATEGORY(lcWeb, "qidong.hub.web")
Q_LOGGING_CATEGORY(lcMedia, "qidong.hub.media")

namespace {

QMutex g_writeMutex;

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("error");
    case QtFatalMsg:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("info");
}

void writeLine(QtMsgType type, const char* category, QJsonObject fields)
{
    fields.insert(QStringLiteral("ts"),
                  QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    fields.insert(QStringLiteral("level"), levelName(type));
    fields.insert(QStringLiteral("cat"), QString::fromLatin1(category ? category : "default"));
    const QByteArray line = QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n';
    const QMutexLocker lock(&g_writeMutex);
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
    std::fflush(stderr);
}

void jsonMessageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    writeLine(type, context.category, QJsonObject{{QStringLiteral("msg"), message}});
}

} // namespace

void installJsonLogHandler()
{
    qInstallMessageHandler(jsonMessageHandler);
}

void logEvent(LogCategory category, QtMsgType level, QLatin1StringView event,
              const QJsonObject& fields)
{
    const QLoggingCategory& resolved = category();
    if (!resolved.isEnabled(level))
        return;
    QJsonObject line = fields;
    line.insert(QStringLiteral("event"), QString(event));
    writeLine(level, resolved.categoryName(), line);
}

} // namespace qidong::hub
