#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace qidong::test {

// A real qidong-hub executable on a loopback port the OS picks, with its
// own temporary data directory unless one is given. Reads the hub's JSON
// log to learn the URL.
class HubProcess final
{
public:
    explicit HubProcess(QString dataDir = {});
    ~HubProcess();

    // Starts with --demo and the extra arguments; waits for "hub.listening".
    bool start(const QStringList& extraArguments = {});
    // Starts again on the port the last start used (after kill or terminate),
    // so clients can reconnect to the same URL.
    bool restart(const QStringList& extraArguments = {});
    void stopProcess();     // SIGSTOP: the hub machine freezes
    void continueProcess(); // SIGCONT
    QUrl url() const { return m_url; }
    // The customer page and ingest API (http://127.0.0.1:port).
    QUrl webUrl() const { return m_webUrl; }
    // The customer page's WebSocket (ws://127.0.0.1:port/customer/ws).
    QUrl customerSocketUrl() const;
    // The phone trunk's WebSocket (ws://127.0.0.1:port/trunk/ws).
    QUrl trunkSocketUrl() const;
    // The token the ingest API and the trunk authenticate with.
    QString ingestToken() const;
    // The call media endpoint (ws://127.0.0.1:port).
    QUrl mediaUrl() const { return m_mediaUrl; }
    QString dataDir() const { return m_dataDir; }
    // Lines of the hub's audit log with this action and subject (read from its SQLite file).
    int auditCount(const QString& action, const QString& subject) const;
    qint64 pid() const { return m_process.processId(); }
    QByteArray log() const;
    // Whether a log line with "event":"<name>" has been seen.
    bool logged(const QString& event) const;

    void kill();                           // SIGKILL: a crash
    bool terminate(int timeoutMs = 20000); // SIGTERM: a planned stop; true if it exited
    int exitCode() const { return m_process.exitCode(); }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    bool waitForExit(int timeoutMs);

    qint64 processId() const { return m_process.processId(); }
    static QString executable();
    static QString ctlExecutable();

private:
    void readOutput();

    std::unique_ptr<QTemporaryDir> m_ownDir;
    QString m_dataDir;
    QProcess m_process;
    QByteArray m_log;
    QUrl m_url;
    QUrl m_webUrl;
    QUrl m_mediaUrl;
    quint16 m_port = 0;
    quint16 m_webPort = 0;
    quint16 m_mediaPort = 0;
};

} // namespace qidong::test
