#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

struct CourseFileKind;
class CourseWebPage;
class QMessageBox;
class QWidget;

// Where a clicked link goes once a page or a prompt hands it over: another page back to
// the reader, web and mail links to the system's browser and mail program, a course's
// documents to the desktop's app for them (after asking once per course), and its
// launchers, scripts and programs nowhere, with a message saying what they are.
class CourseLinkOpener : public QObject
{
    Q_OBJECT
public:
    // Follows the page's clicks on web links and course files; asks in front of window.
    CourseLinkOpener(CourseWebPage *page, QWidget *window);

    void setCourseRoot(const QString &rootPath);

    void openLink(const QUrl &url);  // any link a prompt holds
    void openWebLink(const QUrl &url);
    void openCourseFile(const QString &relativePath);

signals:
    void pageRequested(const QString &pageId);
    void statusMessage(const QString &text, int timeout);

private:
    void askThenOpen(const CourseFileKind &kind);
    void handToDesktop(const CourseFileKind &kind);
    void refuse(const CourseFileKind &kind);
    QString trustKey() const;

    QWidget *m_window;
    QString m_root;
    QPointer<QMessageBox> m_question;  // at most one at a time, however often the link is clicked
};
