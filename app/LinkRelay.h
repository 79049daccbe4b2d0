#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace qidong::app {

// One desktop per user: a second `qidong-desktop tel:…` (a link clicked in
// a browser) hands its links to the one already running, over a local
// socket only this user can open, and exits. The running one emits
// linkReceived for each.
class LinkRelay final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkRelay)

public:
    // The socket's name for this user (tests pass their own).
    static QString defaultName();

    explicit LinkRelay(QString name, QObject* parent = nullptr);
    ~LinkRelay() override;

    // In a starting desktop: true if one was running and took the links.
    bool forward(const QStringList& links) const;
    // In the running desktop: takes links from later starts.
    bool listen();

Q_SIGNALS:
    void linkReceived(const QString& link);

private:
    void consume(QLocalSocket* socket);

    QString m_name;
    QLocalServer* m_server = nullptr;
};

} // namespace qidong::app
