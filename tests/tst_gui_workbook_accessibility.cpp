// The Workbook pane as a learner who needs it to be clear meets it, in the real window on the
// bundled course, in every theme (View > Theme): every control a keyboard reaches has a name
// a screen reader says; rendered pixels have the contrast WCAG asks (text 4.5:1, borders,
// check boxes and focus frames 3:1); the placeholder is not typed text; disabled buttons look
// disabled. And the pane tells the truth: "Not started" until something is typed, and the
// course's names for the ratings of a worksheet.

#include "ActivityPanel.h"
#include "AnswerEditor.h"
#include "CourseLoader.h"
#include "CourseUrl.h"
#include "MainWindow.h"
#include "PageView.h"
#include "PresentationController.h"
#include "PresenterConsole.h"
#include "SlideDeck.h"
#include "ThemeStyle.h"
#include "WorkbookPane.h"

#include <QAccessible>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHash>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleOptionButton>
#include <QTableWidget>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTest>
#include <QToolButton>
#include <QWebEngineView>

#include <algorithm>
#include <memory>

namespace {

const QStringList kThemes = {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("high-contrast")};
const QString kWelcome = QStringLiteral("getting-started/welcome");                    // a KWL chart
const QString kMistakes = QStringLiteral("getting-started/iteration-and-mistakes");    // a reflection
const QString kSelfAssessment = QStringLiteral("planning-your-program/self-assessment");  // a rated worksheet
const QString kKwl = QStringLiteral("kwl-course");
const QString kReflection = QStringLiteral("reflect-mistake");
const QString kWorksheet = QStringLiteral("worksheet-self-assessment");
constexpr int kLoadTimeout = 30000;

QString describe(const QWidget *widget)
{
    return QStringLiteral("%1 \"%2\" (%3)")
        .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
             widget->parentWidget() ? QString::fromLatin1(widget->parentWidget()->metaObject()->className()) : QString());
}

double contrast(QRgb a, QRgb b)
{
    return ThemeStyle::contrast(QColor(a), QColor(b));
}

// The colour most pixels of `image` have: its background.
QRgb mostCommon(const QImage &image)
{
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, y)];
    }
    return std::max_element(counts.cbegin(), counts.cend()).key();
}

// The pixel of `image` that stands out most from `background`: text's full colour.
QRgb strongest(const QImage &image, QRgb background)
{
    QRgb best = background;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (contrast(image.pixel(x, y), background) > contrast(best, background))
                best = image.pixel(x, y);
        }
    }
    return best;
}

// The contrast of the text (or mark) drawn in `area` of `widget` against its background.
double inkContrast(QWidget *widget, QRect area = QRect())
{
    const QImage image = widget->grab(area.isNull() ? widget->rect() : area).toImage();
    const QRgb background = mostCommon(image);
    return contrast(strongest(image, background), background);
}

// `widget` with a margin of what is around it, as its parent draws it.
QImage grabAround(QWidget *widget, int margin)
{
    return widget->parentWidget()->grab(widget->geometry().adjusted(-margin, -margin, margin, margin)).toImage();
}

constexpr int kMargin = 3;

// How clearly the left edge of `widget` (its first 3 pixels, half-way down) stands out from
// both what is outside it and what is inside it.
double edgeContrast(QWidget *widget)
{
    const QImage image = grabAround(widget, kMargin);
    const int y = image.height() / 2;
    const QRgb outside = image.pixel(0, y);
    const QRgb inside = image.pixel(kMargin + 8, y);
    double best = 1;
    for (int x = kMargin; x < kMargin + 3; ++x)
        best = std::max(best, std::min(contrast(image.pixel(x, y), outside), contrast(image.pixel(x, y), inside)));
    return best;
}

// How many pixels thick the focus frame on the left edge of `widget` is: pixels of its edge
// that change by 3:1 when it takes the focus.
int focusFrameWidth(QWidget *widget)
{
    widget->window()->setFocus(Qt::OtherFocusReason);
    const QImage before = grabAround(widget, kMargin);
    widget->setFocus(Qt::TabFocusReason);
    const QImage after = grabAround(widget, kMargin);
    const int y = before.height() / 2;
    int changed = 0;
    for (int x = kMargin; x < kMargin + 4; ++x)
        changed += contrast(before.pixel(x, y), after.pixel(x, y)) >= 3 ? 1 : 0;
    return changed;
}

}  // namespace

class TestWorkbookAccessibility : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void everyFocusableWidgetHasAName();
    void paneIsReadableInEveryTheme();
    void untouchedActivitySaysNotStarted();
    void ratingsShowTheCourseLabels();
    void presenterConsoleFieldsShowInEveryTheme();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &pageId);
    bool showPage(MainWindow &window, const QString &pageId);
    void chooseTheme(MainWindow &window, const QString &theme);

    QPalette m_desktopPalette;
    std::unique_ptr<QTemporaryDir> m_dataDir;
};

void TestWorkbookAccessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);  // settings go to a test location
    QSettings().clear();
    m_desktopPalette = QApplication::palette();
}

void TestWorkbookAccessibility::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
}

void TestWorkbookAccessibility::cleanup()
{
    QSettings().clear();
    // A window takes the palette it finds as the desktop's: give the next one the real one.
    qApp->setStyleSheet(QString());
    QApplication::setPalette(m_desktopPalette);
    m_dataDir.reset();
}

std::unique_ptr<MainWindow> TestWorkbookAccessibility::openWindow(const QString &pageId)
{
    auto window = std::make_unique<MainWindow>(QStringLiteral(BUNDLED_COURSE_DIR), QString(), m_dataDir->path());
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("the window did not become active");
    if (!showPage(*window, pageId))
        qWarning("%s did not load", qPrintable(pageId));
    return window;
}

bool TestWorkbookAccessibility::showPage(MainWindow &window, const QString &pageId)
{
    QSignalSpy loaded(window.pageView(), &QWebEngineView::loadFinished);
    window.showPage(pageId);
    return QTest::qWaitFor([&] {
        return window.currentPageId() == pageId && window.pageView()->url() == CourseUrl::page(pageId)
            && std::any_of(loaded.cbegin(), loaded.cend(), [](const QList<QVariant> &args) { return args.first().toBool(); });
    }, kLoadTimeout);
}

// As the learner does it: View > Theme > the theme.
void TestWorkbookAccessibility::chooseTheme(MainWindow &window, const QString &theme)
{
    const QList<QAction *> actions = window.findChildren<QAction *>();
    const auto action = std::find_if(actions.cbegin(), actions.cend(), [&](QAction *a) {
        return a->actionGroup() && a->data().toString() == theme;
    });
    QVERIFY2(action != actions.cend(), qPrintable(theme));
    (*action)->trigger();
    QCoreApplication::processEvents();
}

void TestWorkbookAccessibility::everyFocusableWidgetHasAName()
{
    auto window = openWindow(kWelcome);
    for (const QString &theme : kThemes) {
        chooseTheme(*window, theme);
        for (const QString &page : {kWelcome, kMistakes, kSelfAssessment}) {
            QVERIFY2(showPage(*window, page), qPrintable(page));
            // A cell being typed in is an input of its own.
            if (auto *grid = window->workbookPane()->findChild<QTableWidget *>(QStringLiteral("grid"))) {
                grid->setFocus(Qt::TabFocusReason);
                QTest::keyClick(grid, Qt::Key_F2);
            }
            QStringList unnamed;
            const QList<QWidget *> widgets = window->findChildren<QWidget *>();
            for (QWidget *widget : widgets) {
                if (!widget->isVisible() || !widget->isEnabled() || !(widget->focusPolicy() & Qt::TabFocus))
                    continue;
                // The web view's own drawing surface: the page's accessibility tree speaks for it.
                if (qobject_cast<QWebEngineView *>(widget->parentWidget()))
                    continue;
                QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
                if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
                    unnamed << describe(widget);
            }
            QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("%1 theme, %2: no accessible name for %3")
                                                       .arg(theme, page, unnamed.join(QStringLiteral(", ")))));
        }
    }
}

