#pragma once

#include "CourseFileReader.h"
#include "CourseFolder.h"
#include "CoursePage.h"
#include "Diagnostic.h"

#include <QString>
#include <QVariantMap>

// A course folder as the layouts read it: pages, YAML files and folder walks, each through
// the path jail (CourseFileReader, CourseFolder), with every problem added to the course's
// diagnostics. Course diagnostics are for the course's author: English, not translated.
class CourseSource
{
public:
    static const QStringList kPageSuffixes;   // .md, .markdown, .html
    static const QStringList kPlainSuffixes;  // .md, .markdown, .txt

    CourseSource(const QString &canonicalRoot, Diagnostics *diagnostics);

    // Reads, decodes and splits one file into a page; problems go to the diagnostics.
    CoursePage readPage(const QString &relativePath, const QString &moduleId, const QString &slug);
    // A YAML file of key: value pairs; *text, when given, receives the file's text.
    QVariantMap readYaml(const QString &relativePath, QString *text = nullptr);
    // A text file that may be missing (a home page): an empty string then.
    QString readOptionalText(const QString &relativePath);

    const CourseFolder &folder() const { return m_folder; }
    QString root() const;      // the course folder's canonical path
    QString rootName() const;  // the course folder's own name
    Diagnostics *diagnostics() const { return m_diagnostics; }
    void warn(const QString &file, int line, const QString &message);

private:
    CourseFileReader::Result readReported(const QString &relativePath);

    CourseFileReader m_reader;
    CourseFolder m_folder;
    Diagnostics *m_diagnostics;
};
