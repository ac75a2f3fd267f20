#pragma once

#include <QObject>
#include <QPointer>

class MainWindow;
class PresentationSession;
class QAction;
class WorkshopRecords;

// Presentation mode in the reading window: View ▸ Present (F5, from the current page's
// module; from the course home, the first module) and Present from This Page (Shift+F5), Test Your Clicker…, --present, and
// Workbook ▸ Workshop Records… (the group grids kept). One
// presentation at a time; when it ends, the window is back on the page it showed, with the
// keyboard focus where it was. Destroy it before the window (main() keeps it on the stack
// after the window): the slides' page must go before the window's web profile.
class PresentationLauncher : public QObject
{
    Q_OBJECT
public:
    explicit PresentationLauncher(MainWindow *window);
    ~PresentationLauncher() override;

    // A module id (its first slide) or a page id (that page's first slide); false and a
    // message for the command line when the course has neither.
    bool canPresent(const QString &pageOrModuleId, QString *error = nullptr) const;
    bool present(const QString &pageOrModuleId);
    void presentModule();  // the current page's module, from its first slide
    void presentPage();    // from the current page
    PresentationSession *session() const;
    WorkshopRecords *workshopRecords();  // opened at first use, in the window's data folder

signals:
    void started(PresentationSession *session);
    void ended();

private:
    void start(const QString &moduleId, const QString &pageId);
    void finish();

    MainWindow *m_window;
    WorkshopRecords *m_records = nullptr;
    QPointer<PresentationSession> m_session;
    QPointer<PresentationSession> m_ending;  // ended, deleted once the key that ended it is handled
};
