#include "PromptImages.h"

#include "CourseFileReader.h"
#include "CourseUrl.h"
#include "HtmlDom.h"

#include <QFileInfo>
#include <QUrl>

namespace {

QString mimeType(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return QStringLiteral("image/png");
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg"))
        return QStringLiteral("image/jpeg");
    if (suffix == QLatin1String("gif"))
        return QStringLiteral("image/gif");
    if (suffix == QLatin1String("svg"))
        return QStringLiteral("image/svg+xml");
    if (suffix == QLatin1String("webp"))
        return QStringLiteral("image/webp");
    return {};
}

// The data: URL of a course image, or empty when it cannot be part of an export.
QString dataUrl(const CourseFileReader &reader, const QString &src)
{
    QString relative;
    if (CourseUrl::parse(QUrl(src), &relative) != CourseUrl::Kind::File)
        return {};
    const QString mime = mimeType(relative);
    if (mime.isEmpty())
        return {};
    const CourseFileReader::Result image = reader.read(relative);
    if (!image.isRead())
        return {};
    return QStringLiteral("data:%1;base64,%2").arg(mime, QString::fromLatin1(image.bytes.toBase64()));
}

}  // namespace

QString PromptImages::inlined(const QString &promptHtml, const QString &courseRoot)
{
    if (!promptHtml.contains(QLatin1String("<img")))
        return promptHtml;
    HtmlDom dom(promptHtml);
    if (!dom.body())
        return promptHtml;
    // Through the course's jail, as the loader reads: only regular files inside it, bounded.
    const CourseFileReader reader(QFileInfo(courseRoot).canonicalFilePath(), PromptImages::maxBytes);
    for (xmlNodePtr image : HtmlDom::elements(dom.body())) {
        if (HtmlDom::name(image) != QLatin1String("img"))
            continue;
        const QString src = HtmlDom::attribute(image, "src").trimmed();
        if (src.startsWith(QLatin1String("data:image/"), Qt::CaseInsensitive))
            continue;
        const QString data = dataUrl(reader, src);
        if (!data.isEmpty()) {
            HtmlDom::setAttribute(image, "src", data);
            continue;
        }
        const QString alt = HtmlDom::attribute(image, "alt").simplified();
        dom.replace(image, dom.createElement("span", QStringLiteral("image-alt"),
                                             QStringLiteral("[Image: %1]").arg(alt.isEmpty() ? src.section(QLatin1Char('/'), -1) : alt)));
    }
    return dom.bodyHtml();
}
