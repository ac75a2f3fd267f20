#include "AnswerAutosaver.h"
#include "AnswerStore.h"
#include "AudienceWindow.h"
#include "ClickerKeyMap.h"
#include "ClickerTestDialog.h"
#include "EditorFixture.h"
#include "MainWindow.h"
#include "NavigationTree.h"
#include "PresentationController.h"
#include "PresentationKeySheet.h"
#include "PresentationLauncher.h"
#include "PresentationSession.h"
#include "PresenterConsole.h"
#include "SlideGridPanel.h"
#include "ThemeSwitcher.h"
#include "WorkshopRecords.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QMenu>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QTest>
#include <QWebEngineScript>
#include <QWebEngineView>
#include <QWheelEvent>

#include <memory>

// Presenting from the reading window as a facilitator does: F5 and Shift+F5 in the real
// window, keys pressed on the slides, what the wall's document holds read back from it.
namespace {
const QString kModule = QStringLiteral("getting-started");
const QString kReflection = QStringLiteral("reflect-expert");  // on getting-started/the-mindset
const QString kKwl = QStringLiteral("kwl-course");             // on getting-started/welcome

QVariant evaluate(QWebEnginePage *page, const QString &script)
{
    QVariant result;
    bool done = false;
    page->runJavaScript(script, QWebEngineScript::ApplicationWorld, [&](const QVariant &value) {
        result = value;
        done = true;
    });
    for (QDeadlineTimer deadline(10000); !done && !deadline.hasExpired();)
        QTest::qWait(10);
    return result;
}

QString documentHtml(QWebEnginePage *page)
{
    QString html;
    bool done = false;
    page->toHtml([&](const QString &text) {
        html = text;
        done = true;
    });
    for (QDeadlineTimer deadline(10000); !done && !deadline.hasExpired();)
        QTest::qWait(10);
    return html;
}
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
        m_data = std::make_unique<QTemporaryDir>();
        m_window = std::make_unique<MainWindow>(QStringLiteral(BUNDLED_COURSE_DIR), QString(), m_data->path());
        m_launcher = std::make_unique<PresentationLauncher>(m_window.get());
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        showPage(QStringLiteral("getting-started/the-mindset"));
    }

    void cleanup()
    {
        m_launcher.reset();  // before the window, as main() has it
        m_window.reset();
        m_data.reset();
    }

    void f5PresentsTheModuleFromItsFirstSlide()
    {
        m_window->navigationTree()->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_F5);
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
        QTRY_VERIFY_WITH_TIMEOUT(!m_launcher->session(), 5000);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("getting-started/the-mindset"));
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::focusWidget(), static_cast<QWidget *>(m_window->navigationTree()), 5000);
    }

    void shiftF5PresentsFromThisPage()
    {
        QTest::keyClick(m_window.get(), Qt::Key_F5, Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(session() && session()->audience()->isReady(), 30000);
        const int start = session()->controller()->deck().firstSlideOf(QStringLiteral("getting-started/the-mindset"));
        QVERIFY(start > 0);
        QVERIFY(waitForSlide(start));
        QCOMPARE(session()->controller()->deck().slides().at(start).kind, Slide::Kind::Title);

        // The reading theme applies: high contrast for a washed-out projector, at the same place.
        key(Qt::Key_Right);
        QVERIFY(waitForSlide(start + 1));
        m_window->themeSwitcher()->setTheme(QStringLiteral("high-contrast"));
        QTRY_COMPARE_WITH_TIMEOUT(js(QStringLiteral("document.documentElement.getAttribute('data-theme')")).toString(),
                                  QStringLiteral("high-contrast"), 30000);
        QVERIFY(waitForSlide(start + 1));
        m_window->themeSwitcher()->setTheme(QStringLiteral("light"));

        key(Qt::Key_F5);  // a clicker's start/stop button ends too
        QTRY_VERIFY_WITH_TIMEOUT(!m_launcher->session(), 5000);
        QCOMPARE(m_window->currentPageId(), QStringLiteral("getting-started/the-mindset"));
    }

    void clickerTestAssignsAnOddButton()
    {
        QAction *test = action(QStringLiteral("Test Your &Clicker…"));
        QVERIFY(test);
        test->trigger();
        ClickerTestDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<ClickerTestDialog *>()) && dialog->isVisible(), 5000);
        dialog->activateWindow();  // no window manager here to do it
        QTRY_VERIFY_WITH_TIMEOUT(QApplication::focusWidget() && dialog->isAncestorOf(QApplication::focusWidget()), 5000);
        QWidget *pad = QApplication::focusWidget();  // the dialog opens ready for a button press
        QTest::keyClick(pad, Qt::Key_PageDown);
        QVERIFY2(dialog->lastKeyText().contains(QStringLiteral("Next slide")), qPrintable(dialog->lastKeyText()));
        QTest::keyClick(pad, Qt::Key_Escape);  // a clicker's key, not the dialog's
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->lastKeyText().contains(QStringLiteral("End the presentation")), qPrintable(dialog->lastKeyText()));
        QTest::keyClick(pad, Qt::Key_F13);  // a button that sends something no presentation knows
        QVERIFY2(dialog->lastKeyText().contains(QStringLiteral("does nothing")), qPrintable(dialog->lastKeyText()));
        auto *choice = dialog->findChild<QComboBox *>();
        choice->setCurrentIndex(choice->findText(ClickerKeyMap::name(ClickerKeyMap::Action::Next)));
        button(dialog, QStringLiteral("&Use for This Button"))->click();
        dialog->close();

        // Remembered: the next presentation takes it as Next.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(waitForSlide(0));
        key(Qt::Key_F13);
        QVERIFY(waitForSlide(1));

        // ? shows the keys, with the clicker's own, on the laptop's window, never the wall's.
        key(Qt::Key_Question);
        PresentationKeySheet *sheet = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((sheet = m_window->findChild<PresentationKeySheet *>()) && sheet->isVisible(), 5000);
        QVERIFY(!session()->audience()->findChild<QDialog *>());
        QStringList rows;
        for (QTreeWidgetItem *item = sheet->findChild<QTreeWidget *>()->topLevelItem(0); item;
             item = sheet->findChild<QTreeWidget *>()->itemBelow(item))
            rows << item->text(0) + QLatin1Char('=') + item->text(1);
        QVERIFY2(rows.contains(QStringLiteral("F13 (your clicker)=Next slide")), qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY2(rows.contains(QStringLiteral("B or .=Black screen (any key returns)")), qPrintable(rows.join(QLatin1Char('\n'))));
        sheet->close();
        QSettings().remove(QStringLiteral("present/clickerKeys"));
    }

    void answersReachTheWallOnlyWhenShown()
    {
        const QString secret = QStringLiteral("Quokka%1 is my private thought").arg(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(m_window->showActivity(kReflection));
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QPlainTextEdit *>(QApplication::focusWidget()), 10000);
        QTest::keyClicks(QApplication::focusWidget(), secret);
        QVERIFY(m_window->autosaver()->flush());
        QCOMPARE(m_window->answerStore()->answer(m_window->course().id, kReflection)->value.value(QLatin1String("text")).toString(),
                 secret);

        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(waitForSlide(0));
        const QString before = documentHtml(audiencePage());
        QVERIFY(before.contains(QStringLiteral("slide-overview")));  // the deck, not an empty page
        QVERIFY(!before.contains(QStringLiteral("Quokka")));

        // The console's Show My Answers, for this presentation only.
        QAbstractButton *show = button(session()->console(), QStringLiteral("Show &My Answers"));
        QVERIFY(show);
        show->click();
        QTRY_VERIFY_WITH_TIMEOUT(session()->audience()->isReady() && documentHtml(audiencePage()).contains(secret), 30000);
        key(Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!m_launcher->session(), 5000);

        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_F5);  // a new presentation: off again
        QVERIFY(waitForSlide(0));
        QVERIFY(!session()->controller()->showsOwnAnswers());
        QVERIFY(!documentHtml(audiencePage()).contains(QStringLiteral("Quokka")));
    }

    void groupGridIsShownLiveAndKeptApart()
    {
        QTest::keyClick(m_window.get(), Qt::Key_F5);
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
        QTRY_VERIFY_WITH_TIMEOUT(documentHtml(audiencePage()).contains(group), 5000);
        // Saved within the promise, in a workshop record, not among the facilitator's answers.
        QTest::qWait(AnswerAutosaver::kDebounceMs + 100);
        QVERIFY(panel->record());
        const QVector<Answer> saved = m_launcher->workshopRecords()->store()->answers(WorkshopRecords::storeCourseId(*panel->record()));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().activityId, kKwl);
        QVERIFY(QJsonDocument(saved.first().value).toJson().contains(group.toUtf8()));
        for (const Answer &own : m_window->answerStore()->answers(m_window->course().id))
            QVERIFY(!QJsonDocument(own.value).toJson().contains("Wombat"));
        QCOMPARE(m_launcher->workshopRecords()->records(m_window->course().id).size(), 1);

        // A rebuilt deck (a larger zoom for the room) keeps the place and the group grid.
        key(Qt::Key_Plus);
        QTRY_VERIFY_WITH_TIMEOUT(session()->audience()->isReady() && session()->controller()->zoom() > 1.05, 30000);
        QCOMPARE(session()->controller()->deck().slides().at(session()->controller()->current()).activityId, kKwl);
        QTRY_VERIFY_WITH_TIMEOUT(documentHtml(audiencePage()).contains(group), 10000);

        // Listed in Workbook ▸ Workshop Records… under its name.
        key(Qt::Key_Escape);
        QTRY_VERIFY_WITH_TIMEOUT(!m_launcher->session(), 5000);
        QAction *records = nullptr;
        for (QAction *candidate : m_window->workbookMenu()->actions()) {
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
        QCOMPARE(listed, QStringList{m_launcher->workshopRecords()->records(m_window->course().id).first().name});
        QVERIFY(listed.first().startsWith(QStringLiteral("Workshop ")));
    }

    void presentOptionStartsPresenting()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("xdotool")).isEmpty())
            QSKIP("xdotool is needed (scripts/dev test installs it)");
        cleanup();  // the app runs on its own
        QTemporaryDir home;
        QProcess app;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        app.setProcessEnvironment(environment);
        app.setProcessChannelMode(QProcess::ForwardedChannels);
        app.start(QStringLiteral(COURSEBOOK_APP_PATH), {QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR),
                                                        QStringLiteral("--data-dir"), home.filePath(QStringLiteral("data")),
                                                        QStringLiteral("--present"), kModule});
        QVERIFY(app.waitForStarted());
        QString slides;
        for (QDeadlineTimer deadline(60000); slides.isEmpty() && !deadline.hasExpired(); QTest::qWait(200))
            slides = xdotool({QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--name"), QStringLiteral("^Slides – ")});
        QVERIFY2(!slides.isEmpty(), "no slides window");
        xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), slides.section(QLatin1Char('\n'), 0, 0)});
        QTest::qWait(500);
        xdotool({QStringLiteral("key"), QStringLiteral("Escape")});
        QString still = slides;
        for (QDeadlineTimer deadline(10000); !still.isEmpty() && !deadline.hasExpired(); QTest::qWait(200))
            still = xdotool({QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--name"), QStringLiteral("^Slides – ")});
        QVERIFY2(still.isEmpty(), "Esc did not end the presentation");
        QCOMPARE(app.state(), QProcess::Running);  // back to the reading window
        app.terminate();
        QVERIFY(app.waitForFinished(20000));

        QProcess unknown;
        unknown.start(QStringLiteral(COURSEBOOK_APP_PATH), {QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR),
                                                            QStringLiteral("--data-dir"), home.filePath(QStringLiteral("data")),
                                                            QStringLiteral("--present"), QStringLiteral("no-such-module")});
        QVERIFY(unknown.waitForFinished(60000));
        QCOMPARE(unknown.exitCode(), 2);
        QVERIFY(QString::fromUtf8(unknown.readAllStandardError()).contains(QStringLiteral("no page or module \"no-such-module\"")));
    }

