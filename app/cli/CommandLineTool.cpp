#include "CommandLineTool.h"

#include "PaperSize.h"
#include "BundledCourse.h"

#include "AnswerJson.h"
#include "AtomicFile.h"
#include "AnswerStore.h"
#include "CourseCheck.h"
#include "CourseJson.h"
#include "CourseLoader.h"
#include "DocxWorksheetWriter.h"
#include "PdfWorksheetWriter.h"
#include "ExportDocument.h"
#include "ExportFileName.h"
#include "PageRenderer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace {
const QString kCourse = QStringLiteral("course");
const QString kPage = QStringLiteral("page");
const QString kList = QStringLiteral("list");
const QString kRender = QStringLiteral("render");
const QString kRenderAll = QStringLiteral("render-all");
const QString kCheck = QStringLiteral("check");
const QString kDataDir = QStringLiteral("data-dir");
const QString kExportAnswers = QStringLiteral("export-answers");
const QString kImportAnswers = QStringLiteral("import-answers");
const QString kExport = QStringLiteral("export");
const QString kPageSize = QStringLiteral("page-size");
const QString kScope = QStringLiteral("scope");
const QString kBlank = QStringLiteral("blank");
const QString kLearner = QStringLiteral("learner");
const QString kOutput = QStringLiteral("output");
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
        {QStringLiteral("activity"), QStringLiteral("Open the page holding this activity, with the cursor in its editor."),
         QStringLiteral("ACTIVITY_ID")},
        {kList, QStringLiteral("Print the course outline (modules, pages, activities) as JSON and exit.")},
        {kRender, QStringLiteral("Print the HTML of one page as the view gets it and exit."), QStringLiteral("PAGE_ID")},
        {kRenderAll, QStringLiteral("Write every page to DIR/<page id>.html and exit."), QStringLiteral("DIR")},
        {kCheck, QStringLiteral("Print problems as file:line: error|warning: message; exit 1 on errors.")},
        {kDataDir, QStringLiteral("Folder for the answer store (default: the platform data folder; "
                                  "COURSEBOOK_DATA_DIR also sets it)."), QStringLiteral("DIR")},
        {kExportAnswers, QStringLiteral("Write the course's answers to FILE (portable JSON) and exit."), QStringLiteral("FILE")},
        {kImportAnswers, QStringLiteral("Merge the answers in FILE into the store (for each activity the newest wins; "
                                        "the older one stays in its history), print what changed and exit."),
         QStringLiteral("FILE")},
        {kExport, QStringLiteral("Write the answers as a worksheet (docx or pdf) to --output FILE and exit."), QStringLiteral("FORMAT")},
        {kScope, QStringLiteral("With --export: course (default), module:ID, page:ID, activity:ID or orphans."), QStringLiteral("SCOPE")},
        {kBlank, QStringLiteral("With --export: a blank handout, with room to write instead of the answers.")},
        {kLearner, QStringLiteral("With --export: the learner's name printed on the worksheet."), QStringLiteral("NAME")},
        {kOutput, QStringLiteral("With --export: the file to write."), QStringLiteral("FILE")},
        {kPageSize, QStringLiteral("With --export pdf: A4 or Letter (default: from the system's locale)."), QStringLiteral("SIZE")},
        {QStringLiteral("first-paint"), QStringLiteral("Open the app, print the milliseconds from process start to the first "
                                                       "page painted, and quit (used by coursebook-bench).")},
        {QStringLiteral("bare-view"), QStringLiteral("With --first-paint: time a bare web view showing the same page instead "
                                                     "(the baseline coursebook-bench compares with).")},
    });
}

bool CommandLineTool::needsGuiApplication() const
{
    return m_parser.isSet(kExport);
}

bool CommandLineTool::needsWebEngine() const
{
    return m_parser.isSet(kExport) && m_parser.value(kExport).compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0;
}

