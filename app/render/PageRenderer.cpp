#include "PageRenderer.h"

#include "ActivityDetector.h"
#include "EmbedCardElement.h"
#include "FacilitatorNotes.h"
#include "HtmlAllowlist.h"
#include "HtmlDom.h"
#include "HtmlSanitizer.h"
#include "LiquidProcessor.h"
#include "MarkdownConverter.h"
#include "PageStamp.h"
#include "ReadingCss.h"
#include "RenderDependencies.h"
#include "RenderLog.h"
#include "RenderedPageCache.h"
#include "Slug.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace {
const QSet<QString> kMediaElements = {QStringLiteral("img"), QStringLiteral("video"), QStringLiteral("audio"),
                                      QStringLiteral("source"), QStringLiteral("track"), QStringLiteral("input"),
                                      QStringLiteral("image")};
const QSet<QString> kHeadings = {QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"),
                                 QStringLiteral("h4"), QStringLiteral("h5"), QStringLiteral("h6")};

QString defaultTemplate()
{
    QFile file(QStringLiteral(":/resources/page.html"));
    if (file.open(QIODevice::ReadOnly))
        return QString::fromUtf8(file.readAll());
    return QStringLiteral("<!DOCTYPE html><html lang=\"{{lang}}\" data-theme=\"{{theme}}\"><head><meta charset=\"utf-8\">"
                          "<title>{{title}}</title></head><body><h1>{{title}}</h1>{{body}}</body></html>");
}

// A heading repeats the title when the two differ only in case, spacing and punctuation:
// cmark's smart punctuation turns the title's "What's" into "What’s" and "--" into "–".
bool sameTitle(const QString &heading, const QString &title)
{
    const QString slug = Slug::fromText(heading);
    return slug.isEmpty() ? heading.compare(title.simplified(), Qt::CaseInsensitive) == 0 : slug == Slug::fromText(title);
}
}  // namespace

// The problems found in a page's HTML, each reported at the source line of the text (a
// link target, an image source) that caused it. The n-th report about the same text goes
// to its n-th occurrence, so a broken link used twice is listed on both of its lines.
struct PageRenderer::Problems {
    const CoursePage &page;
    Diagnostics *diagnostics;
    RenderDependencies *dependencies;
    QHash<QString, qsizetype> searchFrom;

    void warn(const QString &cause, const QString &message)
    {
        diagnostics->append(Diagnostic::warning(page.relativePath, lineOf(cause), message));
    }
    void note(const QString &cause, const QString &message)
    {
        diagnostics->append(Diagnostic::note(page.relativePath, lineOf(cause), message));
    }

private:
    int lineOf(const QString &cause)
    {
        // cmark percent-encodes what the source spells literally ("café" becomes "caf%C3%A9").
        const QString decoded = QUrl::fromPercentEncoding(cause.toUtf8());
        // Delimited spellings first, so "/a/b" is not found inside "../a/b" on an earlier line.
        QStringList spellings;
        for (const QString &text : {cause, decoded}) {
            for (const QString &open : {QStringLiteral("("), QStringLiteral("\""), QStringLiteral("'"), QStringLiteral("<")})
                spellings << open + text;
        }
        spellings << cause << decoded;
        for (const qsizetype from : {searchFrom.value(cause), qsizetype(0)}) {
            for (const QString &spelling : spellings) {
                const qsizetype at = spelling.isEmpty() ? -1 : page.markdown.indexOf(spelling, from);
                if (at >= 0) {
                    searchFrom.insert(cause, at + spelling.size());
                    return page.bodyLine + int(page.markdown.left(at).count(QLatin1Char('\n')));
                }
            }
        }
        // {% link path %} and {% post_url name %} write the address with a slash their source lacks.
        if (cause.size() > 1 && cause.startsWith(QLatin1Char('/')))
            return lineOf(cause.mid(1));
        return page.bodyLine;
    }
};

PageRenderer::PageRenderer(const Course &course)
    : PageRenderer(course, Options())
{
}

PageRenderer::PageRenderer(const Course &course, const Options &options)
    : m_course(course)
    , m_options(options)
    , m_links(course)
    , m_media(m_links, course.rootPath)
    , m_reader(course.rootPath)
    , m_template(defaultTemplate())
    , m_readingCss(ReadingCss::page(options.reading))
    , m_courseStamp(PageStamp::ofCourse(course))
{
}

