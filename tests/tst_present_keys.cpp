#include "ClickerKeyMap.h"
#include "CourseLoader.h"
#include "PresentationController.h"

#include <QApplication>
#include <QKeyEvent>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QWidget>

// Every presentation key, sent as real key presses to a window that hands its keys to the
// controller, as the audience window and the console do.
namespace {
class KeyTarget : public QWidget
{
public:
    explicit KeyTarget(PresentationController *controller)
        : m_controller(controller)
    {
        setFocusPolicy(Qt::StrongFocus);
    }
    bool lastHandled = false;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        lastHandled = m_controller->handleKey(event);
        if (!lastHandled)
            QWidget::keyPressEvent(event);
    }
    bool focusNextPrevChild(bool) override { return false; }  // Tab is a presentation key

private:
    PresentationController *m_controller;
};
}  // namespace

class TestPresentKeys : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        const Course course = CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR));
        QVERIFY(!course.modules.isEmpty());
        m_deck = SlideDeck::forModule(course, course.modules.first().id, PageRenderer::Options(), SlideBudget());
        QVERIFY2(m_deck.count() >= 12, qPrintable(QString::number(m_deck.count())));
    }

    void init()
    {
        m_controller = std::make_unique<PresentationController>();
        m_controller->setDeck(m_deck, 0);
        m_target = std::make_unique<KeyTarget>(m_controller.get());
        m_target->show();
        m_target->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_target.get()));
    }

    void nextKeys_data() { keys(true); }
    void nextKeys()
    {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        m_controller->goTo(4);
        QSignalSpy advanced(m_controller.get(), &PresentationController::advanced);
        press(key, modifiers);
        QVERIFY(m_target->lastHandled);
        QCOMPARE(m_controller->current(), 5);
        QCOMPARE(advanced.count(), 1);
    }

    void previousKeys_data() { keys(false); }
    void previousKeys()
    {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        m_controller->goTo(4);
        press(key, modifiers);
        QVERIFY(m_target->lastHandled);
        QCOMPARE(m_controller->current(), 3);
    }

    void edgesStay()
    {
        QSignalSpy changed(m_controller.get(), &PresentationController::currentChanged);
        press(Qt::Key_Left);
        press(Qt::Key_Backspace);
        QCOMPARE(m_controller->current(), 0);
        press(Qt::Key_End);
        QCOMPARE(m_controller->current(), m_deck.count() - 1);
        QSignalSpy advanced(m_controller.get(), &PresentationController::advanced);
        press(Qt::Key_Right);
        press(Qt::Key_Space);
        QCOMPARE(m_controller->current(), m_deck.count() - 1);
        QCOMPARE(advanced.count(), 0);
        press(Qt::Key_Home);
        QCOMPARE(m_controller->current(), 0);
        QCOMPARE(changed.count(), 2);  // to the end and back, nothing at the edges
    }

    void numberThenEnterJumps()
    {
        QTest::keyClicks(m_target.get(), QStringLiteral("3"));
        QCOMPARE(m_controller->current(), 0);  // a digit alone waits for Enter
        press(Qt::Key_Return);
        QCOMPARE(m_controller->current(), 2);
        QTest::keyClicks(m_target.get(), QStringLiteral("12"));
        press(Qt::Key_Enter, Qt::KeypadModifier);
        QCOMPARE(m_controller->current(), 11);
        QTest::keyClicks(m_target.get(), QStringLiteral("10"));  // 0 inside a number is a digit
        press(Qt::Key_Return);
        QCOMPARE(m_controller->current(), 9);
        QTest::keyClicks(m_target.get(), QStringLiteral("47"));  // a wrong digit taken back
        press(Qt::Key_Backspace);
        press(Qt::Key_Return);
        QCOMPARE(m_controller->current(), 3);
        // Past the end: nowhere, and not the next slide either.
        QTest::keyClicks(m_target.get(), QString::number(m_deck.count() + 1));
        press(Qt::Key_Return);
        QCOMPARE(m_controller->current(), 3);
        // 0 first is the zoom key (no slide number starts with it), not a digit.
        m_controller->setZoom(1.5);
        QTest::keyClicks(m_target.get(), QStringLiteral("07"));
        QCOMPARE(m_controller->zoom(), 1.0);
        press(Qt::Key_Return);
        QCOMPARE(m_controller->current(), 6);
        m_controller->goTo(3);
        // Digits then another key: the number is forgotten, the key does its own job.
        QTest::keyClicks(m_target.get(), QStringLiteral("9"));
        press(Qt::Key_Right);
        press(Qt::Key_Return);
        QCOMPARE(m_controller->current(), 5);
    }

    void blankAndAnyKeyReturns_data()
    {
        QTest::addColumn<QString>("blankKey");
        QTest::addColumn<int>("blank");
        QTest::addColumn<int>("returnKey");
        QTest::newRow("B, back with Right") << QStringLiteral("b") << int(PresentationController::Blank::Black) << int(Qt::Key_Right);
        QTest::newRow(". back with Left") << QStringLiteral(".") << int(PresentationController::Blank::Black) << int(Qt::Key_Left);
        QTest::newRow("W, back with Esc") << QStringLiteral("w") << int(PresentationController::Blank::White) << int(Qt::Key_Escape);
        QTest::newRow(", back with W") << QStringLiteral(",") << int(PresentationController::Blank::White) << int(Qt::Key_W);
        QTest::newRow("B, back with G") << QStringLiteral("b") << int(PresentationController::Blank::Black) << int(Qt::Key_G);
    }
    void blankAndAnyKeyReturns()
    {
        QFETCH(QString, blankKey);
        QFETCH(int, blank);
        QFETCH(int, returnKey);
        m_controller->goTo(3);
        QSignalSpy ended(m_controller.get(), &PresentationController::ended);
        QTest::keyClicks(m_target.get(), blankKey);
        QCOMPARE(int(m_controller->blank()), blank);
        press(returnKey);
        QCOMPARE(m_controller->blank(), PresentationController::Blank::None);
        QCOMPARE(m_controller->current(), 3);
        QVERIFY(!m_controller->overviewShown());
        QCOMPARE(ended.count(), 0);
    }

    void endKeys_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::newRow("Esc") << int(Qt::Key_Escape) << 0;
        QTest::newRow("F5") << int(Qt::Key_F5) << 0;
        QTest::newRow("Shift+F5") << int(Qt::Key_F5) << int(Qt::ShiftModifier);
    }
    void endKeys()
    {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QSignalSpy ended(m_controller.get(), &PresentationController::ended);
        press(key, modifiers);
        QCOMPARE(ended.count(), 1);
    }

    void overview()
    {
        m_controller->goTo(2);
        QSignalSpy ended(m_controller.get(), &PresentationController::ended);
        QTest::keyClicks(m_target.get(), QStringLiteral("g"));
        QVERIFY(m_controller->overviewShown());
        QCOMPARE(m_controller->overviewSelection(), 2);
        press(Qt::Key_Right);
        press(Qt::Key_Down);
        press(Qt::Key_Right);
        press(Qt::Key_Left);
        QCOMPARE(m_controller->overviewSelection(), 4);
        QCOMPARE(m_controller->current(), 2);  // moving the selection shows nothing yet
        press(Qt::Key_Return);
        QVERIFY(!m_controller->overviewShown());
        QCOMPARE(m_controller->current(), 4);

        press(Qt::Key_Tab);
        QVERIFY(m_controller->overviewShown());
        press(Qt::Key_End);
        QCOMPARE(m_controller->overviewSelection(), m_deck.count() - 1);
        press(Qt::Key_Escape);  // closes the overview, does not end
        QVERIFY(!m_controller->overviewShown());
        QCOMPARE(m_controller->current(), 4);
        QCOMPARE(ended.count(), 0);
        press(Qt::Key_G);
        press(Qt::Key_Home);
        QCOMPARE(m_controller->overviewSelection(), 0);
        press(Qt::Key_G);
        QVERIFY(!m_controller->overviewShown());
        QCOMPARE(m_controller->current(), 4);
        press(Qt::Key_Backtab, Qt::ShiftModifier);
        QVERIFY(m_controller->overviewShown());
    }

    void zoomForTheRoom()
    {
        QSignalSpy zoomed(m_controller.get(), &PresentationController::zoomChanged);
        QTest::keyClicks(m_target.get(), QStringLiteral("+"));
        QCOMPARE(m_controller->zoom(), 1.1);
        press(Qt::Key_Equal);  // + without Shift
        QVERIFY(qAbs(m_controller->zoom() - 1.21) < 1e-9);
        QTest::keyClicks(m_target.get(), QStringLiteral("-"));
        QCOMPARE(m_controller->zoom(), 1.1);
        QTest::keyClicks(m_target.get(), QStringLiteral("0"));
        QCOMPARE(m_controller->zoom(), 1.0);
        QCOMPARE(zoomed.count(), 4);
        for (int i = 0; i < 40; ++i)
            press(Qt::Key_Minus);
        QCOMPARE(m_controller->zoom(), PresentationController::kMinZoom);
        QCOMPARE(m_controller->current(), 0);
    }

    void requests()
    {
        QSignalSpy sheet(m_controller.get(), &PresentationController::keySheetRequested);
        QSignalSpy console(m_controller.get(), &PresentationController::consoleToggleRequested);
        QSignalSpy swap(m_controller.get(), &PresentationController::swapScreensRequested);
        QTest::keyClicks(m_target.get(), QStringLiteral("?"));
        QTest::keyClicks(m_target.get(), QStringLiteral("c"));
        QTest::keyClicks(m_target.get(), QStringLiteral("s"));
        QCOMPARE(sheet.count(), 1);
        QCOMPARE(console.count(), 1);
        QCOMPARE(swap.count(), 1);
        QCOMPARE(m_controller->current(), 0);
    }

    void appKeysAreLeftAlone()
    {
        press(Qt::Key_Right, Qt::ControlModifier);
        QVERIFY(!m_target->lastHandled);
        press(Qt::Key_Q, Qt::ControlModifier);
        QVERIFY(!m_target->lastHandled);
        press(Qt::Key_F12);
        QVERIFY(!m_target->lastHandled);
        QCOMPARE(m_controller->current(), 0);
    }

    void clickerAssignmentsOverrideAndAreRemembered()
    {
        ClickerKeyMap keys;
        keys.assign(QKeyCombination(Qt::Key_VolumeUp), ClickerKeyMap::Action::Next);
        keys.assign(QKeyCombination(Qt::Key_B), ClickerKeyMap::Action::Previous);  // overrides Black
        keys.save();
        m_controller->setKeyMap(ClickerKeyMap::load());
        press(Qt::Key_VolumeUp);
        press(Qt::Key_VolumeUp);
        QCOMPARE(m_controller->current(), 2);
        press(Qt::Key_B);
        QCOMPARE(m_controller->current(), 1);
        QCOMPARE(m_controller->blank(), PresentationController::Blank::None);
        QTest::keyClicks(m_target.get(), QStringLiteral("."));  // the other black key still blacks
        QCOMPARE(m_controller->blank(), PresentationController::Blank::Black);
        QSettings().clear();
    }

