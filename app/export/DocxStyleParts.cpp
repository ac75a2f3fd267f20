#include "DocxStyleParts.h"

#include "DocxParagraph.h"
#include "DocxXml.h"

#include <QStringList>
#include <QXmlStreamWriter>

#include <functional>

using DocxXml::emptyElement;

namespace {

// Styles in the order of CT_Style's children, which Word insists on.
struct StyleSpec {
    QString type;
    QString id;
    QString name;
    QString basedOn;
    QString next;
    std::function<void(QXmlStreamWriter &)> paragraph;  // children of w:pPr
    std::function<void(QXmlStreamWriter &)> run;        // children of w:rPr
    std::function<void(QXmlStreamWriter &)> table;      // children of w:tblPr
};

std::function<void(QXmlStreamWriter &)> runFormat(int halfPoints, bool bold, const QString &color = QString())
{
    return [=](QXmlStreamWriter &x) {
        if (bold)
            x.writeEmptyElement(QStringLiteral("w:b"));
        if (!color.isEmpty())
            emptyElement(x, QStringLiteral("w:color"), {{QStringLiteral("w:val"), color}});
        emptyElement(x, QStringLiteral("w:sz"), {{QStringLiteral("w:val"), QString::number(halfPoints)}});
        emptyElement(x, QStringLiteral("w:szCs"), {{QStringLiteral("w:val"), QString::number(halfPoints)}});
    };
}

std::function<void(QXmlStreamWriter &)> headingFormat(int outlineLevel, int before)
{
    return [=](QXmlStreamWriter &x) {
        x.writeEmptyElement(QStringLiteral("w:keepNext"));
        emptyElement(x, QStringLiteral("w:spacing"), {{QStringLiteral("w:before"), QString::number(before)}, {QStringLiteral("w:after"), QStringLiteral("120")}});
        emptyElement(x, QStringLiteral("w:outlineLvl"), {{QStringLiteral("w:val"), QString::number(outlineLevel)}});
    };
}

void writeBorders(QXmlStreamWriter &x, const QStringList &sides, const QString &color)
{
    for (const QString &side : sides)
        emptyElement(x, QStringLiteral("w:") + side, {{QStringLiteral("w:val"), QStringLiteral("single")}, {QStringLiteral("w:sz"), QStringLiteral("4")},
                                                     {QStringLiteral("w:space"), QStringLiteral("0")}, {QStringLiteral("w:color"), color}});
}

}  // namespace

