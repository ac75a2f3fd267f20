#include "CourseModule.h"

#include <QSet>

void CourseModule::makePageIdsUnique(Diagnostics *diagnostics)
{
    QSet<QString> seen;
    for (CoursePage &page : pages) {
        QString unique = page.id;
        for (int n = 2; seen.contains(unique); ++n)
            unique = page.id + QLatin1Char('-') + QString::number(n);
        if (unique != page.id) {
            diagnostics->append(Diagnostic::warning(page.relativePath, 0,
                QStringLiteral("another page of module \"%1\" has the slug \"%2\"; this one is %3").arg(id, page.slug, unique)));
            page.slug = unique.section(QLatin1Char('/'), 1);
            page.id = unique;
        }
        seen.insert(unique);
    }
}
