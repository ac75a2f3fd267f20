#include "HostileCourse.h"

#include <QDir>
#include <QFile>
#include <QtDebug>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace HostileCourse {
namespace {

const QString kPosts = QStringLiteral("modules/bad/_posts/");

bool write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(path.section(QLatin1Char('/'), 0, -2));
    QFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
    if (!ok)
        qWarning() << "HostileCourse: cannot write" << path << file.errorString();
    return ok;
}

// A name Qt cannot hold (bytes that are not UTF-8) is made with the raw bytes.
bool writeRawName(const QString &folder, const QByteArray &name, const QByteArray &bytes)
{
    const QByteArray path = QFile::encodeName(folder) + '/' + name;
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size();
    return ::close(fd) == 0 && ok;
}

bool link(const QString &target, const QString &path)
{
    const bool ok = QFile::link(target, path);
    if (!ok)
        qWarning() << "HostileCourse: cannot link" << path << "to" << target;
    return ok;
}

QByteArray page(const QByteArray &title, const QByteArray &body)
{
    return "---\ntitle: " + title + "\n---\n\n" + body + "\n";
}

QByteArray yamlBomb()
{
    // Nine levels of ten aliases each: a billion values once expanded.
    QByteArray yaml = "title: Alias Bomb\nlol0: &lol0 [lol]\n";
    for (int level = 1; level <= 9; ++level) {
        yaml += "lol" + QByteArray::number(level) + ": &lol" + QByteArray::number(level) + " [";
        for (int i = 0; i < 10; ++i)
            yaml += (i ? ", *lol" : "*lol") + QByteArray::number(level - 1);
        yaml += "]\n";
    }
    return "---\n" + yaml + "---\n\nThe page under the alias bomb.\n";
}

QByteArray deepPage(int levels)
{
    return "---\ntitle: Deep Nesting\n---\n\n" + QByteArray("<div>").repeated(levels) + "DEEPEST-TEXT"
        + QByteArray("</div>").repeated(levels) + "\n\nThe paragraph after the deep nest.\n";
}

bool writeCommon(const Paths &paths, const QByteArray &config, const QByteArray &courseYml)
{
    const QString &c = paths.course;
    bool ok = write(paths.outside + QStringLiteral("/secret.md"),
                    page("Outside", QByteArray("The text ") + kOutsideMarker + " must never be shown."))
        && write(paths.outside + QStringLiteral("/_config.yml"), QByteArray("title: ") + kOutsideMarker + "\n")
        && write(paths.outside + QStringLiteral("/module/_posts/2020-01-01-leak.md"),
                 page("Leak", QByteArray("Module text ") + kOutsideMarker));
    ok = ok && (config.isNull() || write(c + QStringLiteral("/_config.yml"), config))
        && (courseYml.isNull() || write(c + QStringLiteral("/_data/course.yml"), courseYml));
    ok = ok && write(c + QStringLiteral("/modules/good/_posts/2020-01-01-welcome.md"),
                     page("Welcome", QByteArray("This page holds ") + kGoodMarker + " and nothing hostile."))
        && write(c + QStringLiteral("/modules/good/_posts/2020-01-02-site-title.md"),
                 page("Site Title", "The course is called {{ site.title }}."));
    return ok;
}

}  // namespace

QStringList goodPageIds()
{
    return {QStringLiteral("good/welcome"), QStringLiteral("good/site-title")};
}

QStringList badFiles()
{
    return {kPosts + QStringLiteral("2020-01-01-yaml-loop.md"), kPosts + QStringLiteral("2020-01-02-yaml-bomb.md"),
            kPosts + QStringLiteral("2020-01-03-link-out.md"), kPosts + QStringLiteral("2020-01-04-fifo.md"),
            kPosts + QStringLiteral("2020-01-05-zero.md"), kPosts + QStringLiteral("2020-01-06-huge.md"),
            kPosts + QStringLiteral("2020-01-08-caf"), kPosts + QStringLiteral("2020-01-09-include-bomb.md"),
            QStringLiteral("modules/outside")};
}

