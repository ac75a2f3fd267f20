#include "CommandLineTool.h"

#include "PaperSize.h"
#include "BundledCourse.h"

#include "AnswersCommands.h"
#include "AtomicFile.h"
#include "AnswerStore.h"
#include "CommandLineFiles.h"
#include "CourseCheck.h"
#include "CourseJson.h"
#include "CourseLoader.h"
#include "DocxWorksheetWriter.h"
#include "PdfWorksheetWriter.h"
#include "ExportDocument.h"
#include "ExportFileName.h"
#include "PageRenderer.h"
#include "PageRenderPass.h"
#include "SlideHandoutCommand.h"
#include "SearchCommand.h"
#include "WorkbookCommands.h"
#include "WorkshopCommands.h"

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
const QString kWorkshop = QStringLiteral("workshop");
const QString kListWorkshops = QStringLiteral("list-workshops");
const QString kSearch = QStringLiteral("search");
const QString kModule = QStringLiteral("module");
const QString kNotes = QStringLiteral("notes");
const QString kSaveWorkbook = QStringLiteral("save-workbook");
const QString kMerge = QStringLiteral("merge-workbooks");

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLineTool", text);
}
}  // namespace

CommandLineTool::CommandLineTool()
{
    m_parser.setApplicationDescription(QStringLiteral(
        "Coursebook: an offline course workbook.\n"
        "Without a command option it opens the app on the course (the bundled course by default)."));
    m_parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Same as --course PATH (what a file manager passes); a workbook file "
                                                                          "(.coursebook) opens read-only beside its course."),
                                   QStringLiteral("[PATH]"));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({
        {kCourse, QStringLiteral("Course folder or Markdown/text file to open (default: the bundled course)."), QStringLiteral("PATH")},
        {kPage, QStringLiteral("Page to show first, as <module>/<slug>."), QStringLiteral("PAGE_ID")},
        {QStringLiteral("activity"), QStringLiteral("Open the page holding this activity, with the cursor in its editor."),
         QStringLiteral("ACTIVITY_ID")},
        {QStringLiteral("present"), QStringLiteral("Open the app presenting a module's slides (a module id), or from a page "
                                                   "(a page id)."), QStringLiteral("PAGE_OR_MODULE_ID")},
        {kList, QStringLiteral("Print the course outline (modules, pages, activities) as JSON and exit.")},
        {kRender, QStringLiteral("Print the HTML of one page as the view gets it and exit."), QStringLiteral("PAGE_ID")},
        {kRenderAll, QStringLiteral("Write every page to DIR/<page id>.html and exit."), QStringLiteral("DIR")},
        {kCheck, QStringLiteral("Print problems as file:line: error|warning: message; exit 1 on errors.")},
        {kDataDir, QStringLiteral("Folder for the answer store (default: the platform data folder; "
                                  "COURSEBOOK_DATA_DIR also sets it)."), QStringLiteral("DIR")},
        {kExportAnswers, QStringLiteral("Write the course's answers to FILE (portable JSON; - for standard output) and exit."),
         QStringLiteral("FILE")},
        {kImportAnswers, QStringLiteral("Merge the answers in FILE (- for standard input) into the store (for each activity the "
                                        "newest wins; the older one stays in its history), print what changed and exit."),
         QStringLiteral("FILE")},
        {kExport, QStringLiteral("Write the answers as a worksheet (docx or pdf), or a module's slides as a PDF handout (slides), "
                                 "to --output FILE and exit."), QStringLiteral("FORMAT")},
        {kScope, QStringLiteral("With --export: course (default), module:ID, page:ID, activity:ID or orphans."), QStringLiteral("SCOPE")},
        {kBlank, QStringLiteral("With --export: a blank handout, with room to write instead of the answers.")},
        {kLearner, QStringLiteral("With --export: the learner's name printed on the worksheet."), QStringLiteral("NAME")},
        {kOutput, QStringLiteral("With --export: the file to write (- for standard output)."), QStringLiteral("FILE")},
        {kPageSize, QStringLiteral("With --export pdf or slides: A4 or Letter (default: from the system's locale)."), QStringLiteral("SIZE")},
        {kWorkshop, QStringLiteral("With --export docx|pdf: the group grids of this workshop record instead of the answers."),
         QStringLiteral("RECORD_ID")},
        {kModule, QStringLiteral("With --export slides: the module whose slides to print."), QStringLiteral("MODULE_ID")},
        {kNotes, QStringLiteral("With --export slides: the facilitator notes under each slide.")},
        {kSaveWorkbook, QStringLiteral("Save the course's answers, their history, notes, bookmarks, progress and workshop grids as "
                                       "a workbook file (.coursebook) and exit; --owner NAME names it."), QStringLiteral("FILE")},
        {QStringLiteral("owner"), QStringLiteral("With --save-workbook: the learner's name as they write it."), QStringLiteral("NAME")},
        {kMerge, QStringLiteral("With --export docx|pdf: every learner's answers side by side from these workbook files "
                                "(comma-separated) instead of the answers."), QStringLiteral("FILES")},
        {kListWorkshops, QStringLiteral("Print the course's workshop records (id, date, module, name; newest first) and exit.")},
        {kSearch, QStringLiteral("Print the pages, answers and notes that contain every word of QUERY (the last also as the start "
                                 "of a word), best first, as JSON, with each match in the snippet as \u00abword\u00bb, and exit."),
         QStringLiteral("QUERY")},
        {QStringLiteral("first-paint"), QStringLiteral("Open the app, print the milliseconds from process start to the first "
                                                       "page painted, and quit (used by coursebook-bench).")},
        {QStringLiteral("bare-view"), QStringLiteral("Show a bare web view of the same page instead of the app (the baseline "
                                                     "coursebook-bench compares with); with --first-paint, time it.")},
    });
}

