#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVariantMap>

// One page of a course as loaded from disk: metadata plus the raw Markdown body.
// Rendering happens later (PageRenderer), so loading a large course stays cheap.
struct CoursePage {
    QString id;            // stable "<module>/<slug>", used in URLs, --page and answer keys
    QString moduleId;
    QString slug;
    QString title;         // plain text, entities decoded
    QString filePath;      // absolute path of the source file
    QString relativePath;  // path relative to the course root, for diagnostics and --list
    QString parentId;      // id of the section head this page belongs to, empty when top level
    bool isSectionHead = false;
    QStringList tags;
    QString permalink;     // the page's web address on the course site, e.g. "/modules/basics/intro/"
    QDate date;
    QString markdown;      // body with front matter removed, decoded to UTF-16, LF line ends
    int bodyLine = 1;      // line of the source file on which `markdown` starts
    QVariantMap frontMatter;
    QString readError;     // why the file could not be read (the page then shows this instead)
    bool isPlainText = false;  // a .txt file: rendered as text, not Markdown, when it has no Markdown structure
    bool isHome = false;       // the course home (Course::kHomePageId), above the first module
};