Paths create(const QString &parent)
{
    const Paths paths{parent + QStringLiteral("/hostile"), parent + QStringLiteral("/outside")};
    const QString posts = paths.course + QLatin1Char('/') + kPosts;
    bool ok = writeCommon(paths, QByteArray("title: ") + kTitle + "\n",
                          QByteArray("title: ") + kTitle + "\nmodules: [good, bad, outside]\n");
    ok = ok && write(posts + QStringLiteral("2020-01-01-yaml-loop.md"),
                     "---\ntitle: Alias Loop\nloop: &loop [1, *loop]\n---\n\nThe body under a looping alias.\n")
        && write(posts + QStringLiteral("2020-01-02-yaml-bomb.md"), yamlBomb())
        && link(paths.outside + QStringLiteral("/secret.md"), posts + QStringLiteral("2020-01-03-link-out.md"))
        && ::mkfifo(QFile::encodeName(posts + QStringLiteral("2020-01-04-fifo.md")).constData(), 0644) == 0
        && link(QStringLiteral("/dev/zero"), posts + QStringLiteral("2020-01-05-zero.md"))
        && write(posts + QStringLiteral("2020-01-06-huge.md"),
                 "---\ntitle: Huge\n---\n\n" + QByteArray(50 * 1024 * 1024, 'a') + " HUGE-PAGE-END\n")
        && write(posts + QStringLiteral("2020-01-07-new\nline.md"), page("Newline Name", "A page whose file name holds a newline."))
        && writeRawName(posts, "2020-01-08-caf\xff.md", page("Not UTF-8", "A page whose file name is not UTF-8."))
        && write(paths.course + QStringLiteral("/_includes/bomb.html"), QByteArray("{% include bomb.html %}x").repeated(100))
        && write(posts + QStringLiteral("2020-01-09-include-bomb.md"),
                 page("Include Bomb", "{% include bomb.html %}\n\nThe text after the include bomb."))
        && write(posts + QStringLiteral("2020-01-10-sanitizer.md"),
                 page("Sanitizer", "<svg><style><img src=x onerror=alert(1)></style></svg>\n\n"
                                   "<math><style><img src=x onerror=alert(2)></style></math>\n\n"
                                   "<svg><animate attributeName=href values=\"javascript:alert(3)\"/>"
                                   "<set attributeName=onmouseover to=\"alert(4)\"/></svg>\n\n"
                                   "<math href=\"javascript:alert(5)\">m</math>\n\n"
                                   "<svg><use href=\"http://example.com/x.svg#a\"/>"
                                   "<filter><feImage href=\"http://example.com/x.png\"/></filter></svg>\n\n"
                                   "SANITIZER-PAGE-TEXT stays."))
        && write(posts + QStringLiteral("2020-01-11-deep.md"), deepPage(10'000))
        && write(paths.course + QStringLiteral("/files/notes.desktop"),
                 "[Desktop Entry]\nType=Application\nName=Notes\nExec=sh -c 'touch /tmp/pwned'\n")
        && QFile::setPermissions(paths.course + QStringLiteral("/files/notes.desktop"),
                                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                     | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther)
        && write(posts + QStringLiteral("2020-01-12-launcher.md"), page("Launcher", "[Notes](/files/notes.desktop)"))
        && link(paths.outside + QStringLiteral("/module"), paths.course + QStringLiteral("/modules/outside"));
    return ok ? paths : Paths();
}

QStringList variants()
{
    return {QStringLiteral("course-yml-loop"), QStringLiteral("config-loop"), QStringLiteral("config-link-out")};
}

Paths createVariant(const QString &parent, const QString &variant)
{
    const Paths paths{parent + QLatin1Char('/') + variant, parent + QLatin1Char('/') + variant + QStringLiteral("-outside")};
    const QByteArray loop = QByteArray("title: ") + kTitle + "\nloop: &loop [1, *loop]\n";
    const QByteArray courseYml = QByteArray("title: ") + kTitle + "\nmodules: [good]\n";
    bool ok = false;
    if (variant == QLatin1String("course-yml-loop"))
        ok = writeCommon(paths, QByteArray("title: ") + kTitle + "\n", loop + "modules: [good]\n");
    else if (variant == QLatin1String("config-loop"))
        ok = writeCommon(paths, loop, courseYml);
    else if (variant == QLatin1String("config-link-out"))
        ok = writeCommon(paths, QByteArray(), courseYml)
            && link(paths.outside + QStringLiteral("/_config.yml"), paths.course + QStringLiteral("/_config.yml"));
    return ok ? paths : Paths();
}

}  // namespace HostileCourse
