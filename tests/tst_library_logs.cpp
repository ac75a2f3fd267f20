// Each library tells its story in its own logging category, quiet unless asked for
// (QT_LOGGING_RULES): what went wrong while loading a course is in coursebook.course, what
// a page gets wrong in coursebook.render, a refused answers file in coursebook.store.

#include "AnswerJson.h"
#include "CourseLoader.h"
#include "PageRenderer.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QTest>

namespace {
QMutex g_lock;
QStringList g_messages;  // "category|message"

void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker locker(&g_lock);
    g_messages << QStringLiteral("%1|%2").arg(QString::fromLatin1(context.category), message);
}

QStringList taken()
{
    QMutexLocker locker(&g_lock);
    return std::exchange(g_messages, {});
}
}  // namespace

class TestLibraryLogs : public QObject
{
    Q_OBJECT
private slots:
    void quietUnlessAskedFor()
    {
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        const Course course = CourseLoader::load(QStringLiteral(TESTDATA_DIR "/hostile"));
        qInstallMessageHandler(previous);
        QVERIFY(!course.diagnostics.isEmpty());
        const QStringList messages = taken();
        QVERIFY2(messages.filter(QStringLiteral("coursebook.")).isEmpty(), qPrintable(messages.join(QLatin1Char('\n'))));
    }

    void problemsGoToTheirLibrarysCategory()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("coursebook.*=true"));
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        const Course course = CourseLoader::load(QStringLiteral(TESTDATA_DIR "/hostile"));
        const PageRenderer renderer(course);
        Diagnostics rendered;
        for (const CoursePage *page : course.pages())
            rendered += renderer.render(*page).diagnostics;
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        const QStringList messages = taken();
        // Every problem of the course is in the log of the library that found it, once.
        for (const Diagnostic &d : course.diagnostics)
            QCOMPARE(messages.count(QStringLiteral("coursebook.course|") + d.toString()), 1);
        QVERIFY(!rendered.isEmpty());
        for (const Diagnostic &d : std::as_const(rendered))
            QVERIFY2(messages.contains(QStringLiteral("coursebook.render|") + d.toString()), qPrintable(d.toString()));
        QVERIFY(messages.filter(QStringLiteral("coursebook.render|")).join(QLatin1Char('\n')).contains(QLatin1String("broken link")));
    }

    void aRefusedAnswersFileIsInTheStoreLog()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("coursebook.*=true"));
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        QString courseId, error;
        QVector<Answer> answers;
        const bool read = AnswerJson::read("{\"format\": 12", &courseId, &answers, &error);
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(!read);
        const QStringList messages = taken().filter(QStringLiteral("coursebook.store|"));
        QCOMPARE(messages.size(), 1);
        QVERIFY2(messages.first().contains(error), qPrintable(messages.first()));
    }
};

QTEST_GUILESS_MAIN(TestLibraryLogs)
#include "tst_library_logs.moc"
