#include "AboutDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace qidong::ui {

namespace {

struct Component
{
    const char* name;
    const char* license;
    const char* use;
};

// What qidong-desktop links, and why. Keep in step with the CMake
// dependencies (docs/packaging.md).
constexpr Component kComponents[] = {
    {"Qt 6 (Core, Gui, Widgets, Network, WebSockets, Multimedia, Charts, Svg)", "LGPL-3.0-only",
     QT_TRANSLATE_NOOP("qidong::ui::AboutDialog", "the application framework")},
    {"QtKeychain", "BSD-3-Clause",
     QT_TRANSLATE_NOOP("qidong::ui::AboutDialog", "remembering sign-ins in the keychain")},
    {"Opus", "BSD-3-Clause",
     QT_TRANSLATE_NOOP("qidong::ui::AboutDialog", "the voice codec and playing recordings")},
    {"SpeexDSP", "BSD-3-Clause", QT_TRANSLATE_NOOP("qidong::ui::AboutDialog", "resampling audio")},
    {"WebRTC Audio Processing", "BSD-3-Clause",
     QT_TRANSLATE_NOOP("qidong::ui::AboutDialog", "echo cancellation and noise suppression")},
};

} // namespace

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
    , m_components(new QTableWidget(int(std::size(kComponents)), 3, this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Qidong"));
    auto* title = new QLabel(this);
    title->setObjectName(QStringLiteral("aboutVersion"));
    title->setTextFormat(Qt::PlainText);
    title->setText(tr("Qidong %1 (契动), the agent desktop. Qt %2.")
                       .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    auto* note = new QLabel(tr("Built on these parts, each under its own license:"), this);
    m_components->setHorizontalHeaderLabels({tr("Component"), tr("License"), tr("Used for")});
    m_components->verticalHeader()->hide();
    m_components->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_components->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < int(std::size(kComponents)); ++row) {
        const Component& component = kComponents[row];
        m_components->setItem(row, 0, new QTableWidgetItem(QString::fromUtf8(component.name)));
        m_components->setItem(row, 1, new QTableWidgetItem(QString::fromLatin1(component.license)));
        m_components->setItem(row, 2, new QTableWidgetItem(tr(component.use)));
    }
    m_components->resizeColumnsToContents();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(note);
    layout->addWidget(m_components, 1);
    layout->addWidget(buttons);
    resize(720, 320);
}

} // namespace qidong::ui
