// The KWL chart's experience field goes by one name wherever the learner meets it: the
// workbook's editor, the PDF export's HTML, the DOCX export and the plain-text answer.

#include "AnswerText.h"
#include "DocxWorksheetWriter.h"
#include "ExportDocument.h"
#include "KwlEditor.h"
#include "WorksheetHtml.h"

#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <zip.h>

namespace {

const QString kExperience = QStringLiteral("Ran a zine club for two years");

// The text of each w:t element of the DOCX's word/document.xml.
QStringList docxTexts(const QString &path)
{
    QStringList texts;
    int error = 0;
    zip_t *archive = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &error);
    if (!archive)
        return texts;
    zip_stat_t stat;
    zip_file_t *file = zip_stat(archive, "word/document.xml", 0, &stat) == 0 ? zip_fopen(archive, "word/document.xml", 0) : nullptr;
    QByteArray xml(qsizetype(file ? stat.size : 0), Qt::Uninitialized);
    if (file && zip_fread(file, xml.data(), stat.size) != zip_int64_t(stat.size))
        xml.clear();
    if (file)
        zip_fclose(file);
    zip_close(archive);
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.qualifiedName() == QLatin1String("w:t"))
            texts << reader.readElementText();
    }
    return texts;
}

}  // namespace

class TestKwlExperienceName : public QObject
{
    Q_OBJECT
private slots:
    void oneNameInTheAppAndEveryExport();
};

void TestKwlExperienceName::oneNameInTheAppAndEveryExport()
{
    ActivitySpec spec;
    spec.id = QStringLiteral("kwl");
    spec.kind = ActivitySpec::Kind::Kwl;
    spec.title = QStringLiteral("Your KWL");

    // The app: the label the learner reads over the field, and the name a screen reader says.
    KwlEditor editor(spec);
    auto *box = editor.findChild<QPlainTextEdit *>(QStringLiteral("experience"));
    QVERIFY(box);
    QString name;
    for (QLabel *label : editor.findChildren<QLabel *>()) {
        if (label->buddy() == box)
            name = label->text().remove(QLatin1Char('&'));
    }
    QVERIFY(!name.isEmpty());
    QCOMPARE(box->accessibleName(), name);

    ExportDocument doc;
    doc.courseTitle = QStringLiteral("Course");
    doc.scopeTitle = QStringLiteral("Whole workbook");
    doc.date = QDate(2024, 5, 17);
    ExportItem item{QStringLiteral("m"), QStringLiteral("Module"), QStringLiteral("m/p"), QStringLiteral("Page"), spec, std::nullopt};
    const QJsonObject value{{QStringLiteral("experience"), kExperience}, {QStringLiteral("rows"), QJsonArray()}};
    item.answer = Answer{QStringLiteral("course"), spec.id, QStringLiteral("kwl"), value, false, QDateTime::currentDateTimeUtc()};
    doc.items = {item};

    // The PDF is printed from this HTML.
    const QString html = WorksheetHtml::document(doc, QStringLiteral("A4"));
    QVERIFY2(html.contains(QLatin1Char('>') + name.toHtmlEscaped() + QLatin1Char('<')), qPrintable(name));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kwl.docx"));
    QString error;
    QVERIFY2(DocxWorksheetWriter::write(doc, path, QPageSize::A4, &error), qPrintable(error));
    const QStringList texts = docxTexts(path);
    QVERIFY(texts.contains(kExperience));
    QVERIFY2(texts.contains(name), qPrintable(texts.join(QLatin1Char('|'))));

    QVERIFY(AnswerText::plain(QStringLiteral("kwl"), value).startsWith(name + QStringLiteral(": ") + kExperience));
}

QTEST_MAIN(TestKwlExperienceName)
#include "tst_gui_kwl_experience_name.moc"
