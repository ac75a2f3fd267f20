#include "PresentingWindow.h"

#include "AudienceWindow.h"
#include "PresentationController.h"
#include "PresentationSession.h"

#include <QAbstractButton>
#include <QDeadlineTimer>
#include <QMenu>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineScript>
#include <QWebEngineView>

namespace {
constexpr int kAnswerMs = 10000;
}  // namespace

PresentingWindow::PresentingWindow()
    : window(QStringLiteral(BUNDLED_COURSE_DIR), QString(), data.path())
    , launcher(&window)
{
}

bool PresentingWindow::open()
{
    window.show();
    window.activateWindow();  // no window manager here to do it
    return QTest::qWaitForWindowActive(&window) && showPage(QStringLiteral("getting-started/the-mindset"));
}

PresentingWindow::~PresentingWindow() = default;  // the launcher goes first, as in main()

QWebEnginePage *PresentingWindow::audiencePage() const
{
    return session()->audience()->view()->page();
}

QVariant PresentingWindow::js(const QString &script) const
{
    QVariant result;
    bool done = false;
    audiencePage()->runJavaScript(script, QWebEngineScript::ApplicationWorld, [&](const QVariant &value) {
        result = value;
        done = true;
    });
    for (QDeadlineTimer deadline(kAnswerMs); !done && !deadline.hasExpired();)
        QTest::qWait(10);
    return result;
}

QString PresentingWindow::documentHtml() const
{
    QString html;
    bool done = false;
    audiencePage()->toHtml([&](const QString &text) {
        html = text;
        done = true;
    });
    for (QDeadlineTimer deadline(kAnswerMs); !done && !deadline.hasExpired();)
        QTest::qWait(10);
    return html;
}

void PresentingWindow::key(int key, Qt::KeyboardModifiers modifiers) const
{
    QTest::keyClick(session()->audience()->view()->focusProxy(), Qt::Key(key), modifiers);
}

bool PresentingWindow::showPage(const QString &pageId)
{
    window.showPage(pageId);
    for (QDeadlineTimer deadline(30000); !deadline.hasExpired(); QTest::qWait(20)) {
        if (window.currentPageId() == pageId)
            return true;
    }
    return false;
}

bool PresentingWindow::waitForSlide(int index) const
{
    for (QDeadlineTimer deadline(30000); !deadline.hasExpired(); QTest::qWait(20)) {
        if (session() && session()->audience()->isReady() && session()->audience()->view()->focusProxy()
            && session()->controller()->current() == index && js(QStringLiteral("coursebookSlides.current()")).toInt() == index)
            return true;
    }
    qWarning() << "the wall shows" << (session() ? js(QStringLiteral("coursebookSlides.current()")) : QVariant()) << "not" << index;
    return false;
}

QAction *PresentingWindow::menuAction(const QMenu *menu, const QString &text)
{
    for (QAction *candidate : menu->actions()) {
        if (candidate->text() == text)
            return candidate;
    }
    return nullptr;
}

QAbstractButton *PresentingWindow::button(const QWidget *parent, const QString &text)
{
    for (QAbstractButton *candidate : parent->findChildren<QAbstractButton *>()) {
        if (candidate->text() == text)
            return candidate;
    }
    return nullptr;
}
