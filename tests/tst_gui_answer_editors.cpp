#include "AnswerEditor.h"
#include "AnswerEditorFactory.h"
#include "EditorFixture.h"
#include "KwlEditor.h"
#include "TextAnswerEditor.h"
#include "WorksheetEditor.h"

#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace EditorFixture;

// The answer editors driven with the keyboard and the mouse, as a learner would: the factory,
// reflection and response. The KWL chart's editor is in tst_gui_kwl_editor.cpp, the worksheet's in
// tst_gui_worksheet_editor.cpp.
class TestAnswerEditors : public QObject
{
    Q_OBJECT
private slots:
    void factoryMakesTheEditorOfEachKind()
    {
        QWidget parent;
        const std::unique_ptr<AnswerEditor> reflection(AnswerEditorFactory::create(textSpec(ActivitySpec::Kind::Reflection)));
        QVERIFY(qobject_cast<TextAnswerEditor *>(reflection.get()));
        const std::unique_ptr<AnswerEditor> response(AnswerEditorFactory::create(textSpec(ActivitySpec::Kind::Response)));
        QVERIFY(qobject_cast<TextAnswerEditor *>(response.get()));
        QVERIFY(qobject_cast<KwlEditor *>(AnswerEditorFactory::create(kwlSpec(), &parent)));
        QVERIFY(qobject_cast<WorksheetEditor *>(AnswerEditorFactory::create(textSpec(ActivitySpec::Kind::Worksheet), &parent)));
        QCOMPARE(parent.findChildren<AnswerEditor *>().size(), 2);
    }

    // --- Reflection and response ---

    void textEditorCountsWordsAndReportsEdits()
    {
        Window window(textSpec(ActivitySpec::Kind::Reflection));
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        auto *text = window.editor->findChild<QPlainTextEdit *>(QStringLiteral("text"));
        auto *count = window.editor->findChild<QLabel *>(QStringLiteral("wordCount"));
        QVERIFY(text && count);
        QCOMPARE(text->accessibleName(), QStringLiteral("Reflection: Why connect?"));
        QCOMPARE(text->accessibleDescription(), QStringLiteral("Say why you connect with others."));
        QCOMPARE(count->text(), QStringLiteral("0 words"));

        QSignalSpy changed(window.editor, &AnswerEditor::changed);
        QTest::mouseClick(text->viewport(), Qt::LeftButton);
        QTest::keyClicks(text, QStringLiteral("Hello"));
        QCOMPARE(count->text(), QStringLiteral("1 word"));
        QTest::keyClicks(text, QStringLiteral(" there,"));
        QTest::keyClick(text, Qt::Key_Return);
        QTest::keyClicks(text, QStringLiteral("wide   world"));
        QCOMPARE(count->text(), QStringLiteral("4 words"));
        QCOMPARE(window.editor->value(), QJsonObject({{QStringLiteral("text"), QStringLiteral("Hello there,\nwide   world")}}));
        QCOMPARE(changed.size(), 25);  // one a key

        // Tab is not typed: it goes on to the next input.
        QTest::keyClick(text, Qt::Key_Tab);
        QCOMPARE(focused(), window.after);
        QVERIFY(!text->toPlainText().contains(QLatin1Char('\t')));

        changed.clear();
        window.editor->setValue({{QStringLiteral("text"), QStringLiteral("Saved earlier")}});
        QCOMPARE(changed.size(), 0);
        QCOMPARE(count->text(), QStringLiteral("2 words"));
        QCOMPARE(text->toPlainText(), QStringLiteral("Saved earlier"));
        QCOMPARE(window.editor->undoStack()->count(), 0);
        window.editor->setValue({});
        QCOMPARE(window.editor->value(), QJsonObject({{QStringLiteral("text"), QString()}}));
        QCOMPARE(changed.size(), 0);
    }

    void textEditorUndoesWithTheKeysAndTheStack()
    {
        Window window(textSpec(ActivitySpec::Kind::Response));
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        auto *text = window.editor->findChild<QPlainTextEdit *>(QStringLiteral("text"));
        window.editor->setValue({{QStringLiteral("text"), QStringLiteral("Start.")}});
        text->setFocus();
        text->moveCursor(QTextCursor::End);
        QTest::keyClicks(text, QStringLiteral(" More"));
        QUndoStack *undo = window.editor->undoStack();
        QCOMPARE(undo->count(), 1);  // a run of typing is one step
        QSignalSpy changed(window.editor, &AnswerEditor::changed);

        while (undo->canUndo())
            QTest::keyClick(text, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(text->toPlainText(), QStringLiteral("Start."));  // not before what setValue showed
        QVERIFY(changed.size() > 0);
        QTest::keyClick(text, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        while (undo->canRedo())
            QTest::keyClick(text, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(text->toPlainText(), QStringLiteral("Start. More"));
        undo->undo();  // what the pane's Undo does
        QCOMPARE(text->toPlainText(), QStringLiteral("Start."));

        // The context menu's Redo steps the same history.
        emit text->customContextMenuRequested(QPoint(4, 4));
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        QAction *redo = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->text().startsWith(QLatin1String("&Redo")))
                redo = action;
        }
        QVERIFY(redo && redo->isEnabled());
        redo->trigger();
        menu->close();
        QCOMPARE(text->toPlainText(), QStringLiteral("Start. More"));
        QVERIFY(!undo->canRedo());
    }
};

QTEST_MAIN(TestAnswerEditors)
#include "tst_gui_answer_editors.moc"
