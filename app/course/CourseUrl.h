#pragma once

#include <QString>
#include <QUrl>

// The app's own URL space, served by the `course:` scheme handler:
//   course://coursebook/page/<module>/<slug>   a rendered page
//   course://coursebook/file/<relative path>   a file under the course root (images, documents)
//   course://coursebook/app/<name>             the app's own resources (stylesheet, icons)
//   course://coursebook/activity/<id>          not served: a click on it opens that activity's editor
//   course://coursebook/slides/<module>        a module's slides while it is presented (SlideDocument)
// One host for all: Chromium keeps the pages of one site in one renderer and turns between
// them in it; a URL without a host (course:/page/...) would cost a new document host per page.
namespace CourseUrl {
inline constexpr const char *scheme = "course";
inline constexpr const char *host = "coursebook";

enum class Kind { Invalid, Page, File, App, Activity, Slides };

QUrl page(const QString &pageId);
QUrl file(const QString &relativePath);
QUrl app(const QString &name);
QUrl activity(const QString &activityId);
QUrl slides(const QString &moduleId);

// Splits a course: URL into its kind and the rest of its path (page id, relative
// path, resource name, activity id or module id). Anything else, another host included,
// is Kind::Invalid.
Kind parse(const QUrl &url, QString *rest);
}  // namespace CourseUrl
