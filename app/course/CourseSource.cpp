#include "CourseSource.h"

#include "FrontMatter.h"
#include "HtmlText.h"
#include "TextDecoder.h"
#include "YamlDocument.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace {
// Above this a page still loads, but its author hears that it may be slow to show.
constexpr qint64 kLargePageBytes = 2 * 1024 * 1024;

QDate parseDate(const QString &text)
{
    static const QRegularExpression date(QStringLiteral("^\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})"));
    const QRegularExpressionMatch m = date.match(text);
    return m.hasMatch() ? QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()) : QDate();
}
}  // namespace

const QStringList CourseSource::kPageSuffixes = {QStringLiteral("md"), QStringLiteral("markdown"), QStringLiteral("html")};
const QStringList CourseSource::kPlainSuffixes = {QStringLiteral("md"), QStringLiteral("markdown"), QStringLiteral("txt")};

CourseSource::CourseSource(const QString &canonicalRoot, Diagnostics *diagnostics)
    : m_reader(canonicalRoot)
    , m_folder(canonicalRoot, kPageSuffixes + QStringList{QStringLiteral("txt")}, diagnostics)
    , m_diagnostics(diagnostics)
{
}

QString CourseSource::root() const
{
    return m_reader.resolver().root();
}

QString CourseSource::rootName() const
{
    return QFileInfo(m_reader.resolver().root()).fileName();
}

void CourseSource::warn(const QString &file, int line, const QString &message)
{
    m_diagnostics->append(Diagnostic::warning(file, line, message));
}

CourseFileReader::Result CourseSource::readReported(const QString &relativePath)
{
    CourseFileReader::Result file = m_reader.read(relativePath);
    if (file.outcome == CourseFileReader::Outcome::Refused)
        m_diagnostics->append(Diagnostic::error(relativePath, 0, file.problem));
    return file;
}

QString CourseSource::readOptionalText(const QString &relativePath)
{
    return TextDecoder::decode(readReported(relativePath).bytes).text;
}

QVariantMap CourseSource::readYaml(const QString &relativePath, QString *text)
{
    const CourseFileReader::Result file = readReported(relativePath);
    if (!file.isRead())
        return {};
    const QString decoded = TextDecoder::decode(file.bytes).text;
    if (text)
        *text = decoded;
    const YamlDocument::Result yaml = YamlDocument::parse(decoded);
    if (!yaml.error.isEmpty()) {
        m_diagnostics->append(Diagnostic::error(relativePath, yaml.errorLine, QStringLiteral("does not parse as YAML: ") + yaml.error));
        return {};
    }
    if (yaml.value.isValid() && yaml.value.typeId() != QMetaType::QVariantMap)
        warn(relativePath, 1, QStringLiteral("expected key: value pairs; the file is ignored"));
    return yaml.value.toMap();
}

CoursePage CourseSource::readPage(const QString &relativePath, const QString &moduleId, const QString &slug)
{
    CoursePage page;
    page.moduleId = moduleId;
    page.slug = slug;
    page.id = moduleId + QLatin1Char('/') + slug;
    page.filePath = m_reader.resolver().root() + QLatin1Char('/') + relativePath;
    page.relativePath = relativePath;
    page.permalink = QStringLiteral("/modules/%1/%2/").arg(moduleId, slug);
    page.isPlainText = relativePath.endsWith(QLatin1String(".txt"), Qt::CaseInsensitive);

    const CourseFileReader::Result file = m_reader.read(relativePath);
    if (!file.isRead()) {
        page.readError = QStringLiteral("The file %1.").arg(file.problem);
        m_diagnostics->append(Diagnostic::error(relativePath, 0, file.problem));
        return page;
    }
    if (file.bytes.size() > kLargePageBytes)
        warn(relativePath, 0, QStringLiteral("very large page (%1); it may be slow to show").arg(CourseFileReader::sizeText(file.bytes.size())));
    const TextDecoder::Result decoded = TextDecoder::decode(file.bytes);
    if (decoded.outcome == TextDecoder::Outcome::Binary) {
        page.readError = QStringLiteral("This file holds binary data (an image, document or archive?), not a text page.");
        m_diagnostics->append(Diagnostic::error(relativePath, 0, QStringLiteral("binary file, not a text page; its content is not shown")));
        return page;
    }
    if (decoded.outcome == TextDecoder::Outcome::Windows1252)
        warn(relativePath, 0, QStringLiteral("not valid UTF-8; read as Windows-1252 (save it as UTF-8 to silence this)"));

    QString text = decoded.text;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const FrontMatter front = FrontMatter::split(text);
    if (!front.error.isEmpty()) {
        m_diagnostics->append(Diagnostic::error(relativePath, front.errorLine,
            QStringLiteral("front matter does not parse (%1); the page is shown without it").arg(front.error)));
    }
    page.frontMatter = front.values;
    page.markdown = front.body;
    page.bodyLine = front.bodyLine;
    page.tags = YamlDocument::toStringList(front.values.value(QStringLiteral("tags")));
    page.isSectionHead = page.tags.contains(QStringLiteral("sectionHead"), Qt::CaseInsensitive);
    page.title = HtmlText::toPlainText(front.values.value(QStringLiteral("title")).toString());
    const QString permalink = front.values.value(QStringLiteral("permalink")).toString().trimmed();
    if (!permalink.isEmpty())
        page.permalink = permalink;
    const QDate date = parseDate(front.values.value(QStringLiteral("date")).toString());
    if (date.isValid())
        page.date = date;
    return page;
}
