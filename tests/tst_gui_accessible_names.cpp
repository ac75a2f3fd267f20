// Every widget the keyboard can reach has a name a screen reader can say: the reading window
// on the bundled course with every dock and pane open, and each dialog it opens (reading
// settings, the worksheet export, the shortcut sheet, a note's history), walked widget by widget. A focusable,
// visible widget whose accessible name is empty fails the suite, listed with where it sits.

#include "MainWindow.h"
#include "NotesController.h"
#include "PageView.h"

#include <QAccessible>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

namespace {
const QString kPage = QStringLiteral("getting-started/welcome");  // with an activity: the Workbook has editors

QString describe(const QWidget *widget)
{
    QStringList path;
    for (const QWidget *w = widget; w; w = w->parentWidget())
        path.prepend(QString::fromLatin1(w->metaObject()->className())
                     + (w->objectName().isEmpty() ? QString() : QLatin1Char('#') + w->objectName()));
    return path.join(QStringLiteral(" > "));
}

// The focusable, visible widgets under `root` (and itself) with no accessible name.
QStringList unnamed(QWidget *root)
{
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    QStringList found;
    for (QWidget *widget : std::as_const(widgets)) {
        if (!widget->isVisible() || widget->focusPolicy() == Qt::NoFocus)
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            found << describe(widget);
    }
    return found;
}

QAction *menuAction(QMenuBar *bar, const QString &text)
{
    for (QMenu *menu : bar->findChildren<QMenu *>()) {
        for (QAction *action : menu->actions()) {
            if (action->text().remove(QLatin1Char('&')).startsWith(text))
                return action;
        }
    }
    return nullptr;
}

// Triggers `action`, walks the dialog it opens (modal, or window-modal and left open) and closes it.
QStringList unnamedInDialogOf(QAction *action)
{
    QStringList found;
    bool walked = false;
    QTimer poll;
    poll.setInterval(50);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog || !dialog->isVisible() || walked)
            return;
        walked = true;
        found = unnamed(dialog);
        dialog->close();
    });
    poll.start();
    action->trigger();  // an exec()'d dialog is walked from inside its own loop
    if (!QTest::qWaitFor([&] { return walked; }, 10000))
        found << QStringLiteral("no dialog opened for ") + action->text();
    return found;
}
}  // namespace

class TestGuiAccessibleNames : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void everyFocusableWidgetHasAName()
    {
        QTemporaryDir data;
        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), kPage, data.path());
        NotesController notes(&window);  // the Notes and Bookmarks docks, as main() adds them
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(QTest::qWaitFor([&] { return window.currentPageId() == kPage && !window.pageView()->page()->isLoading(); }, 30000));
        for (QDockWidget *dock : window.findChildren<QDockWidget *>())
            dock->show();
        QTest::qWait(200);  // docks laid out and panes filled in the event loop

        QStringList found = unnamed(&window);
        for (const QString &text : {QStringLiteral("Reading Settings"), QStringLiteral("Export Worksheet"), QStringLiteral("Keyboard Shortcuts"),
                                   QStringLiteral("Note History")}) {
            QAction *action = menuAction(window.menuBar(), text);
            QVERIFY2(action, qPrintable(text));
            found << unnamedInDialogOf(action);
        }
        QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("focusable widgets without an accessible name:\n") + found.join(QLatin1Char('\n'))));
    }
};

int main(int argc, char *argv[])
{
    MainWindow::prepareApplication();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("coursebook-tests"));
    TestGuiAccessibleNames test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_gui_accessible_names.moc"
