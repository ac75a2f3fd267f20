#include "WorksheetGrid.h"

#include <QLocale>
#include <QScopeGuard>
#include <QTest>

namespace {

// Every suite runs under LC_ALL=C.UTF-8, learners do not: a learner in Germany types "1,5"
// and reads "4,5". An empty name keeps the environment's locale.
[[nodiscard]] auto useLocale(const QString &name)
{
    const QLocale before;
    if (!name.isEmpty())
        QLocale::setDefault(QLocale(name));
    return qScopeGuard([before] { QLocale::setDefault(before); });
}

}  // namespace

// The worksheet rules the editor, the DOCX writer and the PDF writer all use.
class TestWorksheetGrid : public QObject
{
    Q_OBJECT
private slots:
    void addedRowsGoBeforeTheTotals()
    {
        const WorksheetGrid grid(spec());
        QCOMPARE(grid.columnCount(), 3);
        QCOMPARE(grid.insertAt(), 2);
        QCOMPARE(grid.addedRow()[1].type, WorksheetCell::Type::Rating);  // like the last row before the totals
        QCOMPARE(grid.addedRow()[1].choices, QStringList({"low", "mid", "high"}));
        QCOMPARE(grid.addedRow()[2].type, WorksheetCell::Type::Editable);
        const auto layout = grid.layout(4);
        QCOMPARE(layout.size(), 4);
        QCOMPARE(layout[2][1].type, WorksheetCell::Type::Rating);
        QCOMPARE(layout[3][1].type, WorksheetCell::Type::Total);
        QCOMPARE(grid.layout(1).size(), 3);  // never fewer rows than the design
    }

    void countsLikeAPersonWould_data()
    {
        QTest::addColumn<QString>("locale");  // empty: the environment's
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("count");  // -1: counts nothing
        const int editable = int(WorksheetCell::Type::Editable);
        const int rating = int(WorksheetCell::Type::Rating);
        QTest::newRow("editable number") << QString() << editable << "2.5" << 2.5;
        QTest::newRow("editable words") << QString() << editable << "soon" << -1.0;
        QTest::newRow("rating by place") << QString() << rating << "mid" << 2.0;
        QTest::newRow("rating no longer offered") << QString() << rating << "huge" << 4.0;
        QTest::newRow("rating not chosen") << QString() << rating << "" << -1.0;
        QTest::newRow("fixed") << QString() << int(WorksheetCell::Type::Fixed) << "7" << -1.0;
        // The learner's own way of writing numbers counts, and "1.5" counts anywhere.
        QTest::newRow("German decimal comma") << "de_DE" << editable << "2,5" << 2.5;
        QTest::newRow("German thousands and decimals") << "de_DE" << editable << "1.000,5" << 1000.5;
        QTest::newRow("German, a point still counts") << "de_DE" << editable << "2.5" << 2.5;
        QTest::newRow("German words") << "de_DE" << editable << "bald" << -1.0;
        QTest::newRow("French decimal comma") << "fr_FR" << editable << " 1,5 " << 1.5;
        QTest::newRow("US decimal point") << "en_US" << editable << "2.5" << 2.5;
    }
    void countsLikeAPersonWould()
    {
        QFETCH(QString, locale);
        QFETCH(int, type);
        QFETCH(QString, text);
        QFETCH(double, count);
        const auto restore = useLocale(locale);
        const WorksheetCell cell{WorksheetCell::Type(type), QString(), {"low", "mid", "high"}};
        const std::optional<double> counted = WorksheetGrid::countOf(cell, text);
        QCOMPARE(counted.has_value(), count >= 0);
        if (counted)
            QCOMPARE(*counted, count);
    }

    void shownTextHasTheTotals_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("typed");  // 1.5 as the learner writes it
        QTest::addColumn<QString>("total");  // 4.5 as the learner reads it
        QTest::newRow("the environment's locale") << QString() << QLocale().toString(1.5) << QLocale().toString(4.5);
        QTest::newRow("German") << "de_DE" << "1,5" << "4,5";
        QTest::newRow("French") << "fr_FR" << "1,5" << "4,5";
        QTest::newRow("US") << "en_US" << "1.5" << "4.5";
        QTest::newRow("German, typed with a point") << "de_DE" << "1.5" << "4,5";
    }
    void shownTextHasTheTotals()
    {
        QFETCH(QString, locale);
        QFETCH(QString, typed);
        QFETCH(QString, total);
        const auto restore = useLocale(locale);
        const QJsonArray cells{QJsonArray{QJsonValue(), "high", "note"}, QJsonArray{QJsonValue(), "low", 3},
                               QJsonArray{"x", "mid", typed}, QJsonArray{QJsonValue(), QJsonValue(), QJsonValue()}};
        const auto shown = WorksheetGrid(spec()).shown(cells);
        QCOMPARE(shown[0][0], QStringLiteral("Listening"));
        QCOMPARE(shown[1][2], QStringLiteral("3"));       // a JSON number still shows
        QCOMPARE(shown[2][2], typed);                     // as typed, not reformatted
        QCOMPARE(shown[3][1], QStringLiteral("6"));       // high 3 + low 1 + mid 2
        QCOMPARE(shown[3][2], total);                     // 3 + 1.5; "note" counts nothing
        QCOMPARE(WorksheetGrid(spec()).shown(QJsonArray())[2][1], QString());  // nothing counted: no total
    }

private:
    static ActivitySpec spec()
    {
        using T = WorksheetCell::Type;
        ActivitySpec spec;
        spec.kind = ActivitySpec::Kind::Worksheet;
        spec.columns = {"Skill", "Rating", "Notes"};
        const WorksheetCell rating{T::Rating, QString(), {"low", "mid", "high"}};
        spec.rows = {{{T::Fixed, "Listening", {}}, rating, {T::Editable, {}, {}}},
                     {{T::Fixed, "Trying", {}}, rating, {T::Editable, {}, {}}},
                     {{T::Fixed, "Total", {}}, {T::Total, {}, {}}, {T::Total, {}, {}}}};
        return spec;
    }
};

QTEST_GUILESS_MAIN(TestWorksheetGrid)
#include "tst_worksheet_grid.moc"
