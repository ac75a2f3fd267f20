#pragma once

#include <QLoggingCategory>
#include <QString>
#include <QVector>

// One problem found while loading or rendering a course. Problems are collected,
// never thrown: the course always opens with whatever could be read. A note is no problem:
// it says what Coursebook inferred (a KWL revisited, a module the home never links).
struct Diagnostic {
    enum class Severity { Warning, Error, Note };

    QString file;  // path relative to the course root (or absolute for a single file)
    int line = 0;  // 1-based; 0 when the problem concerns the whole file
    Severity severity = Severity::Warning;
    QString message;

    static Diagnostic warning(const QString &file, int line, const QString &message)
    {
        return {file, line, Severity::Warning, message};
    }
    static Diagnostic error(const QString &file, int line, const QString &message)
    {
        return {file, line, Severity::Error, message};
    }
    static Diagnostic note(const QString &file, int line, const QString &message)
    {
        return {file, line, Severity::Note, message};
    }

    // "file:line: error|warning|note: message", the format of --check: one line, so a line break
    // or other control character in a file's name is shown escaped ("\n", "\x01").
    QString toString() const
    {
        QString shownFile;
        for (const QChar c : file) {
            if (c == QLatin1Char('\n'))
                shownFile += QLatin1String("\\n");
            else if (c.category() == QChar::Other_Control)
                shownFile += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                shownFile += c;
        }
        return QStringLiteral("%1:%2: %3: %4")
            .arg(shownFile)
            .arg(line)
            .arg(severity == Severity::Error     ? QStringLiteral("error")
                 : severity == Severity::Note ? QStringLiteral("note")
                                              : QStringLiteral("warning"),
                 message);
    }

    // Into a library's log: errors as warnings, warnings as information, notes as debug.
    void log(const QLoggingCategory &category) const
    {
        if (severity == Severity::Error)
            qCWarning(category).noquote() << toString();
        else if (severity == Severity::Warning)
            qCInfo(category).noquote() << toString();
        else
            qCDebug(category).noquote() << toString();
    }

    bool operator==(const Diagnostic &) const = default;
};

using Diagnostics = QVector<Diagnostic>;
