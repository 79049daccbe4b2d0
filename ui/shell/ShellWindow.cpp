#include "ShellWindow.h"

#include <QLabel>

namespace qidong::ui {

ShellWindow::ShellWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Qidong Agent Desktop"));
    auto* placeholder = new QLabel(tr("Not connected to a hub yet."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    resize(1024, 700);
}

ShellWindow::~ShellWindow() = default;

} // namespace qidong::ui
