#include "HubProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest/QTest>

#include <csignal>
#include <sys/types.h>

namespace qidong::test {

HubProcess::HubProcess(QString dataDir)
    : m_dataDir(std::move(dataDir))
{
    if (m_dataDir.isEmpty()) {
        m_ownDir = std::make_unique<QTemporaryDir>();
        m_dataDir = m_ownDir->path();
    }
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

HubProcess::~HubProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString HubProcess::executable()
{
    return QStringLiteral(QIDONG_HUB_EXECUTABLE);
}

QString HubProcess::ctlExecutable()
{
    return QStringLiteral(QIDONG_CTL_EXECUTABLE);
}

bool HubProcess::start(const QStringList& extraArguments)
{
    m_log.clear();
    m_url.clear();
    m_webUrl.clear();
    m_mediaUrl.clear();
    QStringList arguments{
        QStringLiteral("--data-dir"),     m_dataDir,
        QStringLiteral("--listen"),       QStringLiteral("127.0.0.1:%1").arg(m_port),
        QStringLiteral("--web-listen"),   QStringLiteral("127.0.0.1:%1").arg(m_webPort),
        QStringLiteral("--media-listen"), QStringLiteral("127.0.0.1:%1").arg(m_mediaPort),
        QStringLiteral("--demo")};
    // A few dozen demo customers (王丽 first) instead of 3,000: every test
    // starts its own hubs, and seeding the full set takes seconds under ASan.
    if (!extraArguments.contains(QStringLiteral("--demo-customers")))
        arguments += {QStringLiteral("--demo-customers"), QStringLiteral("40")};
    arguments += extraArguments;
    m_process.start(executable(), arguments);
    if (!m_process.waitForStarted(10000))
        return false;
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired() && m_url.isEmpty()) {
        if (m_process.state() == QProcess::NotRunning)
            break;
        m_process.waitForReadyRead(100);
        readOutput();
    }
    readOutput();
    if (m_url.isEmpty())
        return false;
    return true;
}

bool HubProcess::restart(const QStringList& extraArguments)
{
    m_port = static_cast<quint16>(m_url.port());
    m_webPort = static_cast<quint16>(std::max(0, m_webUrl.port()));
    m_mediaPort = static_cast<quint16>(std::max(0, m_mediaUrl.port()));
    const bool started = start(extraArguments);
    m_port = 0;
    m_webPort = 0;
    m_mediaPort = 0;
    return started;
}

void HubProcess::stopProcess()
{
    ::kill(static_cast<pid_t>(m_process.processId()), SIGSTOP);
}

void HubProcess::continueProcess()
{
    ::kill(static_cast<pid_t>(m_process.processId()), SIGCONT);
}

void HubProcess::readOutput()
{
    const QByteArray chunk = m_process.readAll();
    if (chunk.isEmpty())
        return;
    const qsizetype oldSize = m_log.size();
    m_log += chunk;
    // Parse the complete lines that the chunk finished.
    qsizetype lineStart = oldSize == 0 ? 0 : m_log.lastIndexOf('\n', oldSize - 1) + 1;
    while (true) {
        const qsizetype end = m_log.indexOf('\n', lineStart);
        if (end < 0)
            break;
        const QJsonObject line =
            QJsonDocument::fromJson(m_log.mid(lineStart, end - lineStart)).object();
        if (m_url.isEmpty() && line.value(QLatin1StringView("event")).toString() ==
                                   QLatin1StringView("hub.listening")) {
            m_url = QUrl(line.value(QLatin1StringView("url")).toString());
            m_webUrl = QUrl(line.value(QLatin1StringView("webUrl")).toString());
            m_mediaUrl = QUrl(line.value(QLatin1StringView("mediaUrl")).toString());
        }
        lineStart = end + 1;
    }
}

QUrl HubProcess::customerSocketUrl() const
{
    QUrl url = m_webUrl;
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/customer/ws"));
    return url;
}

QUrl HubProcess::trunkSocketUrl() const
{
    QUrl url = customerSocketUrl();
    url.setPath(QStringLiteral("/trunk/ws"));
    return url;
}

QString HubProcess::ingestToken() const
{
    QFile file(m_dataDir + QStringLiteral("/ingest.token"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

QByteArray HubProcess::log() const
{
    const_cast<HubProcess*>(this)->readOutput();
    return m_log;
}

bool HubProcess::logged(const QString& event) const
{
    const QByteArray needle = QByteArray("\"event\":\"") + event.toUtf8() + QByteArray("\"");
    return log().contains(needle);
}

void HubProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
    readOutput();
}

bool HubProcess::terminate(int timeoutMs)
{
    m_process.terminate();
    return waitForExit(timeoutMs);
}

bool HubProcess::waitForExit(int timeoutMs)
{
    const bool finished =
        m_process.state() == QProcess::NotRunning ||
        QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning; }, timeoutMs);
    readOutput();
    return finished;
}

int HubProcess::auditCount(const QString& action, const QString& subject) const
{
    const QString name = QStringLiteral("audit-%1").arg(quintptr(this));
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_dataDir + QStringLiteral("/qidong-hub.sqlite"));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(
                QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ? AND subject = ?"));
            query.addBindValue(action);
            query.addBindValue(subject);
            if (query.exec() && query.next())
                count = query.value(0).toInt();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

} // namespace qidong::test