QByteArray PageRenderer::stamp(const CoursePage &page) const
{
    return PageStamp::ofPage(m_courseStamp, page);
}

RenderedPage PageRenderer::render(const CoursePage &page) const
{
    RenderedPage result = renderBody(page);
    result.documentHtml = document(page, result.bodyHtml);
    return result;
}

QVector<ActivitySpec> PageRenderer::activities(const CoursePage &page) const
{
    return renderBody(page).activities;
}

const CoursePage *PageRenderer::pageHolding(const QString &activityId) const
{
    for (const CoursePage *page : m_course.pages()) {
        const QVector<ActivitySpec> found = activities(*page);
        if (std::any_of(found.cbegin(), found.cend(), [&](const ActivitySpec &activity) { return activity.id == activityId; }))
            return page;
    }
    return nullptr;
}

RenderedPage PageRenderer::renderBody(const CoursePage &page) const
{
    RenderedPage result;
    result.pageId = page.id;
    result.title = page.title;
    const QByteArray pageStamp = stamp(page);
    const auto pageOf = [this, &page](const QString &id) { return id == page.id ? &page : m_course.findPage(id); };
    std::optional<RenderedPageCache::Entry> entry = RenderedPageCache::find(m_course.rootPath, page.id, pageStamp);
    if (!entry || !entry->dependencies.stillHold(m_reader, m_links, pageOf, [this](const CoursePage &p) { return stamp(p); })) {
        entry.emplace();
        entry->stamp = pageStamp;
        RenderDependencies *dependencies = &entry->dependencies;
        // A return to the module's KWL needs the KWLs of the pages before: found as this page's are.
        KwlRevisitInference kwlReturns([this, &page, dependencies] {
            return KwlRevisitInference::kwlsBefore(m_course, page, [this, dependencies](const CoursePage &earlier, KwlRevisitInference &kwls) {
                dependencies->addEarlierPage(earlier.id, stamp(earlier));
                QVector<ActivitySpec> activities;
                Diagnostics reportedWithThatPage;
                bodyHtml(earlier, &activities, &reportedWithThatPage, kwls, dependencies);
            });
        });
        entry->bodyHtml = bodyHtml(page, &entry->activities, &entry->diagnostics, kwlReturns, dependencies);
        if (dependencies->isCacheable())
            RenderedPageCache::store(m_course.rootPath, page.id, *entry);
    }
    result.bodyHtml = entry->bodyHtml;
    result.activities = entry->activities;
    result.diagnostics = entry->diagnostics;
    for (const Diagnostic &diagnostic : std::as_const(result.diagnostics))
        diagnostic.log(lcRender());
    return result;
}

QString PageRenderer::bodyHtml(const CoursePage &page, QVector<ActivitySpec> *activities, Diagnostics *diagnostics,
                               KwlRevisitInference &kwlReturns, RenderDependencies *dependencies) const
{
    if (!page.readError.isEmpty()) {
        return QStringLiteral("<div class=\"callout problem\" role=\"alert\"><p><strong>This page could not be shown.</strong> %1</p>"
                              "<p>File: <code>%2</code></p></div>")
            .arg(page.readError.toHtmlEscaped(), page.relativePath.toHtmlEscaped());
    }
    LiquidProcessor::Context liquid;
    liquid.site = m_course.siteConfig;
    liquid.page = page.frontMatter;
    liquid.courseRoot = m_course.rootPath;
    liquid.file = page.relativePath;
    liquid.firstLine = page.bodyLine;
    liquid.dependencies = dependencies;
    const QString text = LiquidProcessor::process(page.markdown, liquid, diagnostics);

    const QString html = page.isPlainText && !MarkdownConverter::looksLikeMarkdown(text) ? MarkdownConverter::plainTextToHtml(text)
                                                                                       : MarkdownConverter::toHtml(text);
    HtmlDom dom(html);
    Problems problems{page, diagnostics, dependencies, {}};
    if (dom.flattened().elements > 0)
        problems.warn(dom.flattened().firstText,
                      QStringLiteral("markup nested deeper than %1 levels was flattened: its text is kept, its inner formatting is not")
                          .arg(HtmlDom::kMaxDepth));
    makeOffline(dom, problems);
    // After the renderer's own changes, so the allowlist judges the page as it will be shown;
    // before the activities are taken from it, so their prompts are clean too.
    for (const HtmlSanitizer::Finding &finding : HtmlSanitizer::clean(dom))
        problems.warn(finding.cause, finding.message);
    *activities = ActivityDetector::detect(dom, page, kwlReturns);
    for (const KwlRevisitInference::Return &inferred : kwlReturns.returns())
        problems.note(inferred.title, QStringLiteral("returns to the KWL \"%1\" (%2)").arg(inferred.kwl.title, inferred.kwl.file));
    FacilitatorNotes::dropRepeatedTitle(dom);

    // The template shows the title as the page's <h1>; a first heading repeating it goes.
    for (xmlNodePtr child = dom.body()->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (HtmlDom::name(child) == QLatin1String("h1") && sameTitle(HtmlDom::text(child), page.title))
            dom.remove(child);
        break;
    }
    HtmlSanitizer::Findings findings;
    const QString body = HtmlSanitizer::serialised(dom, &findings);
    for (const HtmlSanitizer::Finding &finding : std::as_const(findings))
        problems.warn(finding.cause, finding.message);
    // The course's description (course.yml) opens its home, as the website's front page showed it.
    if (page.isHome && !m_course.description.isEmpty())
        return QStringLiteral("<p class=\"course-description\">%1</p>\n").arg(m_course.description.toHtmlEscaped()) + body;
    return body;
}

