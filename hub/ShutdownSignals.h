#pragma once

#include <QObject>

class QSocketNotifier;

namespace qidong::hub {

// Turns SIGTERM/SIGINT (POSIX) or console close events (Windows) into a Qt
// signal on the main thread, so shutdown can drain instead of dying; and
// SIGHUP (POSIX: `systemctl reload`) into a request to re-read what can
// change while running.
class ShutdownSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShutdownSignals)

public:
    explicit ShutdownSignals(QObject* parent = nullptr);
    ~ShutdownSignals() override;

Q_SIGNALS:
    void shutdownRequested(const QString& signalName);
    void reloadRequested();

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace qidong::hub
