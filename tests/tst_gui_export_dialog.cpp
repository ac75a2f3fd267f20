#include "ExportWorksheetDialog.h"

#include <QComboBox>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

// File ▸ Export Worksheet…, driven with the mouse and keyboard.
class TestExportDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void choicesAreIndependentAndRemembered()
    {
        const QVector<ExportWorksheetDialog::Choice> choices{
            {QStringLiteral("The whole workbook"), {ExportScope::Kind::Course, QString()}},
            {QStringLiteral("Activity: KWL"), {ExportScope::Kind::Activity, QStringLiteral("kwl-course")}}};
        {
            ExportWorksheetDialog dialog(choices, 1);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QCOMPARE(dialog.scope().toString(), QStringLiteral("activity:kwl-course"));
            auto radio = [&](const QString &text) {
                for (QRadioButton *button : dialog.findChildren<QRadioButton *>()) {
                    if (button->text().remove(QLatin1Char('&')).startsWith(text))
                        return button;
                }
                return static_cast<QRadioButton *>(nullptr);
            };
            // One format and one content choice, always: the two groups do not exclude each other.
            QVERIFY(radio(QStringLiteral("Word"))->isChecked());
            QVERIFY(radio(QStringLiteral("With my answers"))->isChecked());
            QVERIFY(!dialog.pdf() && !dialog.blank());
            auto *pageSize = dialog.findChild<QComboBox *>(QString(), Qt::FindDirectChildrenOnly);
            // On the indicator, as a person clicks: a stretched button's middle is not clickable.
            const auto click = [](QRadioButton *button) { QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(6, button->height() / 2)); };
            click(radio(QStringLiteral("Blank")));
            QVERIFY(dialog.blank());
            QVERIFY(radio(QStringLiteral("Word"))->isChecked());  // unaffected
            click(radio(QStringLiteral("PDF")));
            QVERIFY(dialog.pdf());
            QVERIFY(radio(QStringLiteral("Blank"))->isChecked());  // unaffected
            QVERIFY(pageSize);
            auto *learner = dialog.findChild<QLineEdit *>();
            QTest::keyClicks(learner, QStringLiteral("Zoe Odegard"));
            dialog.accept();
        }
        ExportWorksheetDialog again(choices, 0);
        QCOMPARE(again.learner(), QStringLiteral("Zoe Odegard"));
        QVERIFY(again.pdf());       // the format is remembered
        QVERIFY(!again.blank());    // a blank handout is chosen each time on purpose
        QCOMPARE(again.scope().toString(), QStringLiteral("course"));
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_gui_export_dialog.moc"
