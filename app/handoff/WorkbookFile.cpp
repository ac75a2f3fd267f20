#include "WorkbookFile.h"

#include "AnswerJson.h"
#include "AtomicFile.h"
#include "WorkbookZip.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WorkbookFile", text);
}

const QString kManifest = QStringLiteral("manifest.json");
const QString kAnswers = QStringLiteral("answers.json");
const QString kHistory = QStringLiteral("history.json");
const QString kWorkshop = QStringLiteral("workshop.json");

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

// One answer as an element of an answers file's "answers" list, in AnswerJson's own words.
QJsonObject answerElement(const QString &courseId, const Answer &answer)
{
    return QJsonDocument::fromJson(AnswerJson::write(courseId, {answer})).object().value(QStringLiteral("answers")).toArray().at(0).toObject();
}

// Reads one answer through AnswerJson, which checks its kind, value and date.
bool readAnswerElement(const QString &courseId, const QJsonValue &element, Answer *answer, const QString &path, QString *error)
{
    QJsonObject file = QJsonDocument::fromJson(AnswerJson::write(courseId, {})).object();
    file.insert(QStringLiteral("answers"), QJsonArray{element});
    QString id;
    QVector<Answer> one;
    QString problem;
    if (!AnswerJson::read(toJson(file), &id, &one, &problem) || one.size() != 1) {
        *error = QStringLiteral("%1: %2").arg(path, problem.replace(QStringLiteral("answers[0]"), path));
        return false;
    }
    *answer = one.first();
    return true;
}

bool parseObject(const QMap<QString, QByteArray> &members, const QString &name, QJsonObject *object, QString *error)
{
    if (!members.contains(name)) {
        *error = tr("%1 is missing").arg(name);
        return false;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(members.value(name), &parse);
    if (!doc.isObject()) {
        *error = tr("%1 is not a JSON object (%2)").arg(name, parse.errorString());
        return false;
    }
    *object = doc.object();
    return true;
}

QString text(const QJsonObject &object, const QString &key)
{
    return object.value(key).toString();
}

bool readManifest(const QJsonObject &manifest, Workbook *out, QString *error)
{
    if (text(manifest, QStringLiteral("format")) != QLatin1String(WorkbookFile::kFormat)) {
        *error = tr("it is not a Coursebook workbook (manifest.json has no \"format\": \"coursebook-workbook\")");
        return false;
    }
    const QJsonValue version = manifest.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() < 1 || version.toDouble() != double(version.toInt())) {
        *error = tr("manifest.json's version is not a whole number");
        return false;
    }
    if (version.toInt() > WorkbookFile::kVersion) {
        *error = tr("it was made by a newer Coursebook (workbook version %1; this one reads up to %2): update Coursebook to open it")
                     .arg(version.toInt())
                     .arg(WorkbookFile::kVersion);
        return false;
    }
    const QJsonObject course = manifest.value(QStringLiteral("course")).toObject();
    out->courseId = text(course, QStringLiteral("id"));
    QString problem = out->courseId.isEmpty() ? tr("manifest.json names no course") : AnswerJson::idProblem(out->courseId, QStringLiteral("course.id"));
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    out->courseTitle = text(course, QStringLiteral("title"));
    out->courseVersion = text(course, QStringLiteral("version"));
    out->owner = WorkbookFile::cleanOwner(text(manifest, QStringLiteral("owner")));
    out->saved = QDateTime::fromString(text(manifest, QStringLiteral("saved")), Qt::ISODateWithMs);
    out->app = text(manifest, QStringLiteral("app"));
    return true;
}

bool readHistory(const QJsonObject &history, Workbook *out, QString *error)
{
    const QJsonArray versions = history.value(QStringLiteral("versions")).toArray();
    for (qsizetype i = 0; i < versions.size(); ++i) {
        Answer answer;
        if (!readAnswerElement(out->courseId, versions.at(i), &answer, QStringLiteral("history.json versions[%1]").arg(i), error))
            return false;
        out->history.append(answer);
    }
    return true;
}

bool readWorkshops(const QJsonObject &workshop, Workbook *out, QString *error)
{
    const QJsonArray records = workshop.value(QStringLiteral("records")).toArray();
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QJsonObject object = records.at(i).toObject();
        const QString path = QStringLiteral("workshop.json records[%1]").arg(i);
        WorkbookWorkshop entry;
        entry.record = {text(object, QStringLiteral("id")), out->courseId, text(object, QStringLiteral("module")),
                        WorkshopRecords::cleanName(text(object, QStringLiteral("name"))),
                        QDateTime::fromString(text(object, QStringLiteral("created")), Qt::ISODateWithMs)};
        QString problem = AnswerJson::idProblem(entry.record.id, path + QStringLiteral(".id"));
        if (problem.isEmpty())
            problem = AnswerJson::idProblem(entry.record.moduleId, path + QStringLiteral(".module"));
        for (qsizetype g = 0; problem.isEmpty() && g < object.value(QStringLiteral("grids")).toArray().size(); ++g) {
            Answer grid;
            if (!readAnswerElement(out->courseId, object.value(QStringLiteral("grids")).toArray().at(g), &grid,
                                   path + QStringLiteral(".grids[%1]").arg(g), &problem))
                break;
            entry.grids.append(grid);
        }
        if (!problem.isEmpty()) {
            *error = problem;
            return false;
        }
        out->workshops.append(entry);
    }
    return true;
}

}  // namespace

