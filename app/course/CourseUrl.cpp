#include "CourseUrl.h"

namespace {
QUrl make(const QString &kind, const QString &rest)
{
    QUrl url;
    url.setScheme(QString::fromLatin1(CourseUrl::scheme));
    url.setHost(QString::fromLatin1(CourseUrl::host));
    url.setPath(QLatin1Char('/') + kind + QLatin1Char('/') + rest);
    return url;
}
}  // namespace

QUrl CourseUrl::page(const QString &pageId) { return make(QStringLiteral("page"), pageId); }
QUrl CourseUrl::file(const QString &relativePath) { return make(QStringLiteral("file"), relativePath); }
QUrl CourseUrl::app(const QString &name) { return make(QStringLiteral("app"), name); }
QUrl CourseUrl::activity(const QString &activityId) { return make(QStringLiteral("activity"), activityId); }
QUrl CourseUrl::slides(const QString &moduleId) { return make(QStringLiteral("slides"), moduleId); }

CourseUrl::Kind CourseUrl::parse(const QUrl &url, QString *rest)
{
    if (url.scheme() != QLatin1String(scheme) || url.host() != QLatin1String(host) || url.port() != -1 || !url.userInfo().isEmpty())
        return Kind::Invalid;
    const QString path = url.path();
    static const struct {
        const char *prefix;
        Kind kind;
    } kinds[] = {{"/page/", Kind::Page}, {"/file/", Kind::File}, {"/app/", Kind::App}, {"/activity/", Kind::Activity},
                 {"/slides/", Kind::Slides}};
    for (const auto &k : kinds) {
        const QString prefix = QString::fromLatin1(k.prefix);
        if (path.startsWith(prefix)) {
            if (rest)
                *rest = path.mid(prefix.size());
            return k.kind;
        }
    }
    return Kind::Invalid;
}
