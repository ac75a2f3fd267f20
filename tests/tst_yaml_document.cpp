// A course's YAML is untrusted: front matter, _data/course.yml and _config.yml go through
// YamlDocument::parse, which must refuse cycles and alias bombs with a message an author
// understands, in bounded time and memory, and still read ordinary aliases.
#include "YamlDocument.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

class TestYamlDocument : public QObject
{
    Q_OBJECT
private slots:
    void ordinaryAliasesExpand();
    void refusesCycles_data();
    void refusesCycles();
    void refusesAliasBombQuickly();
    void countsValuesUpToTheLimit();
    void refusesDeepNesting_data();
    void refusesDeepNesting();
    void deepFlowIsRefusedBeforeParsing();
    void refusesLongText();
    void keysArePlainText();
};

namespace {
// Peak resident memory of this process since the last reset, in kB (Linux).
void resetPeakMemory()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
}

qint64 peakMemoryKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpression peak(QStringLiteral("^VmHWM:\\s+(\\d+) kB"), QRegularExpression::MultilineOption);
    return peak.match(QString::fromLatin1(status.readAll())).captured(1).toLongLong();
}

// Nine anchors, each a list of ten aliases of the one before: 10^9 strings if expanded.
QString billionLaughs()
{
    QString text = QStringLiteral("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char level = 'b'; level <= 'i'; ++level) {
        const QString name(QLatin1Char{level});
        const QString previous = QStringLiteral("*") + QLatin1Char(char(level - 1));
        text += QStringLiteral("%1: &%1 [%2]\n").arg(name, QStringList(10, previous).join(QLatin1String(", ")));
    }
    return text;
}
}  // namespace

void TestYamlDocument::ordinaryAliasesExpand()
{
    const YamlDocument::Result yaml = YamlDocument::parse(QStringLiteral(
        "defaults: &defaults\n  layout: page\n  tags: [kwl, sectionHead]\n"
        "first: *defaults\nsecond: *defaults\ntitle: &title Welcome\nheading: *title\n"));
    QVERIFY2(yaml.error.isEmpty(), qPrintable(yaml.error));
    const QVariantMap map = yaml.value.toMap();
    const QVariantMap expected{{QStringLiteral("layout"), QStringLiteral("page")},
                               {QStringLiteral("tags"), QVariantList{QStringLiteral("kwl"), QStringLiteral("sectionHead")}}};
    QCOMPARE(map.value(QStringLiteral("defaults")).toMap(), expected);
    QCOMPARE(map.value(QStringLiteral("first")).toMap(), expected);
    QCOMPARE(map.value(QStringLiteral("second")).toMap(), expected);
    QCOMPARE(map.value(QStringLiteral("heading")).toString(), QStringLiteral("Welcome"));
}

void TestYamlDocument::refusesCycles_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::newRow("self in a sequence") << QStringLiteral("title: Loops\nloop: &loop [1, *loop]\n") << 2;
    QTest::newRow("self in a map") << QStringLiteral("title: Loops\nnode: &node\n  name: x\n  next: *node\n") << 4;
    QTest::newRow("inner refers to outer")
        << QStringLiteral("outer: &outer\n  inner: &inner\n    - a\n    - back: *outer\n") << 4;
    QTest::newRow("block sequence") << QStringLiteral("&list\n- one\n- *list\n") << 3;
}

void TestYamlDocument::refusesCycles()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    const YamlDocument::Result yaml = YamlDocument::parse(text);
    QVERIFY2(yaml.error.contains(QLatin1String("refers to itself")), qPrintable(yaml.error));
    QCOMPARE(yaml.errorLine, line);
    QVERIFY(!yaml.value.isValid());
}