private:
    void keys(bool forward)
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        const QList<QPair<const char *, QPair<int, int>>> next = {
            {"Right", {Qt::Key_Right, 0}}, {"Down", {Qt::Key_Down, 0}}, {"Page Down", {Qt::Key_PageDown, 0}},
            {"Space", {Qt::Key_Space, 0}}, {"Return", {Qt::Key_Return, 0}}, {"keypad Enter", {Qt::Key_Enter, Qt::KeypadModifier}},
            {"N", {Qt::Key_N, 0}}, {"Shift+N", {Qt::Key_N, Qt::ShiftModifier}}};
        const QList<QPair<const char *, QPair<int, int>>> previous = {
            {"Left", {Qt::Key_Left, 0}}, {"Up", {Qt::Key_Up, 0}}, {"Page Up", {Qt::Key_PageUp, 0}},
            {"Backspace", {Qt::Key_Backspace, 0}}, {"P", {Qt::Key_P, 0}}, {"Shift+Space", {Qt::Key_Space, Qt::ShiftModifier}}};
        for (const auto &[name, key] : forward ? next : previous)
            QTest::newRow(name) << key.first << key.second;
    }
    void press(int key, int modifiers = 0)
    {
        QTest::keyClick(m_target.get(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    }

    SlideDeck m_deck;
    std::unique_ptr<PresentationController> m_controller;
    std::unique_ptr<KeyTarget> m_target;
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("coursebook-tests"));
    TestPresentKeys test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_present_keys.moc"
