#include "CommandLineTool.h"

#include "CourseCheck.h"
#include "CourseJson.h"
#include "CourseLoader.h"
#include "PageRenderer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace {
const QString kCourse = QStringLiteral("course");
const QString kPage = QStringLiteral("page");
const QString kList = QStringLiteral("list");
const QString kRender = QStringLiteral("render");
const QString kRenderAll = QStringLiteral("render-all");
const QString kCheck = QStringLiteral("check");
}  // namespace

CommandLineTool::CommandLineTool()
{
    m_parser.setApplicationDescription(QStringLiteral(
        "Coursebook: an offline course workbook.\n"
        "Without a command option it opens the app on the course (the bundled course by default)."));
    m_parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Same as --course PATH (what a file manager passes)."),
                                   QStringLiteral("[PATH]"));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({
        {kCourse, QStringLiteral("Course folder or Markdown/text file to open (default: the bundled course)."), QStringLiteral("PATH")},
        {kPage, QStringLiteral("Page to show first, as <module>/<slug>."), QStringLiteral("PAGE_ID")},
        {kList, QStringLiteral("Print the course outline (modules, pages, activities) as JSON and exit.")},
        {kRender, QStringLiteral("Print the HTML of one page as the view gets it and exit."), QStringLiteral("PAGE_ID")},
        {kRenderAll, QStringLiteral("Write every page to DIR/<page id>.html and exit."), QStringLiteral("DIR")},
        {kCheck, QStringLiteral("Print problems as file:line: error|warning: message; exit 1 on errors.")},
        {QStringLiteral("data-dir"), QStringLiteral("Folder for the answer store (default: the platform data folder; "
                                                    "COURSEBOOK_DATA_DIR also sets it)."), QStringLiteral("DIR")},
        {QStringLiteral("first-paint"), QStringLiteral("Open the app, print the milliseconds from process start to the first "
                                                       "page painted, and quit (used by coursebook-bench).")},
        {QStringLiteral("bare-view"), QStringLiteral("With --first-paint: time a bare web view showing the same page instead "
                                                     "(the baseline coursebook-bench compares with).")},
    });
}

bool CommandLineTool::isHeadless() const
{
    return m_parser.isSet(kList) || m_parser.isSet(kRender) || m_parser.isSet(kRenderAll) || m_parser.isSet(kCheck);
}

QString CommandLineTool::bundledCoursePath()
{
    // Installed next to the binary first (relocatable packages), then the build's source tree.
    const QString appDir = QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QString();
    const QStringList candidates = {
        appDir + QStringLiteral("/../share/coursebook/course"),
        QStringLiteral(COURSEBOOK_INSTALLED_COURSE),
        QStringLiteral(COURSEBOOK_SOURCE_COURSE),
    };
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate + QStringLiteral("/_data/course.yml")).exists())
            return QDir::cleanPath(candidate);
    }
    return QStringLiteral(COURSEBOOK_SOURCE_COURSE);
}

QString CommandLineTool::explicitCoursePath() const
{
    if (m_parser.isSet(kCourse))
        return m_parser.value(kCourse);
    return m_parser.positionalArguments().value(0);
}

QString CommandLineTool::coursePath() const
{
    const QString path = explicitCoursePath();
    return path.isEmpty() ? bundledCoursePath() : path;
}

int CommandLineTool::run(QTextStream &out, QTextStream &err)
{
    const QString path = coursePath();
    const QFileInfo info(path);
    if (!info.exists()) {
        err << "coursebook: " << path << ": no such file or folder\n";
        return 2;
    }
    if (!info.isReadable() || (info.isDir() && !info.isExecutable())) {
        err << "coursebook: " << path << ": not readable (check its permissions)\n";
        return 2;
    }
    if (m_parser.isSet(kList))
        return list(out);
    if (m_parser.isSet(kRender))
        return render(out, err);
    if (m_parser.isSet(kRenderAll))
        return renderAll(out, err);
    return check(out);
}

int CommandLineTool::list(QTextStream &out)
{
    const Course course = CourseLoader::load(coursePath());
    const PageRenderer renderer(course);
    QHash<QString, QVector<ActivitySpec>> activities;
    for (const CoursePage *page : course.pages())
        activities.insert(page->id, renderer.render(*page).activities);
    out << QJsonDocument(CourseJson::outline(course, activities)).toJson(QJsonDocument::Indented);
    return 0;
}

int CommandLineTool::render(QTextStream &out, QTextStream &err)
{
    const Course course = CourseLoader::load(coursePath());
    const QString pageId = m_parser.value(kRender);
    const CoursePage *page = course.findPage(pageId);
    if (!page) {
        err << "coursebook: no page \"" << pageId << "\" in " << coursePath() << " (see --list)\n";
        return 2;
    }
    out << PageRenderer(course).render(*page).documentHtml;
    return 0;
}

int CommandLineTool::renderAll(QTextStream &out, QTextStream &err)
{
    const Course course = CourseLoader::load(coursePath());
    const PageRenderer renderer(course);
    const QDir dir(m_parser.value(kRenderAll));
    int written = 0;
    for (const CoursePage *page : course.pages()) {
        const QString target = dir.filePath(page->id + QStringLiteral(".html"));
        if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
            err << "coursebook: cannot create folder " << QFileInfo(target).absolutePath() << "\n";
            return 2;
        }
        QSaveFile file(target);
        if (!file.open(QIODevice::WriteOnly) || file.write(renderer.render(*page).documentHtml.toUtf8()) < 0
            || !file.commit()) {
            err << "coursebook: cannot write " << target << ": " << file.errorString() << "\n";
            return 2;
        }
        ++written;
    }
    out << "wrote " << written << " pages to " << dir.absolutePath() << "\n";
    return 0;
}

int CommandLineTool::check(QTextStream &out)
{
    const Diagnostics all = CourseCheck::run(CourseLoader::load(coursePath()));
    for (const Diagnostic &d : all)
        out << d.toString() << "\n";
    return CourseCheck::hasErrors(all) ? 1 : 0;
}
