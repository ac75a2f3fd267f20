#pragma once

#include "ActivitySpec.h"
#include "ReadingSettings.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QRect>
#include <QSize>

#include <optional>

class ActivityTimer;
class AudienceWindow;
class MainWindow;
class PresentationController;
class PresentationScreens;
class PresenterConsole;
class QWidget;
class ScreenSaverInhibitor;
class SlideGridPanel;
class WorkshopRecords;

// One run of a module's slides: the deck built for the audience screen, the room's zoom and
// the reading theme, the audience window and the presenter console placed on their screens,
// the group grids, the screen saver kept away. Esc (or the clicker's stop) emits finished();
// the windows go with the session.
class PresentationSession : public QObject
{
    Q_OBJECT
public:
    // Starts at once: the module's first slide, or the first slide of `pageId` (in the module).
    PresentationSession(MainWindow *window, WorkshopRecords *records, const QString &moduleId, const QString &pageId,
                        QObject *parent = nullptr);
    ~PresentationSession() override;

    PresentationController *controller() const { return m_controller; }
    AudienceWindow *audience() const { return m_audience; }
    PresenterConsole *console() const { return m_console; }
    SlideGridPanel *gridPanel() const { return m_grids; }
    QString moduleId() const { return m_moduleId; }

    void showKeySheet();
    void showClickerTest();

signals:
    void finished();

private:
    struct Built {  // what the deck on the wall was built for
        QSize screen;
        double zoom = 0;
        QString theme;
        bool ownAnswers = false;
        ReadingSettings reading;  // its font, italics and links (View ▸ Reading Settings)
        bool operator==(const Built &) const = default;
    };
    Built wanted() const;
    void rebuildIfChanged();
    void rebuild();
    void slideChanged(int index);
    void keepWindowOffTheWall();
    void putWindowBack();  // where keepWindowOffTheWall() found it, if that screen is still there
    QWidget *dialogParent() const;  // on the laptop's screen, never the wall

    MainWindow *m_window;
    QString m_moduleId;
    QHash<QString, ActivitySpec> m_activities;  // the module's, by id
    PresentationController *m_controller;
    AudienceWindow *m_audience;      // top-level windows, deleted with the session
    PresenterConsole *m_console;
    SlideGridPanel *m_grids;
    PresentationScreens *m_screens;
    ScreenSaverInhibitor *m_inhibitor;
    ActivityTimer *m_timer;
    QString m_startPage;
    std::optional<QRect> m_windowBefore;  // the reading window's place before it left the projector
    bool m_windowMaximizedBefore = false;
    Built m_built;
};
