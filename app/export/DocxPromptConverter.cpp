#include "DocxPromptConverter.h"

#include "HtmlDom.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QUrl>

#include <algorithm>

namespace {

// A prompt image (a data: URL, see PromptImages) as a picture Word and LibreOffice show;
// null when it cannot be one: then its alt text stands in. SVG is drawn to PNG at twice its
// size, which needs fonts, so only with a QGuiApplication.
std::shared_ptr<const DocxPicture> decodePicture(const QString &src, const QString &alt)
{
    static const QRegularExpression dataUrl(QStringLiteral("^data:(image/[a-z0-9.+-]+);base64,(.*)$"),
                                            QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = dataUrl.match(src.trimmed());
    if (!match.hasMatch())
        return nullptr;
    const QString mime = match.captured(1).toLower();
    const QByteArray bytes = QByteArray::fromBase64(match.captured(2).toLatin1());
    auto picture = std::make_shared<DocxPicture>();
    picture->alt = alt;
    if (mime == QLatin1String("image/svg+xml")) {
        QSvgRenderer svg(bytes);
        if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()) || !svg.isValid() || svg.defaultSize().isEmpty())
            return nullptr;
        picture->pixels = svg.defaultSize().boundedTo(QSize(2000, 2000));
        QImage image(picture->pixels * 2, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        svg.render(&painter);
        painter.end();
        QBuffer buffer(&picture->bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        picture->extension = QStringLiteral("png");
        return picture;
    }
    const QHash<QString, QString> extensions = {{QStringLiteral("image/png"), QStringLiteral("png")},
                                                {QStringLiteral("image/jpeg"), QStringLiteral("jpeg")},
                                                {QStringLiteral("image/gif"), QStringLiteral("gif")}};
    picture->extension = extensions.value(mime);
    QBuffer buffer;
    buffer.setData(bytes);
    picture->pixels = QImageReader(&buffer).size();
    if (picture->extension.isEmpty() || !picture->pixels.isValid() || picture->pixels.isEmpty())
        return nullptr;
    picture->bytes = bytes;
    return picture;
}

bool isBlock(const QString &tag)
{
    for (const char *block : {"p", "div", "blockquote", "section", "article", "pre", "table", "tr", "details", "summary", "figure",
                              "figcaption", "dl", "dt", "dd", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}) {
        if (tag == QLatin1String(block))
            return true;
    }
    return false;
}

}  // namespace

QVector<DocxParagraph> DocxPromptConverter::paragraphs(const QString &html)
{
    m_paragraphs.clear();
    m_open = false;
    m_itemStarting = false;
    m_lists.clear();
    HtmlDom dom(html);
    if (dom.body())
        walk(dom.body(), DocxRun());
    QVector<DocxParagraph> paragraphs;
    for (DocxParagraph &paragraph : m_paragraphs) {
        // Trailing spaces and line breaks would only leave a gap.
        while (!paragraph.runs.isEmpty()) {
            DocxRun &last = paragraph.runs.last();
            while (last.text.endsWith(QLatin1Char(' ')))
                last.text.chop(1);
            if (last.picture || (!last.lineBreak && !last.text.isEmpty()))
                break;
            paragraph.runs.removeLast();
        }
        if (!paragraph.runs.isEmpty())
            paragraphs.append(paragraph);
    }
    return paragraphs;
}

DocxParagraph &DocxPromptConverter::currentParagraph()
{
    if (!m_open) {
        DocxParagraph paragraph;
        if (m_itemStarting) {
            paragraph.numId = m_lists.last();
            paragraph.level = std::min<int>(int(m_lists.size()) - 1, DocxParagraph::kMaxListLevel);
        } else {
            paragraph.indent = int(m_lists.size());
        }
        m_itemStarting = false;
        m_paragraphs.append(paragraph);
        m_open = true;
    }
    return m_paragraphs.last();
}

void DocxPromptConverter::appendText(QString text, const DocxRun &format)
{
    if (m_preformatted) {
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            DocxRun run = format;
            run.lineBreak = i > 0;
            if (run.lineBreak)
                currentParagraph().runs.append(run);
            run.lineBreak = false;
            run.text = lines.at(i);
            if (!run.text.isEmpty())
                currentParagraph().runs.append(run);
        }
        return;
    }
    // HTML white space: runs collapse to one space, none at the start of a line.
    text.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
    DocxParagraph &paragraph = currentParagraph();
    const bool lineStart = paragraph.runs.isEmpty() || paragraph.runs.last().lineBreak
                        || paragraph.runs.last().text.endsWith(QLatin1Char(' '));
    if (lineStart && text.startsWith(QLatin1Char(' ')))
        text.remove(0, 1);
    if (text.isEmpty())
        return;
    DocxRun run = format;
    run.text = text;
    paragraph.runs.append(run);
}

