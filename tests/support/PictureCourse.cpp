#include "PictureCourse.h"

#include "TestFiles.h"

#include <QDir>
#include <QImage>

QString PictureCourse::write(const QString &parentFolder)
{
    const QString root = parentFolder + QStringLiteral("/picture-course");
    QDir().mkpath(root + QStringLiteral("/_data"));
    QDir().mkpath(root + QStringLiteral("/img"));
    QDir().mkpath(root + QStringLiteral("/modules/m/_posts"));
    TestFiles::write(root + QStringLiteral("/_data/course.yml"), "title: Pictures\nmodules: [m]\n");
    QImage red(120, 60, QImage::Format_RGB32);
    red.fill(Qt::red);
    red.save(root + QStringLiteral("/img/red.png"));
    TestFiles::write(root + QStringLiteral("/img/circle.svg"),
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\" viewBox=\"0 0 100 100\">"
                     "<circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"blue\"/></svg>");
    TestFiles::write(root + QStringLiteral("/modules/m/_posts/2020-01-01-p.md"),
                     "---\ntitle: P\n---\n<div class=\"reflection\" id=\"look\" markdown=\"1\">\n**Look closely**\n\n"
                     "Compare these: ![A red box, twice as wide as tall](/img/red.png) and ![A blue circle](/img/circle.svg).\n\n"
                     "![A lost picture](/img/gone.png)\n</div>\n");
    return root;
}
