#include "ExportFigures.h"

#include "PaperSize.h"
#include "ActivitySpec.h"
#include "Answer.h"
#include "AnswerStore.h"
#include "BundledCourse.h"
#include "CourseLoader.h"
#include "DocxWorksheetWriter.h"
#include "ExportDocument.h"
#include "PdfWorksheetWriter.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonValue>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <functional>

namespace {
constexpr int kDocxRuns = 5;
constexpr int kPdfRuns = 3;
constexpr int kPandocRuns = 3;

double ms(const QElapsedTimer &timer) { return double(timer.nsecsElapsed()) / 1e6; }

// Runs `run` `times` times and returns the median time, or the first failure's message.
QJsonValue medianMs(int times, const std::function<QString()> &run)
{
    QVector<double> runs;
    QElapsedTimer timer;
    for (int i = 0; i < times; ++i) {
        timer.start();
        const QString error = run();
        const double elapsed = ms(timer);
        if (!error.isEmpty())
            return QStringLiteral("failed: ") + error;
        runs.append(elapsed);
    }
    std::sort(runs.begin(), runs.end());
    return runs.at(runs.size() / 2);
}

// About 150 words of reflection in three paragraphs (one a line, as the editor keeps them).
QString prose()
{
    return QStringLiteral(
        "I would start with a short weekly drop-in where teens choose the project, because the sessions that "
        "worked best last year were the ones they had asked for. Three of them wanted a podcast corner, and I "
        "said yes before I knew how it would work.\n"
        "Co-learning felt awkward at first. I am used to being the one with the answers, and it took a few weeks "
        "before I was comfortable saying that I did not know the editing software either. They taught me, and "
        "they were proud to.\n"
        "Next time I would ask more questions and plan less. I would also keep a simple log of what each group "
        "tried, what broke and what they want to try next, so the drop-in has a memory even when different teens "
        "come each week and the staff on duty changes.");
}

// What a learner who finished the activity would have saved, in the portable answers format.
QJsonObject answerValue(const ActivitySpec &spec)
{
    switch (spec.kind) {
    case ActivitySpec::Kind::Kwl: {
        QJsonArray rows;
        const char *topics[] = {"makerspaces", "youth advisory boards", "digital badges", "co-learning"};
        for (const char *topic : topics) {
            const QString t = QLatin1String(topic);
            rows.append(QJsonObject{{QStringLiteral("know"), QStringLiteral("Our branch has tried %1 once, with mixed turnout.").arg(t)},
                                    {QStringLiteral("want"), QStringLiteral("How other libraries keep %1 going after the first term.").arg(t)},
                                    {QStringLiteral("learned"), QStringLiteral("Teens stay when they help run %1, not just attend.").arg(t)}});
        }
        return {{QStringLiteral("experience"),
                 QStringLiteral("Six years on the reference desk, two running the after-school teen hour.")},
                {QStringLiteral("rows"), rows}};
    }
    case ActivitySpec::Kind::Worksheet: {
        // Fixed and total cells are null; editable cells hold short text; ratings a middle choice.
        QJsonArray cells;
        for (const QVector<WorksheetCell> &row : spec.rows) {
            QJsonArray values;
            for (const WorksheetCell &cell : row) {
                switch (cell.type) {
                case WorksheetCell::Type::Editable:
                    values.append(QStringLiteral("Ask the teen advisory group in the first week"));
                    break;
                case WorksheetCell::Type::Rating:
                    values.append(cell.choices.isEmpty() ? QJsonValue() : QJsonValue(cell.choices.at(cell.choices.size() / 2)));
                    break;
                case WorksheetCell::Type::Fixed:
                case WorksheetCell::Type::Total:
                    values.append(QJsonValue());
                    break;
                }
            }
            cells.append(values);
        }
        return {{QStringLiteral("cells"), cells}};
    }
    case ActivitySpec::Kind::Reflection:
    case ActivitySpec::Kind::Response:
        break;
    }
    return {{QStringLiteral("text"), prose()}};
}

// Markdown cells are one line, and a pipe would end the cell.
QString cell(QString text)
{
    return text.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('|'), QStringLiteral("\\|")).trimmed();
}

QString pipeTable(const QStringList &header, const QVector<QStringList> &rows)
{
    const auto line = [](const QStringList &cells) {
        QStringList escaped;
        for (const QString &text : cells)
            escaped << cell(text);
        return QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    };
    QString out = line(header) + QStringLiteral("|") + QStringLiteral("---|").repeated(header.size()) + QLatin1Char('\n');
    for (const QStringList &row : rows)
        out += line(row);
    return out + QLatin1Char('\n');
}

QString paragraphs(const QString &text)
{
    QString out;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out += line.trimmed() + QStringLiteral("\n\n");
    return out;
}

