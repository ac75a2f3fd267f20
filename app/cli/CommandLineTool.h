#pragma once

#include <QCommandLineParser>
#include <QTextStream>

class AnswerStore;

// The headless half of the command line: everything that prints or writes files and
// exits without opening a window. main() decides which half runs.
class CommandLineTool
{
public:
    CommandLineTool();

    QCommandLineParser &parser() { return m_parser; }

    // True when the parsed arguments ask for a headless command.
    bool isHeadless() const;
    // Exports need a QApplication (offscreen is fine): PDF is printed by the web engine, and a
    // DOCX draws the prompts' SVG pictures, which needs fonts.
    bool needsGuiApplication() const;
    bool needsWebEngine() const;  // printing a PDF

    // Runs the headless command; returns the process exit code
    // (0 ok, 1 problems found or answers not exported/imported, 2 bad arguments or unreadable course).
    int run(QTextStream &out, QTextStream &err);

    QString coursePath() const;  // --course (or PATH), else the bundled course
    QString explicitCoursePath() const;  // --course or PATH, empty when neither was given

private:
    int list(QTextStream &out);
    int render(QTextStream &out, QTextStream &err);
    int renderAll(QTextStream &out, QTextStream &err);
    int check(QTextStream &out);
    int exportAnswers(QTextStream &out, QTextStream &err);
    int importAnswers(QTextStream &out, QTextStream &err);
    int exportWorksheet(QTextStream &out, QTextStream &err);
    QString dataDir() const;  // --data-dir, else the default answers folder
    bool openStore(AnswerStore &store, bool forWriting, QTextStream &err) const;

    QCommandLineParser m_parser;
};