bool CommandLineTool::needsGuiApplication() const
{
    return m_parser.isSet(kExport);
}

bool CommandLineTool::needsWebEngine() const
{
    const QString format = m_parser.value(kExport).toLower();
    return m_parser.isSet(kExport) && (format == QLatin1String("pdf") || format == QLatin1String("slides"));
}

bool CommandLineTool::isHeadless() const
{
    return m_parser.isSet(kList) || m_parser.isSet(kListWorkshops) || m_parser.isSet(kSearch) || m_parser.isSet(kRender) || m_parser.isSet(kRenderAll) || m_parser.isSet(kCheck)
        || m_parser.isSet(kExportAnswers) || m_parser.isSet(kImportAnswers) || m_parser.isSet(kExport) || m_parser.isSet(kSaveWorkbook);
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
        err << "coursebook: " << tr("%1: no such file or folder").arg(path) << "\n";
        return 2;
    }
    if (!info.isReadable() || (info.isDir() && !info.isExecutable())) {
        err << "coursebook: " << tr("%1: not readable (check its permissions)").arg(path) << "\n";
        return 2;
    }
    if (m_parser.isSet(kList))
        return list(out);
    if (m_parser.isSet(kListWorkshops))
        return WorkshopCommands::list(CourseLoader::load(coursePath()), dataDir(), out, err);
    if (m_parser.isSet(kSearch))
        return SearchCommand::run(CourseLoader::load(coursePath()), dataDir(), m_parser.value(kSearch), out, err);
    if (m_parser.isSet(kSaveWorkbook)) {
        AnswerStore store;
        return openStore(store, false, err) ? WorkbookCommands::save(CourseLoader::load(coursePath()), store, dataDir(), m_parser.value(kSaveWorkbook),
                                                                      m_parser.value(QStringLiteral("owner")), out, err)
                                            : 1;
    }
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
    PageRenderPass::run(renderer, course.pages(), PageRenderPass::Part::Body,
                        [&activities](const CoursePage &page, const RenderedPage &rendered) { activities.insert(page.id, rendered.activities); });
    out << QJsonDocument(CourseJson::outline(course, activities)).toJson(QJsonDocument::Indented);
    return 0;
}

