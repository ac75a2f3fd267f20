#include "AudienceWindow.h"
#include "ClickerKeyMap.h"
#include "ClickerTestDialog.h"
#include "PresentationKeySheet.h"
#include "PresentationSession.h"
#include "PresentingWindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>
#include <QWebEngineView>

#include <memory>

// Before and around the slides: Test Your Clicker, the key sheet (?), and the app started
// presenting from the command line (a facilitator's desktop shortcut).
class TestPresentationLaunch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void cleanup() { m_p.reset(); }

    void clickerTestAssignsAnOddButton()
    {
        m_p = std::make_unique<PresentingWindow>();
        QVERIFY(m_p->open());
        QAction *test = PresentingWindow::menuAction(m_p->window.viewMenu(), QStringLiteral("Test Your &Clicker…"));
        QVERIFY(test);
        test->trigger();
        ClickerTestDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_p->window.findChild<ClickerTestDialog *>()) && dialog->isVisible(), 5000);
        dialog->activateWindow();  // no window manager here to do it
        QTRY_VERIFY_WITH_TIMEOUT(QApplication::focusWidget() && dialog->isAncestorOf(QApplication::focusWidget()), 5000);
        QWidget *pad = QApplication::focusWidget();  // the dialog opens ready for a button press
        QTest::keyClick(pad, Qt::Key_PageDown);
        QVERIFY2(dialog->lastKeyText().contains(QStringLiteral("Next slide")), qPrintable(dialog->lastKeyText()));
        QTest::keyClick(pad, Qt::Key_Escape);  // a clicker's key, not the dialog's
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->lastKeyText().contains(QStringLiteral("End the presentation")), qPrintable(dialog->lastKeyText()));
        QTest::keyClick(pad, Qt::Key_F13);  // a button that sends something no presentation knows
        QVERIFY2(dialog->lastKeyText().contains(QStringLiteral("does nothing")), qPrintable(dialog->lastKeyText()));
        auto *choice = dialog->findChild<QComboBox *>();
        choice->setCurrentIndex(choice->findText(ClickerKeyMap::name(ClickerKeyMap::Action::Next)));
        PresentingWindow::button(dialog, QStringLiteral("&Use for This Button"))->click();
        dialog->close();

        // Remembered: the next presentation takes it as Next.
        m_p->window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&m_p->window));
        QTest::keyClick(&m_p->window, Qt::Key_F5);
        QVERIFY(waitForSlide(0));
        key(Qt::Key_F13);
        QVERIFY(waitForSlide(1));

        // ? shows the keys, with the clicker's own, on the laptop's window, never the wall's.
        key(Qt::Key_Question);
        PresentationKeySheet *sheet = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((sheet = m_p->window.findChild<PresentationKeySheet *>()) && sheet->isVisible(), 5000);
        QVERIFY(!session()->audience()->findChild<QDialog *>());
        QStringList rows;
        for (QTreeWidgetItem *item = sheet->findChild<QTreeWidget *>()->topLevelItem(0); item;
             item = sheet->findChild<QTreeWidget *>()->itemBelow(item))
            rows << item->text(0) + QLatin1Char('=') + item->text(1);
        QVERIFY2(rows.contains(QStringLiteral("F13 (your clicker)=Next slide")), qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY2(rows.contains(QStringLiteral("B or .=Black screen (any key returns)")), qPrintable(rows.join(QLatin1Char('\n'))));
        sheet->close();
        QSettings().remove(QStringLiteral("present/clickerKeys"));
    }

    void presentOptionStartsPresenting()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("xdotool")).isEmpty())
            QSKIP("xdotool is needed (scripts/dev test installs it)");
        QTemporaryDir home;
        QProcess app;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        app.setProcessEnvironment(environment);
        app.setProcessChannelMode(QProcess::ForwardedChannels);
        app.start(QStringLiteral(COURSEBOOK_APP_PATH), {QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR),
                                                        QStringLiteral("--data-dir"), home.filePath(QStringLiteral("data")),
                                                        QStringLiteral("--present"), QStringLiteral("getting-started")});
        QVERIFY(app.waitForStarted());
        QString slides;
        for (QDeadlineTimer deadline(60000); slides.isEmpty() && !deadline.hasExpired(); QTest::qWait(200))
            slides = xdotool({QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--name"), QStringLiteral("^Slides – ")});
        QVERIFY2(!slides.isEmpty(), "no slides window");
        xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), slides.section(QLatin1Char('\n'), 0, 0)});
        QTest::qWait(500);
        xdotool({QStringLiteral("key"), QStringLiteral("Escape")});
        QString still = slides;
        for (QDeadlineTimer deadline(10000); !still.isEmpty() && !deadline.hasExpired(); QTest::qWait(200))
            still = xdotool({QStringLiteral("search"), QStringLiteral("--onlyvisible"), QStringLiteral("--name"), QStringLiteral("^Slides – ")});
        QVERIFY2(still.isEmpty(), "Esc did not end the presentation");
        QCOMPARE(app.state(), QProcess::Running);  // back to the reading window
        app.terminate();
        QVERIFY(app.waitForFinished(20000));

        QProcess unknown;
        unknown.start(QStringLiteral(COURSEBOOK_APP_PATH), {QStringLiteral("--course"), QStringLiteral(BUNDLED_COURSE_DIR),
                                                            QStringLiteral("--data-dir"), home.filePath(QStringLiteral("data")),
                                                            QStringLiteral("--present"), QStringLiteral("no-such-module")});
        QVERIFY(unknown.waitForFinished(60000));
        QCOMPARE(unknown.exitCode(), 2);
        QVERIFY(QString::fromUtf8(unknown.readAllStandardError()).contains(QStringLiteral("no page or module \"no-such-module\"")));
    }

private:
    PresentationSession *session() const { return m_p->session(); }
    void key(int key) const { m_p->key(key); }
    bool waitForSlide(int index) const { return m_p->waitForSlide(index); }

    static QString xdotool(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral("xdotool"), arguments);
        process.waitForFinished(10000);
        return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    }

    std::unique_ptr<PresentingWindow> m_p;
};

int main(int argc, char *argv[])
{
    MainWindow::prepareApplication();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("coursebook-tests"));
    TestPresentationLaunch test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_presentation_launch.moc"
