#pragma once

#include "CourseFileResolver.h"
#include "Diagnostic.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

// The folders of a course as the loader walks them. Names are read as the raw bytes the
// disk holds (QDir decodes them, and a name that is not valid UTF-8 then cannot be opened
// again); a walk never enters a linked folder outside the course, nor a folder twice (a
// cycle of links). What is left out for one of those reasons is a diagnostic, never silent.
class CourseFolder
{
public:
    struct Entry {
        QString name;
        QString relativePath;   // from the course root
        bool isFolder = false;  // after following a link; a FIFO or device counts as a file, for the reader to refuse
    };

    // Left-out names are reported when they are folders or files with one of pageSuffixes.
    CourseFolder(const QString &canonicalRoot, const QStringList &pageSuffixes, Diagnostics *diagnostics);

    // The entries of a folder ("" is the course root) in byte order of their names, but for
    // the names a Jekyll site skips. Empty when the folder is missing or leads outside.
    QVector<Entry> entries(const QString &relativeFolder) const;
    QVector<Entry> folders(const QString &relativeFolder) const;
    // Every file in the folder and the folders below it, skipped names left out on the way.
    QVector<Entry> filesUnder(const QString &relativeFolder) const;

    // Folders a Jekyll site keeps beside its content that never hold course pages.
    static bool isSkippedName(const QString &name);
    // A name as it may be printed: bytes that are not UTF-8 as \xff, control characters as \n or \x01.
    static QString displayName(const QByteArray &bytes);

private:
    QVector<Entry> list(const QString &relativeFolder, bool reportFolderItself) const;
    void walk(const QString &relativeFolder, QStringList *visited, QVector<Entry> *files) const;
    bool isReported(const QString &name, bool isFolder) const;
    void refuse(const QString &relativePath, const QString &message) const;

    CourseFileResolver m_resolver;
    QStringList m_pageSuffixes;
    Diagnostics *m_diagnostics;
};