bool CommandLineTool::isHeadless() const
{
    return m_parser.isSet(kList) || m_parser.isSet(kRender) || m_parser.isSet(kRenderAll) || m_parser.isSet(kCheck)
        || m_parser.isSet(kExportAnswers) || m_parser.isSet(kImportAnswers) || m_parser.isSet(kExport);
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
    return path.isEmpty() ? BundledCourse::path() : path;
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
    if (m_parser.isSet(kExport))
        return exportWorksheet(out, err);
    if (m_parser.isSet(kImportAnswers)) {
        // With --export-answers too, export the merged result.
        const int imported = importAnswers(out, err);
        if (imported != 0 || !m_parser.isSet(kExportAnswers))
            return imported;
    }
    if (m_parser.isSet(kExportAnswers))
        return exportAnswers(out, err);
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
        QString reason;
        if (!AtomicFile::write(target, renderer.render(*page).documentHtml.toUtf8(), &reason)) {
            err << "coursebook: cannot write " << target << ": " << reason << "\n";
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

QString CommandLineTool::dataDir() const
{
    return m_parser.isSet(kDataDir) ? m_parser.value(kDataDir) : AnswerStore::defaultDataDir();
}

bool CommandLineTool::openStore(AnswerStore &store, bool forWriting, QTextStream &err) const
{
    const AnswerStore::OpenReport report = store.open(dataDir());
    const bool usable = report.status == AnswerStore::OpenReport::Status::Ok
        || report.status == AnswerStore::OpenReport::Status::MovedAside
        || (report.status == AnswerStore::OpenReport::Status::ReadOnly && store.isOpen() && !forWriting);
    if (!report.message.isEmpty())
        err << "coursebook: " << (usable ? "note: " : "") << report.message << "\n";
    return usable;
}

int CommandLineTool::exportAnswers(QTextStream &out, QTextStream &err)
{
    const QString courseId = CourseLoader::load(coursePath()).id;
    AnswerStore store;
    if (!openStore(store, false, err))
        return 1;
    const QVector<Answer> answers = store.answers(courseId);
    if (!store.lastError().isEmpty()) {
        err << "coursebook: " << store.lastError() << "\n";
        return 1;
    }
    // An existing file is replaced only by a complete new one.
    const QString target = m_parser.value(kExportAnswers);
    QString reason;
    if (!AtomicFile::write(target, AnswerJson::write(courseId, answers), &reason)) {
        err << "coursebook: cannot write " << target << ": " << reason << "\n";
        return 1;
    }
    out << "exported " << answers.size() << " answers of course " << courseId << " to " << target << "\n";
    return 0;
}

int CommandLineTool::importAnswers(QTextStream &out, QTextStream &err)
{
    const QString source = m_parser.value(kImportAnswers);
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly)) {
        err << "coursebook: cannot read " << source << ": " << file.errorString() << "\n";
        return 1;
    }
    QString fileCourseId;
    QVector<Answer> answers;
    QString error;
    if (!AnswerJson::read(file.readAll(), &fileCourseId, &answers, &error)) {
        err << "coursebook: " << source << ": " << error << "\n";
        return 1;
    }
    const QString courseId = CourseLoader::load(coursePath()).id;
    if (fileCourseId != courseId) {
        err << "coursebook: " << source << " holds answers for course \"" << fileCourseId << "\", but " << coursePath()
            << " is course \"" << courseId << "\" (choose the course with --course)\n";
        return 1;
    }
    AnswerStore store;
    if (!openStore(store, true, err))
        return 1;
    const AnswerStore::ImportReport report = store.importAnswers(courseId, answers);
    if (!report.error.isEmpty()) {
        err << "coursebook: " << report.error << "\n";
        return 1;
    }
    out << "added " << report.added << ", updated " << report.updated << ", unchanged " << report.unchanged << "\n";
    for (const QString &activityId : report.changedActivities)
        out << activityId << "\n";
    return 0;
}

int CommandLineTool::exportWorksheet(QTextStream &out, QTextStream &err)
{
    const QString format = m_parser.value(kExport).toLower();
    if (format != QLatin1String("docx") && format != QLatin1String("pdf")) {
        err << "coursebook: unknown export format \"" << m_parser.value(kExport) << "\" (use docx or pdf)\n";
        return 1;
    }
    const QString target = m_parser.value(kOutput);
    if (target.isEmpty()) {
        err << "coursebook: --export needs --output FILE\n";
        return 1;
    }
    // A file named .pdf is a PDF and one named .docx a Word document; other names are written as given.
    const ExportFileName::Format chosen = format == QLatin1String("pdf") ? ExportFileName::Format::Pdf : ExportFileName::Format::Docx;
    const std::optional<ExportFileName::Format> named = ExportFileName::formatOf(target);
    if (named && *named != chosen) {
        err << "coursebook: --output " << target << " names a " << ExportFileName::extension(*named) << " file, not " << format
            << "; use --export " << ExportFileName::extension(*named) << " or a name ending in ." << format << "\n";
        return 1;
    }
    ExportScope scope;
    QString error;
    if (!ExportScope::parse(m_parser.isSet(kScope) ? m_parser.value(kScope) : QStringLiteral("course"), &scope, &error)) {
        err << "coursebook: " << error << "\n";
        return 1;
    }
    const Course course = CourseLoader::load(coursePath());
    // Exporting only reads: without an answers file there are no answers, and none is created.
    AnswerStore store;
    const bool withAnswers = !m_parser.isSet(kBlank) && QFileInfo::exists(QDir(dataDir()).filePath(QStringLiteral("answers.sqlite")));
    if (withAnswers && !openStore(store, false, err))
        return 1;
    ExportDocument doc;
    if (!ExportDocument::build(course, withAnswers ? &store : nullptr, scope, m_parser.isSet(kBlank), m_parser.value(kLearner), &doc,
                               &error)) {
        err << "coursebook: " << error << "\n";
        return 1;
    }
    if (withAnswers && !store.lastError().isEmpty()) {
        err << "coursebook: " << store.lastError() << "\n";
        return 1;
    }
    // The one place each format's writer is chosen.
    QPageSize::PageSizeId pageSize = PaperSize::forThisComputer();
    if (m_parser.isSet(kPageSize)) {
        const QString size = m_parser.value(kPageSize).toLower();
        if (size != QLatin1String("a4") && size != QLatin1String("letter")) {
            err << "coursebook: unknown page size \"" << m_parser.value(kPageSize) << "\" (use A4 or Letter)\n";
            return 1;
        }
        pageSize = size == QLatin1String("a4") ? QPageSize::A4 : QPageSize::Letter;
    }
    const bool written = format == QLatin1String("docx") ? DocxWorksheetWriter::write(doc, target, pageSize, &error)
                                                         : PdfWorksheetWriter::write(doc, target, pageSize, &error);
    if (!written) {
        err << "coursebook: " << error << "\n";
        return 1;
    }
    out << "wrote " << target << " (" << doc.items.size() << (doc.items.size() == 1 ? " activity)\n" : " activities)\n");
    return 0;
}