void PageRenderer::makeOffline(HtmlDom &dom, Problems &problems) const
{
    QSet<QString> headingIds;
    for (xmlNodePtr element : HtmlDom::elements(dom.body())) {
        if (!dom.contains(element))
            continue;  // removed earlier in this pass, by itself or with an ancestor
        const QString name = HtmlDom::name(element);
        if (name == QLatin1String("iframe")) {
            EmbedCardElement::replace(dom, element, EmbedCard::fromSource(QUrl(HtmlDom::attribute(element, "src").trimmed())));
        } else if (name == QLatin1String("video") || name == QLatin1String("audio")) {
            problems.dependencies->markUncacheable();  // which sources play is read from the files' contents
            m_media.render(dom, element, problems.page, [&problems](const QString &cause, const QString &message) {
                problems.warn(cause, message);
            });
        } else if ((name == QLatin1String("a") || name == QLatin1String("area")) && HtmlDom::hasAttribute(element, "href")) {
            resolveLink(element, problems);
        } else if (kMediaElements.contains(name) && !MediaElementRenderer::belongsToMedia(element)
                   && (HtmlDom::hasAttribute(element, "src") || HtmlDom::hasAttribute(element, "href"))) {
            resolveImage(dom, element, problems);
        } else if (kHeadings.contains(name) && !HtmlDom::hasAttribute(element, "id")) {
            // Anchors for in-page links, spelled as kramdown spells them.
            const QString base = Slug::fromText(HtmlDom::text(element));
            QString id = base;
            for (int n = 1; !id.isEmpty() && headingIds.contains(id); ++n)
                id = base + QLatin1Char('-') + QString::number(n);
            if (!id.isEmpty()) {
                headingIds.insert(id);
                HtmlDom::setAttribute(element, "id", id);
            }
        }
    }
}

void PageRenderer::resolveLink(xmlNodePtr anchor, Problems &problems) const
{
    using Kind = CourseLinkResolver::Target::Kind;
    const QString href = HtmlDom::attribute(anchor, "href");
    CourseLinkResolver::Target target = m_links.resolveLink(problems.page, href);
    problems.dependencies->addResolution(problems.page, href, false, target);
    if (target.kind != Kind::Refused && !HtmlAllowlist::url(QStringLiteral("a"), QStringLiteral("href"), href)) {
        // A browser reads a scheme here (tabs and control characters do not count): not echoed.
        target.kind = Kind::Refused;
        target.reason = QStringLiteral("links lead to course pages and files, the web or e-mail only");
    }
    switch (target.kind) {
    case Kind::Anchor:
        return;
    case Kind::External:
        HtmlDom::addClass(anchor, QStringLiteral("external"));
        HtmlDom::setAttribute(anchor, "rel", QStringLiteral("noopener noreferrer"));
        HtmlDom::setAttribute(anchor, "title", QStringLiteral("Opens in your web browser: ") + target.url.toString());
        return;
    case Kind::Page:
    case Kind::File:
        HtmlDom::setAttribute(anchor, "href", target.url.toString(QUrl::FullyEncoded));
        return;
    case Kind::Missing:
    case Kind::Refused:
        break;
    }
    HtmlDom::removeAttribute(anchor, "href");
    HtmlDom::addClass(anchor, QStringLiteral("broken-link"));
    // A refused reference (javascript:, file:) is not echoed into the page, not even as a tooltip.
    HtmlDom::setAttribute(anchor, "title", target.kind == Kind::Refused
                                               ? QStringLiteral("This link was removed: it leads outside the course or runs code")
                                               : QStringLiteral("This link does not lead anywhere in the course: ") + href);
    problems.warn(href, QStringLiteral("broken link \"%1\": %2").arg(href, target.reason));
}