void TestWorkbookAccessibility::paneIsReadableInEveryTheme()
{
    auto window = openWindow(kMistakes);
    WorkbookPane *pane = window->workbookPane();
    for (const QString &theme : kThemes) {
        chooseTheme(*window, theme);
        const auto failure = [&](const QString &what, double measured) {
            return QStringLiteral("%1 theme: %2 (measured %3)").arg(theme, what).arg(measured, 0, 'f', 2);
        };
        QVERIFY2(showPage(*window, kMistakes), qPrintable(theme));
        ActivityPanel *panel = pane->panel(kReflection);
        QVERIFY(panel);
        auto *text = panel->editor()->findChild<QPlainTextEdit *>(QStringLiteral("text"));
        auto *done = panel->findChild<QCheckBox *>();
        const QList<QToolButton *> tools = panel->findChildren<QToolButton *>();
        QToolButton *undo = tools.value(0);
        QVERIFY(text && done && undo && undo->text() == QStringLiteral("Undo"));
        QVERIFY(!undo->isEnabled());

        // Text: the title, the status, the buttons.
        for (QLabel *label : panel->findChildren<QLabel *>()) {
            if (!label->text().isEmpty()) {
                const double ratio = inkContrast(label);
                QVERIFY2(ratio >= 4.5, qPrintable(failure(QStringLiteral("text \"%1\"").arg(label->text().left(30)), ratio)));
            }
        }
        auto *history = panel->findChild<QPushButton *>();
        double ratio = inkContrast(history, history->rect().adjusted(4, 4, -4, -4));
        QVERIFY2(ratio >= 4.5, qPrintable(failure(QStringLiteral("History button text"), ratio)));

        // The text box: a border that shows, a placeholder that is readable and is not typed text.
        ratio = edgeContrast(text);
        QVERIFY2(ratio >= 3, qPrintable(failure(QStringLiteral("text box border"), ratio)));
        QVERIFY2(QFontInfo(text->viewport()->font()).italic(), qPrintable(theme + QStringLiteral(": placeholder not italic")));
        const QImage empty = text->viewport()->grab().toImage();
        const QRgb base = mostCommon(empty);
        const QRgb placeholder = strongest(empty, base);
        QVERIFY2(contrast(placeholder, base) >= 4.5, qPrintable(failure(QStringLiteral("placeholder"), contrast(placeholder, base))));
        const QImage disabledUndo = undo->grab(undo->rect().adjusted(4, 4, -4, -4)).toImage();

        text->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(text, QStringLiteral("Where I went wrong"));
        QVERIFY(undo->isEnabled());
        const QImage typed = text->viewport()->grab().toImage();
        const QRgb ink = strongest(typed, mostCommon(typed));
        QVERIFY2(contrast(ink, placeholder) >= 1.5, qPrintable(failure(QStringLiteral("placeholder vs typed text"), contrast(ink, placeholder))));

        // Undo, enabled, is readable; disabled, its text is clearly another colour.
        ratio = inkContrast(undo, undo->rect().adjusted(4, 4, -4, -4));
        QVERIFY2(ratio >= 4.5, qPrintable(failure(QStringLiteral("Undo text"), ratio)));
        const QImage enabledUndo = undo->grab(undo->rect().adjusted(4, 4, -4, -4)).toImage();
        const QRgb enabledInk = strongest(enabledUndo, mostCommon(enabledUndo));
        const QRgb disabledInk = strongest(disabledUndo, mostCommon(disabledUndo));
        QVERIFY2(contrast(enabledInk, disabledInk) >= 2, qPrintable(failure(QStringLiteral("disabled vs enabled Undo"), contrast(enabledInk, disabledInk))));
        QTest::keyClick(text, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(text->toPlainText(), QString());

        // "Mark as done": a box that shows, and a mark that shows when it is ticked.
        QStyleOptionButton option;
        option.initFrom(done);
        const QRect indicator = done->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, done);
        const QImage unticked = done->grab().toImage();
        const QRgb around = unticked.pixel(unticked.width() - 1, 0);
        int boxPixels = 0;
        for (int y = indicator.top(); y <= indicator.bottom(); ++y) {
            for (int x = indicator.left(); x <= indicator.right(); ++x)
                boxPixels += contrast(unticked.pixel(x, y), around) >= 3 ? 1 : 0;
        }
        QVERIFY2(boxPixels >= 2 * indicator.width(), qPrintable(failure(QStringLiteral("check box outline pixels"), boxPixels)));
        QTest::mouseClick(done, Qt::LeftButton, {}, indicator.center());
        QVERIFY(done->isChecked());
        const QImage ticked = done->grab().toImage();
        int markPixels = 0;
        const QRect inner = indicator.adjusted(3, 3, -3, -3);
        for (int y = inner.top(); y <= inner.bottom(); ++y) {
            for (int x = inner.left(); x <= inner.right(); ++x)
                markPixels += contrast(ticked.pixel(x, y), unticked.pixel(x, y)) >= 3 ? 1 : 0;
        }
        QVERIFY2(markPixels >= inner.width() * inner.height() / 4, qPrintable(failure(QStringLiteral("check mark pixels"), markPixels)));
        QTest::mouseClick(done, Qt::LeftButton, {}, indicator.center());

        // A strong focus frame: at least 2 pixels that change 3:1 when the focus comes.
        for (QWidget *widget : std::initializer_list<QWidget *>{text, done, undo->isEnabled() ? static_cast<QWidget *>(undo) : history}) {
            const int width = focusFrameWidth(widget);
            QVERIFY2(width >= 2, qPrintable(failure(QStringLiteral("focus frame of ") + describe(widget), width)));
        }

        // A grid: its border and the lines between its cells show.
        QVERIFY(showPage(*window, kWelcome));
        auto *grid = pane->panel(kKwl)->editor()->findChild<QTableWidget *>(QStringLiteral("grid"));
        QVERIFY(grid);
        ratio = edgeContrast(grid);
        QVERIFY2(ratio >= 3, qPrintable(failure(QStringLiteral("grid border"), ratio)));
        const QImage cells = grid->viewport()->grab().toImage();
        const int y = grid->rowViewportPosition(0) + grid->rowHeight(0) / 2;
        const int line = grid->columnViewportPosition(2);
        const QRgb cell = cells.pixel(line - 10, y);
        double gridLine = 1;
        for (int x = line - 2; x <= line + 1; ++x)
            gridLine = std::max(gridLine, contrast(cells.pixel(x, y), cell));
        QVERIFY2(gridLine >= 3, qPrintable(failure(QStringLiteral("grid line"), gridLine)));
        const int width = focusFrameWidth(grid);
        QVERIFY2(width >= 2, qPrintable(failure(QStringLiteral("focus frame of the grid"), width)));
        QVERIFY(showPage(*window, kMistakes));
    }
}

