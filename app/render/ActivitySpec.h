#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

// One cell of a worksheet table as the course designed it.
struct WorksheetCell {
    enum class Type {
        Fixed,     // a prompt printed in the table; read-only
        Editable,  // free text the learner fills in
        Rating,    // a single choice among `choices`
        Total      // computed: sum of the numeric cells above it in this column
    };
    Type type = Type::Fixed;
    QString text;         // the fixed text (Fixed), empty otherwise
    QStringList choices;  // Rating only, in the order the course lists them

    bool operator==(const WorksheetCell &) const = default;
};

// A workbook part found in a page: what the learner answers. Detected by the renderer
// from the page markup (docs/course-format.md section 4) and consumed by the workbook
// panes, the answer store and the exporters.
struct ActivitySpec {
    enum class Kind { Kwl, Reflection, Worksheet, Response };

    QString id;          // stable: explicit id attribute, else "<module>/<page-slug>#<title-slug>"
    Kind kind = Kind::Response;
    QString title;       // plain text
    QString promptHtml;  // the prompt as HTML (links, lists, emphasis kept), without the title
    QString promptText;  // the prompt as plain text
    QString pageId;
    QString moduleId;
    // A block marked data-revisit="ID": a second place for the activity ID of another page
    // (a KWL's Learned column filled in at the end of the course). Same id, same answer.
    bool revisit = false;

    // Worksheet only: the header row and the body rows as designed.
    QStringList columns;
    QVector<QVector<WorksheetCell>> rows;
    bool canAddRows = false;  // the table's last row was all empty
    // A rating choice's name in the page's scale legend ("1" -> "Not yet"), where it has one.
    QMap<QString, QString> choiceLabels;

    static QString kindName(Kind kind);             // "kwl", "reflection", "worksheet", "response"
    static bool kindFromName(const QString &name, Kind *kind);

    bool operator==(const ActivitySpec &) const = default;
};
