#include "AboutDialog.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {
struct Part
{
    const char *name;
    const char *licence;
    const char *use;
};

// What the program links or bundles. Debian's copyright file (packaging/copyright) says
// the same for the package.
constexpr Part kParts[] = {
    {"Qt 6 (Core, Gui, Widgets, Sql, Svg, WebEngine)", "LGPL-3.0 (Qt WebEngine's Chromium: BSD-3-Clause and others)", "the window, the page view, the answer store"},
    {"cmark-gfm", "BSD-2-Clause", "Markdown with tables"},
    {"yaml-cpp", "MIT", "front matter and course settings"},
    {"libxml2", "MIT", "the HTML passes and DOCX parts"},
    {"Gumbo", "Apache-2.0", "reading HTML as a browser does"},
    {"libzip", "BSD-3-Clause", "DOCX files and workbook files"},
    {"qpdf", "Apache-2.0", "finishing PDF worksheets"},
    {"SQLite (through Qt Sql)", "public domain", "answers, notes and search"},
    {"OpenDyslexic font", "CC-BY-3.0 and the Bitstream Vera licence", "the dyslexia-friendly text option"},
};
}  // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Coursebook"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QTextBrowser(this);
    text->setOpenExternalLinks(false);  // the text has no links; nothing opens from here
    text->setHtml(html());
    text->setAccessibleName(tr("About Coursebook, its version and licences"));
    text->setMinimumSize(520, 360);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    text->setFocus();  // the arrow keys scroll the text at once
}

QString AboutDialog::html()
{
    QString rows;
    for (const Part &part : kParts) {
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td></tr>")
                    .arg(QString::fromUtf8(part.name).toHtmlEscaped(), QString::fromUtf8(part.licence).toHtmlEscaped(),
                         QString::fromUtf8(part.use).toHtmlEscaped());
    }
    return tr("<h2>Coursebook %1</h2>"
              "<p>An offline course workbook. Course pages are shown without scripts and without any "
              "network access; your answers stay on this computer.</p>"
              "<p>Coursebook is free software under the GNU General Public License, version 3 or later. "
              "The bundled course, <i>Connected Learning for Library Staff</i>, is under CC BY-SA 4.0.</p>"
              "<h3>Built with</h3>"
              "<table cellpadding=\"4\"><tr><th align=\"left\">Part</th><th align=\"left\">Licence</th>"
              "<th align=\"left\">Used for</th></tr>%2</table>"
              "<p>Running with Qt %3. The full licence texts are in /usr/share/doc/coursebook when "
              "installed from the package, and in the source tree.</p>")
        .arg(QCoreApplication::applicationVersion(), rows, QString::fromLatin1(qVersion()));
}
