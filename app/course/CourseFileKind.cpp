#include "CourseFileKind.h"

#include "CourseFileResolver.h"
#include "CourseLog.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSet>

namespace {

const QString kText = QStringLiteral("text/plain");
const QString kUnknown = QStringLiteral("application/octet-stream");

// Documents by their exact type, never by a type they inherit: a shell script and a
// desktop launcher are both text/plain underneath, a macro-enabled Word file is a .docx.
bool isListedDocument(const QString &type)
{
    static const QSet<QString> documents{
        QStringLiteral("application/pdf"),
        kText,
        QStringLiteral("text/csv"),
        QStringLiteral("text/tab-separated-values"),
        QStringLiteral("text/markdown"),
        QStringLiteral("application/rtf"),
        QStringLiteral("application/epub+zip"),
        QStringLiteral("application/vnd.oasis.opendocument.text"),
        QStringLiteral("application/vnd.oasis.opendocument.text-template"),
        QStringLiteral("application/vnd.oasis.opendocument.spreadsheet"),
        QStringLiteral("application/vnd.oasis.opendocument.spreadsheet-template"),
        QStringLiteral("application/vnd.oasis.opendocument.presentation"),
        QStringLiteral("application/vnd.oasis.opendocument.presentation-template"),
        QStringLiteral("application/vnd.oasis.opendocument.graphics"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.template"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.template"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.presentationml.slideshow"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.presentationml.template"),
        QStringLiteral("application/msword"),
        QStringLiteral("application/vnd.ms-excel"),
        QStringLiteral("application/vnd.ms-powerpoint"),
    };
    return documents.contains(type);
}

bool isDocumentType(const QMimeType &type)
{
    if (isListedDocument(type.name()))
        return true;
    // Pictures, sound and video, unless they are text: SVG is XML a browser would run
    // scripts in, and a playlist is text that points elsewhere.
    const QString name = type.name();
    const bool media = name.startsWith(QLatin1String("image/")) || name.startsWith(QLatin1String("audio/"))
        || name.startsWith(QLatin1String("video/"));
    return media && !type.inherits(kText);
}

enum class Danger { None, Launcher, Script, Program, WebPage };

Danger dangerOf(const QMimeType &type)
{
    if (type.inherits(QStringLiteral("application/x-desktop")))
        return Danger::Launcher;
    // Scripts (shell, Python, Perl, JavaScript) are executables that are also text.
    if (type.inherits(QStringLiteral("application/x-executable")))
        return type.inherits(kText) ? Danger::Script : Danger::Program;
    for (const char *program : {"application/x-sharedlib", "application/x-ms-dos-executable", "application/x-msi",
                                "application/x-java-archive"}) {
        if (type.inherits(QLatin1String(program)))
            return Danger::Program;
    }
    // A web page opens in the browser, which runs its scripts with the network and the
    // disk around it: course pages are read in Coursebook's offline view instead.
    for (const char *page : {"text/html", "application/xhtml+xml", "image/svg+xml"}) {
        if (type.inherits(QLatin1String(page)))
            return Danger::WebPage;
    }
    return Danger::None;
}

QString dangerSentence(Danger danger, const QString &name, const QString &description)
{
    switch (danger) {
    case Danger::Launcher:
        return QCoreApplication::translate("CourseFileKind", "\u201c%1\u201d is a desktop launcher (%2): opening it would start a program on your computer.")
            .arg(name, description);
    case Danger::Script:
        return QCoreApplication::translate("CourseFileKind", "\u201c%1\u201d is a script (%2): opening it could run its commands on your computer.")
            .arg(name, description);
    case Danger::Program:
        return QCoreApplication::translate("CourseFileKind", "\u201c%1\u201d is a program (%2): opening it would run it on your computer.")
            .arg(name, description);
    case Danger::WebPage:
        return QCoreApplication::translate("CourseFileKind",
                                           "\u201c%1\u201d is a web page (%2): your web browser would run its scripts, "
                                           "online and with access to your files.")
            .arg(name, description);
    case Danger::None:
        break;
    }
    return QString();
}

bool startsWithShebang(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(2) == "#!";
}

CourseFileKind refused(CourseFileKind kind, const QString &why)
{
    kind.verdict = CourseFileKind::Verdict::Refused;
    kind.refusal = why;
    qCDebug(lcCourse).noquote() << "not handing" << kind.fileName << "to the desktop:" << why;
    return kind;
}

}  // namespace