void DocxPromptConverter::walk(xmlNodePtr node, const DocxRun &format)
{
    for (xmlNodePtr child = node->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            appendText(QString::fromUtf8(reinterpret_cast<const char *>(child->content)), format);
            continue;
        }
        if (child->type != XML_ELEMENT_NODE)
            continue;
        const QString tag = HtmlDom::name(child);
        DocxRun inner = format;
        if (tag == QLatin1String("script") || tag == QLatin1String("style")) {
            continue;
        } else if (tag == QLatin1String("br")) {
            DocxRun lineBreak;
            lineBreak.lineBreak = true;
            currentParagraph().runs.append(lineBreak);
            continue;
        } else if (tag == QLatin1String("ul") || tag == QLatin1String("ol")) {
            closeParagraph();
            m_lists.append(tag == QLatin1String("ul") ? DocxParagraph::kBulletList : DocxParagraph::kFirstOrderedList + m_orderedLists++);
            walk(child, format);
            m_lists.removeLast();
            closeParagraph();
            continue;
        } else if (tag == QLatin1String("li")) {
            closeParagraph();
            m_itemStarting = !m_lists.isEmpty();
            walk(child, format);
            closeParagraph();
            m_itemStarting = false;
            continue;
        } else if (isBlock(tag)) {
            closeParagraph();
            if (tag.size() == 2 && tag.startsWith(QLatin1Char('h')) && tag != QLatin1String("hr"))
                inner.bold = true;
            const bool preformatted = m_preformatted;
            m_preformatted = preformatted || tag == QLatin1String("pre");
            inner.code = inner.code || m_preformatted;
            walk(child, inner);
            m_preformatted = preformatted;
            closeParagraph();
            continue;
        } else if (tag == QLatin1String("strong") || tag == QLatin1String("b")) {
            inner.bold = true;
        } else if (tag == QLatin1String("em") || tag == QLatin1String("i") || tag == QLatin1String("cite")) {
            inner.italic = true;
        } else if (tag == QLatin1String("code") || tag == QLatin1String("kbd") || tag == QLatin1String("samp")) {
            inner.code = true;
        } else if (tag == QLatin1String("a")) {
            const QString href = HtmlDom::attribute(child, "href");
            const QString scheme = QUrl(href).scheme().toLower();
            if (scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("mailto"))
                inner.href = href;
        } else if (tag == QLatin1String("img")) {
            const QString alt = HtmlDom::attribute(child, "alt");
            DocxRun picture = format;
            picture.picture = decodePicture(HtmlDom::attribute(child, "src"), alt);
            if (picture.picture)
                currentParagraph().runs.append(picture);
            else
                appendText(QStringLiteral("[Image: %1]").arg(alt), format);
            continue;
        } else if (tag == QLatin1String("td") || tag == QLatin1String("th")) {
            walk(child, inner);
            appendText(QStringLiteral(" "), format);
            continue;
        }
        walk(child, inner);
    }
}
