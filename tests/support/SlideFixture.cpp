#include "SlideFixture.h"

#include "HtmlDom.h"

#include <QStringList>

namespace SlideFixture {

QString textOf(const QString &html)
{
    HtmlDom dom(html);
    for (xmlNodePtr element : HtmlDom::elements(dom.body())) {
        if (dom.contains(element)
            && (HtmlDom::hasClass(element, QStringLiteral("repeated-header")) || HtmlDom::name(element) == QLatin1String("h2")
                || HtmlDom::hasClass(element, QStringLiteral("facilitator-notes"))
                || HtmlDom::hasClass(element, QStringLiteral("activity-card"))))
            dom.remove(element);
    }
    return HtmlDom::text(dom.body());
}

QString bodiesText(const QVector<Slide> &slides)
{
    QStringList texts;
    for (const Slide &slide : slides)
        texts << textOf(slide.bodyHtml);
    return texts.join(QLatin1Char(' ')).simplified();
}

QString paragraphs(int count, int sentences)
{
    QString markdown;
    for (int p = 1; p <= count; ++p) {
        for (int s = 1; s <= sentences; ++s)
            markdown += QStringLiteral("P%1 sentence %2 says something ordinary about library programs for teens. ").arg(p).arg(s);
        markdown += QStringLiteral("\n\n");
    }
    return markdown;
}

QByteArray describe(const QVector<Slide> &slides)
{
    QString text;
    for (const Slide &slide : slides)
        text += QStringLiteral("\n[%1%2] %3: %4").arg(int(slide.kind)).arg(slide.continued ? QStringLiteral(" cont") : QString(), slide.heading,
                                                       slide.bodyHtml.left(300));
    return text.toUtf8();
}

}  // namespace SlideFixture
