#pragma once

#include <QMainWindow>

namespace qidong::ui {

// The agent desktop's top-level window. It only assembles panes and
// actions; each pane arrives with its own issue.
class ShellWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShellWindow)

public:
    explicit ShellWindow(QWidget* parent = nullptr);
    ~ShellWindow() override;
};

} // namespace qidong::ui
