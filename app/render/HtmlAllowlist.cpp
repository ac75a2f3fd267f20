#include "HtmlAllowlist.h"

#include "HtmlDom.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace {

QSet<QString> set(const char *names)
{
    QSet<QString> result;
    for (const QString &name : QString::fromLatin1(names).split(QLatin1Char(' ')))
        result.insert(name);
    return result;
}

const QSet<QString> kKept = set(
    "a abbr address article aside audio b bdi bdo blockquote br caption cite code col colgroup data dd del details dfn div dl "
    "dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr i img input ins kbd li main mark nav ol p pre q rp rt "
    "ruby s samp section small source span strong sub summary sup table tbody td tfoot th thead time tr track u ul var video wbr");
// Dropped with what they hold: it is code, something loaded or embedded, a form field's
// text, or text a browser does not show.
const QSet<QString> kDropped = set(
    "script noscript template style object embed applet iframe frame frameset noframes noembed portal param base link meta "
    "head title textarea select datalist");

const QSet<QString> kGlobalAttributes = set("class id title lang dir role");
const QHash<QString, QSet<QString>> kElementAttributes = {
    {QStringLiteral("a"), set("href name rel")},
    {QStringLiteral("img"), set("src alt width height")},
    {QStringLiteral("video"), set("src controls loop muted preload width height")},
    {QStringLiteral("audio"), set("src controls loop muted preload")},
    {QStringLiteral("source"), set("src type")},
    {QStringLiteral("track"), set("src kind srclang label default")},
    {QStringLiteral("input"), set("type checked disabled")},
    {QStringLiteral("td"), set("colspan rowspan headers align valign")},
    {QStringLiteral("th"), set("colspan rowspan headers scope abbr align valign")},
    {QStringLiteral("tr"), set("align valign")},
    {QStringLiteral("col"), set("span align valign")},
    {QStringLiteral("colgroup"), set("span align valign")},
    {QStringLiteral("ol"), set("start reversed type")},
    {QStringLiteral("ul"), set("type")},
    {QStringLiteral("li"), set("value")},
    {QStringLiteral("details"), set("open")},
    {QStringLiteral("time"), set("datetime")},
    {QStringLiteral("del"), set("datetime")},
    {QStringLiteral("ins"), set("datetime")},
    {QStringLiteral("data"), set("value")},
};

bool isSchemeRelative(const QString &url)
{
    // "//host/x" leads to the web; a browser reads "\" as "/" there too.
    const auto slash = [](QChar c) { return c == QLatin1Char('/') || c == QLatin1Char('\\'); };
    return url.size() >= 2 && slash(url.at(0)) && slash(url.at(1));
}

QString normalized(QString url)
{
    url.remove(QLatin1Char('\t')).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
    qsizetype from = 0, to = url.size();
    while (from < to && url.at(from).unicode() <= 0x20)
        ++from;
    while (to > from && url.at(to - 1).unicode() <= 0x20)
        --to;
    return from == 0 && to == url.size() ? url : url.mid(from, to - from);
}

QString schemeOf(const QString &address)
{
    for (qsizetype i = 0; i < address.size(); ++i) {
        const QChar c = address.at(i);
        const bool letter = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
        if (c == QLatin1Char(':'))
            return i > 0 ? address.left(i).toLower() : QString();
        const bool schemeChar = letter || (c.isDigit() && c.unicode() < 128) || c == QLatin1Char('+') || c == QLatin1Char('-')
            || c == QLatin1Char('.');
        if (!schemeChar || (i == 0 && !letter))
            return QString();
    }
    return QString();
}

}  // namespace

HtmlAllowlist::Verdict HtmlAllowlist::element(_xmlNode *element)
{
    const QString name = HtmlDom::name(element);
    switch (HtmlDom::elementNamespace(element)) {
    case HtmlDom::Namespace::Svg:
        return Verdict::Drop;
    case HtmlDom::Namespace::MathMl:
        // A formula's text stays; an annotation repeats it in another notation.
        return name.startsWith(QLatin1String("annotation")) ? Verdict::Drop : Verdict::Unwrap;
    case HtmlDom::Namespace::Html:
        break;
    }
    if (name == QLatin1String("input"))  // a task list's check box, nothing that loads or submits
        return HtmlDom::attribute(element, "type").trimmed().compare(QLatin1String("checkbox"), Qt::CaseInsensitive) == 0
            ? Verdict::Keep
            : Verdict::Drop;
    if (kKept.contains(name))
        return Verdict::Keep;
    return kDropped.contains(name) ? Verdict::Drop : Verdict::Unwrap;
}

bool HtmlAllowlist::attribute(const QString &element, const QString &attribute)
{
    return kGlobalAttributes.contains(attribute) || attribute.startsWith(QLatin1String("aria-"))
        || attribute.startsWith(QLatin1String("data-")) || kElementAttributes.value(element).contains(attribute);
}

bool HtmlAllowlist::url(const QString &element, const QString &attribute, const QString &value)
{
    if (attribute != QLatin1String("href") && attribute != QLatin1String("src"))
        return true;
    const QString address = normalized(value);
    const QString urlScheme = schemeOf(address);
    if (element == QLatin1String("a"))
        return urlScheme.isEmpty() || urlScheme == QLatin1String("course") || urlScheme == QLatin1String("http")
            || urlScheme == QLatin1String("https") || urlScheme == QLatin1String("mailto");
    if (element == QLatin1String("img") && urlScheme == QLatin1String("data"))
        return address.mid(5).trimmed().startsWith(QLatin1String("image/"), Qt::CaseInsensitive);
    return (urlScheme.isEmpty() && !isSchemeRelative(address)) || urlScheme == QLatin1String("course");
}

QString HtmlAllowlist::scheme(const QString &url)
{
    return schemeOf(normalized(url));
}
