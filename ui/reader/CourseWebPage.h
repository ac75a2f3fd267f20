#pragma once

#include <QWebEnginePage>

// Decides where a click in a course page goes: other course pages load in the view,
// course files go to CourseLinkOpener (documents only, asking once per course), web links
// to the system browser (only on a click), and nothing else is followed.
class CourseWebPage : public QWebEnginePage
{
    Q_OBJECT
public:
    explicit CourseWebPage(QWebEngineProfile *profile, QObject *parent = nullptr);

signals:
    void externalLinkClicked(const QUrl &url);
    void courseFileClicked(const QString &relativePath);
    void activityClicked(const QString &activityId);
    void activityExportClicked(const QString &activityId);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
};
