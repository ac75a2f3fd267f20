#include "MergedWorkbooks.h"

#include "AnswerText.h"
#include "Course.h"
#include "ExportDocument.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("MergedWorkbooks", text);
}

QString tr(const char *text, int n)
{
    return QCoreApplication::translate("MergedWorkbooks", text, nullptr, n);
}

std::optional<Answer> answerTo(const Workbook &workbook, const QString &activityId)
{
    for (const Answer &answer : workbook.answers) {
        if (answer.activityId == activityId)
            return answer;
    }
    return std::nullopt;
}

}  // namespace

namespace MergedWorkbooks {

QStringList learners(const QVector<Workbook> &workbooks)
{
    QStringList names;
    for (const Workbook &workbook : workbooks)
        names.append(workbook.owner.isEmpty() ? tr("(no name)") : workbook.owner);
    return names;
}

bool build(const Course &course, const QVector<Workbook> &workbooks, ExportDocument *document, QString *error)
{
    ExportDocument all;
    if (!ExportDocument::build(course, nullptr, {ExportScope::Kind::Course, QString()}, false, QString(), &all, error))
        return false;
    const QStringList names = learners(workbooks);
    QVector<ExportItem> merged;
    for (ExportItem item : std::as_const(all.items)) {
        QVector<WorksheetCell> row;
        bool anyone = false;
        for (const Workbook &workbook : workbooks) {
            const std::optional<Answer> answer = answerTo(workbook, item.spec.id);
            const QString text = answer ? AnswerText::plain(answer->kind, answer->value) : QString();
            anyone = anyone || !text.trimmed().isEmpty();
            row.append({WorksheetCell::Type::Fixed, text.trimmed().isEmpty() ? tr("(no answer)") : text, {}});
        }
        if (!anyone || item.spec.revisit)  // a revisit is the same answer again
            continue;
        item.spec.kind = ActivitySpec::Kind::Worksheet;
        item.spec.columns = names;
        item.spec.rows = {row};
        item.spec.canAddRows = false;
        item.spec.choiceLabels.clear();
        QJsonArray cells;
        for (qsizetype i = 0; i < row.size(); ++i)
            cells.append(QJsonValue::Null);  // every cell is fixed: the learners' words
        item.answer = Answer{course.id, item.spec.id, ActivitySpec::kindName(ActivitySpec::Kind::Worksheet),
                             QJsonObject{{QStringLiteral("cells"), QJsonArray{cells}}}, false, QDateTime::currentDateTimeUtc()};
        merged.append(item);
    }
    all.items = merged;
    all.notes.clear();  // notes are private: a merge shows answers only
    all.learner = names.join(QStringLiteral(", "));
    all.scopeTitle = tr("Merged workbooks (%n learners)", int(workbooks.size()));
    all.date = QDate::currentDate();
    *document = all;
    return true;
}

}  // namespace MergedWorkbooks