void PageRenderer::resolveImage(HtmlDom &dom, xmlNodePtr image, Problems &problems) const
{
    using Kind = CourseLinkResolver::Target::Kind;
    const char *attribute = HtmlDom::hasAttribute(image, "src") ? "src" : "href";
    const QString src = HtmlDom::attribute(image, attribute);
    const bool isImage = HtmlDom::name(image) == QLatin1String("img");
    // An image inlined as a data: URL is offline already, and the page's CSP allows it.
    if (isImage && src.trimmed().startsWith(QLatin1String("data:image/"), Qt::CaseInsensitive))
        return;
    const CourseLinkResolver::Target target = m_links.resolveImage(problems.page, src);
    problems.dependencies->addResolution(problems.page, src, true, target);
    if (target.kind == Kind::File || (target.kind == Kind::Anchor && src.isEmpty())) {
        if (target.kind == Kind::File)
            HtmlDom::setAttribute(image, attribute, target.url.toString(QUrl::FullyEncoded));
        return;
    }
    QString alt = HtmlDom::attribute(image, "alt").simplified();
    if (alt.isEmpty())
        alt = src.section(QLatin1Char('/'), -1);
    if (target.kind == Kind::External && isImage) {
        // Shown as a placeholder with a link: offline, the web is only one click away.
        xmlNodePtr placeholder = dom.createElement("span", QStringLiteral("remote-image"),
                                                   QStringLiteral("Online image, not loaded offline: ") + alt + QLatin1Char(' '));
        xmlNodePtr link = dom.createElement("a", QStringLiteral("external"), QStringLiteral("open"));
        HtmlDom::setAttribute(link, "href", target.url.toString(QUrl::FullyEncoded));
        xmlAddChild(placeholder, link);
        dom.replace(image, placeholder);
        return;
    }
    if (target.kind == Kind::External) {
        HtmlDom::removeAttribute(image, attribute);
        return;
    }
    problems.warn(src, QStringLiteral("missing image \"%1\": %2").arg(src, target.reason));
    if (!isImage) {
        HtmlDom::removeAttribute(image, attribute);
        return;
    }
    xmlNodePtr placeholder = dom.createElement("span", QStringLiteral("missing-image"), QStringLiteral("Image not found: ") + alt);
    HtmlDom::setAttribute(placeholder, "role", QStringLiteral("img"));
    HtmlDom::setAttribute(placeholder, "aria-label", QStringLiteral("Image not found: ") + alt);
    dom.replace(image, placeholder);
}

QString PageRenderer::document(const CoursePage &page, const QString &body) const
{
    const CourseModule *module = m_course.findModule(page.moduleId);
    QString lang = page.frontMatter.value(QStringLiteral("lang"), m_course.siteConfig.value(QStringLiteral("lang"))).toString();
    if (lang.isEmpty())
        lang = QStringLiteral("en");
    QString html = m_template;
    QString theme = m_options.theme.toHtmlEscaped();
    if (m_options.showFacilitatorNotes)
        html.replace(QLatin1String("<html "), QLatin1String("<html class=\"show-facilitator-notes\" "));
    // {{body}} goes last so that nothing in the page's own text is taken for a placeholder.
    html.replace(QLatin1String("{{lang}}"), lang.toHtmlEscaped())
        .replace(QLatin1String("{{theme}}"), theme)
        .replace(QLatin1String("{{reading}}"), m_readingCss)
        .replace(QLatin1String("{{title}}"), page.title.toHtmlEscaped())
        .replace(QLatin1String("{{module}}"), module && module->title != page.title ? module->title.toHtmlEscaped()
                                              : page.isHome && m_course.title != page.title ? m_course.title.toHtmlEscaped()
                                                                                            : QString());
    const qsizetype at = html.indexOf(QLatin1String("{{body}}"));
    if (at >= 0)
        html.replace(at, 8, page.isHome ? body + kCourseProgressSection + QLatin1Char('\n') : body);
    return html;
}
