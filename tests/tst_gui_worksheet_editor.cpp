#include "AnswerEditor.h"
#include "EditorFixture.h"
#include "WorksheetEditor.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>
#include <QWheelEvent>

using namespace EditorFixture;

namespace {

WorksheetCell fixed(const QString &text) { return {WorksheetCell::Type::Fixed, text, {}}; }
WorksheetCell editable() { return {WorksheetCell::Type::Editable, {}, {}}; }
WorksheetCell rating(const QStringList &choices) { return {WorksheetCell::Type::Rating, {}, choices}; }
WorksheetCell total() { return {WorksheetCell::Type::Total, {}, {}}; }

const QStringList kOften = {QStringLiteral("Never"), QStringLiteral("Sometimes"), QStringLiteral("Often")};

// Activity | Hours | How often, two activities, then a row of totals.
ActivitySpec worksheetSpec(bool canAddRows)
{
    ActivitySpec spec = textSpec(ActivitySpec::Kind::Worksheet);
    spec.title = QStringLiteral("Your week");
    spec.columns = {QStringLiteral("Activity"), QStringLiteral("Hours"), QStringLiteral("How often")};
    spec.rows = {{fixed(QStringLiteral("Reading")), editable(), rating(kOften)},
                 {fixed(QStringLiteral("Writing")), editable(), rating(kOften)},
                 {fixed(QStringLiteral("Total")), total(), total()}};
    spec.canAddRows = canAddRows;
    return spec;
}

// Five statements rated 1 to 5, and their total.
ActivitySpec ratingSpec()
{
    ActivitySpec spec = textSpec(ActivitySpec::Kind::Worksheet);
    spec.title = QStringLiteral("Confidence");
    spec.columns = {QStringLiteral("Statement"), QStringLiteral("Rating")};
    const QStringList scale = {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                               QStringLiteral("5")};
    for (int i = 1; i <= 5; ++i)
        spec.rows.append({fixed(QStringLiteral("Statement %1").arg(i)), rating(scale)});
    spec.rows.append({fixed(QStringLiteral("Total")), total()});
    return spec;
}

QJsonArray row(std::initializer_list<QJsonValue> cells) { return QJsonArray(cells); }

}  // namespace

// The worksheet editor driven with the keyboard and the mouse, as a learner would: the course's
// table, Tab through the cells to fill in, ratings and their totals, rows added, undo.
class TestWorksheetEditor : public QObject
{
    Q_OBJECT
private slots:
    void worksheetShowsTheDesign()
    {
        Window window(worksheetSpec(false));
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        auto *grid = window.editor->findChild<QTableWidget *>(QStringLiteral("grid"));
        QVERIFY(grid);
        QCOMPARE(grid->rowCount(), 3);
        QCOMPARE(grid->columnCount(), 3);
        QCOMPARE(grid->horizontalHeaderItem(2)->text(), QStringLiteral("How often"));
        QCOMPARE(grid->item(1, 0)->text(), QStringLiteral("Writing"));
        QVERIFY(!(grid->item(1, 0)->flags() & Qt::ItemIsEditable));
        QVERIFY(!(grid->item(2, 1)->flags() & Qt::ItemIsEditable));
        QVERIFY(grid->item(0, 1)->flags() & Qt::ItemIsEditable);
        QVERIFY(!window.editor->findChild<QPushButton *>(QStringLiteral("addRow")));
        const auto combos = grid->findChildren<QComboBox *>();
        QCOMPARE(combos.size(), 2);
        QCOMPARE(combos.first()->count(), 4);  // no choice, and the three
        QCOMPARE(combos.first()->accessibleName(), QStringLiteral("How often, Reading"));
        QCOMPARE(window.editor->value(),
                 QJsonObject({{QStringLiteral("cells"), QJsonArray({row({QJsonValue(), "", ""}), row({QJsonValue(), "", ""}),
                                                                     row({QJsonValue(), QJsonValue(), QJsonValue()})})}}));

        // A fixed cell does not open.
        QSignalSpy changed(window.editor, &AnswerEditor::changed);
        QVERIFY(!openCell(grid, 0, 0));
        QTest::keyClicks(grid, QStringLiteral("x"));
        QTest::keyClick(grid, Qt::Key_F2);
        QVERIFY(!cellEditor());
        QCOMPARE(grid->item(0, 0)->text(), QStringLiteral("Reading"));
        QVERIFY(!openCell(grid, 2, 1));
        QCOMPARE(changed.size(), 0);

        // Arrows reach a rating in the table; Space goes into its combo box.
        clickCell(grid, 0, 1);
        QTest::keyClick(grid, Qt::Key_Right);
        QCOMPARE(current(grid), QPoint(2, 0));
        QTest::keyClick(grid, Qt::Key_Space);
        QCOMPARE(focused(), combos.first());
    }

