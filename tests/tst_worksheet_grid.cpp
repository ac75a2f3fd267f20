#include "WorksheetGrid.h"

#include <QTest>

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
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("count");  // -1: counts nothing
        QTest::newRow("editable number") << int(WorksheetCell::Type::Editable) << "2.5" << 2.5;
        QTest::newRow("editable words") << int(WorksheetCell::Type::Editable) << "soon" << -1.0;
        QTest::newRow("rating by place") << int(WorksheetCell::Type::Rating) << "mid" << 2.0;
        QTest::newRow("rating no longer offered") << int(WorksheetCell::Type::Rating) << "huge" << 4.0;
        QTest::newRow("rating not chosen") << int(WorksheetCell::Type::Rating) << "" << -1.0;
        QTest::newRow("fixed") << int(WorksheetCell::Type::Fixed) << "7" << -1.0;
    }
    void countsLikeAPersonWould()
    {
        QFETCH(int, type);
        QFETCH(QString, text);
        QFETCH(double, count);
        const WorksheetCell cell{WorksheetCell::Type(type), QString(), {"low", "mid", "high"}};
        const std::optional<double> counted = WorksheetGrid::countOf(cell, text);
        QCOMPARE(counted.has_value(), count >= 0);
        if (counted)
            QCOMPARE(*counted, count);
    }

    void shownTextHasTheTotals()
    {
        const QJsonArray cells{QJsonArray{QJsonValue(), "high", "note"}, QJsonArray{QJsonValue(), "low", 3},
                               QJsonArray{"x", "mid", "1.5"}, QJsonArray{QJsonValue(), QJsonValue(), QJsonValue()}};
        const auto shown = WorksheetGrid(spec()).shown(cells);
        QCOMPARE(shown[0][0], QStringLiteral("Listening"));
        QCOMPARE(shown[1][2], QStringLiteral("3"));       // a JSON number still shows
        QCOMPARE(shown[3][1], QStringLiteral("6"));       // high 3 + low 1 + mid 2
        QCOMPARE(shown[3][2], QStringLiteral("4.5"));     // 3 + 1.5; "note" counts nothing
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
