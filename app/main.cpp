#include "ui/shell/ShellWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("qidong-desktop"));
    QApplication::setOrganizationName(QStringLiteral("Qidong"));
    QApplication::setApplicationVersion(QStringLiteral(QIDONG_VERSION));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("qidong"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Qidong agent desktop for customer engagement centers"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    qidong::ui::ShellWindow window;
    window.show();
    return QApplication::exec();
}