    void worksheetTabGoesThroughTheCellsToFill()
    {
        Window window(worksheetSpec(false));
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        auto *grid = window.editor->findChild<QTableWidget *>(QStringLiteral("grid"));
        QSignalSpy changed(window.editor, &AnswerEditor::changed);
        window.before->setFocus();
        QTest::keyClick(window.before, Qt::Key_Tab);
        QCOMPARE(focused(), grid);
        QCOMPARE(current(grid), QPoint(1, 0));  // past the fixed "Reading"
        QTest::keyClicks(grid, QStringLiteral("2"));  // typing opens the cell
        QVERIFY(cellEditor());
        QTest::keyClicks(cellEditor(), QStringLiteral(".5"));
        QCOMPARE(cellEditor()->accessibleName(), QStringLiteral("Hours, Reading"));
        QTest::keyClick(cellEditor(), Qt::Key_Tab);
        QCOMPARE(current(grid), QPoint(2, 0));
        auto *often = qobject_cast<QComboBox *>(focused());
        QVERIFY(often);
        QTest::keyClick(often, Qt::Key_Down);
        QCOMPARE(often->currentText(), QStringLiteral("Never"));
        QTest::keyClick(often, Qt::Key_Tab);
        QCOMPARE(current(grid), QPoint(1, 1));
        QCOMPARE(focused(), grid);
        QTest::keyClicks(grid, QStringLiteral("4"));
        QTest::keyClick(cellEditor(), Qt::Key_Tab);
        QCOMPARE(current(grid), QPoint(2, 1));
        QTest::keyClick(focused(), Qt::Key_Down);
        QTest::keyClick(focused(), Qt::Key_Down);
        QTest::keyClick(focused(), Qt::Key_Down);
        QTest::keyClick(focused(), Qt::Key_Tab);  // past the totals: out of the table
        QCOMPARE(focused(), window.after);
        QCOMPARE(grid->item(2, 1)->text(), QStringLiteral("6.5"));
        QCOMPARE(grid->item(2, 2)->text(), QStringLiteral("4"));  // Never is 1, Often 3
        QCOMPARE(window.editor->value().value(QStringLiteral("cells")).toArray(),
                 QJsonArray({row({QJsonValue(), "2.5", "Never"}), row({QJsonValue(), "4", "Often"}),
                             row({QJsonValue(), QJsonValue(), QJsonValue()})}));
        QCOMPARE(changed.size(), 8);  // one per keystroke ("2", ".", "5", "4") and per rating step

        // Back again: Shift+Tab comes into the last cell to fill, and goes back through them.
        QTest::keyClick(window.after, Qt::Key_Backtab);
        QCOMPARE(current(grid), QPoint(2, 1));
        QVERIFY(qobject_cast<QComboBox *>(focused()));
        QTest::keyClick(focused(), Qt::Key_Backtab);
        QCOMPARE(current(grid), QPoint(1, 1));
        QTest::keyClick(focused(), Qt::Key_Backtab);
        QTest::keyClick(focused(), Qt::Key_Backtab);
        QCOMPARE(current(grid), QPoint(1, 0));
        QTest::keyClick(focused(), Qt::Key_Backtab);
        QCOMPARE(focused(), window.before);
    }