int CommandLineTool::render(QTextStream &out, QTextStream &err)
{
    const Course course = CourseLoader::load(coursePath());
    const QString pageId = m_parser.value(kRender);
    const CoursePage *page = course.findPage(pageId);
    if (!page) {
        err << "coursebook: " << tr("no page \"%1\" in %2 (see --list)").arg(pageId, coursePath()) << "\n";
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
    // The pages written there would be read back as the course's own files (and rewritten).
    if (CommandLineFiles::isInsideFolder(dir.absolutePath(), course.rootPath)) {
        err << "coursebook: " << tr("%1 is inside the course; write the pages to a folder outside it").arg(dir.absolutePath()) << "\n";
        return 2;
    }
    int written = 0;
    QString failure;
    PageRenderPass::run(renderer, course.pages(), PageRenderPass::Part::Document, [&](const CoursePage &page, const RenderedPage &rendered) {
        const QString target = dir.filePath(page.id + QStringLiteral(".html"));
        if (!failure.isEmpty())
            return;
        QString reason;
        if (!QDir().mkpath(QFileInfo(target).absolutePath()))
            failure = tr("cannot create folder %1").arg(QFileInfo(target).absolutePath());
        else if (!AtomicFile::write(target, rendered.documentHtml.toUtf8(), &reason))
            failure = tr("cannot write %1: %2").arg(target, reason);
        else
            ++written;
    });
    if (!failure.isEmpty()) {
        err << "coursebook: " << failure << "\n";
        return 2;
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
        err << "coursebook: " << (usable ? tr("note: ") : QString()) << report.message << "\n";
    return usable;
}

int CommandLineTool::exportAnswers(QTextStream &out, QTextStream &err)
{
    AnswerStore store;
    if (!openStore(store, false, err))
        return 1;
    return AnswersCommands::exportAnswers(CourseLoader::load(coursePath()).id, store, m_parser.value(kExportAnswers), out, err);
}

int CommandLineTool::importAnswers(QTextStream &out, QTextStream &err)
{
    // With --export-answers - the merged answers follow on standard output, so the summary goes to the errors.
    QTextStream &summary = CommandLineFiles::isStandardStream(m_parser.value(kExportAnswers)) ? err : out;
    return AnswersCommands::importAnswers(m_parser.value(kImportAnswers), coursePath(),
                                          [&](AnswerStore &store) { return openStore(store, true, err); }, summary, err);
}

int CommandLineTool::exportWorksheet(QTextStream &out, QTextStream &err)
{
    const QString format = m_parser.value(kExport).toLower();
    if (format != QLatin1String("docx") && format != QLatin1String("pdf") && format != QLatin1String("slides")) {
        err << "coursebook: " << tr("unknown export format \"%1\" (use docx, pdf or slides)").arg(m_parser.value(kExport)) << "\n";
        return 1;
    }
    const QString target = m_parser.value(kOutput);
    if (target.isEmpty()) {
        err << "coursebook: " << tr("--export needs --output FILE (- for standard output)") << "\n";
        return 1;
    }
    // A file named .pdf is a PDF and one named .docx a Word document; other names are written as given.
    const ExportFileName::Format chosen = format == QLatin1String("docx") ? ExportFileName::Format::Docx : ExportFileName::Format::Pdf;
    const std::optional<ExportFileName::Format> named = ExportFileName::formatOf(target);
    if (named && *named != chosen) {
        const QString extension = ExportFileName::extension(*named);
        err << "coursebook: "
            << tr("--output %1 names a %2 file, not %3; use --export %2 or a name ending in .%3")
                   .arg(target, extension, ExportFileName::extension(chosen))
            << "\n";
        return 1;
    }
    QPageSize::PageSizeId pageSize = PaperSize::forThisComputer();
    if (m_parser.isSet(kPageSize)) {
        const QString size = m_parser.value(kPageSize).toLower();
        if (size != QLatin1String("a4") && size != QLatin1String("letter")) {
            err << "coursebook: " << tr("unknown page size \"%1\" (use A4 or Letter)").arg(m_parser.value(kPageSize)) << "\n";
            return 1;
        }
        pageSize = size == QLatin1String("a4") ? QPageSize::A4 : QPageSize::Letter;
    }
    if (format == QLatin1String("slides"))
        return SlideHandoutCommand::run(coursePath(), m_parser.value(kModule), m_parser.isSet(kNotes), pageSize, target, out, err);
    ExportScope scope;
    QString error;
    if (!ExportScope::parse(m_parser.isSet(kScope) ? m_parser.value(kScope) : QStringLiteral("course"), &scope, &error)) {
        err << "coursebook: " << error << "\n";
        return 1;
    }
    const Course course = CourseLoader::load(coursePath());
    // Exporting only reads: without an answers file there are no answers, and none is created.
    AnswerStore store;
    const bool workshop = m_parser.isSet(kWorkshop);
    const bool merge = m_parser.isSet(kMerge);
    int refused = 0;
    const bool withAnswers = !workshop && !merge && !m_parser.isSet(kBlank)
        && QFileInfo::exists(QDir(dataDir()).filePath(QStringLiteral("answers.sqlite")));
    if (withAnswers && !openStore(store, false, err))
        return 1;
    ExportDocument doc;
    if (workshop && !WorkshopCommands::document(course, dataDir(), m_parser.value(kWorkshop), &doc, err))
        return 1;
    if (merge && !WorkbookCommands::mergedDocument(course, m_parser.value(kMerge).split(QLatin1Char(',')), &doc, &refused, err))
        return 1;
    if (!workshop && !merge && !ExportDocument::build(course, withAnswers ? &store : nullptr, scope, m_parser.isSet(kBlank), m_parser.value(kLearner), &doc,
                               &error)) {
        err << "coursebook: " << error << " " << tr("(see --list)") << "\n";  // the scope names what the course lacks
        return 1;
    }
    if (withAnswers && !store.lastError().isEmpty()) {
        err << "coursebook: " << store.lastError() << "\n";
        return 1;
    }
    // The one place each format's writer is chosen.
    const bool docx = format == QLatin1String("docx");
    bool written = false;
    if (CommandLineFiles::isStandardStream(target)) {
        QByteArray bytes;
        written = (docx ? DocxWorksheetWriter::package(doc, pageSize).toZip(&bytes, &error)
                        : PdfWorksheetWriter::writeInMemory(doc, pageSize, &bytes, &error))
            && CommandLineFiles::write(target, bytes, &error);
    } else {
        written = docx ? DocxWorksheetWriter::write(doc, target, pageSize, &error) : PdfWorksheetWriter::write(doc, target, pageSize, &error);
    }
    if (!written) {
        err << "coursebook: " << error << "\n";
        return 1;
    }
    if (!CommandLineFiles::isStandardStream(target))  // there, only the document
        out << "wrote " << target << " (" << doc.items.size() << (doc.items.size() == 1 ? " activity)\n" : " activities)\n");
    return refused > 0 ? 1 : 0;  // a merge that left a file out says so to a script
}
