#include "GeneratedCourse.h"

#include <QDir>
#include <QSaveFile>

namespace {
bool writeFile(const QString &path, const QString &text, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return false;
    }
    return true;
}

QString pageBody(int module, int page)
{
    QString body = QStringLiteral("---\ntitle: Page %1.%2\n%3---\n\n").arg(module).arg(page)
                       .arg(page % 5 == 0 ? QStringLiteral("tags: ['sectionHead']\n") : QString());
    body += QStringLiteral("<div class=\"callout objectives\" markdown=\"1\">\n## Objectives\n\n* Read page %1\n* Try the activity\n</div>\n\n").arg(page);
    for (int p = 0; p < 6; ++p) {
        body += QStringLiteral("Paragraph %1 talks about *interests*, **relationships** and [opportunities](/modules/m%2/page-%3/) "
                               "in a library that works with teens, with enough words to look like a real page of teaching text.\n\n")
                    .arg(p).arg(module).arg((page + 1) % 20);
    }
    body += QStringLiteral("| Idea | Why |\n|---|---|\n| Iterate | Try small things |\n| Co-learn | Learn with teens |\n\n");
    body += QStringLiteral("<div class=\"reflection\" markdown=\"1\">\n**Reflect on page %1**\n\nWhat would you try first?\n</div>\n").arg(page);
    return body;
}
}  // namespace

bool GeneratedCourse::write(const QString &root, int modules, int pagesPerModule, QString *error)
{
    QString yml = QStringLiteral("id: generated\ntitle: Generated course\nmodules:\n");
    for (int m = 0; m < modules; ++m)
        yml += QStringLiteral("  - m%1\n").arg(m);
    if (!writeFile(root + QStringLiteral("/_data/course.yml"), yml, error))
        return false;
    for (int m = 0; m < modules; ++m) {
        for (int p = 0; p < pagesPerModule; ++p) {
            const QString path = QStringLiteral("%1/modules/m%2/_posts/2024-01-%3-page-%4.md")
                                     .arg(root).arg(m).arg(p % 28 + 1, 2, 10, QLatin1Char('0')).arg(p);
            if (!writeFile(path, pageBody(m, p), error))
                return false;
        }
    }
    return true;
}
