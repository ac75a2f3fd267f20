#pragma once

#include "ActivitySpec.h"
#include "Diagnostic.h"

#include <QString>
#include <QVector>

// A page as the view gets it, plus what rendering learned about it.
struct RenderedPage {
    QString pageId;
    QString title;
    QString bodyHtml;      // the page's content (article inner HTML)
    QString documentHtml;  // the complete HTML document served to the web view
    QVector<ActivitySpec> activities;  // in page order
    Diagnostics diagnostics;
};
