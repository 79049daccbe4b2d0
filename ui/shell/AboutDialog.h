#pragma once

#include <QDialog>

class QTableWidget;

namespace qidong::ui {

// Help ▸ About: the version (as --version prints it) and the third-party
// parts the desktop is built on, each with its license. The packages link
// them from the system; a Windows installer bundles them, and this is the
// list its licenses come from.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget* parent = nullptr);

    QTableWidget* components() const { return m_components; }

private:
    QTableWidget* m_components;
};

} // namespace qidong::ui
