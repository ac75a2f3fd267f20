#pragma once

#include "MainWindow.h"
#include "PresentationLauncher.h"

#include <QTemporaryDir>
#include <QVariant>

class PresentationSession;
class QAbstractButton;
class QAction;
class QMenu;
class QWebEnginePage;

// What the presentation suites share: the reading window on the bundled course (answers in a
// folder of its own) with presentation mode in it, as main() builds them, and the wall's
// document read back as the room sees it.
class PresentingWindow
{
public:
    PresentingWindow();
    ~PresentingWindow();
    bool open();  // shown, active, on getting-started/the-mindset

    QTemporaryDir data;
    MainWindow window;
    PresentationLauncher launcher;

    PresentationSession *session() const { return launcher.session(); }
    QWebEnginePage *audiencePage() const;
    QVariant js(const QString &script) const;  // in the app's script world of the wall's page
    QString documentHtml() const;               // what the wall's page holds
    void key(int key, Qt::KeyboardModifiers modifiers = {}) const;  // on the slides
    bool showPage(const QString &pageId);
    bool waitForSlide(int index) const;  // the wall's document shows it

    static QAction *menuAction(const QMenu *menu, const QString &text);
    static QAbstractButton *button(const QWidget *parent, const QString &text);
};
