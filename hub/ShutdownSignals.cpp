#include "ShutdownSignals.h"

#include <QSocketNotifier>

#if defined(Q_OS_UNIX)
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <QMetaObject>
#include <windows.h>
#endif

namespace qidong::hub {

#if defined(Q_OS_UNIX)

namespace {

int g_pipe[2] = {-1, -1};

// Async-signal-safe: only write(2) the signal number to the self-pipe.
extern "C" void onSignal(int number)
{
    const char byte = static_cast<char>(number);
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[0], &byte, 1);
}

} // namespace

ShutdownSignals::ShutdownSignals(QObject* parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_pipe) != 0)
        return;
    m_notifier = new QSocketNotifier(g_pipe[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        if (::read(g_pipe[1], &byte, 1) != 1)
            return;
        if (byte == SIGHUP)
            Q_EMIT reloadRequested();
        else
            Q_EMIT shutdownRequested(byte == SIGINT ? QStringLiteral("SIGINT")
                                                    : QStringLiteral("SIGTERM"));
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGHUP, &action, nullptr);
}

ShutdownSignals::~ShutdownSignals()
{
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGHUP, SIG_DFL);
    delete m_notifier;
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

#elif defined(Q_OS_WIN)

namespace {

ShutdownSignals* g_instance = nullptr;

BOOL WINAPI onConsoleEvent(DWORD type)
{
    if (!g_instance)
        return FALSE;
    const QString name = type == CTRL_C_EVENT ? QStringLiteral("CTRL_C") : QStringLiteral("CLOSE");
    QMetaObject::invokeMethod(
        g_instance, [name] { Q_EMIT g_instance->shutdownRequested(name); }, Qt::QueuedConnection);
    return TRUE;
}

} // namespace

ShutdownSignals::ShutdownSignals(QObject* parent)
    : QObject(parent)
{
    g_instance = this;
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}

ShutdownSignals::~ShutdownSignals()
{
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
    g_instance = nullptr;
}

#else

ShutdownSignals::ShutdownSignals(QObject* parent)
    : QObject(parent)
{}

ShutdownSignals::~ShutdownSignals() = default;

#endif

} // namespace qidong::hub
