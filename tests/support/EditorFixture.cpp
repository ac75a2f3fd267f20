#include "EditorFixture.h"

#include "AnswerEditorFactory.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QTest>
#include <QVBoxLayout>

namespace EditorFixture {

namespace {

QPoint cellCenter(QTableWidget *grid, int row, int column)
{
    return grid->visualRect(grid->model()->index(row, column)).center();
}

}  // namespace

ActivitySpec textSpec(ActivitySpec::Kind kind)
{
    ActivitySpec spec;
    spec.id = QStringLiteral("m/p#why");
    spec.kind = kind;
    spec.title = QStringLiteral("Why connect?");
    spec.promptText = QStringLiteral("Say why you connect with others.");
    spec.promptHtml = QStringLiteral("<p>Say why you connect with others.</p>");
    return spec;
}

ActivitySpec kwlSpec()
{
    ActivitySpec spec = textSpec(ActivitySpec::Kind::Kwl);
    spec.title = QStringLiteral("Networks");
    return spec;
}

Window::Window(const ActivitySpec &spec)
{
    auto *layout = new QVBoxLayout(&widget);
    before = new QLineEdit(&widget);
    before->setAccessibleName(QStringLiteral("before"));
    layout->addWidget(before);
    editor = AnswerEditorFactory::create(spec, &widget);
    layout->addWidget(editor);
    after = new QLineEdit(&widget);
    after->setAccessibleName(QStringLiteral("after"));
    layout->addWidget(after);
    widget.resize(720, 560);
    widget.show();
    widget.activateWindow();
}

QWidget *focused() { return QApplication::focusWidget(); }
QPlainTextEdit *cellEditor() { return qobject_cast<QPlainTextEdit *>(QApplication::focusWidget()); }

QPlainTextEdit *openCell(QTableWidget *grid, int row, int column)
{
    const QPoint center = cellCenter(grid, row, column);
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, center);
    QTest::mouseDClick(grid->viewport(), Qt::LeftButton, {}, center);
    QTest::mouseRelease(grid->viewport(), Qt::LeftButton, {}, center);
    QPlainTextEdit *editor = cellEditor();
    return editor && grid->isAncestorOf(editor) ? editor : nullptr;
}

void clickCell(QTableWidget *grid, int row, int column)
{
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, cellCenter(grid, row, column));
}

QPoint current(QTableWidget *grid) { return {grid->currentColumn(), grid->currentRow()}; }

}  // namespace EditorFixture
