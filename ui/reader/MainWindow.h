#pragma once

#include "ActivitySpec.h"
#include "Course.h"

#include <QMainWindow>

#include <memory>

class AnswerAutosaver;
class AnswerStore;
class CourseLinkOpener;
class NavigationTree;
class WorkbookPane;
class OfflineWebProfile;
class PageTurnActions;
class PageView;
class ProblemsDock;
class CourseOpenActions;
class ProblemsPanel;
class CourseSidebar;
class LastPageMemory;
class QMenu;
class QSplitter;
class ReadingProgress;
class BackgroundCourseCheck;
class ReadingSettingsController;
class ThemeSwitcher;
class WorkbookController;
class ZoomControl;

// The reading window: the course outline beside the rendered page, with page turning,
// history, zoom, themes, the Problems panel, and the last course, page and layout
// restored on the next start.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Work that must happen before QApplication exists (URL scheme registration).
    static void prepareApplication();

    // An empty coursePath reopens the last course, else the bundled one; an empty
    // pageId reopens the last page read in that course, else its first page.
    // An empty dataDir means the platform data folder (or $COURSEBOOK_DATA_DIR).
    MainWindow(const QString &coursePath, const QString &pageId, const QString &dataDir = QString(), QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openCourse(const QString &path, const QString &pageId = QString());
    void showPage(const QString &pageId);

    const Course &course() const { return *m_course; }
    std::shared_ptr<const Course> sharedCourse() const { return m_course; }  // for work off the UI thread
    QString currentPageId() const { return m_currentPageId; }
    PageView *pageView() const { return m_view; }
    NavigationTree *navigationTree() const { return m_tree; }
    ProblemsPanel *problemsPanel() const;
    WorkbookPane *workbookPane() const;  // holding the shown page's activities
    AnswerStore *answerStore() const;
    AnswerAutosaver *autosaver() const;
    ReadingProgress *readingProgress() const { return m_reading; }
    // For presentation mode (ui/present), which builds on the window: its pages' web profile,
    // the theme the pages are in, the View menu its Present actions go in and the Workbook
    // menu that lists the workshop records.
    OfflineWebProfile *webProfile() const { return m_profile; }
    ThemeSwitcher *themeSwitcher() const { return m_themes; }
    ReadingSettingsController *readingSettings() const { return m_readingSettings; }
    QMenu *viewMenu() const { return m_viewMenu; }
    QMenu *workbookMenu() const { return m_workbookMenu; }
    void openActivity(const QString &activityId);
    bool showActivity(const QString &activityId);  // goes to the page holding it, then opens it
    const QVector<ActivitySpec> &pageActivities() const;  // of the page being read
    // Where the course with this id was last opened from (it may have gone since); empty
    // when it was never opened here.
    QString coursePathOf(const QString &courseId) const;

signals:
    void courseOpened();
    void pageShown(const QString &pageId);  // its activities are in pageActivities()
    // File ▸ Open File… chose a .coursebook: ui/handoff opens it beside the course.
    void workbookFileChosen(const QString &path);

public slots:
    void nextPage();
    void previousPage();

protected:
    void closeEvent(QCloseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void createActions();
    void restoreSettings();
    void pageLoaded(const QUrl &url);
    void updateNavigationState();
    void notify(const QString &title, const QString &text);

    std::shared_ptr<const Course> m_course;
    // A member, not a child: the answers are written, and the store closed, before the
    // window's widgets (the pane among them) go.
    std::unique_ptr<WorkbookController> m_workbook;
    QString m_activityToOpen;  // once its page has loaded
    QString m_currentPageId;
    QString m_requestedPageId;           // asked for and not yet shown
    OfflineWebProfile *m_profile = nullptr;
    ThemeSwitcher *m_themes = nullptr;
    ReadingSettingsController *m_readingSettings = nullptr;
    CourseOpenActions *m_opening = nullptr;
    CourseLinkOpener *m_links = nullptr;
    ReadingProgress *m_reading = nullptr;
    CourseSidebar *m_sidebar = nullptr;
    LastPageMemory *m_lastPage = nullptr;
    NavigationTree *m_tree = nullptr;
    PageView *m_view = nullptr;
    QSplitter *m_splitter = nullptr;
    ProblemsDock *m_problemsDock = nullptr;
    PageTurnActions *m_turns = nullptr;
    ZoomControl *m_zoom = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_workbookMenu = nullptr;
    BackgroundCourseCheck *m_check = nullptr;
    bool m_checkPending = false;  // until the course's first page has loaded
};
