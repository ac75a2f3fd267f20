// The reading window on a course in the older layout whose last page sends the learner back
// to the module's KWL (tests/data/kwl-module-layout): the Workbook there shows that KWL's
// editor, and what is typed there is the chart the first page shows.

#include "ActivityPanel.h"
#include "AnswerEditor.h"
#include "AnswerStore.h"
#include "CourseUrl.h"
#include "MainWindow.h"
#include "PageView.h"
#include "WorkbookPane.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

const QString kOpening = QStringLiteral("habits/index");
const QString kClosing = QStringLiteral("habits/section-2");
const QString kKwl = QStringLiteral("habits/index#healthy-habits-kwl");
constexpr int kLoadTimeout = 30000;

bool waitForPage(MainWindow &window, const QString &pageId, QSignalSpy &loaded)
{
    return QTest::qWaitFor([&] {
        return window.currentPageId() == pageId && window.pageView()->url() == CourseUrl::page(pageId)
            && std::any_of(loaded.cbegin(), loaded.cend(), [](const QList<QVariant> &args) { return args.first().toBool(); });
    }, kLoadTimeout);
}

QPlainTextEdit *experienceBox(ActivityPanel *panel)
{
    return panel ? panel->editor()->findChild<QPlainTextEdit *>(QStringLiteral("experience")) : nullptr;
}

}  // namespace

class TestGuiKwlRevisit : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void theLastPageFillsInTheFirstPagesKwl();
};

void TestGuiKwlRevisit::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);  // settings go to a test location
    QSettings().clear();
}

void TestGuiKwlRevisit::theLastPageFillsInTheFirstPagesKwl()
{
    QTemporaryDir data;
    MainWindow window(QStringLiteral(TESTDATA_DIR "/kwl-module-layout"), kClosing, data.path());
    QSignalSpy loaded(window.pageView(), &QWebEngineView::loadFinished);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(waitForPage(window, kClosing, loaded));

    // The last page's Workbook holds the opening KWL itself, not a text box of its own.
    WorkbookPane *pane = window.workbookPane();
    QCOMPARE(pane->activityCount(), 1);
    ActivityPanel *panel = pane->panel(kKwl);
    QVERIFY(panel);
    QCOMPARE(panel->spec().kind, ActivitySpec::Kind::Kwl);
    QCOMPARE(panel->spec().title, QStringLiteral("Looking back at your KWL"));
    window.openActivity(kKwl);
    QPlainTextEdit *box = experienceBox(panel);
    QVERIFY(box);
    QTRY_VERIFY_WITH_TIMEOUT(QApplication::focusWidget() == box, 10000);
    const QString typed = QStringLiteral("I cook on Sundays");
    QTest::keyClicks(box, typed);

    // The first page's chart is the same answer, typed on the last page.
    loaded.clear();
    window.showPage(kOpening);
    QVERIFY(waitForPage(window, kOpening, loaded));
    QTRY_COMPARE_WITH_TIMEOUT(window.answerStore()->answer(window.course().id, kKwl).value_or(Answer()).value.value(QStringLiteral("experience")).toString(),
                              typed, 1000);
    ActivityPanel *opening = pane->panel(kKwl);
    QVERIFY(opening);
    QCOMPARE(opening->spec().title, QStringLiteral("Healthy Habits KWL"));
    QCOMPARE(experienceBox(opening)->toPlainText(), typed);
    QCOMPARE(window.answerStore()->answers(window.course().id).size(), 1);
}

QTEST_MAIN(TestGuiKwlRevisit)
#include "tst_gui_kwl_revisit.moc"
