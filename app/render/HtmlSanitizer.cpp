#include "HtmlSanitizer.h"

#include "HtmlAllowlist.h"
#include "HtmlDom.h"
#include "HtmlRoundTrip.h"
#include "RenderLog.h"

#include <QSet>

namespace {

const QSet<QString> kScripts = {QStringLiteral("script"), QStringLiteral("noscript"), QStringLiteral("template")};
const QSet<QString> kEmbedded = {QStringLiteral("object"), QStringLiteral("embed"), QStringLiteral("applet"),
                                 QStringLiteral("iframe"), QStringLiteral("frame"), QStringLiteral("frameset"),
                                 QStringLiteral("portal"), QStringLiteral("param"), QStringLiteral("base"),
                                 QStringLiteral("link"), QStringLiteral("meta")};
// Attributes whose loss the author should hear of: they load something or name an address.
// Others outside the allowlist (target, border, width on a table...) only change looks.
const QSet<QString> kAddressAttributes = {
    QStringLiteral("href"), QStringLiteral("src"), QStringLiteral("srcset"), QStringLiteral("srcdoc"), QStringLiteral("action"),
    QStringLiteral("formaction"), QStringLiteral("poster"), QStringLiteral("background"), QStringLiteral("data"),
    QStringLiteral("codebase"), QStringLiteral("classid"), QStringLiteral("archive"), QStringLiteral("longdesc"),
    QStringLiteral("usemap"), QStringLiteral("lowsrc"), QStringLiteral("dynsrc"), QStringLiteral("ping"),
    QStringLiteral("manifest"), QStringLiteral("icon"), QStringLiteral("xlink:href")};

const QString kNoScripts = QStringLiteral("course pages run no scripts");
const QString kOwnStyle = QStringLiteral("pages are styled by the app's own style sheet");

QString elementReason(const HtmlDom::Namespace ns, const QString &name)
{
    if (ns == HtmlDom::Namespace::Svg)
        return QStringLiteral("removed inline <svg>: save the drawing as an .svg file in the course and show it as an image");
    if (kScripts.contains(name))
        return QStringLiteral("removed <%1>: ").arg(name) + kNoScripts;
    if (name == QLatin1String("style"))
        return QStringLiteral("removed <style>: ") + kOwnStyle;
    if (kEmbedded.contains(name))
        return QStringLiteral("removed <%1>: course pages load and embed nothing").arg(name);
    return QStringLiteral("removed <%1> and what it holds: course pages show no such element").arg(name);
}

class Cleaner
{
public:
    explicit Cleaner(HtmlDom &dom)
        : m_dom(dom)
    {
    }

    HtmlSanitizer::Findings run()
    {
        for (xmlNodePtr comment : HtmlDom::comments(m_dom.body()))
            m_dom.remove(comment);
        for (xmlNodePtr element : HtmlDom::elements(m_dom.body())) {
            if (!m_dom.contains(element))
                continue;  // removed with an ancestor
            const QString name = HtmlDom::name(element);
            switch (HtmlAllowlist::element(element)) {
            case HtmlAllowlist::Verdict::Drop:
                report(name, elementReason(HtmlDom::elementNamespace(element), name));
                m_dom.remove(element);
                break;
            case HtmlAllowlist::Verdict::Unwrap:
                if (name == QLatin1String("math"))
                    report(name, QStringLiteral("<math> is shown as plain text: course pages show no MathML"));
                cleanAttributes(element, name);  // for the report: its handlers and addresses go with it
                m_dom.unwrap(element);
                break;
            case HtmlAllowlist::Verdict::Keep:
                cleanAttributes(element, name);
                break;
            }
        }
        return m_findings;
    }

private:
    void cleanAttributes(xmlNodePtr element, const QString &name)
    {
        for (const QString &attribute : HtmlDom::attributeNames(element)) {
            const QByteArray key = attribute.toUtf8();
            const bool allowed = HtmlAllowlist::attribute(name, attribute);
            if (allowed && HtmlAllowlist::url(name, attribute, HtmlDom::attribute(element, key.constData())))
                continue;
            HtmlDom::removeAttribute(element, key.constData());
            const QString what = QStringLiteral("removed the %1 attribute of <%2>: ").arg(attribute, name);
            if (attribute.startsWith(QLatin1String("on")))
                report(attribute, what + kNoScripts);
            else if (attribute == QLatin1String("style"))
                report(QStringLiteral("style="), what + kOwnStyle);
            else if (!allowed && kAddressAttributes.contains(attribute))
                report(attribute + QLatin1Char('='), what + QStringLiteral("course pages load and embed nothing"));
            else if (allowed)
                report(attribute + QLatin1Char('='), what + QStringLiteral("its address leads out of the course or runs code"));
        }
    }

    void report(const QString &cause, const QString &message)
    {
        if (m_reported.contains(message))
            return;
        m_reported.insert(message);
        m_findings.append({cause, message});
    }

    HtmlDom &m_dom;
    HtmlSanitizer::Findings m_findings;
    QSet<QString> m_reported;
};

}  // namespace

HtmlSanitizer::Findings HtmlSanitizer::clean(HtmlDom &dom)
{
    return Cleaner(dom).run();
}

QString HtmlSanitizer::serialised(HtmlDom &dom, Findings *findings)
{
    // What the steps after clean() added (activities, the renderer's own markup) is held to
    // the allowlist too.
    const Findings late = clean(dom);
    for (const Finding &finding : late)
        qCWarning(lcRender).noquote() << "added after the allowlist's pass, the page held:" << finding.message;
    *findings += late;
    QString html = dom.bodyHtml();
    // A tree of shapes the parser leaves alone reads back as itself: a second parse would
    // only say so, at the cost of the first.
    if (HtmlRoundTrip::readsBackUnchanged(dom.body()))
        return html;
    // Read back, a clean tree written out gives the same markup (a fixed point), so what the
    // browser builds from it is that clean tree. A change means the markup reads differently
    // once written (the tree builder moves or re-nests something): take the re-read tree,
    // cleaned. Two rounds settle any real page.
    for (int round = 0; round < 2; ++round) {
        HtmlDom reread(html);
        const Findings changed = clean(reread);
        const QString again = reread.bodyHtml();
        if (changed.isEmpty() && again == html)
            return html;
        for (const Finding &finding : changed)
            qCWarning(lcRender).noquote() << "written out and read again, the page held:" << finding.message;
        *findings += changed;
        html = again;
    }
    qCWarning(lcRender) << "the page's markup did not settle when read again: shown as text";
    findings->append({QString(), QStringLiteral("the page's markup reads differently each time it is read; it is shown as plain text")});
    HtmlDom reread(html);
    return QStringLiteral("<p>") + HtmlDom::text(reread.body()).toHtmlEscaped() + QStringLiteral("</p>");
}
