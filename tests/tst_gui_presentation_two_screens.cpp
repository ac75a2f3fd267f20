// Presenting from the reading window with a projector beside the laptop (eDP-1, 1024 x 768,
// primary; HDMI-1, 1920 x 1080: tests/CMakeLists.txt sets XVFB_MONITORS for run-in-xvfb).

#include "AudienceWindow.h"
#include "MainWindow.h"
#include "PresentationController.h"
#include "PresentationLauncher.h"
#include "PresentationSession.h"
#include "PresenterConsole.h"

#include <QApplication>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineView>

class TestPresentationTwoScreens : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_laptop = screen(QStringLiteral("eDP-1"));
        m_projector = screen(QStringLiteral("HDMI-1"));
        if (!m_laptop || !m_projector)
            QSKIP("needs the laptop and projector screens of XVFB_MONITORS");
    }

    // A facilitator who read on the projector presses F5: the slides take the projector, and
    // the reading window (whose messages would open over it) waits on the laptop's screen.
    void theReadingWindowLeavesTheProjector()
    {
        QTemporaryDir data;
        MainWindow window(QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral("getting-started/the-mindset"), data.path());
        PresentationLauncher launcher(&window);
        window.setGeometry(QRect(m_projector->geometry().topLeft() + QPoint(40, 40), QSize(1100, 760)));
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTRY_COMPARE_WITH_TIMEOUT(window.screen(), m_projector, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(window.currentPageId(), QStringLiteral("getting-started/the-mindset"), 30000);
        const QRect before = window.geometry();

        QTest::keyClick(&window, Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(launcher.session() && launcher.session()->audience()->isReady(), 30000);
        PresentationSession *session = launcher.session();
        QTRY_COMPARE_WITH_TIMEOUT(session->audience()->screen(), m_projector, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(session->console()->screen(), m_laptop, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(window.screen(), m_laptop, 5000);

        // The slides are split for the projector, not the laptop the window was started on.
        const SlideDeck &deck = session->controller()->deck();
        const double zoom = session->controller()->zoom();
        const PageRenderer::Options options;
        const int forProjector = SlideDeck::forModule(window.course(), deck.moduleId(), options, SlideBudget::forScreen(m_projector->size(), zoom)).count();
        const int forLaptop = SlideDeck::forModule(window.course(), deck.moduleId(), options, SlideBudget::forScreen(m_laptop->size(), zoom)).count();
        QVERIFY(forProjector != forLaptop);  // else this would show nothing
        QCOMPARE(deck.count(), forProjector);

        // A message of the reading window's (a save error) opens on the laptop.
        QMessageBox message(QMessageBox::Warning, QStringLiteral("Your Answers"), QStringLiteral("Not saved"), QMessageBox::Ok, &window);
        message.setWindowModality(Qt::NonModal);
        message.show();
        QVERIFY(QTest::qWaitForWindowExposed(&message));
        QCOMPARE(message.screen(), m_laptop);
        message.close();

        QTest::keyClick(session->audience()->view()->focusProxy(), Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!launcher.session(), 5000);
        QCOMPARE(window.currentPageId(), QStringLiteral("getting-started/the-mindset"));
        // Back where the facilitator had it, once the slides have left the projector.
        QTRY_COMPARE_WITH_TIMEOUT(window.screen(), m_projector, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(window.geometry().topLeft(), before.topLeft(), 5000);
    }

private:
    static QScreen *screen(const QString &name)
    {
        for (QScreen *candidate : QGuiApplication::screens()) {
            if (candidate->name() == name)
                return candidate;
        }
        return nullptr;
    }

    QScreen *m_laptop = nullptr;
    QScreen *m_projector = nullptr;
};

int main(int argc, char *argv[])
{
    MainWindow::prepareApplication();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("coursebook-tests"));
    TestPresentationTwoScreens test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_presentation_two_screens.moc"
