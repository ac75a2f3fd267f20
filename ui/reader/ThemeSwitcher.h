#pragma once

#include <QObject>
#include <QPalette>
#include <QString>

class CourseSchemeHandler;
class QMenu;
class QWidget;

// View ▸ Theme: the application's palette and style sheet (ThemeStyle) and the colours the
// pages are rendered in, for the theme the reader chose, which the settings keep.
class ThemeSwitcher : public QObject
{
    Q_OBJECT
public:
    // `restyled` has a style sheet of its own, so it keeps its old palette until polished again.
    ThemeSwitcher(CourseSchemeHandler *pages, QWidget *restyled, QObject *parent);

    void restore();  // the theme last chosen, else the system's
    void setTheme(const QString &theme);  // "system", "light", "sepia", "dark", "high-contrast"
    QString theme() const { return m_theme; }
    // The Workbook's text (and the course title) at `scale` times the application font.
    void setTextScale(double scale);
    // Reading settings on top of that: their text size (1.0 = 100%) and font family.
    void setReadingText(double size, const QString &family);
    void addMenu(QMenu *view);  // the Theme submenu

signals:
    void pageColoursChanged();  // a page on screen must be loaded again to show them

private:
    QString effectiveTheme() const;  // "system" made "light" or "dark"
    void applyStyleSheet();

    CourseSchemeHandler *m_pages;
    QWidget *m_restyled;
    QString m_theme = QStringLiteral("system");
    QPalette m_systemPalette;  // the desktop's palette, before any theme of ours
    double m_textScale = 1.0;
    double m_readingSize = 1.0;
    QString m_readingFamily;
};
