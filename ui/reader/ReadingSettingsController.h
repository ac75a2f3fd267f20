#pragma once

#include "ReadingSettingsDialog.h"

#include <QObject>
#include <QPointer>

class CourseSchemeHandler;
class PageView;
class QMenu;
class ThemeSwitcher;

// View ▸ Reading Settings…: opens the dialog and applies what it holds, live, to the page on
// screen (its reading style replaced by the app's script, no reload), to every page rendered
// after (the scheme's render options), to the Workbook's text (ThemeSwitcher) and, through
// changed(), to presentation mode. The theme is View ▸ Theme's, one setting for both.
class ReadingSettingsController : public QObject
{
    Q_OBJECT
public:
    ReadingSettingsController(ThemeSwitcher *themes, PageView *view, CourseSchemeHandler *pages, QObject *parent);

    void restore();  // what the settings keep (after ThemeSwitcher::restore())
    void addAction(QMenu *view);
    void addFacilitatorNotesAction(QMenu *view);
    void openDialog();
    ReadingSettingsDialog *dialog() const { return m_dialog; }  // the open dialog, if any
    ReadingSettings settings() const;  // with View ▸ Theme's current theme

signals:
    void changed(const ReadingSettings &settings);

private:
    void apply(const ReadingSettings &settings);

    ThemeSwitcher *m_themes;
    PageView *m_view;
    CourseSchemeHandler *m_pages;
    ReadingSettings m_settings;
    QString m_dyslexicFamily;  // the bundled font's family for the widgets, once registered
    QPointer<ReadingSettingsDialog> m_dialog;
};