namespace DocxStyleParts {

QByteArray styles(const ReadingSettings &reading)
{
    const ReadingSettings r = reading.clamped();
    QString font = QStringLiteral("Arial");
    if (r.font == ReadingSettings::Font::Serif)
        font = QStringLiteral("Georgia");
    else if (r.font == ReadingSettings::Font::Dyslexic)
        font = QStringLiteral("OpenDyslexic");  // the name Debian's and the upstream font install under
    const QString halfPoints = QString::number(qRound(22 * r.textSize / 100.0));
    // 264 (1.1 lines) at the reader's default spacing, in proportion above and below it.
    const QString line = QString::number(qRound(264 * r.lineSpacing / ReadingSettings::kDefaultLineSpacing));
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    DocxXml::startPart(x, QStringLiteral("w:styles"), DocxXml::kWordNamespace, QStringLiteral("w"));

    x.writeStartElement(QStringLiteral("w:docDefaults"));
    x.writeStartElement(QStringLiteral("w:rPrDefault"));
    x.writeStartElement(QStringLiteral("w:rPr"));
    emptyElement(x, QStringLiteral("w:rFonts"), {{QStringLiteral("w:ascii"), font}, {QStringLiteral("w:hAnsi"), font},
                                                 {QStringLiteral("w:eastAsia"), font}, {QStringLiteral("w:cs"), font}});
    emptyElement(x, QStringLiteral("w:sz"), {{QStringLiteral("w:val"), halfPoints}});
    emptyElement(x, QStringLiteral("w:szCs"), {{QStringLiteral("w:val"), halfPoints}});
    x.writeEndElement();
    x.writeEndElement();
    x.writeStartElement(QStringLiteral("w:pPrDefault"));
    x.writeStartElement(QStringLiteral("w:pPr"));
    emptyElement(x, QStringLiteral("w:spacing"), {{QStringLiteral("w:after"), QStringLiteral("120")}, {QStringLiteral("w:line"), line},
                                                  {QStringLiteral("w:lineRule"), QStringLiteral("auto")}});
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();  // w:docDefaults

    const QString normal = QStringLiteral("Normal");
    const QList<StyleSpec> styles = {
        {QStringLiteral("paragraph"), normal, QStringLiteral("Normal"), {}, {}, {}, {}, {}},
        {QStringLiteral("paragraph"), QStringLiteral("Title"), QStringLiteral("Title"), normal, normal,
         [](QXmlStreamWriter &w) { emptyElement(w, QStringLiteral("w:spacing"), {{QStringLiteral("w:after"), QStringLiteral("120")}}); },
         runFormat(44, true, QStringLiteral("1F3864")), {}},
        {QStringLiteral("paragraph"), QStringLiteral("Subtitle"), QStringLiteral("Subtitle"), normal, normal, {}, runFormat(24, false, QStringLiteral("404040")), {}},
        {QStringLiteral("paragraph"), QStringLiteral("Scope"), QStringLiteral("Scope"), normal, normal,
         [](QXmlStreamWriter &w) { emptyElement(w, QStringLiteral("w:spacing"), {{QStringLiteral("w:after"), QStringLiteral("240")}}); },
         runFormat(28, false, QStringLiteral("2F5496")), {}},
        {QStringLiteral("paragraph"), QStringLiteral("Heading1"), QStringLiteral("heading 1"), normal, normal, headingFormat(0, 480),
         runFormat(32, true, QStringLiteral("1F3864")), {}},
        {QStringLiteral("paragraph"), QStringLiteral("Heading1NewPage"), QStringLiteral("Heading 1, New Page"), QStringLiteral("Heading1"), normal,
         [](QXmlStreamWriter &w) { w.writeEmptyElement(QStringLiteral("w:pageBreakBefore")); }, {}, {}},
        {QStringLiteral("paragraph"), QStringLiteral("Heading2"), QStringLiteral("heading 2"), normal, normal, headingFormat(1, 360),
         runFormat(28, true, QStringLiteral("2F5496")), {}},
        {QStringLiteral("paragraph"), QStringLiteral("Heading3"), QStringLiteral("heading 3"), normal, normal, headingFormat(2, 280),
         runFormat(24, true), {}},
        {QStringLiteral("paragraph"), QStringLiteral("Label"), QStringLiteral("Label"), normal, normal,
         [](QXmlStreamWriter &w) { w.writeEmptyElement(QStringLiteral("w:keepNext")); }, runFormat(22, true), {}},
        // Empty paragraphs ruled underneath for handwriting; w:between rules each of a run
        // of them, which a bottom border alone would not.
        {QStringLiteral("paragraph"), QStringLiteral("WritingLine"), QStringLiteral("Writing Line"), normal, QStringLiteral("WritingLine"),
         [](QXmlStreamWriter &w) {
             w.writeEmptyElement(QStringLiteral("w:keepNext"));
             w.writeStartElement(QStringLiteral("w:pBdr"));
             writeBorders(w, {QStringLiteral("bottom"), QStringLiteral("between")}, QStringLiteral("808080"));
             w.writeEndElement();
             emptyElement(w, QStringLiteral("w:spacing"), {{QStringLiteral("w:before"), QStringLiteral("0")}, {QStringLiteral("w:after"), QStringLiteral("0")},
                                                           {QStringLiteral("w:line"), QStringLiteral("560")}, {QStringLiteral("w:lineRule"), QStringLiteral("exact")}});
         },
         {}, {}},
        {QStringLiteral("paragraph"), QStringLiteral("WritingLineEnd"), QStringLiteral("Writing Line End"), QStringLiteral("WritingLine"), normal,
         [](QXmlStreamWriter &w) { emptyElement(w, QStringLiteral("w:keepNext"), {{QStringLiteral("w:val"), QStringLiteral("0")}}); },
         {}, {}},
        {QStringLiteral("paragraph"), QStringLiteral("TableText"), QStringLiteral("Table Text"), normal, QStringLiteral("TableText"),
         [](QXmlStreamWriter &w) {
             emptyElement(w, QStringLiteral("w:spacing"), {{QStringLiteral("w:before"), QStringLiteral("40")}, {QStringLiteral("w:after"), QStringLiteral("40")}});
         },
         {}, {}},
        {QStringLiteral("paragraph"), QStringLiteral("TableHeading"), QStringLiteral("Table Heading"), QStringLiteral("TableText"), QStringLiteral("TableText"),
         [](QXmlStreamWriter &w) { w.writeEmptyElement(QStringLiteral("w:keepNext")); }, {}, {}},
        {QStringLiteral("paragraph"), QStringLiteral("Header"), QStringLiteral("header"), normal, QStringLiteral("Header"),
         [](QXmlStreamWriter &w) {
             w.writeStartElement(QStringLiteral("w:pBdr"));
             writeBorders(w, {QStringLiteral("bottom")}, QStringLiteral("A6A6A6"));
             w.writeEndElement();
             emptyElement(w, QStringLiteral("w:jc"), {{QStringLiteral("w:val"), QStringLiteral("right")}});
         },
         runFormat(16, false, QStringLiteral("595959")), {}},
        {QStringLiteral("paragraph"), QStringLiteral("Footer"), QStringLiteral("footer"), normal, QStringLiteral("Footer"),
         [](QXmlStreamWriter &w) { emptyElement(w, QStringLiteral("w:jc"), {{QStringLiteral("w:val"), QStringLiteral("center")}}); },
         runFormat(18, false, QStringLiteral("595959")), {}},
        {QStringLiteral("character"), QStringLiteral("Hyperlink"), QStringLiteral("Hyperlink"), {}, {}, {},
         [](QXmlStreamWriter &w) {
             emptyElement(w, QStringLiteral("w:color"), {{QStringLiteral("w:val"), QStringLiteral("0563C1")}});
             emptyElement(w, QStringLiteral("w:u"), {{QStringLiteral("w:val"), QStringLiteral("single")}});
         },
         {}},
        {QStringLiteral("table"), QStringLiteral("WorksheetTable"), QStringLiteral("Worksheet Table"), {}, {}, {}, {},
         [](QXmlStreamWriter &w) {
             w.writeStartElement(QStringLiteral("w:tblBorders"));
             writeBorders(w, {QStringLiteral("top"), QStringLiteral("left"), QStringLiteral("bottom"), QStringLiteral("right"),
                              QStringLiteral("insideH"), QStringLiteral("insideV")}, QStringLiteral("7F7F7F"));
             w.writeEndElement();
             w.writeStartElement(QStringLiteral("w:tblCellMar"));
             for (const char *side : {"top", "left", "bottom", "right"})
                 emptyElement(w, QStringLiteral("w:") + QLatin1String(side), {{QStringLiteral("w:w"), QStringLiteral("85")}, {QStringLiteral("w:type"), QStringLiteral("dxa")}});
             w.writeEndElement();
         }},
    };
    for (const StyleSpec &style : styles) {
        x.writeStartElement(QStringLiteral("w:style"));
        x.writeAttribute(QStringLiteral("w:type"), style.type);
        x.writeAttribute(QStringLiteral("w:styleId"), style.id);
        if (style.id == normal)
            x.writeAttribute(QStringLiteral("w:default"), QStringLiteral("1"));
        emptyElement(x, QStringLiteral("w:name"), {{QStringLiteral("w:val"), style.name}});
        if (!style.basedOn.isEmpty())
            emptyElement(x, QStringLiteral("w:basedOn"), {{QStringLiteral("w:val"), style.basedOn}});
        if (!style.next.isEmpty())
            emptyElement(x, QStringLiteral("w:next"), {{QStringLiteral("w:val"), style.next}});
        x.writeEmptyElement(QStringLiteral("w:qFormat"));
        for (const auto &[tag, children] : {std::pair{"w:pPr", style.paragraph}, std::pair{"w:rPr", style.run}, std::pair{"w:tblPr", style.table}}) {
            if (!children)
                continue;
            x.writeStartElement(QLatin1String(tag));
            children(x);
            x.writeEndElement();
        }
        x.writeEndElement();  // w:style
    }
    x.writeEndDocument();
    return bytes;
}

QByteArray numbering(int orderedLists)
{
    QByteArray bytes;
    QXmlStreamWriter x(&bytes);
    DocxXml::startPart(x, QStringLiteral("w:numbering"), DocxXml::kWordNamespace, QStringLiteral("w"));
    const QStringList bullets = {QStringLiteral("•"), QStringLiteral("◦"), QStringLiteral("▪")};
    const QStringList numberFormats = {QStringLiteral("decimal"), QStringLiteral("lowerLetter"), QStringLiteral("lowerRoman")};
    for (int abstract = 0; abstract < 2; ++abstract) {
        x.writeStartElement(QStringLiteral("w:abstractNum"));
        x.writeAttribute(QStringLiteral("w:abstractNumId"), QString::number(abstract));
        x.writeEmptyElement(QStringLiteral("w:multiLevelType"));
        x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("hybridMultilevel"));
        for (int level = 0; level <= DocxParagraph::kMaxListLevel; ++level) {
            x.writeStartElement(QStringLiteral("w:lvl"));
            x.writeAttribute(QStringLiteral("w:ilvl"), QString::number(level));
            x.writeEmptyElement(QStringLiteral("w:start"));
            x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("1"));
            x.writeEmptyElement(QStringLiteral("w:numFmt"));
            x.writeAttribute(QStringLiteral("w:val"), abstract == 0 ? QStringLiteral("bullet") : numberFormats[level % 3]);
            x.writeEmptyElement(QStringLiteral("w:lvlText"));
            x.writeAttribute(QStringLiteral("w:val"),
                             abstract == 0 ? bullets[level % 3] : QStringLiteral("%%1.").arg(level + 1));
            x.writeEmptyElement(QStringLiteral("w:lvlJc"));
            x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("left"));
            x.writeStartElement(QStringLiteral("w:pPr"));
            x.writeEmptyElement(QStringLiteral("w:ind"));
            x.writeAttribute(QStringLiteral("w:left"), QString::number(720 * (level + 1)));
            x.writeAttribute(QStringLiteral("w:hanging"), QStringLiteral("360"));
            x.writeEndElement();
            x.writeEndElement();  // w:lvl
        }
        x.writeEndElement();  // w:abstractNum
    }
    x.writeStartElement(QStringLiteral("w:num"));
    x.writeAttribute(QStringLiteral("w:numId"), QString::number(DocxParagraph::kBulletList));
    x.writeEmptyElement(QStringLiteral("w:abstractNumId"));
    x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("0"));
    x.writeEndElement();
    for (int list = 0; list < orderedLists; ++list) {
        x.writeStartElement(QStringLiteral("w:num"));
        x.writeAttribute(QStringLiteral("w:numId"), QString::number(DocxParagraph::kFirstOrderedList + list));
        x.writeEmptyElement(QStringLiteral("w:abstractNumId"));
        x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("1"));
        x.writeStartElement(QStringLiteral("w:lvlOverride"));
        x.writeAttribute(QStringLiteral("w:ilvl"), QStringLiteral("0"));
        x.writeEmptyElement(QStringLiteral("w:startOverride"));
        x.writeAttribute(QStringLiteral("w:val"), QStringLiteral("1"));
        x.writeEndElement();
        x.writeEndElement();
    }
    x.writeEndDocument();
    return bytes;
}

}  // namespace DocxStyleParts