namespace WorkbookFile {

QString cleanOwner(const QString &name)
{
    QString clean;
    for (const QChar c : name) {
        if (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format)
            clean.append(c);
    }
    return clean.simplified();
}

QByteArray encode(const Workbook &workbook, QString *error)
{
    QJsonObject course{{QStringLiteral("id"), workbook.courseId}, {QStringLiteral("title"), workbook.courseTitle}};
    if (!workbook.courseVersion.isEmpty())
        course.insert(QStringLiteral("version"), workbook.courseVersion);
    const QJsonObject manifest{{QStringLiteral("format"), QLatin1String(kFormat)},
                               {QStringLiteral("version"), kVersion},
                               {QStringLiteral("course"), course},
                               {QStringLiteral("owner"), cleanOwner(workbook.owner)},
                               {QStringLiteral("saved"), workbook.saved.toUTC().toString(Qt::ISODateWithMs)},
                               {QStringLiteral("app"), workbook.app}};
    QJsonArray versions;
    for (const Answer &answer : workbook.history)
        versions.append(answerElement(workbook.courseId, answer));
    QJsonArray records;
    for (const WorkbookWorkshop &entry : workbook.workshops) {
        QJsonArray grids;
        for (const Answer &grid : entry.grids)
            grids.append(answerElement(workbook.courseId, grid));
        records.append(QJsonObject{{QStringLiteral("id"), entry.record.id},
                                   {QStringLiteral("module"), entry.record.moduleId},
                                   {QStringLiteral("name"), entry.record.name},
                                   {QStringLiteral("created"), entry.record.created.toUTC().toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("grids"), grids}});
    }
    const QMap<QString, QByteArray> members{
        {kManifest, toJson(manifest)},
        {kAnswers, AnswerJson::write(workbook.courseId, workbook.answers, workbook.progress, workbook.notes, workbook.bookmarks)},
        {kHistory, toJson(QJsonObject{{QStringLiteral("versions"), versions}})},
        {kWorkshop, toJson(QJsonObject{{QStringLiteral("records"), records}})}};
    QByteArray zip;
    if (!WorkbookZip::write(members, &zip, error))
        return {};
    return zip;
}

bool decode(const QByteArray &bytes, Workbook *workbook, QString *error)
{
    QMap<QString, QByteArray> members;
    if (!WorkbookZip::read(bytes, &members, error))
        return false;
    for (auto it = members.cbegin(); it != members.cend(); ++it) {
        if (it.key() != kManifest && it.key() != kAnswers && it.key() != kHistory && it.key() != kWorkshop) {
            *error = tr("it holds \"%1\", which no workbook file has").arg(it.key());
            return false;
        }
    }
    QJsonObject manifest;
    Workbook out;
    if (!parseObject(members, kManifest, &manifest, error) || !readManifest(manifest, &out, error))
        return false;
    QString answersCourse;
    if (!AnswerJson::read(members.value(kAnswers), &answersCourse, &out.answers, error, &out.progress, &out.notes, &out.bookmarks)) {
        *error = QStringLiteral("answers.json: %1").arg(*error);
        return false;
    }
    if (answersCourse != out.courseId) {
        *error = tr("answers.json is for course \"%1\", the manifest for \"%2\"").arg(answersCourse, out.courseId);
        return false;
    }
    QJsonObject history;
    QJsonObject workshop;
    if (!parseObject(members, kHistory, &history, error) || !readHistory(history, &out, error)
        || !parseObject(members, kWorkshop, &workshop, error) || !readWorkshops(workshop, &out, error))
        return false;
    *workbook = out;
    return true;
}

bool save(const QString &path, const Workbook &workbook, QString *error)
{
    const QByteArray bytes = encode(workbook, error);
    return !bytes.isEmpty() && AtomicFile::write(path, bytes, error);
}

bool load(const QString &path, const QString &expectedCourseId, Workbook *workbook, QString *error)
{
    const auto refuse = [&](const QString &why) {
        *error = tr("cannot open %1: %2").arg(path, why);
        return false;
    };
    // A folder, a named pipe (which would block the read) or a device is never opened.
    const QFileInfo info(path);
    if (!info.exists())
        return refuse(tr("there is no such file"));
    if (info.isDir())
        return refuse(tr("it is a folder, not a workbook file"));
    if (!info.isFile())
        return refuse(tr("it is not a regular file"));
    if (info.size() > WorkbookZip::kMaxFileBytes)
        return refuse(tr("it is larger than %1 MB").arg(WorkbookZip::kMaxFileBytes / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(file.errorString());
    const QByteArray bytes = file.read(WorkbookZip::kMaxFileBytes + 1);
    QString why;
    Workbook read;
    if (!decode(bytes, &read, &why))
        return refuse(why);
    if (!expectedCourseId.isEmpty() && read.courseId != expectedCourseId)
        return refuse(tr("it is a workbook of course \"%1\" (%2), not of this course (\"%3\")")
                          .arg(read.courseId, read.courseTitle, expectedCourseId));
    *workbook = read;
    return true;
}

}  // namespace WorkbookFile
