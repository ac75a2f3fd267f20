#include "CommandLineTool.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("coursebook"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COURSEBOOK_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("coursebook"));

    CommandLineTool tool;
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    tool.parser().parse(arguments);

    // Headless commands never touch a display, so they work over ssh and in CI.
    if (tool.isHeadless() || tool.parser().isSet(QStringLiteral("help")) || tool.parser().isSet(QStringLiteral("version"))
        || !tool.parser().errorText().isEmpty()) {
        QCoreApplication app(argc, argv);
        tool.parser().process(app);  // handles --help, --version and unknown options
        QTextStream out(stdout);
        QTextStream err(stderr);
        return tool.run(out, err);
    }

    MainWindow::prepareApplication();
    QApplication app(argc, argv);
    MainWindow window(tool.coursePath(), tool.parser().value(QStringLiteral("page")));
    window.show();
    return app.exec();
}
