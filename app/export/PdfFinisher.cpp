#include "PdfFinisher.h"

#include <QCoreApplication>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <exception>
#include <memory>
#include <string>
#include <vector>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PdfFinisher", text);
}

void open(QPDF &pdf, const char *description, const QByteArray &data)
{
    pdf.setSuppressWarnings(true);  // problems surface as exceptions; warnings would go to stderr
    pdf.processMemoryFile(description, data.constData(), static_cast<size_t>(data.size()));
}

std::string utf8(const QString &text)
{
    return text.toStdString();
}

// The destination array Chromium wrote for an element id, else the top of the first page.
QPDFObjectHandle destinationFor(QPDF &pdf, const QByteArray &name, QPDFObjectHandle firstPage)
{
    QPDFObjectHandle dests = pdf.getRoot().getKey("/Dests");
    if (dests.isDictionary() && !name.isEmpty()) {
        QPDFObjectHandle dest = dests.getKey("/" + name.toStdString());
        if (dest.isDictionary())
            dest = dest.getKey("/D");
        if (dest.isArray() && dest.getArrayNItems() > 0)
            return dest;
    }
    return QPDFObjectHandle::newArray({firstPage, QPDFObjectHandle::newName("/Fit")});
}

struct OutlineNode {
    const PdfFinisher::OutlineEntry *entry;
    std::vector<size_t> children;
};

// Links `kids` as the children of `parent` (every item open); returns how many items are below.
int linkOutline(QPDF &pdf, QPDFObjectHandle parent, const std::vector<OutlineNode> &nodes,
                const std::vector<size_t> &kids, QPDFObjectHandle firstPage)
{
    std::vector<QPDFObjectHandle> items;
    int count = 0;
    for (size_t index : kids) {
        QPDFObjectHandle item = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        item.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(utf8(nodes[index].entry->title)));
        item.replaceKey("/Parent", parent);
        item.replaceKey("/Dest", destinationFor(pdf, nodes[index].entry->destination, firstPage));
        if (!items.empty()) {
            items.back().replaceKey("/Next", item);
            item.replaceKey("/Prev", items.back());
        }
        items.push_back(item);
        const int below = linkOutline(pdf, item, nodes, nodes[index].children, firstPage);
        if (below > 0)
            item.replaceKey("/Count", QPDFObjectHandle::newInteger(below));
        count += 1 + below;
    }
    if (!items.empty()) {
        parent.replaceKey("/First", items.front());
        parent.replaceKey("/Last", items.back());
    }
    return count;
}

void addOutline(QPDF &pdf, const QVector<PdfFinisher::OutlineEntry> &outline, QPDFObjectHandle firstPage)
{
    std::vector<OutlineNode> nodes;
    std::vector<size_t> roots;
    std::vector<size_t> open;  // the chain of ancestors of the next entry
    nodes.reserve(static_cast<size_t>(outline.size()));
    for (const PdfFinisher::OutlineEntry &entry : outline) {
        while (!open.empty() && nodes[open.back()].entry->level >= entry.level)
            open.pop_back();
        const size_t index = nodes.size();
        nodes.push_back({&entry, {}});
        (open.empty() ? roots : nodes[open.back()].children).push_back(index);
        open.push_back(index);
    }
    QPDFObjectHandle root = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Outlines >>"));
    const int count = linkOutline(pdf, root, nodes, roots, firstPage);
    root.replaceKey("/Count", QPDFObjectHandle::newInteger(count));
    pdf.getRoot().replaceKey("/Outlines", root);
    pdf.getRoot().replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));  // readers open the bookmarks
}

// Draws each chrome page over the content page of the same number, in the content's own
// graphics state restored first, so nothing the content left set can move the chrome.
void overlay(QPDF &pdf, QPDF &chrome)
{
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    std::vector<QPDFPageObjectHelper> chromePages = QPDFPageDocumentHelper(chrome).getAllPages();
    const size_t shared = std::min(pages.size(), chromePages.size());
    for (size_t i = 0; i < shared; ++i) {
        QPDFPageObjectHelper &page = pages[i];
        QPDFObjectHandle form = pdf.copyForeignObject(chromePages[i].getFormXObjectForPage());
        QPDFObjectHandle resources = page.getObjectHandle().getKey("/Resources");
        if (!resources.isDictionary()) {
            resources = QPDFObjectHandle::newDictionary();
            page.getObjectHandle().replaceKey("/Resources", resources);
        }
        QPDFObjectHandle xobjects = resources.getKey("/XObject");
        if (!xobjects.isDictionary()) {
            xobjects = QPDFObjectHandle::newDictionary();
            resources.replaceKey("/XObject", xobjects);
        }
        int suffix = 0;
        const std::string name = resources.getUniqueResourceName("/Chrome", suffix);
        xobjects.replaceKey(name, form);
        const std::string placement = page.placeFormXObject(form, name, page.getMediaBox().getArrayAsRectangle());
        page.addPageContents(QPDFObjectHandle::newStream(&pdf, "q\n"), true);
        page.addPageContents(QPDFObjectHandle::newStream(&pdf, "\nQ\n" + placement + "\n"), false);
    }
}

void setProperties(QPDF &pdf, const PdfFinisher::Properties &properties)
{
    QPDFObjectHandle trailer = pdf.getTrailer();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    const std::pair<const char *, QString> values[] = {
        {"/Title", properties.title}, {"/Author", properties.author}, {"/Subject", properties.subject},
        {"/Creator", QStringLiteral("Coursebook")}};
    for (const auto &[key, value] : values) {
        if (!value.trimmed().isEmpty())
            info.replaceKey(key, QPDFObjectHandle::newUnicodeString(utf8(value.trimmed())));
    }
    // Readers show the title, not the file name, in their window.
    QPDFObjectHandle preferences = QPDFObjectHandle::parse("<< /DisplayDocTitle true >>");
    pdf.getRoot().replaceKey("/ViewerPreferences", preferences);
}

}  // namespace

int PdfFinisher::pageCount(const QByteArray &pdf, QString *error)
{
    try {
        QPDF document;
        open(document, "printed.pdf", pdf);
        return static_cast<int>(QPDFPageDocumentHelper(document).getAllPages().size());
    } catch (const std::exception &e) {
        if (error)
            *error = tr("The printed PDF could not be read: %1").arg(QString::fromStdString(e.what()));
        return -1;
    }
}

QByteArray PdfFinisher::finish(const QByteArray &content, const QByteArray &chrome,
                               const QVector<OutlineEntry> &outline, const Properties &properties, QString *error)
{
    try {
        QPDF pdf;
        QPDF chromePdf;  // lives until the write: copied objects read their streams from it
        open(pdf, "printed.pdf", content);
        open(chromePdf, "page-chrome.pdf", chrome);
        overlay(pdf, chromePdf);
        const std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
        if (!outline.isEmpty() && !pages.empty())
            addOutline(pdf, outline, pages.front().getObjectHandle());
        setProperties(pdf, properties);

        QPDFWriter writer(pdf);
        writer.setOutputMemory();
        writer.setCompressStreams(true);
        writer.write();
        const std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
        return QByteArray(reinterpret_cast<const char *>(buffer->getBuffer()), static_cast<qsizetype>(buffer->getSize()));
    } catch (const std::exception &e) {
        if (error)
            *error = tr("The PDF could not be finished: %1").arg(QString::fromStdString(e.what()));
        return {};
    }
}