CourseFileKind CourseFileKind::of(const QString &courseRoot, const QString &relativePath)
{
    QString why;
    const QString path = CourseFileResolver(courseRoot).resolve(relativePath, &why);
    if (!path.isEmpty())
        return ofFile(path);
    CourseFileKind kind;
    kind.fileName = QFileInfo(relativePath).fileName();
    qCDebug(lcCourse).noquote() << relativePath << why;
    return refused(kind, QCoreApplication::translate("CourseFileKind", "\u201c%1\u201d is not a file inside the course folder.").arg(relativePath));
}

CourseFileKind CourseFileKind::ofFile(const QString &canonicalPath)
{
    CourseFileKind kind;
    kind.path = canonicalPath;
    const QFileInfo info(canonicalPath);
    kind.fileName = info.fileName();
    const QString &name = kind.fileName;
    // A FIFO would block the reading below, a device never end.
    if (!info.isFile())
        return refused(kind, QCoreApplication::translate("CourseFileKind", "\u201c%1\u201d is not a regular file.").arg(name));
    if (info.size() == 0)
        return refused(kind, QCoreApplication::translate("CourseFileKind", "\u201c%1\u201d is empty.").arg(name));
    if (!QFile(canonicalPath).open(QIODevice::ReadOnly))
        return refused(kind, QCoreApplication::translate("CourseFileKind", "\u201c%1\u201d cannot be read.").arg(name));

    const QMimeDatabase mimes;
    const QMimeType content = mimes.mimeTypeForFile(canonicalPath, QMimeDatabase::MatchContent);
    const QMimeType byName = mimes.mimeTypeForFile(canonicalPath, QMimeDatabase::MatchExtension);
    const bool named = byName.name() != kUnknown;
    // The name may refine the content (a .docx is a zip, a .csv is text), never contradict it.
    const bool agree = !named || byName.inherits(content.name());
    const QMimeType type = agree && named ? byName : content;
    kind.mimeType = type.name();
    kind.description = type.comment();
    const QString namedLike = named && !agree
        ? QLatin1Char(' ') + QCoreApplication::translate("CourseFileKind", "Its name makes it look like a %1.").arg(byName.comment())
        : QString();

    // Any file starting "#!" runs as a script, whatever type its first line suggests.
    Danger danger = startsWithShebang(canonicalPath) ? Danger::Script : dangerOf(content);
    if (danger == Danger::None)
        danger = dangerOf(type);
    if (danger != Danger::None) {
        if (danger == Danger::Script && !type.inherits(QStringLiteral("application/x-executable")))
            kind.description = QCoreApplication::translate("CourseFileKind", "script");
        return refused(kind, dangerSentence(danger, name, kind.description) + namedLike);
    }
    if (content.name() == kUnknown)
        return refused(kind, QCoreApplication::translate("CourseFileKind", "Coursebook cannot tell what \u201c%1\u201d holds.").arg(name));
    if (!agree)
        return refused(kind, QCoreApplication::translate("CourseFileKind", "\u201c%1\u201d holds a %2, not what its name says.")
                                     .arg(name, content.comment())
                                 + namedLike);
    if (!isDocumentType(type))
        return refused(kind, QCoreApplication::translate("CourseFileKind", "\u201c%1\u201d is a %2, not a document.").arg(name, kind.description));
    // The executable bit means nothing to the desktop for a PDF or a picture, whose content
    // says what opens it (and folders unpacked from zips mark everything executable). Text
    // marked executable with no document name is a script without its "#!": a shell runs it.
    const auto executable = QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    if (!named && type.inherits(kText) && (info.permissions() & executable))
        return refused(kind, QCoreApplication::translate("CourseFileKind",
                                                         "\u201c%1\u201d is marked as a program and has no document name, so it may be run as one.")
                                 .arg(name));
    kind.verdict = Verdict::Document;
    return kind;
}
