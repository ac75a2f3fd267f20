#pragma once

#include <QString>
#include <QUrl>

// The app's own URL space, served by the `course:` scheme handler:
//   course:/page/<module>/<slug>   a rendered page
//   course:/file/<relative path>   a file under the course root (images, documents)
//   course:/app/<name>             the app's own resources (stylesheet, icons)
//   course:/activity/<id>          not served: a click on it opens that activity's editor
class CourseUrl
{
public:
    static constexpr const char *scheme = "course";

    enum class Kind { Invalid, Page, File, App, Activity };

    static QUrl page(const QString &pageId);
    static QUrl file(const QString &relativePath);
    static QUrl app(const QString &name);
    static QUrl activity(const QString &activityId);

    // Splits a course: URL into its kind and the rest of its path (page id, relative
    // path, resource name or activity id). Anything else is Kind::Invalid.
    static Kind parse(const QUrl &url, QString *rest);
};
