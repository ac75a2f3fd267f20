// Tests for where the presentation's windows go (PresentationScreens) and the presenter
// console that follows the slides (PresenterConsole), in an X server shaped like a laptop
// (eDP-1, 1366 x 768, primary) with a projector beside it (HDMI-1, 1920 x 1080): RandR
// monitors that the test unplugs and plugs in again with xrandr, as Qt sees a real projector
// come and go (tests/CMakeLists.txt sets XVFB_MONITORS for run-in-xvfb).

#include "CourseLoader.h"
#include "PresentationClock.h"
#include "PresentationController.h"
#include "PresentationScreens.h"
#include "PresenterConsole.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QProcess>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocumentFragment>

#include <memory>

namespace {

bool xrandr(const QStringList &arguments)
{
    return QProcess::execute(QStringLiteral("xrandr"), arguments) == 0;
}

QStringList screenNames()
{
    QStringList names;
    for (const QScreen *screen : QGuiApplication::screens())
        names << screen->name();
    return names;
}

// Where the X server has a window now (not where Qt asked it to be): "X,Y WxH".
QString serverGeometry(const QWidget *window)
{
    QProcess process;
    process.start(QStringLiteral("xdotool"), {QStringLiteral("getwindowgeometry"), QStringLiteral("--shell"), QString::number(window->winId())});
    process.waitForFinished(10000);
    QHash<QString, QString> values;
    for (const QString &line : QString::fromLatin1(process.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals > 0)
            values.insert(line.left(equals), line.mid(equals + 1));
    }
    return QStringLiteral("%1,%2 %3x%4")
        .arg(values.value(QStringLiteral("X")), values.value(QStringLiteral("Y")), values.value(QStringLiteral("WIDTH")),
             values.value(QStringLiteral("HEIGHT")));
}

// Keys as the X server sends them to the window that has the keyboard (xdotool's key names).
void press(const QString &keys)
{
    QProcess::execute(QStringLiteral("xdotool"), QStringList{QStringLiteral("key"), QStringLiteral("--delay"), QStringLiteral("30")}
                                                     + keys.split(QLatin1Char(' ')));
}

QString plainText(const QString &html)
{
    return QTextDocumentFragment::fromHtml(html).toPlainText().simplified();
}

const QString kLaptop = QStringLiteral("eDP-1");
const QString kProjector = QStringLiteral("HDMI-1");

QAbstractButton *buttonNamed(const QWidget *console, const QString &accessibleName)
{
    for (QAbstractButton *button : console->findChildren<QAbstractButton *>()) {
        if (button->accessibleName() == accessibleName)
            return button;
    }
    return nullptr;
}

}  // namespace

