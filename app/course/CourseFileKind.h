#pragma once

#include <QString>

// What a file a course links to is, judged by its content, and whether the desktop may be
// handed it: only documents (PDF, pictures, sound, video, text, office files, e-books) go
// to the desktop's opener, which would run a launcher, a script or a program.
struct CourseFileKind
{
    enum class Verdict { Document, Refused };

    Verdict verdict = Verdict::Refused;
    QString path;         // the canonical file inside the course (empty when outside or missing)
    QString fileName;     // as the learner sees it in the link
    QString mimeType;     // what it holds: its content type, refined by its name when they agree
    QString description;  // that type in words ("PDF document", "shell script")
    QString refusal;      // why it will not be opened, one translated sentence for the learner

    bool isDocument() const { return verdict == Verdict::Document; }

    // A path relative to the course root, jailed by CourseFileResolver: a file outside
    // the course (a "..", an absolute path, a symbolic link leading out) is refused.
    static CourseFileKind of(const QString &courseRoot, const QString &relativePath);
    // A file already known to be inside the course.
    static CourseFileKind ofFile(const QString &canonicalPath);
};