private:
    PresentationSession *session() const { return m_launcher->session(); }
    QWebEnginePage *audiencePage() const { return session()->audience()->view()->page(); }
    QVariant js(const QString &script) const { return evaluate(audiencePage(), script); }
    void key(Qt::Key key) { QTest::keyClick(session()->audience()->view()->focusProxy(), key); }

    void showPage(const QString &pageId)
    {
        m_window->showPage(pageId);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPageId(), pageId, 30000);
    }

    // The slide the wall's document shows, read from it.
    bool waitForSlide(int index)
    {
        for (QDeadlineTimer deadline(30000); !deadline.hasExpired(); QTest::qWait(20)) {
            if (session() && session()->audience()->isReady() && session()->audience()->view()->focusProxy()
                && js(QStringLiteral("coursebookSlides.current()")).toInt() == index && session()->controller()->current() == index)
                return true;
        }
        qWarning() << "showing" << (session() ? js(QStringLiteral("coursebookSlides.current()")) : QVariant()) << "not" << index;
        return false;
    }

    static void wheel(QWidget *widget, int delta)
    {
        const QPointF at = widget->rect().center();
        QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(widget, &event);
    }

    QAction *action(const QString &text) const
    {
        for (QAction *candidate : m_window->viewMenu()->actions()) {
            if (candidate->text() == text)
                return candidate;
        }
        return nullptr;
    }

    static QAbstractButton *button(QWidget *parent, const QString &text)
    {
        for (QAbstractButton *candidate : parent->findChildren<QAbstractButton *>()) {
            if (candidate->text() == text)
                return candidate;
        }
        return nullptr;
    }

    static QString xdotool(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral("xdotool"), arguments);
        process.waitForFinished(10000);
        return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    }

    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<PresentationLauncher> m_launcher;
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
