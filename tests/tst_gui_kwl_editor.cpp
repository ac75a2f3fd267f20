#include "EditorFixture.h"

#include <QApplication>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace EditorFixture;

namespace {

QJsonObject kwlRow(const QString &know, const QString &want, const QString &learned)
{
    return {{QStringLiteral("know"), know}, {QStringLiteral("want"), want}, {QStringLiteral("learned"), learned}};
}

}  // namespace

// The KWL chart's editor driven with the keyboard and the mouse, as a learner would: the
// reflection, response and worksheet editors are in tst_gui_answer_editors.cpp.
class TestKwlEditor : public QObject
{
    Q_OBJECT
private slots:
    void kwlTypingAndTabOrder()
    {
        Window window(kwlSpec());
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        auto *grid = window.editor->findChild<QTableWidget *>(QStringLiteral("grid"));
        QVERIFY(grid);
        QCOMPARE(grid->rowCount(), 1);
        QCOMPARE(grid->horizontalHeaderItem(0)->text(), QStringLiteral("Know"));
        QCOMPARE(grid->horizontalHeaderItem(1)->text(), QStringLiteral("Want to learn"));
        QCOMPARE(grid->horizontalHeaderItem(2)->text(), QStringLiteral("Learned"));
        QSignalSpy changed(window.editor, &AnswerEditor::changed);

        QPlainTextEdit *cell = openCell(grid, 0, 0);
        QVERIFY(cell);
        QCOMPARE(cell->accessibleName(), QStringLiteral("Know, row 1"));
        QTest::keyClicks(cell, QStringLiteral("Friends"));
        QTest::keyClick(cell, Qt::Key_Tab);
        QCOMPARE(current(grid), QPoint(1, 0));
        QVERIFY(cellEditor());  // still editing, in the next cell
        QTest::keyClicks(cellEditor(), QStringLiteral("Groups"));
        QTest::keyClick(cellEditor(), Qt::Key_Tab);
        QCOMPARE(current(grid), QPoint(2, 0));
        QTest::keyClicks(cellEditor(), QStringLiteral("Ties"));
        QCOMPARE(grid->rowCount(), 1);
        QTest::keyClick(cellEditor(), Qt::Key_Tab);  // from the last cell: a new row
        QCOMPARE(grid->rowCount(), 2);
        QCOMPARE(current(grid), QPoint(0, 1));
        QVERIFY(cellEditor());
        QTest::keyClick(cellEditor(), Qt::Key_Backtab);
        QCOMPARE(current(grid), QPoint(2, 0));
        QCOMPARE(cellEditor()->toPlainText(), QStringLiteral("Ties"));
        QTest::keyClick(cellEditor(), Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(current(grid), QPoint(1, 0));
        QTest::keyClick(cellEditor(), Qt::Key_Escape);
        QCOMPARE(focused(), grid);

        const QJsonObject expected{{QStringLiteral("experience"), QString()},
                                   {QStringLiteral("rows"), QJsonArray{kwlRow("Friends", "Groups", "Ties")}}};
        QCOMPARE(window.editor->value(), expected);  // the empty row at the end is not kept
        QVERIFY(changed.size() >= 4);

        // Without an open cell, Tab moves the current cell; from an empty last row it leaves.
        clickCell(grid, 1, 1);
        QTest::keyClick(grid, Qt::Key_Tab);
        QCOMPARE(current(grid), QPoint(2, 1));
        QCOMPARE(focused(), grid);
        QTest::keyClick(grid, Qt::Key_Tab);
        QCOMPARE(grid->rowCount(), 2);
        QCOMPARE(focused(), window.editor->findChild<QPushButton *>(QStringLiteral("addRow")));
        // Shift+Tab from the first cell goes back to the experience.
        clickCell(grid, 0, 0);
        QTest::keyClick(grid, Qt::Key_Backtab);
        QCOMPARE(focused(), window.editor->findChild<QPlainTextEdit *>(QStringLiteral("experience")));
    }

    void kwlEnterFinishesAndShiftEnterBreaksTheLine()
    {
        Window window(kwlSpec());
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        auto *grid = window.editor->findChild<QTableWidget *>(QStringLiteral("grid"));
        QPlainTextEdit *cell = openCell(grid, 0, 1);
        QVERIFY(cell);
        QTest::keyClicks(cell, QStringLiteral("first"));
        QTest::keyClick(cell, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(cell, QStringLiteral("second"));
        const int rowHeight = grid->rowHeight(0);
        QTest::keyClick(cell, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(cell, QStringLiteral("third"));
        QTRY_VERIFY(grid->rowHeight(0) > rowHeight);  // the row grows while the cell is typed in
        QTest::keyClick(cell, Qt::Key_Return);
        QCOMPARE(focused(), grid);
        QCOMPARE(grid->item(0, 1)->text(), QStringLiteral("first\nsecond\nthird"));
        QVERIFY(grid->rowHeight(0) >= 3 * grid->fontMetrics().lineSpacing());

        // What is typed in an open cell is part of the answer at once, before Enter:
        // a crash while the cell is open loses nothing.
        QSignalSpy live(window.editor, &AnswerEditor::changed);
        cell = openCell(grid, 0, 0);
        QTest::keyClicks(cell, QStringLiteral("unsaved?"));
        QCOMPARE(live.size(), 8);
        QCOMPARE(window.editor->value().value(QStringLiteral("rows")).toArray().at(0).toObject().value(QStringLiteral("know")).toString(),
                 QStringLiteral("unsaved?"));
        QTest::keyClick(cell, Qt::Key_Return);

        // In an open cell, Ctrl+Z is the cell's own.
        const int steps = window.editor->undoStack()->count();
        cell = openCell(grid, 0, 2);
        QTest::keyClicks(cell, QStringLiteral("oops"));
        QTest::keyClick(cell, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(cell->toPlainText(), QString());
        QTest::keyClick(cell, Qt::Key_Return);
        QCOMPARE(window.editor->undoStack()->count(), steps);

        // Typing on a cell that is not open adds to its text.
        clickCell(grid, 0, 1);
        QTest::keyClicks(grid, QStringLiteral("!"));
        QVERIFY(cellEditor());
        QTest::keyClick(cellEditor(), Qt::Key_Enter);
        QCOMPARE(grid->item(0, 1)->text(), QStringLiteral("first\nsecond\nthird!"));
    }

    void kwlAddAndRemoveRowsWithUndo()
    {
        Window window(kwlSpec());
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        auto *grid = window.editor->findChild<QTableWidget *>(QStringLiteral("grid"));
        auto *add = window.editor->findChild<QPushButton *>(QStringLiteral("addRow"));
        auto *remove = window.editor->findChild<QPushButton *>(QStringLiteral("removeRow"));
        QVERIFY(add && remove);
        QVERIFY(!remove->isEnabled());  // the one empty row stays
        QSignalSpy changed(window.editor, &AnswerEditor::changed);

        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(grid->rowCount(), 2);
        QCOMPARE(changed.size(), 1);
        QVERIFY(cellEditor());  // the new row's first cell is open
        QCOMPARE(current(grid), QPoint(0, 1));
        QTest::keyClicks(cellEditor(), QStringLiteral("Second"));
        QTest::keyClick(cellEditor(), Qt::Key_Return);
        QTest::mouseClick(add, Qt::LeftButton);
        QTest::keyClicks(cellEditor(), QStringLiteral("Third"));
        QTest::keyClick(cellEditor(), Qt::Key_Return);
        QCOMPARE(grid->rowCount(), 3);
        // An empty row between others is kept.
        QCOMPARE(window.editor->value().value(QStringLiteral("rows")).toArray(),
                 QJsonArray({kwlRow("", "", ""), kwlRow("Second", "", ""), kwlRow("Third", "", "")}));

        clickCell(grid, 1, 2);
        QVERIFY(remove->isEnabled());
        changed.clear();
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(grid->rowCount(), 2);
        QCOMPARE(grid->item(1, 0)->text(), QStringLiteral("Third"));

        // Undo and redo, with the keys, in the chart.
        grid->setFocus();
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(grid->rowCount(), 3);
        QCOMPARE(grid->item(1, 0)->text(), QStringLiteral("Second"));
        QCOMPARE(current(grid), QPoint(2, 1));
        QCOMPARE(changed.size(), 2);
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(grid->rowCount(), 2);
        QCOMPARE(grid->item(1, 0)->text(), QStringLiteral("Third"));
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(grid, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(grid->rowCount(), 2);
        QCOMPARE(window.editor->undoStack()->undoText(), QStringLiteral("Remove row"));

        // Undo an edit of a cell.
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);  // the removal
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);  // "Third"
        QCOMPARE(grid->item(2, 0)->text(), QString());
        QTest::keyClick(grid, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(grid->item(2, 0)->text(), QStringLiteral("Third"));

        // Removing every row leaves one empty row.
        grid->selectAll();
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(grid->rowCount(), 1);
        QCOMPARE(window.editor->value().value(QStringLiteral("rows")).toArray(), QJsonArray());
        QVERIFY(!remove->isEnabled());
    }

    void kwlPastesLinesIntoRows()
    {
        Window window(kwlSpec());
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        auto *grid = window.editor->findChild<QTableWidget *>(QStringLiteral("grid"));
        QSignalSpy changed(window.editor, &AnswerEditor::changed);
        QApplication::clipboard()->setText(QStringLiteral("a\nb\nc\n"));
        clickCell(grid, 0, 1);
        QTest::keyClick(grid, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(grid->rowCount(), 3);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(window.editor->value().value(QStringLiteral("rows")).toArray(),
                 QJsonArray({kwlRow("", "a", ""), kwlRow("", "b", ""), kwlRow("", "c", "")}));

        // Pasting lower down overwrites and adds only the rows needed; it is one undo step.
        QApplication::clipboard()->setText(QStringLiteral("x\r\ny"));
        clickCell(grid, 2, 2);
        QTest::keyClick(grid, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(grid->rowCount(), 4);
        QCOMPARE(grid->item(2, 2)->text(), QStringLiteral("x"));
        QCOMPARE(grid->item(3, 2)->text(), QStringLiteral("y"));
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(grid->rowCount(), 3);
        QCOMPARE(grid->item(2, 2)->text(), QString());

        // Delete empties the selected cells.
        clickCell(grid, 1, 1);
        QTest::keyClick(grid, Qt::Key_Delete);
        QCOMPARE(grid->item(1, 1)->text(), QString());
        QCOMPARE(grid->item(2, 1)->text(), QStringLiteral("c"));

        // In an open cell, Ctrl+V pastes into the cell.
        QApplication::clipboard()->setText(QStringLiteral("one\ntwo"));
        QPlainTextEdit *cell = openCell(grid, 0, 0);
        QVERIFY(cell);
        QTest::keyClick(cell, Qt::Key_V, Qt::ControlModifier);
        QTest::keyClick(cell, Qt::Key_Return);
        QCOMPARE(grid->item(0, 0)->text(), QStringLiteral("one\ntwo"));
        QCOMPARE(grid->rowCount(), 3);
    }

    void kwlUndoFollowsTheOrderOfEdits()
    {
        Window window(kwlSpec());
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        auto *grid = window.editor->findChild<QTableWidget *>(QStringLiteral("grid"));
        auto *experience = window.editor->findChild<QPlainTextEdit *>(QStringLiteral("experience"));
        QCOMPARE(experience->accessibleName(), QStringLiteral("Your experience with this topic"));
        QTest::mouseClick(experience->viewport(), Qt::LeftButton);
        QTest::keyClicks(experience, QStringLiteral("Some"));
        QPlainTextEdit *cell = openCell(grid, 0, 2);
        QTest::keyClicks(cell, QStringLiteral("Much"));
        QTest::keyClick(cell, Qt::Key_Return);
        QTest::mouseClick(experience->viewport(), Qt::LeftButton);
        QTest::keyClick(experience, Qt::Key_End, Qt::ControlModifier);

        // Ctrl+Z in the experience first takes back the later edit, in the chart.
        QTest::keyClick(experience, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(grid->item(0, 2)->text(), QString());
        QCOMPARE(experience->toPlainText(), QStringLiteral("Some"));
        QTest::keyClick(experience, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(experience->toPlainText(), QString());
        QVERIFY(!window.editor->undoStack()->canUndo());
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(experience->toPlainText(), QStringLiteral("Some"));
        QCOMPARE(grid->item(0, 2)->text(), QStringLiteral("Much"));

        // Typing on where it was typed before is a new step, after the chart's.
        QTest::keyClicks(experience, QStringLiteral(" more"));
        QCOMPARE(window.editor->undoStack()->count(), 3);
        QTest::keyClick(grid, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(experience->toPlainText(), QStringLiteral("Some"));
        QCOMPARE(grid->item(0, 2)->text(), QStringLiteral("Much"));
    }

    void kwlValueRoundTrips()
    {
        Window window(kwlSpec());
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        auto *grid = window.editor->findChild<QTableWidget *>(QStringLiteral("grid"));
        QSignalSpy changed(window.editor, &AnswerEditor::changed);
        const QJsonArray rows{kwlRow("Two lines\nof it", "More", ""), kwlRow("", "", ""), kwlRow("", "", "Done")};
        const QJsonObject value{{QStringLiteral("experience"), QStringLiteral("A little.")}, {QStringLiteral("rows"), rows}};
        window.editor->setValue(value);
        QCOMPARE(window.editor->value(), value);
        QJsonArray withEmptyEnd = rows;
        withEmptyEnd.append(kwlRow("", " ", ""));
        withEmptyEnd.append(kwlRow("", "", ""));
        window.editor->setValue({{QStringLiteral("experience"), QStringLiteral("A little.")}, {QStringLiteral("rows"), withEmptyEnd}});
        QCOMPARE(grid->rowCount(), 5);
        QCOMPARE(window.editor->value(), value);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(window.editor->undoStack()->count(), 0);

        window.editor->setValue({});
        QCOMPARE(grid->rowCount(), 1);
        QCOMPARE(window.editor->value(),
                 QJsonObject({{QStringLiteral("experience"), QString()}, {QStringLiteral("rows"), QJsonArray()}}));
        QCOMPARE(changed.size(), 0);
    }
};

QTEST_MAIN(TestKwlEditor)
#include "tst_gui_kwl_editor.moc"
