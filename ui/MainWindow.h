#pragma once

#include "Course.h"

#include <QMainWindow>
#include <QPalette>

#include <memory>

class NavigationTree;
class OfflineWebProfile;
class PageView;
class ProblemsPanel;
class QAction;
class QDockWidget;
class QLabel;
class QSplitter;

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
    MainWindow(const QString &coursePath, const QString &pageId, QWidget *parent = nullptr);
    ~MainWindow() override;

    bool openCourse(const QString &path, const QString &pageId = QString());
    void showPage(const QString &pageId);

    const Course &course() const { return *m_course; }
    QString currentPageId() const { return m_currentPageId; }
    PageView *pageView() const { return m_view; }
    NavigationTree *navigationTree() const { return m_tree; }
    ProblemsPanel *problemsPanel() const { return m_problems; }

public slots:
    void nextPage();
    void previousPage();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void restoreSettings();
    void applyTheme(const QString &theme);
    void setZoom(double factor);
    void pageLoaded(const QUrl &url);
    void updateNavigationState();
    void showProblems(const Diagnostics &diagnostics);
    void checkCourseInBackground();
    QString effectiveTheme() const;
    QPalette paletteFor(const QString &theme) const;

    std::shared_ptr<const Course> m_course;
    QString m_currentPageId;
    QString m_theme;  // "system", "light", "dark", "high-contrast"
    OfflineWebProfile *m_profile = nullptr;
    QPalette m_systemPalette;  // the desktop's palette, before any theme of ours
    QLabel *m_courseTitle = nullptr;
    NavigationTree *m_tree = nullptr;
    PageView *m_view = nullptr;
    QSplitter *m_splitter = nullptr;
    ProblemsPanel *m_problems = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QLabel *m_position = nullptr;
    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    QAction *m_previous = nullptr;
    QAction *m_next = nullptr;
    QAction *m_facilitatorNotes = nullptr;
    int m_checkGeneration = 0;
};