// The export's content as Markdown, laid out like the Word writer lays it out (headings for
// modules, pages and activities; prompt; answer), for pandoc to convert.
QString markdown(const ExportDocument &doc)
{
    QString out = QStringLiteral("# %1\n\n%2 · %3\n\n%4\n\n")
                      .arg(doc.courseTitle, doc.learner, doc.date.toString(Qt::ISODate), doc.scopeTitle);
    QString module, page;
    for (const ExportItem &item : doc.items) {
        if (item.moduleTitle != module && !item.moduleTitle.isEmpty())
            out += QStringLiteral("# ") + item.moduleTitle + QStringLiteral("\n\n");
        if ((item.pageTitle != page || item.moduleTitle != module) && !item.pageTitle.isEmpty())
            out += QStringLiteral("## ") + item.pageTitle + QStringLiteral("\n\n");
        module = item.moduleTitle;
        page = item.pageTitle;
        out += QStringLiteral("### ") + item.spec.title + QStringLiteral("\n\n") + paragraphs(item.spec.promptText);
        const QJsonObject value = item.answer ? item.answer->value : QJsonObject();
        switch (item.spec.kind) {
        case ActivitySpec::Kind::Kwl: {
            out += QStringLiteral("**Your experience**\n\n") + paragraphs(value.value(QStringLiteral("experience")).toString());
            QVector<QStringList> rows;
            for (const QJsonValue &row : value.value(QStringLiteral("rows")).toArray()) {
                const QJsonObject r = row.toObject();
                rows.append({r.value(QStringLiteral("know")).toString(), r.value(QStringLiteral("want")).toString(),
                             r.value(QStringLiteral("learned")).toString()});
            }
            out += pipeTable({QStringLiteral("Know"), QStringLiteral("Want to learn"), QStringLiteral("Learned")}, rows);
            break;
        }
        case ActivitySpec::Kind::Worksheet: {
            // Fixed cells print the design's text, the others the answer (totals left empty).
            const QJsonArray values = value.value(QStringLiteral("cells")).toArray();
            qsizetype columns = std::max<qsizetype>(1, item.spec.columns.size());
            for (const QVector<WorksheetCell> &row : item.spec.rows)
                columns = std::max(columns, row.size());
            QStringList header = item.spec.columns;
            while (header.size() < columns)
                header << QString();
            QVector<QStringList> rows;
            for (qsizetype r = 0; r < item.spec.rows.size(); ++r) {
                QStringList texts;
                for (qsizetype c = 0; c < columns; ++c) {
                    const bool fixed = c < item.spec.rows[r].size() && item.spec.rows[r][c].type == WorksheetCell::Type::Fixed;
                    texts << (fixed ? item.spec.rows[r][c].text : values.at(r).toArray().at(c).toString());
                }
                rows.append(texts);
            }
            out += pipeTable(header, rows);
            break;
        }
        case ActivitySpec::Kind::Reflection:
        case ActivitySpec::Kind::Response:
            out += paragraphs(value.value(QStringLiteral("text")).toString());
            break;
        }
    }
    return out;
}

qint64 bytes(const QString &path) { return QFileInfo(path).size(); }
}  // namespace

QJsonObject ExportFigures::measure()
{
    const Course course = CourseLoader::load(BundledCourse::path());
    QString error;
    // Without a store first: the activities to answer, as the exporters will find them.
    ExportDocument blank;
    if (!ExportDocument::build(course, nullptr, ExportScope{}, false, QString(), &blank, &error))
        return {{QStringLiteral("error"), error}};

    QTemporaryDir dir;
    AnswerStore store;
    const AnswerStore::OpenReport report = store.open(dir.path());
    if (report.status != AnswerStore::OpenReport::Status::Ok)
        return {{QStringLiteral("error"), report.message}};
    for (const ExportItem &item : std::as_const(blank.items)) {
        const Answer answer{course.id, item.spec.id, ActivitySpec::kindName(item.spec.kind), answerValue(item.spec), true,
                            QDateTime::currentDateTimeUtc()};
        if (!store.save(answer))
            return {{QStringLiteral("error"), store.lastError()}};
    }
    ExportDocument doc;
    if (!ExportDocument::build(course, &store, ExportScope{}, false, QStringLiteral("Sam Rivera"), &doc, &error))
        return {{QStringLiteral("error"), error}};

    const QString docxPath = dir.filePath(QStringLiteral("workbook.docx"));
    const QString pdfPath = dir.filePath(QStringLiteral("workbook.pdf"));
    const QJsonValue docxMs = medianMs(kDocxRuns, [&] {
        QString e;
        return DocxWorksheetWriter::write(doc, docxPath, QPageSize::A4, &e) ? QString() : e;
    });
    const QJsonValue pdfMs = medianMs(kPdfRuns, [&] {
        QString e;
        return PdfWorksheetWriter::write(doc, pdfPath, PaperSize::forThisComputer(), &e) ? QString() : e;
    });
    QJsonObject figures{{QStringLiteral("activities"), int(doc.items.size())},
                        {QStringLiteral("docx_ms"), docxMs},
                        {QStringLiteral("docx_bytes"), bytes(docxPath)},
                        {QStringLiteral("pdf_ms"), pdfMs},
                        {QStringLiteral("pdf_bytes"), bytes(pdfPath)}};

    const QString pandoc = QStandardPaths::findExecutable(QStringLiteral("pandoc"));
    if (!pandoc.isEmpty()) {
        const QByteArray source = markdown(doc).toUtf8();
        const QString pandocPath = dir.filePath(QStringLiteral("pandoc.docx"));
        // Timed as the command is used: process start included, Markdown fed on stdin.
        const QJsonValue pandocMs = medianMs(kPandocRuns, [&] {
            QProcess process;
            process.start(pandoc, {QStringLiteral("-f"), QStringLiteral("markdown"), QStringLiteral("-t"),
                                   QStringLiteral("docx"), QStringLiteral("-o"), pandocPath});
            process.write(source);
            process.closeWriteChannel();
            if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
                return process.errorString() + QStringLiteral(": ") + QString::fromUtf8(process.readAllStandardError()).trimmed();
            return QString();
        });
        figures.insert(QStringLiteral("markdown_bytes"), int(source.size()));
        figures.insert(QStringLiteral("pandoc_ms"), pandocMs);
        figures.insert(QStringLiteral("pandoc_docx_bytes"), bytes(pandocPath));
        if (docxMs.isDouble() && pandocMs.isDouble() && pandocMs.toDouble() > 0)
            figures.insert(QStringLiteral("docx_vs_pandoc_ratio"), docxMs.toDouble() / pandocMs.toDouble());
    }
    return figures;
}