    void worksheetTotalsFollowTheRatings()
    {
        Window window(ratingSpec());
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        auto *grid = window.editor->findChild<QTableWidget *>(QStringLiteral("grid"));
        const auto combos = grid->findChildren<QComboBox *>();
        QCOMPARE(combos.size(), 5);
        QCOMPARE(grid->item(5, 1)->text(), QString());  // nothing rated yet
        QSignalSpy changed(window.editor, &AnswerEditor::changed);
        int expected = 0;
        for (int i = 0; i < 5; ++i) {
            QComboBox *combo = qobject_cast<QComboBox *>(grid->cellWidget(i, 1)->findChild<QComboBox *>());
            combo->setFocus(Qt::MouseFocusReason);
            for (int step = 0; step <= i; ++step)
                QTest::keyClick(combo, Qt::Key_Down);
            expected += i + 1;
            QCOMPARE(grid->item(5, 1)->text(), QString::number(expected));
        }
        QCOMPARE(changed.size(), 15);
        QCOMPARE(grid->item(5, 1)->text(), QStringLiteral("15"));
        QTest::keyClick(focused(), Qt::Key_Up);  // the last: 5 to 4
        QCOMPARE(grid->item(5, 1)->text(), QStringLiteral("14"));
        QCOMPARE(window.editor->value().value(QStringLiteral("cells")).toArray().at(4), row({QJsonValue(), "4"}));

        // Undo and redo the choice with the keys in the combo box.
        QTest::keyClick(focused(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(grid->item(5, 1)->text(), QStringLiteral("15"));
        QCOMPARE(qobject_cast<QComboBox *>(focused())->currentText(), QStringLiteral("5"));
        QTest::keyClick(focused(), Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(grid->item(5, 1)->text(), QStringLiteral("14"));
        while (window.editor->undoStack()->canUndo())
            window.editor->undoStack()->undo();
        QCOMPARE(grid->item(5, 1)->text(), QString());
        QCOMPARE(combos.first()->currentText(), QStringLiteral("—"));
    }

    // Scrolling the pane over a table of ratings must not change them: a combo box takes the
    // wheel only once the learner has picked it.
    void worksheetRatingTakesTheWheelOnlyOncePicked()
    {
        Window window(ratingSpec());
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        auto *grid = window.editor->findChild<QTableWidget *>(QStringLiteral("grid"));
        QComboBox *combo = grid->cellWidget(0, 1)->findChild<QComboBox *>();
        const auto wheelDown = [combo] {
            const QPointF at = combo->rect().center();
            QWheelEvent wheel(at, combo->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(combo, &wheel);
        };
        window.before->setFocus();
        wheelDown();
        QCOMPARE(combo->currentIndex(), 0);
        QCOMPARE(window.editor->value().value(QStringLiteral("cells")).toArray().at(0), row({QJsonValue(), ""}));
        combo->setFocus(Qt::MouseFocusReason);  // picked, as a click picks it
        QCOMPARE(focused(), combo);
        wheelDown();
        QCOMPARE(combo->currentIndex(), 1);
        QCOMPARE(window.editor->value().value(QStringLiteral("cells")).toArray().at(0), row({QJsonValue(), "1"}));
    }

    void worksheetAddsRowsBeforeTheTotals()
    {
        Window window(worksheetSpec(true));
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        auto *grid = window.editor->findChild<QTableWidget *>(QStringLiteral("grid"));
        auto *add = window.editor->findChild<QPushButton *>(QStringLiteral("addRow"));
        auto *remove = window.editor->findChild<QPushButton *>(QStringLiteral("removeRow"));
        QVERIFY(add && remove);
        QVERIFY(!remove->isEnabled());
        QPlainTextEdit *hours = openCell(grid, 0, 1);
        QTest::keyClicks(hours, QStringLiteral("3"));
        QTest::keyClick(hours, Qt::Key_Return);
        QSignalSpy changed(window.editor, &AnswerEditor::changed);

        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(grid->rowCount(), 4);
        QCOMPARE(grid->item(3, 0)->text(), QStringLiteral("Total"));
        QCOMPARE(current(grid), QPoint(0, 2));
        QVERIFY(grid->item(2, 0)->flags() & Qt::ItemIsEditable);  // the learner names the row
        QVERIFY(cellEditor());
        QTest::keyClicks(cellEditor(), QStringLiteral("Talking"));
        QTest::keyClick(cellEditor(), Qt::Key_Tab);
        QTest::keyClicks(cellEditor(), QStringLiteral("1.5"));
        QTest::keyClick(cellEditor(), Qt::Key_Tab);
        auto *often = qobject_cast<QComboBox *>(focused());
        QVERIFY(often);  // a rating, like the rows above it
        QTest::keyClick(often, Qt::Key_End);
        QCOMPARE(grid->item(3, 1)->text(), QLocale().toString(4.5));
        QCOMPARE(grid->item(3, 2)->text(), QStringLiteral("3"));
        const QJsonArray cells = window.editor->value().value(QStringLiteral("cells")).toArray();
        QCOMPARE(cells.size(), 4);
        QCOMPARE(cells.at(2), row({"Talking", "1.5", "Often"}));
        QCOMPARE(cells.at(3), row({QJsonValue(), QJsonValue(), QJsonValue()}));

        QVERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(grid->rowCount(), 3);
        QCOMPARE(grid->item(2, 1)->text(), QStringLiteral("3"));
        clickCell(grid, 0, 1);
        QVERIFY(!remove->isEnabled());  // the course's rows stay
        grid->setFocus();
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(grid->rowCount(), 4);
        QCOMPARE(grid->item(2, 0)->text(), QStringLiteral("Talking"));
        QCOMPARE(grid->item(3, 1)->text(), QLocale().toString(4.5));
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(grid->rowCount(), 3);
    }

    void worksheetUndoesCellEdits()
    {
        Window window(worksheetSpec(false));
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        auto *grid = window.editor->findChild<QTableWidget *>(QStringLiteral("grid"));
        QPlainTextEdit *hours = openCell(grid, 1, 1);
        QVERIFY(hours);
        QTest::keyClicks(hours, QStringLiteral("7"));
        QTest::keyClick(hours, Qt::Key_Return);
        QCOMPARE(grid->item(2, 1)->text(), QStringLiteral("7"));
        QCOMPARE(window.editor->undoStack()->undoText(), QStringLiteral("Edit cell"));
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(grid->item(1, 1)->text(), QString());
        QCOMPARE(grid->item(2, 1)->text(), QString());
        QTest::keyClick(grid, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(grid->item(1, 1)->text(), QStringLiteral("7"));
        QCOMPARE(grid->item(2, 1)->text(), QStringLiteral("7"));
        clickCell(grid, 1, 1);
        QTest::keyClick(grid, Qt::Key_Delete);
        QCOMPARE(grid->item(1, 1)->text(), QString());
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(grid->item(1, 1)->text(), QStringLiteral("7"));
    }

    void worksheetSetValueToleratesOtherSizes()
    {
        Window window(worksheetSpec(false));
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        auto *grid = window.editor->findChild<QTableWidget *>(QStringLiteral("grid"));
        QSignalSpy changed(window.editor, &AnswerEditor::changed);

        // A row added when the course allowed it, and a choice it no longer offers.
        const QJsonArray larger{row({QJsonValue(), "1", "Often"}), row({QJsonValue(), "2", "Daily"}),
                                row({"Talking", "3", "Never"}), row({QJsonValue(), QJsonValue(), QJsonValue()})};
        window.editor->setValue({{QStringLiteral("cells"), larger}});
        QCOMPARE(grid->rowCount(), 4);
        QCOMPARE(grid->item(3, 0)->text(), QStringLiteral("Total"));
        QCOMPARE(grid->item(3, 1)->text(), QStringLiteral("6"));
        QCOMPARE(window.editor->value().value(QStringLiteral("cells")).toArray(), larger);

        // A smaller grid fills what it has; numbers stored as numbers still show.
        window.editor->setValue({{QStringLiteral("cells"), QJsonArray{row({QJsonValue(), 5})}}});
        QCOMPARE(grid->rowCount(), 3);
        QCOMPARE(window.editor->value().value(QStringLiteral("cells")).toArray(),
                 QJsonArray({row({QJsonValue(), "5", ""}), row({QJsonValue(), "", ""}),
                             row({QJsonValue(), QJsonValue(), QJsonValue()})}));
        QCOMPARE(grid->item(2, 1)->text(), QStringLiteral("5"));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(window.editor->undoStack()->count(), 0);
    }
};

QTEST_MAIN(TestWorksheetEditor)
#include "tst_gui_worksheet_editor.moc"
