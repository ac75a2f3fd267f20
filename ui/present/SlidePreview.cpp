#include "SlidePreview.h"

#include "Slide.h"

SlidePreview::SlidePreview(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setFocusPolicy(Qt::NoFocus);  // keys stay with the console, which sends them to the slides
}

void SlidePreview::setSlide(const Slide *slide, const QString &placeholder)
{
    if (!slide) {
        setHtml(QStringLiteral("<p><i>%1</i></p>").arg(placeholder.toHtmlEscaped()));
        return;
    }
    QString heading = slide->heading.toHtmlEscaped();
    if (slide->continued)
        heading = tr("%1 (continued)").arg(heading);
    setHtml(QStringLiteral("<h2>%1</h2>%2").arg(heading, slide->bodyHtml));
}

QVariant SlidePreview::loadResource(int, const QUrl &)
{
    return QVariant();
}