class TestPresentationScreens : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QCOMPARE(screenNames(), (QStringList{kLaptop, kProjector}));
        const Course course = CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR));
        m_deck = SlideDeck::forModule(course, QStringLiteral("planning-your-program"), PageRenderer::Options(), SlideBudget());
        QVERIFY(m_deck.count() > 8);
    }

    void init()
    {
        QSettings().remove(QLatin1String(PresentationScreens::kAudienceScreenKey));
        m_controller = std::make_unique<PresentationController>();
        m_controller->setDeck(m_deck, 0);
        m_audience = std::make_unique<QWidget>();
        m_audience->setWindowTitle(QStringLiteral("slides"));
        m_console = std::make_unique<PresenterConsole>(m_controller.get());
        m_screens = std::make_unique<PresentationScreens>(m_audience.get(), m_console.get());
        // As the presentation session wires them.
        connect(m_console.get(), &PresenterConsole::swapScreensRequested, m_screens.get(), &PresentationScreens::swap);
        connect(m_controller.get(), &PresentationController::consoleToggleRequested, m_screens.get(), &PresentationScreens::toggleConsole);
    }

    void cleanup()
    {
        m_screens.reset();
        m_console.reset();
        m_audience.reset();
        m_controller.reset();
        // The projector back beside the laptop for the next test.
        if (screenNames().contains(kProjector))
            QVERIFY(unplug());
        QVERIFY(plug(QStringLiteral("+1366+0")));
    }

    void twoScreensSlidesOnTheProjectorConsoleOnTheLaptop()
    {
        m_screens->start();
        QCOMPARE(m_screens->audienceScreen()->name(), kProjector);
        QCOMPARE(m_screens->consoleScreen()->name(), kLaptop);
        QVERIFY(!m_screens->mirrored());
        QVERIFY(QTest::qWaitForWindowExposed(m_audience.get()));
        QVERIFY(QTest::qWaitForWindowExposed(m_console.get()));
        QVERIFY(m_audience->isFullScreen());
        QTRY_COMPARE(serverGeometry(m_audience.get()), QStringLiteral("1366,0 1920x1080"));
        QTRY_COMPARE(serverGeometry(m_console.get()), QStringLiteral("0,0 1366x768"));
        QVERIFY(m_console->notesShown());
        // A 1366 x 768 laptop holds the whole console.
        QVERIFY(m_console->minimumSizeHint().width() <= 1366 && m_console->minimumSizeHint().height() <= 768);
        // A screen reader names every control the keyboard reaches.
        for (const QWidget *widget : m_console->findChildren<QWidget *>()) {
            // (A spin box's own line edit is the spin box's, which has the name.)
            if (widget->focusPolicy() & Qt::TabFocus && !qobject_cast<const QAbstractSpinBox *>(widget->parentWidget()))
                QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
        }
    }

    void swapIsRememberedByTheScreensName()
    {
        m_screens->start();
        QVERIFY(QTest::qWaitForWindowExposed(m_console.get()));
        QSignalSpy placed(m_screens.get(), &PresentationScreens::placed);
        QTest::mouseClick(buttonNamed(m_console.get(), QStringLiteral("Swap screens")), Qt::LeftButton);
        QCOMPARE(placed.count(), 1);
        QCOMPARE(m_screens->audienceScreen()->name(), kLaptop);
        QCOMPARE(m_screens->consoleScreen()->name(), kProjector);
        QTRY_COMPARE(serverGeometry(m_audience.get()), QStringLiteral("0,0 1366x768"));
        QTRY_COMPARE(serverGeometry(m_console.get()), QStringLiteral("1366,0 1920x1080"));
        QCOMPARE(QSettings().value(QLatin1String(PresentationScreens::kAudienceScreenKey)).toString(), kLaptop);

        // The next presentation puts the slides where the facilitator wanted them.
        QWidget audience;
        QWidget console;
        PresentationScreens again(&audience, &console);
        again.start();
        QCOMPARE(again.audienceScreen()->name(), kLaptop);
        QCOMPARE(audience.screen()->name(), kLaptop);
        QCOMPARE(console.screen()->name(), kProjector);
    }

    void oneScreenSlidesFullScreenConsoleOnAKey()
    {
        QVERIFY(unplug());
        m_screens->start();
        QCOMPARE(m_screens->audienceScreen()->name(), kLaptop);
        QVERIFY(!m_screens->consoleScreen());
        QVERIFY(QTest::qWaitForWindowExposed(m_audience.get()));
        QTRY_COMPARE(serverGeometry(m_audience.get()), QStringLiteral("0,0 1366x768"));
        QVERIFY(m_audience->isFullScreen());
        QVERIFY(!m_console->isVisible());

        m_screens->toggleConsole();
        QVERIFY(QTest::qWaitForWindowExposed(m_console.get()));
        QCOMPARE(m_console->screen()->name(), kLaptop);
        QVERIFY(QTest::qWaitForWindowActive(m_console.get()));
        m_screens->toggleConsole();
        QVERIFY(!m_console->isVisible());
        QVERIFY(m_audience->isVisible());
    }

    void aProjectorPluggedInTakesTheSlidesAtTheSamePlace()
    {
        QVERIFY(unplug());
        m_screens->start();
        m_controller->goTo(5);
        QVERIFY(QTest::qWaitForWindowExposed(m_audience.get()));
        QSignalSpy placed(m_screens.get(), &PresentationScreens::placed);
        QVERIFY(plug(QStringLiteral("+1366+0")));
        QTRY_VERIFY(!placed.isEmpty());
        QCOMPARE(m_screens->audienceScreen()->name(), kProjector);
        QTRY_COMPARE(serverGeometry(m_audience.get()), QStringLiteral("1366,0 1920x1080"));
        QVERIFY(QTest::qWaitForWindowExposed(m_console.get()));
        QTRY_COMPARE(serverGeometry(m_console.get()), QStringLiteral("0,0 1366x768"));
        QCOMPARE(m_controller->current(), 5);
        QCOMPARE(m_console->findChild<QLabel *>(QStringLiteral("slideNumber"))->text(),
                 QStringLiteral("Slide 6 of %1").arg(m_deck.count()));
    }

    void anUnpluggedProjectorGivesTheSlidesBackToTheLaptop()
    {
        m_screens->start();
        QVERIFY(QTest::qWaitForWindowExposed(m_audience.get()));
        QTRY_COMPARE(serverGeometry(m_audience.get()), QStringLiteral("1366,0 1920x1080"));
        QVERIFY(unplug());
        QTRY_COMPARE(m_screens->audienceScreen() ? m_screens->audienceScreen()->name() : QString(), kLaptop);
        QTRY_COMPARE(serverGeometry(m_audience.get()), QStringLiteral("0,0 1366x768"));
        QVERIFY(m_audience->isFullScreen());
        QVERIFY(m_audience->isVisible());
        QVERIFY(!m_console->isVisible());
        QVERIFY(!m_screens->consoleScreen());
    }

    void mirroredDisplaysHideTheNotesUntilConfirmed()
    {
        QVERIFY(unplug());
        QVERIFY(plug(QStringLiteral("+0+0")));  // the projector shows what the laptop shows
        m_screens->start();
        QVERIFY(m_screens->mirrored());
        QVERIFY(!m_screens->consoleScreen());  // one picture: the console is on a key
        QVERIFY(!m_console->notesShown());
        m_controller->goTo(1);
        m_screens->toggleConsole();
        QVERIFY(QTest::qWaitForWindowExposed(m_console.get()));
        QVERIFY(!m_console->findChild<QTextBrowser *>(QStringLiteral("notes"))->isVisible());
        QTest::mouseClick(m_console->findChild<QAbstractButton *>(QStringLiteral("showNotes")), Qt::LeftButton);
        QVERIFY(m_console->notesShown());
        QVERIFY(m_console->findChild<QTextBrowser *>(QStringLiteral("notes"))->isVisible());
    }

    void theConsoleFollowsTheSlidesAndSendsThemKeys()
    {
        m_screens->start();
        QVERIFY(QTest::qWaitForWindowActive(m_console.get()));
        const auto *number = m_console->findChild<QLabel *>(QStringLiteral("slideNumber"));
        const auto *current = m_console->findChild<QTextBrowser *>(QStringLiteral("currentSlide"));
        const auto *next = m_console->findChild<QTextBrowser *>(QStringLiteral("nextSlide"));
        const auto *notes = m_console->findChild<QTextBrowser *>(QStringLiteral("notes"));
        const QVector<Slide> &slides = m_deck.slides();
        QCOMPARE(number->text(), QStringLiteral("Slide 1 of %1").arg(slides.size()));
        QVERIFY(!m_console->clock()->isStarted());

        press(QStringLiteral("Next"));  // a clicker's "next": Page Down
        QTRY_COMPARE(m_controller->current(), 1);
        QCOMPARE(number->text(), QStringLiteral("Slide 2 of %1").arg(slides.size()));
        QVERIFY(m_console->clock()->isStarted());  // the elapsed time starts at the first advance
        QVERIFY2(current->toPlainText().simplified().startsWith(slides.at(1).heading.simplified()), qPrintable(current->toPlainText()));
        QVERIFY2(next->toPlainText().simplified().startsWith(slides.at(2).heading.simplified()), qPrintable(next->toPlainText()));
        QVERIFY(!slides.at(1).notesHtml.isEmpty());
        QCOMPARE(notes->toPlainText().simplified(), plainText(slides.at(1).notesHtml));

        m_controller->last();
        QCOMPARE(number->text(), QStringLiteral("Slide %1 of %1").arg(slides.size()));
        QCOMPARE(next->toPlainText(), QStringLiteral("The end of the presentation"));
        press(QStringLiteral("Prior"));
        QTRY_COMPARE(m_controller->current(), slides.size() - 2);

        // The notes' own text size, bigger with Ctrl++ (and remembered), not the room's zoom.
        const double size = m_console->notesPointSize();
        press(QStringLiteral("ctrl+equal"));
        QTRY_COMPARE(m_console->notesPointSize(), size + 1);
        QCOMPARE(notes->font().pointSizeF(), size + 1);
        QCOMPARE(m_controller->zoom(), 1.0);
        QCOMPARE(QSettings().value(QLatin1String(PresenterConsole::kNotesSizeKey)).toDouble(), size + 1);

        // Minutes typed for the activity timer stay in their field; Start puts them on the wall.
        auto *minutes = m_console->findChild<QSpinBox *>();
        minutes->setFocus();
        minutes->selectAll();
        press(QStringLiteral("1 2"));
        QTRY_COMPARE(minutes->value(), 12);
        QCOMPARE(m_controller->current(), slides.size() - 2);
        QSignalSpy timer(m_console.get(), &PresenterConsole::activityTimerRequested);
        QTest::mouseClick(buttonNamed(m_console.get(), QStringLiteral("Start the activity timer on the slides")), Qt::LeftButton);
        QCOMPARE(timer.takeFirst().first().toInt(), 12 * 60);

        // Show my answers reaches the controller, and the controller's state the button.
        QAbstractButton *ownAnswers = buttonNamed(m_console.get(), QStringLiteral("Show my answers on the slides"));
        QTest::mouseClick(ownAnswers, Qt::LeftButton);
        QVERIFY(m_controller->showsOwnAnswers());
        m_controller->setShowOwnAnswers(false);
        QVERIFY(!ownAnswers->isChecked());
    }

    // A clicker's Enter and Space turn the slide on a fresh console and after a console button
    // was clicked; Enter after a typed number jumps there. Tab still reaches the buttons.
    void clickerEnterAndSpaceTurnSlidesWhateverWasClicked()
    {
        m_screens->start();
        QVERIFY(QTest::qWaitForWindowActive(m_console.get()));
        press(QStringLiteral("Return"));
        QTRY_COMPARE(m_controller->current(), 1);

        QAbstractButton *pause = buttonNamed(m_console.get(), QStringLiteral("Pause the elapsed time"));
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(pause->isChecked());
        press(QStringLiteral("space"));
        QTRY_COMPARE(m_controller->current(), 2);
        press(QStringLiteral("Return"));
        QTRY_COMPARE(m_controller->current(), 3);
        QVERIFY2(pause->isChecked(), "Enter pressed the clicked button again");

        press(QStringLiteral("Tab"));
        QTRY_VERIFY(qobject_cast<QAbstractButton *>(QApplication::focusWidget()));
        press(QStringLiteral("7 Return"));
        QTRY_COMPARE(m_controller->current(), 6);
    }

    // Typing in the group grid keeps its keys, but a clicker's Page Down still turns the slide,
    // and Esc leaves the grid (the next Esc ends the presentation).
    void theGroupGridKeepsTypingButNotTheClicker()
    {
        auto *grid = new QTableWidget(2, 2);
        m_console->setGroupGridEditor(grid);
        m_screens->start();
        QVERIFY(QTest::qWaitForWindowActive(m_console.get()));
        grid->setFocus();
        grid->setCurrentCell(0, 0);
        QTRY_COMPARE(QApplication::focusWidget(), grid);
        press(QStringLiteral("Right b"));
        QTRY_COMPARE(grid->currentColumn(), 1);
        QCOMPARE(m_controller->current(), 0);
        QCOMPARE(m_controller->blank(), PresentationController::Blank::None);

        QTRY_VERIFY(grid->isPersistentEditorOpen(grid->currentItem()) || QApplication::focusWidget() != grid);  // "b" opened the cell

        press(QStringLiteral("Next"));
        QTRY_COMPARE(m_controller->current(), 1);
        QSignalSpy ended(m_controller.get(), &PresentationController::ended);
        press(QStringLiteral("Escape"));  // the cell's: its edit is cancelled
        QTRY_COMPARE(QApplication::focusWidget(), grid);
        press(QStringLiteral("Escape"));  // the grid's: the keys go back to the slides
        QTRY_COMPARE(QApplication::focusWidget(), m_console.get());
        QCOMPARE(ended.count(), 0);
        press(QStringLiteral("Escape"));
        QTRY_COMPARE(ended.count(), 1);
        m_console->setGroupGridEditor(nullptr);
        delete grid;
    }

private:
    // The projector as a monitor of the X server, at `position` ("+X+Y"), 1920 x 1080 beside
    // the laptop or the laptop's own size over it (mirrored).
    bool plug(const QString &position)
    {
        const QString size = position == QLatin1String("+0+0") ? QStringLiteral("1366/361x768/203") : QStringLiteral("1920/508x1080/286");
        if (!xrandr({QStringLiteral("--setmonitor"), kProjector, size + position, QStringLiteral("none")}))
            return false;
        return QTest::qWaitFor([] { return screenNames().contains(kProjector); }, 10000);
    }

    bool unplug()
    {
        if (!xrandr({QStringLiteral("--delmonitor"), kProjector}))
            return false;
        return QTest::qWaitFor([] { return !screenNames().contains(kProjector); }, 10000);
    }

    SlideDeck m_deck;
    std::unique_ptr<PresentationController> m_controller;
    std::unique_ptr<QWidget> m_audience;
    std::unique_ptr<PresenterConsole> m_console;
    std::unique_ptr<PresentationScreens> m_screens;
};

QTEST_MAIN(TestPresentationScreens)
#include "tst_gui_presentation_screens.moc"