void TestWorkbookAccessibility::untouchedActivitySaysNotStarted()
{
    auto window = openWindow(kWelcome);
    ActivityPanel *panel = window->workbookPane()->panel(kKwl);
    QVERIFY(panel);
    QCOMPARE(panel->saveStatus(), QStringLiteral("Not started"));
    auto *experience = panel->editor()->findChild<QPlainTextEdit *>(QStringLiteral("experience"));
    QVERIFY(experience);
    experience->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(experience, QStringLiteral("Two years of maker nights"));
    QTRY_COMPARE_WITH_TIMEOUT(panel->saveStatus(), QStringLiteral("Saved"), 10000);

    // Back on the page, what was saved is "Saved", not "Not started".
    QVERIFY(showPage(*window, kMistakes));
    QCOMPARE(window->workbookPane()->panel(kReflection)->saveStatus(), QStringLiteral("Not started"));
    QVERIFY(showPage(*window, kWelcome));
    QCOMPARE(window->workbookPane()->panel(kKwl)->saveStatus(), QStringLiteral("Saved"));
}

void TestWorkbookAccessibility::ratingsShowTheCourseLabels()
{
    auto window = openWindow(kSelfAssessment);
    ActivityPanel *panel = window->workbookPane()->panel(kWorksheet);
    QVERIFY(panel);
    auto *grid = panel->editor()->findChild<QTableWidget *>(QStringLiteral("grid"));
    QVERIFY(grid);
    auto *combo = grid->cellWidget(1, 1) ? grid->cellWidget(1, 1)->findChild<QComboBox *>() : nullptr;
    QVERIFY(combo);
    // The page's legend: "1: Not yet" ... "4: A strength".
    QStringList shown;
    for (int i = 1; i < combo->count(); ++i)
        shown << combo->itemText(i);
    QCOMPARE(shown, (QStringList{QStringLiteral("1 – Not yet"), QStringLiteral("2 – Now and then"),
                                 QStringLiteral("3 – Most of the time"), QStringLiteral("4 – A strength")}));

    // Choosing "3 – Most of the time" stores "3", and the total counts 3.
    combo->setFocus(Qt::TabFocusReason);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentText(), QStringLiteral("3 – Most of the time"));
    const QJsonArray cells = panel->answer(QStringLiteral("course")).value.value(QStringLiteral("cells")).toArray();
    QCOMPARE(cells.at(1).toArray().at(1).toString(), QStringLiteral("3"));
    QCOMPARE(grid->item(grid->rowCount() - 1, 1)->text(), QStringLiteral("3"));
}

// The presenter console is typed in too (the group grid, the notes, the end time): its fields
// keep the Workbook's visible borders in every theme, high contrast among them.
void TestWorkbookAccessibility::presenterConsoleFieldsShowInEveryTheme()
{
    auto window = openWindow(kWelcome);
    const Course course = CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR));
    PresentationController controller;
    controller.setDeck(SlideDeck::forModule(course, QStringLiteral("getting-started"), PageRenderer::Options(), SlideBudget()), 0);
    PresenterConsole console(&controller);
    auto *grid = new QTableWidget(2, 3);
    console.setGroupGridEditor(grid);
    console.resize(1200, 760);
    console.show();
    QVERIFY(QTest::qWaitForWindowExposed(&console));
    for (const QString &theme : kThemes) {
        chooseTheme(*window, theme);
        for (QWidget *field : {static_cast<QWidget *>(grid), static_cast<QWidget *>(console.findChild<QTextBrowser *>(QStringLiteral("notes"))),
                               static_cast<QWidget *>(console.findChild<QSpinBox *>())}) {
            QVERIFY(field);
            const double ratio = edgeContrast(field);
            QVERIFY2(ratio >= 3, qPrintable(QStringLiteral("%1 theme: console %2 border (measured %3)")
                                                .arg(theme, QString::fromLatin1(field->metaObject()->className()))
                                                .arg(ratio, 0, 'f', 2)));
        }
    }
    console.setGroupGridEditor(nullptr);
    delete grid;
}

QTEST_MAIN(TestWorkbookAccessibility)
#include "tst_gui_workbook_accessibility.moc"
