#pragma once

#include <QLabel>
#include <QTimer>

namespace qidong::core {
class HubConnection;
}

namespace qidong::ui {

// Says what the link to the hub is doing, in words: "Connected",
// "Reconnecting in 4 s (attempt 2)…", "Offline: …" — never a frozen window.
class ConnectionIndicator final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionIndicator)

public:
    explicit ConnectionIndicator(core::HubConnection& connection, QWidget* parent = nullptr);
    ~ConnectionIndicator() override;

private:
    void refresh();

    core::HubConnection& m_connection;
    QTimer m_countdown;
};

} // namespace qidong::ui