void TestYamlDocument::refusesAliasBombQuickly()
{
    resetPeakMemory();
    const qint64 memoryBefore = peakMemoryKb();
    QElapsedTimer timer;
    timer.start();
    const YamlDocument::Result yaml = YamlDocument::parse(billionLaughs());
    const qint64 elapsed = timer.elapsed();
    const qint64 grown = peakMemoryKb() - memoryBefore;
    QVERIFY2(yaml.error.contains(QLatin1String("more than 100000 values: likely an alias bomb")), qPrintable(yaml.error));
    QVERIFY2(yaml.errorLine >= 2 && yaml.errorLine <= 9, qPrintable(QString::number(yaml.errorLine)));
    QVERIFY2(elapsed < 5000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    QVERIFY2(grown < 100 * 1024, qPrintable(QStringLiteral("peak memory grew by %1 MB").arg(grown / 1024)));
}

// The limit counts every value, aliases expanded: a list holding 99 999 items is 100 000 values.
void TestYamlDocument::countsValuesUpToTheLimit()
{
    const QString item = QStringLiteral("- x\n");
    const YamlDocument::Result atLimit = YamlDocument::parse(item.repeated(YamlDocument::kMaxValues - 1));
    QVERIFY2(atLimit.error.isEmpty(), qPrintable(atLimit.error));
    QCOMPARE(atLimit.value.toList().size(), YamlDocument::kMaxValues - 1);

    const YamlDocument::Result over = YamlDocument::parse(item.repeated(YamlDocument::kMaxValues));
    QVERIFY2(over.error.contains(QLatin1String("holds more than 100000 values")), qPrintable(over.error));
    QCOMPARE(over.errorLine, YamlDocument::kMaxValues);

    // Through aliases: 1 + 3 x (1 + 40 000) values.
    const QString reused = QStringLiteral("big: &big [%1]\nagain: [*big, *big]\n").arg(QStringList(40000, QStringLiteral("x")).join(QLatin1Char(',')));
    const YamlDocument::Result aliased = YamlDocument::parse(reused);
    QVERIFY2(aliased.error.contains(QLatin1String("alias bomb")), qPrintable(aliased.error));
    QCOMPARE(aliased.errorLine, 2);
}

void TestYamlDocument::refusesDeepNesting_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("refused");
    const int limit = YamlDocument::kMaxDepth;
    QTest::newRow("flow, at the limit") << QString(limit, QLatin1Char('[')) + QString(limit, QLatin1Char(']')) << false;
    QTest::newRow("flow, one deeper") << QString(limit + 1, QLatin1Char('[')) + QString(limit + 1, QLatin1Char(']')) << true;
    QTest::newRow("flow, 100 000 deep") << QString(100000, QLatin1Char('[')) + QString(100000, QLatin1Char(']')) << true;
    QTest::newRow("flow maps, 100 000 deep")
        << QStringLiteral("{a: ").repeated(100000) + QLatin1Char('1') + QString(100000, QLatin1Char('}')) << true;
    QString block;
    for (int level = 0; level <= limit; ++level)
        block += QString(level, QLatin1Char(' ')) + QStringLiteral("k:\n");
    QTest::newRow("block maps, one deeper") << block << true;
    // An alias adds its value's own depth where it is used.
    const QString deep = QString(40, QLatin1Char('[')) + QString(40, QLatin1Char(']'));
    QTest::newRow("alias, deeper where used") << QStringLiteral("a: &a %1\nb: %2*a%3\n").arg(deep, QString(30, QLatin1Char('[')), QString(30, QLatin1Char(']'))) << true;
}

void TestYamlDocument::refusesDeepNesting()
{
    QFETCH(QString, text);
    QFETCH(bool, refused);
    QElapsedTimer timer;
    timer.start();
    const YamlDocument::Result yaml = YamlDocument::parse(text);
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QStringLiteral("took %1 ms").arg(timer.elapsed())));
    if (refused)
        QVERIFY2(yaml.error.contains(QLatin1String("nested more than 64 levels deep")), qPrintable(yaml.error));
    else
        QVERIFY2(yaml.error.isEmpty(), qPrintable(yaml.error));
}

// yaml-cpp reads a flow collection whole before its first value (some 250 bytes a bracket):
// deep flow nesting is refused from the text, before yaml-cpp holds it.
void TestYamlDocument::deepFlowIsRefusedBeforeParsing()
{
    const QString text = QStringLiteral("title: deep\nvalue: ") + QString(YamlDocument::kMaxBytes - 20, QLatin1Char('['));
    resetPeakMemory();
    const qint64 memoryBefore = peakMemoryKb();
    const YamlDocument::Result yaml = YamlDocument::parse(text);
    const qint64 grown = peakMemoryKb() - memoryBefore;
    QVERIFY2(yaml.error.contains(QLatin1String("nested more than 64 levels deep")), qPrintable(yaml.error));
    QCOMPARE(yaml.errorLine, 2);
    QVERIFY2(grown < 20 * 1024, qPrintable(QStringLiteral("peak memory grew by %1 MB").arg(grown / 1024)));
}

// Ten megabytes of "[a,a,...": yaml-cpp alone took 1.4 GB and 14 s to refuse it.
void TestYamlDocument::refusesLongText()
{
    const QString atLimit = QStringLiteral("key: ") + QString(YamlDocument::kMaxBytes - 5, QLatin1Char('x'));
    const YamlDocument::Result read = YamlDocument::parse(atLimit);
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.value.toMap().value(QStringLiteral("key")).toString().size(), YamlDocument::kMaxBytes - 5);

    const QString huge = QLatin1Char('[') + QStringLiteral("a,").repeated(5 * 1024 * 1024) + QLatin1Char(']');
    resetPeakMemory();
    const qint64 memoryBefore = peakMemoryKb();
    QElapsedTimer timer;
    timer.start();
    const YamlDocument::Result yaml = YamlDocument::parse(huge);
    const qint64 elapsed = timer.elapsed();
    const qint64 grown = peakMemoryKb() - memoryBefore;
    QVERIFY2(yaml.error.contains(QLatin1String("longer than 512 KB")), qPrintable(yaml.error));
    QCOMPARE(yaml.errorLine, 1);
    QVERIFY2(elapsed < 5000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    QVERIFY2(grown < 100 * 1024, qPrintable(QStringLiteral("peak memory grew by %1 MB").arg(grown / 1024)));
}

void TestYamlDocument::keysArePlainText()
{
    const YamlDocument::Result yaml = YamlDocument::parse(QStringLiteral("ok: 1\n? [a, b]\n: value\n"));
    QVERIFY2(yaml.error.contains(QLatin1String("key must be plain text")), qPrintable(yaml.error));
    QCOMPARE(yaml.errorLine, 2);
    QCOMPARE(YamlDocument::parse(QStringLiteral("~: nothing\n")).value.toMap().value(QStringLiteral("null")).toString(), QStringLiteral("nothing"));
}

QTEST_GUILESS_MAIN(TestYamlDocument)
#include "tst_yaml_document.moc"
