#include "TestProcess.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

// Where Word and LibreOffice may break the pages of an exported DOCX: python-docx reads the
// bundled workbook back and applies keep-with-next the way a reader does (the paragraph's own
// setting, else its style's, else the style it is based on).
class TestDocxPagination : public QObject
{
    Q_OBJECT
private slots:
    void headingsAndTableHeadersKeepWithWhatFollows();
};

// Prints one line per paragraph that a page break may strand.
static const char *const checker = R"py(
import sys, docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
def keep(p):
    if p.paragraph_format.keep_with_next is not None:
        return p.paragraph_format.keep_with_next
    s = p.style
    while s is not None:
        if s.paragraph_format.keep_with_next is not None:
            return s.paragraph_format.keep_with_next
        s = s.base_style
    return False
body = list(d.element.body.iterchildren())
paragraphs = {p._p: p for p in d.paragraphs}
for i, el in enumerate(body):
    p = paragraphs.get(el)
    if p is None:
        continue
    nxt = body[i + 1] if i + 1 < len(body) else None
    name = p.style.style_id
    if name.startswith("Heading") and not keep(p):
        print("heading does not keep with next:", p.text)
    if name.startswith("Heading") and (nxt is None or nxt.tag == qn("w:sectPr")):
        print("heading ends the document:", p.text)
    # The KWL's ruled lines for the experience may end a page before its table.
    if nxt is not None and nxt.tag == qn("w:tbl") and name != "WritingLineEnd" and not keep(p):
        print("paragraph before a table does not keep with it:", name, p.text)
    if name == "WritingLine" and not keep(p):
        print("ruled line does not keep with the next")
for t in d.tables:
    for c in t.rows[0].cells:
        for p in c.paragraphs:
            if not keep(p):
                print("table header does not keep with its first row:", p.text)
print("checked", len(d.paragraphs))
)py";

void TestDocxPagination::headingsAndTableHeadersKeepWithWhatFollows()
{
    const QString python = QStringLiteral("/usr/bin/python3");
    if (!QFileInfo::exists(python) || TestProcess::run(python, {QStringLiteral("-c"), QStringLiteral("import docx")}).exitCode != 0)
        QSKIP("python3-docx not installed");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("workbook.docx"));
    const TestProcess::Result exported = TestProcess::run(
        QStringLiteral(COURSEBOOK_APP_PATH), {QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR), QStringLiteral("--data-dir"),
                                              dir.filePath(QStringLiteral("data")), QStringLiteral("--export"), QStringLiteral("docx"),
                                              QStringLiteral("--blank"), QStringLiteral("--output"), path});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    const TestProcess::Result checked = TestProcess::run(python, {QStringLiteral("-c"), QString::fromLatin1(checker), path});
    QVERIFY2(checked.exitCode == 0, qPrintable(checked.err));
    QVERIFY2(checked.out.startsWith(QStringLiteral("checked ")), qPrintable(checked.out));
}

QTEST_GUILESS_MAIN(TestDocxPagination)
#include "tst_docx_pagination.moc"
