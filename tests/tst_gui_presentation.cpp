#include "AnswerAutosaver.h"
#include "AnswerStore.h"
#include "AudienceWindow.h"
#include "EditorFixture.h"
#include "NavigationTree.h"
#include "PresentationController.h"
#include "PresentationSession.h"
#include "PresenterConsole.h"
#include "PresentingWindow.h"
#include "SlideGridPanel.h"
#include "ThemeSwitcher.h"
#include "WorkshopRecords.h"

#include <QAbstractButton>
#include <QApplication>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QMenu>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QTest>
#include <QWebEngineView>
#include <QWheelEvent>

#include <memory>

// Presenting from the reading window as a facilitator does: F5 and Shift+F5 in the real
// window, keys pressed on the slides, what the wall's document holds read back from it.
namespace {
const QString kReflection = QStringLiteral("reflect-expert");  // on getting-started/the-mindset
const QString kKwl = QStringLiteral("kwl-course");             // on getting-started/welcome
}  // namespace

class TestPresentation : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void init()
    {
        m_p = std::make_unique<PresentingWindow>();
        QVERIFY(m_p->open());
    }
    void cleanup() { m_p.reset(); }

    void f5PresentsTheModuleFromItsFirstSlide()
    {
        m_p->window.navigationTree()->setFocus();
        QTest::keyClick(&m_p->window, Qt::Key_F5);
        QVERIFY(waitForSlide(0));
        const Slide &first = session()->controller()->deck().slides().first();
        QCOMPARE(first.pageId, QStringLiteral("getting-started/welcome"));
        QVERIFY(session()->audience()->isFullScreen());

        // Keys on the slides, as the audience window gets them.
        key(Qt::Key_Right);
        QVERIFY(waitForSlide(1));
        key(Qt::Key_Space);
        QVERIFY(waitForSlide(2));
        key(Qt::Key_PageUp);
        QVERIFY(waitForSlide(1));
        key(Qt::Key_4);
        key(Qt::Key_Return);
        QVERIFY(waitForSlide(3));
        key(Qt::Key_End);
        QVERIFY(waitForSlide(session()->controller()->count() - 1));
        key(Qt::Key_Home);
        QVERIFY(waitForSlide(0));

        // Black, then any key brings the slide back without moving on.
        key(Qt::Key_B);
        QTRY_COMPARE_WITH_TIMEOUT(js(QStringLiteral("document.documentElement.getAttribute('data-blank')")).toString(),
                                  QStringLiteral("black"), 5000);
        key(Qt::Key_Right);
        QTRY_VERIFY_WITH_TIMEOUT(js(QStringLiteral("document.documentElement.getAttribute('data-blank')")).isNull(), 5000);
        QCOMPARE(js(QStringLiteral("coursebookSlides.current()")).toInt(), 0);
        key(Qt::Key_W);
        QTRY_COMPARE_WITH_TIMEOUT(js(QStringLiteral("document.documentElement.getAttribute('data-blank')")).toString(),
                                  QStringLiteral("white"), 5000);
        key(Qt::Key_Escape);  // brings the slide back; does not end
        QTRY_VERIFY_WITH_TIMEOUT(js(QStringLiteral("document.documentElement.getAttribute('data-blank')")).isNull(), 5000);
        QVERIFY(session());

        // The overview: arrows choose, Enter shows.
        key(Qt::Key_G);
        QTRY_VERIFY_WITH_TIMEOUT(js(QStringLiteral("document.documentElement.classList.contains('overview')")).toBool(), 5000);
        key(Qt::Key_Right);
        key(Qt::Key_Right);
        key(Qt::Key_Right);
        key(Qt::Key_Return);
        QVERIFY(waitForSlide(3));
        QVERIFY(!js(QStringLiteral("document.documentElement.classList.contains('overview')")).toBool());

        // The mouse: a click is the next slide, a right click the previous one.
        QWidget *surface = session()->audience()->view()->focusProxy();
        QTest::mouseClick(surface, Qt::LeftButton, {}, surface->rect().center());
        QVERIFY(waitForSlide(4));
        QTest::mouseClick(surface, Qt::RightButton, {}, surface->rect().center());
        QVERIFY(waitForSlide(3));
        wheel(surface, -120);  // a notch down
        QVERIFY(waitForSlide(4));
        wheel(surface, 60);  // half a notch up (a touchpad's sliver) is not a slide yet
        QTest::qWait(100);
        QCOMPARE(session()->controller()->current(), 4);
        wheel(surface, 60);
        QVERIFY(waitForSlide(3));

        // Esc ends: back on the page that was showing, the keys where they were.
        key(Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!m_p->launcher.session(), 5000);
        QCOMPARE(m_p->window.currentPageId(), QStringLiteral("getting-started/the-mindset"));
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(), static_cast<QWidget *>(m_p->window.navigationTree()), 5000);
    }

    void f5OnTheCourseHomePresentsTheFirstModule()
    {
        // The home belongs to no module: its slides are the first module's, and none is the home's.
        QVERIFY(m_p->showPage(Course::kHomePageId));
        QTest::keyClick(&m_p->window, Qt::Key_F5);
        QVERIFY(waitForSlide(0));
        QCOMPARE(session()->moduleId(), QStringLiteral("getting-started"));
        for (const Slide &slide : session()->controller()->deck().slides())
            QVERIFY2(slide.pageId.startsWith(QLatin1String("getting-started/")), qPrintable(slide.pageId));
        key(Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(!m_p->launcher.session(), 5000);
        QCOMPARE(m_p->window.currentPageId(), Course::kHomePageId);
    }

    void shiftF5PresentsFromThisPage()
    {
        QTest::keyClick(&m_p->window, Qt::Key_F5, Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(session() && session()->audience()->isReady(), 30000);
        const int start = session()->controller()->deck().firstSlideOf(QStringLiteral("getting-started/the-mindset"));
        QVERIFY(start > 0);
        QVERIFY(waitForSlide(start));
        QCOMPARE(session()->controller()->deck().slides().at(start).kind, Slide::Kind::Title);

        // The reading theme applies: high contrast for a washed-out projector, at the same place.
        key(Qt::Key_Right);
        QVERIFY(waitForSlide(start + 1));
        m_p->window.themeSwitcher()->setTheme(QStringLiteral("high-contrast"));
        QTRY_COMPARE_WITH_TIMEOUT(js(QStringLiteral("document.documentElement.getAttribute('data-theme')")).toString(),
                                  QStringLiteral("high-contrast"), 30000);
        QVERIFY(waitForSlide(start + 1));
        m_p->window.themeSwitcher()->setTheme(QStringLiteral("light"));

        key(Qt::Key_F5);  // a clicker's start/stop button ends too
        QTRY_VERIFY_WITH_TIMEOUT(!m_p->launcher.session(), 5000);
        QCOMPARE(m_p->window.currentPageId(), QStringLiteral("getting-started/the-mindset"));
    }

    void answersReachTheWallOnlyWhenShown()
    {
        const QString secret = QStringLiteral("Quokka%1 is my private thought").arg(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(m_p->window.showActivity(kReflection));
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QPlainTextEdit *>(QApplication::focusWidget()), 10000);
        QTest::keyClicks(QApplication::focusWidget(), secret);
        QVERIFY(m_p->window.autosaver()->flush());
        QCOMPARE(m_p->window.answerStore()->answer(m_p->window.course().id, kReflection)->value.value(QLatin1String("text")).toString(),
                 secret);

        QTest::keyClick(&m_p->window, Qt::Key_F5);
        QVERIFY(waitForSlide(0));
        const QString before = m_p->documentHtml();
        QVERIFY(before.contains(QStringLiteral("slide-overview")));  // the deck, not an empty page
        QVERIFY(!before.contains(QStringLiteral("Quokka")));

        // The console's Show My Answers, for this presentation only.
        QAbstractButton *show = PresentingWindow::button(session()->console(), QStringLiteral("Show &My Answers"));
        QVERIFY(show);
        show->click();
        QTRY_VERIFY_WITH_TIMEOUT(session()->audience()->isReady() && m_p->documentHtml().contains(secret), 30000);
        key(Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!m_p->launcher.session(), 5000);

        QVERIFY(QTest::qWaitForWindowActive(&m_p->window));
        QTest::keyClick(&m_p->window, Qt::Key_F5);  // a new presentation: off again
        QVERIFY(waitForSlide(0));
        QVERIFY(!session()->controller()->showsOwnAnswers());
        QVERIFY(!m_p->documentHtml().contains(QStringLiteral("Quokka")));
    }

    void groupGridIsShownLiveAndKeptApart()
    {
        QTest::keyClick(&m_p->window, Qt::Key_F5);
        QVERIFY(waitForSlide(0));
        const QVector<Slide> &slides = session()->controller()->deck().slides();
        int kwlSlide = -1;
        for (int i = 0; i < slides.size() && kwlSlide < 0; ++i) {
            if (slides[i].kind == Slide::Kind::Activity && slides[i].activityId == kKwl)
                kwlSlide = i;
        }
        QVERIFY(kwlSlide > 0);
        QTest::keyClicks(session()->audience()->view()->focusProxy(), QString::number(kwlSlide + 1));
        key(Qt::Key_Return);
        QVERIFY(waitForSlide(kwlSlide));

        key(Qt::Key_C);  // one screen: the console over the slides, to type in
        QTRY_VERIFY_WITH_TIMEOUT(session()->console()->isVisible(), 5000);
        QVERIFY(QTest::qWaitForWindowActive(session()->console()));
        SlideGridPanel *panel = session()->gridPanel();
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible() && panel->editor(), 5000);
        auto *grid = panel->editor()->findChild<QTableWidget *>(QStringLiteral("grid"));
        QVERIFY(grid);
        QPlainTextEdit *cell = EditorFixture::openCell(grid, 0, 0);
        QVERIFY(cell);
        const QString group = QStringLiteral("Wombat libraries lend laptops");
        QTest::keyClicks(cell, group);
        QTest::keyClick(cell, Qt::Key_Return);

        // On the wall as it is typed, without a reload.
        QTRY_VERIFY_WITH_TIMEOUT(m_p->documentHtml().contains(group), 5000);
        // Saved within the promise, in a workshop record, not among the facilitator's answers.
        QTest::qWait(AnswerAutosaver::kDebounceMs + 100);
        QVERIFY(panel->record());
        const QVector<Answer> saved = m_p->launcher.workshopRecords()->store()->answers(WorkshopRecords::storeCourseId(*panel->record()));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().activityId, kKwl);
        QVERIFY(QJsonDocument(saved.first().value).toJson().contains(group.toUtf8()));
        for (const Answer &own : m_p->window.answerStore()->answers(m_p->window.course().id))
            QVERIFY(!QJsonDocument(own.value).toJson().contains("Wombat"));
        QCOMPARE(m_p->launcher.workshopRecords()->records(m_p->window.course().id).size(), 1);

        // A rebuilt deck (a larger zoom for the room) keeps the place and the group grid.
        key(Qt::Key_Plus);
        QTRY_VERIFY_WITH_TIMEOUT(session()->audience()->isReady() && session()->controller()->zoom() > 1.05, 30000);
        QCOMPARE(session()->controller()->deck().slides().at(session()->controller()->current()).activityId, kKwl);
        QTRY_VERIFY_WITH_TIMEOUT(m_p->documentHtml().contains(group), 10000);

        // Listed in Workbook ▸ Workshop Records… under its name.
        key(Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!m_p->launcher.session(), 5000);
        QAction *records = nullptr;
        for (QAction *candidate : m_p->window.workbookMenu()->actions()) {
            if (candidate->text() == QStringLiteral("Workshop &Records…"))
                records = candidate;
        }
        QVERIFY(records);
        QStringList listed;
        QTimer::singleShot(0, this, [&listed] {
            // The dialog runs its own loop: read it from inside, then close it.
            QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget(), 5000);
            QWidget *dialog = QApplication::activeModalWidget();
            const auto *list = dialog->findChild<QTreeWidget *>();
            for (int i = 0; list && i < list->topLevelItemCount(); ++i)
                listed << list->topLevelItem(i)->text(0);
            dialog->close();
        });
        records->trigger();
        QCOMPARE(listed, QStringList{m_p->launcher.workshopRecords()->records(m_p->window.course().id).first().name});
        QVERIFY(listed.first().startsWith(QStringLiteral("Workshop ")));
    }

private:
    PresentationSession *session() const { return m_p->session(); }
    QVariant js(const QString &script) const { return m_p->js(script); }
    void key(int key) const { m_p->key(key); }
    bool waitForSlide(int index) const { return m_p->waitForSlide(index); }

    static void wheel(QWidget *widget, int delta)
    {
        const QPointF at = widget->rect().center();
        QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(widget, &event);
    }

    std::unique_ptr<PresentingWindow> m_p;
};

int main(int argc, char *argv[])
{
    MainWindow::prepareApplication();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("coursebook-tests"));
    TestPresentation test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_presentation.moc"
